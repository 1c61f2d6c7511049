// Stable text keys for "where" (national, a branch group, a sub-branch) and "what" (a goal or sub-problem).

export interface Scope {
  branchGroup: string | null;
  subBranch: string | null;
}

export interface Problem {
  goal: string;
  subProblem: string | null;
}

/** `national`, `branch:<group>` or `branch:<group>/<sub-branch>`. */
export function scopeKey(scope: Scope): string {
  if (scope.branchGroup === null) return 'national';
  return scope.subBranch === null
    ? `branch:${scope.branchGroup}`
    : `branch:${scope.branchGroup}/${scope.subBranch}`;
}

/** A scope and a problem together: one target per key. */
export function scopeProblemKey(scope: Scope, problem: Problem): string {
  const what = problem.subProblem === null ? problem.goal : `${problem.goal}/${problem.subProblem}`;
  return `${scopeKey(scope)}|${what}`;
}
