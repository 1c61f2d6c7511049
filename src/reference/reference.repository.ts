// SQL for the reference tables: seeding the shipped facts and looking codes up.
import type { Db, Tx } from '../db/connect.js';
import { bumpDataVersion } from '../db/meta.js';
import type { Classification, ReferenceData } from './reference.data.js';
import { scopeProblemKey } from './scope.js';

type Handle = Db | Tx;

export interface SeedCounts {
  [table: string]: number;
}

async function idsByCode(
  db: Handle,
  table: 'goal' | 'subProblem' | 'bfa' | 'mainGroup' | 'branchGroup' | 'subBranch',
): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(['id', 'code']).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

function need(map: Map<string, number>, code: string, what: string): number {
  const id = map.get(code);
  if (id === undefined) throw new Error(`Reference data names an unknown ${what} "${code}"`);
  return id;
}

/**
 * Insert every shipped fact that is not yet in the database. Rows already there are left as they are:
 * the secretariat corrects reference data through the product, and a re-seed must not undo that.
 */
export async function seedReference(db: Handle, data: ReferenceData): Promise<SeedCounts> {
  const counts: SeedCounts = {};
  const count = (table: string, n: bigint | number | undefined) => {
    counts[table] = (counts[table] ?? 0) + Number(n ?? 0);
  };

  for (const goal of data.goals) {
    const { subProblems: _subProblems, no, ...fields } = goal;
    const result = await db
      .insertInto('goal')
      .values({ id: no, ...fields })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    count('goal', result.numInsertedOrUpdatedRows);
  }
  const goalIds = await idsByCode(db, 'goal');
  for (const goal of data.goals) {
    for (const sub of goal.subProblems) {
      const result = await db
        .insertInto('subProblem')
        .values({ goalId: need(goalIds, goal.code, 'goal'), ...sub })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      count('subProblem', result.numInsertedOrUpdatedRows);
    }
  }

  for (const bfa of data.bfas) {
    const result = await db
      .insertInto('bfa')
      .values(bfa)
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    count('bfa', result.numInsertedOrUpdatedRows);
  }

  for (const [index, group] of data.mainGroups.entries()) {
    const result = await db
      .insertInto('mainGroup')
      .values({ ...group, sortOrder: index + 1 })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    count('mainGroup', result.numInsertedOrUpdatedRows);
  }

  const mainGroupIds = await idsByCode(db, 'mainGroup');
  for (const [index, group] of data.branchGroups.entries()) {
    const { owners: _owners, mainGroup, ...fields } = group;
    const result = await db
      .insertInto('branchGroup')
      .values({ ...fields, mainGroupId: need(mainGroupIds, mainGroup, 'main group'), sortOrder: index + 1 })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    count('branchGroup', result.numInsertedOrUpdatedRows);
  }

  const branchIds = await idsByCode(db, 'branchGroup');
  const bfaIds = await idsByCode(db, 'bfa');
  for (const group of data.branchGroups) {
    for (const owner of group.owners) {
      const result = await db
        .insertInto('branchGroupOwner')
        .values({
          branchGroupId: need(branchIds, group.code, 'branch group'),
          bfaId: need(bfaIds, owner.bfa, 'BFA'),
          basis: owner.basis,
          note: owner.note,
        })
        .onConflict((oc) => oc.columns(['branchGroupId', 'bfaId']).doNothing())
        .executeTakeFirst();
      count('branchGroupOwner', result.numInsertedOrUpdatedRows);
    }
  }

  for (const sub of data.subBranches) {
    const { branchGroup, ...fields } = sub;
    const result = await db
      .insertInto('subBranch')
      .values({ ...fields, branchGroupId: need(branchIds, branchGroup, 'branch group') })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    count('subBranch', result.numInsertedOrUpdatedRows);
  }

  const subBranchIds = await idsByCode(db, 'subBranch');
  const subProblemIds = await idsByCode(db, 'subProblem');
  for (const row of data.branchProblems) {
    const result = await db
      .insertInto('branchProblem')
      .values({
        scopeKey: scopeProblemKey(row, row),
        branchGroupId: need(branchIds, row.branchGroup, 'branch group'),
        subBranchId: row.subBranch === null ? null : need(subBranchIds, row.subBranch, 'sub-branch'),
        goalId: need(goalIds, row.goal, 'goal'),
        subProblemId: row.subProblem === null ? null : need(subProblemIds, row.subProblem, 'sub-problem'),
        columnReading: row.columnReading,
        bfaId: row.bfa === null ? null : need(bfaIds, row.bfa, 'BFA'),
        sourceUrl: row.sourceUrl,
        caveat: row.caveat,
      })
      .onConflict((oc) => oc.column('scopeKey').doNothing())
      .executeTakeFirst();
    count('branchProblem', result.numInsertedOrUpdatedRows);
  }

  for (const row of data.industryCodes) {
    const result = await db
      .insertInto('industryCode')
      .values({
        classification: row.classification,
        code: row.code,
        branchGroupId: need(branchIds, row.branchGroup, 'branch group'),
        subBranchId: row.subBranch === null ? null : need(subBranchIds, row.subBranch, 'sub-branch'),
        sourceUrl: row.sourceUrl,
        caveat: row.caveat,
      })
      .onConflict((oc) => oc.columns(['classification', 'code']).doNothing())
      .executeTakeFirst();
    count('industryCode', result.numInsertedOrUpdatedRows);
  }
  if (Object.values(counts).some((n) => n > 0)) await bumpDataVersion(db);
  return counts;
}

export async function findGoal(db: Handle, code: string) {
  return db.selectFrom('goal').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findSubProblem(db: Handle, code: string) {
  return db.selectFrom('subProblem').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findBranchGroup(db: Handle, code: string) {
  return db.selectFrom('branchGroup').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findSubBranch(db: Handle, code: string) {
  return db.selectFrom('subBranch').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findBfa(db: Handle, code: string) {
  return db.selectFrom('bfa').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listBfas(db: Handle) {
  return db.selectFrom('bfa').selectAll().orderBy('code').execute();
}

export async function listGoals(db: Handle) {
  return db.selectFrom('goal').selectAll().orderBy('id').execute();
}

export async function listBranchProblems(db: Handle) {
  return db
    .selectFrom('branchProblem')
    .innerJoin('branchGroup', 'branchGroup.id', 'branchProblem.branchGroupId')
    .leftJoin('subBranch', 'subBranch.id', 'branchProblem.subBranchId')
    .innerJoin('goal', 'goal.id', 'branchProblem.goalId')
    .leftJoin('subProblem', 'subProblem.id', 'branchProblem.subProblemId')
    .leftJoin('bfa', 'bfa.id', 'branchProblem.bfaId')
    .select([
      'branchProblem.id',
      'branchProblem.scopeKey',
      'branchGroup.code as branchGroup',
      'subBranch.code as subBranch',
      'goal.code as goal',
      'subProblem.code as subProblem',
      'bfa.code as bfa',
      'branchProblem.columnReading',
      'branchProblem.caveat',
    ])
    .orderBy('branchProblem.id')
    .execute();
}

/**
 * The branch group (and sub-branch) for an industry code: the longest stored prefix of the code wins,
 * since the mapping is kept at the coarsest level where it is unambiguous.
 */
export async function lookupIndustryCode(db: Handle, classification: Classification, industryCode: string) {
  const digits = industryCode.replace(/\D/g, '');
  if (digits.length < 2) return undefined;
  const prefixes = Array.from({ length: digits.length - 1 }, (_, i) => digits.slice(0, i + 2));
  return db
    .selectFrom('industryCode')
    .innerJoin('branchGroup', 'branchGroup.id', 'industryCode.branchGroupId')
    .leftJoin('subBranch', 'subBranch.id', 'industryCode.subBranchId')
    .select([
      'industryCode.classification',
      'industryCode.code',
      'industryCode.caveat',
      'branchGroup.code as branchGroup',
      'subBranch.code as subBranch',
    ])
    .where('industryCode.classification', '=', classification)
    .where('industryCode.code', 'in', prefixes)
    .orderBy((eb) => eb.fn('length', ['industryCode.code']), 'desc')
    .executeTakeFirst();
}

/** Every industry code of one classification mapped to a branch group (shipped or mapped by a steward). */
export async function listIndustryCodeMappings(db: Handle, classification: Classification) {
  return db
    .selectFrom('industryCode')
    .innerJoin('branchGroup', 'branchGroup.id', 'industryCode.branchGroupId')
    .select(['industryCode.code as code', 'branchGroup.code as branchGroup'])
    .where('industryCode.classification', '=', classification)
    .orderBy('industryCode.code')
    .execute();
}

/** Every branch group with its main group, its BFA owners and its sub-branches, in display order. */
export async function listBranchGroups(db: Handle) {
  const [groups, owners, subBranches] = await Promise.all([
    db
      .selectFrom('branchGroup')
      .innerJoin('mainGroup', 'mainGroup.id', 'branchGroup.mainGroupId')
      .select([
        'branchGroup.id as id',
        'branchGroup.code as code',
        'branchGroup.nameDa as nameDa',
        'branchGroup.nameEn as nameEn',
        'branchGroup.caveat as caveat',
        'mainGroup.code as mainGroupCode',
        'mainGroup.nameDa as mainGroupNameDa',
        'mainGroup.nameEn as mainGroupNameEn',
      ])
      .orderBy('mainGroup.sortOrder')
      .orderBy('branchGroup.sortOrder')
      .execute(),
    db
      .selectFrom('branchGroupOwner')
      .innerJoin('bfa', 'bfa.id', 'branchGroupOwner.bfaId')
      .select([
        'branchGroupOwner.branchGroupId as branchGroupId',
        'bfa.code as code',
        'bfa.short as short',
        'bfa.nameDa as nameDa',
        'bfa.nameEn as nameEn',
        'branchGroupOwner.basis as basis',
      ])
      .execute(),
    db
      .selectFrom('subBranch')
      .select(['branchGroupId', 'code', 'nameDa', 'nameEn'])
      .orderBy('code')
      .execute(),
  ]);
  return groups.map((group) => ({
    ...group,
    owners: owners.filter((owner) => owner.branchGroupId === group.id),
    subBranches: subBranches.filter((sub) => sub.branchGroupId === group.id),
  }));
}
