// Import kind `targets`: bulk revisions of existing targets; each row adds a revision through the same rules
// as `maaltal targets revise` (history kept, target year after baseline year, percentages ≤ 100).
import { conflict } from '../../errors.js';
import { scopeProblemKey } from '../../reference/scope.js';
import { setRevisionBatch, targetsRevisedAfterBatch } from '../../targets/targets.repository.js';
import { reviseTargetSchema } from '../../targets/targets.schemas.js';
import { reviseTarget } from '../../targets/targets.service.js';
import { zodIssues } from '../../validation.js';
import { YEAR_BOUNDS } from '../import-settings.js';
import { bilingual, fromEnglish, issue, type Text } from '../texts.js';
import type { KindDefinition } from './kind.js';

const FIELDS = [
  'indicator',
  'baselineYear',
  'baselineValue',
  'targetYear',
  'targetValue',
  'owner',
  'status',
  'notes',
  'reason',
] as const;

export const targetsKind: KindDefinition = {
  kind: 'targets',
  table: 'targetRevision',
  fields: [
    {
      name: 'target',
      type: 'integer',
      required: false,
      aliases: ['maal_id', 'target_id', 'target', 'id'],
      min: 1,
    },
    { name: 'branch', type: 'code', required: false, aliases: ['branchegruppe', 'branch_group', 'branch'] },
    { name: 'subBranch', type: 'code', required: false, aliases: ['underbranche', 'sub_branch'] },
    { name: 'goal', type: 'code', required: false, aliases: ['maal', 'nationalt_maal', 'goal'] },
    { name: 'subProblem', type: 'code', required: false, aliases: ['delproblem', 'sub_problem'] },
    { name: 'indicator', type: 'code', required: false, aliases: ['indikator', 'indicator'] },
    {
      name: 'baselineYear',
      type: 'year',
      required: false,
      aliases: ['basisaar', 'baseline_year'],
      ...YEAR_BOUNDS,
    },
    {
      name: 'baselineValue',
      type: 'number',
      required: false,
      aliases: ['basisvaerdi', 'udgangspunkt', 'baseline_value'],
      min: 0,
    },
    {
      name: 'targetYear',
      type: 'year',
      required: false,
      aliases: ['maalaar', 'target_year'],
      ...YEAR_BOUNDS,
    },
    {
      name: 'targetValue',
      type: 'number',
      required: false,
      aliases: ['maaltal', 'maalvaerdi', 'target_value'],
      min: 0,
    },
    { name: 'owner', type: 'code', required: false, aliases: ['bfa', 'ejer', 'owner'] },
    { name: 'status', type: 'code', required: false, aliases: ['status'] },
    { name: 'notes', type: 'text', required: false, aliases: ['noter', 'bemaerkninger', 'notes'] },
    { name: 'reason', type: 'text', required: true, aliases: ['begrundelse', 'aarsag', 'reason'] },
  ],
  columns: ['target_id', 'changes'],
  keyColumns: [],
  keyFields: [],
  build(values, lookups, report, typed) {
    let id: number | undefined;
    if (typeof values.target === 'number') {
      id = lookups.target(values.target);
      if (id === undefined)
        report(
          'target',
          bilingual(`target ${values.target} does not exist`, `måltal nr. ${typed('target')} findes ikke`),
        );
    } else if (typeof values.goal === 'string') {
      const key = scopeProblemKey(
        {
          branchGroup: (values.branch as string | null) ?? null,
          subBranch: (values.subBranch as string | null) ?? null,
        },
        { goal: values.goal, subProblem: (values.subProblem as string | null) ?? null },
      );
      id = lookups.target(key);
      if (id === undefined)
        report('goal', bilingual(`no target for ${key}`, `der er intet måltal for ${key}`));
    } else {
      report(
        'target',
        bilingual(
          'name the target by id, or by branch and goal',
          'angiv måltallet med dets id eller med branche og mål',
        ),
      );
    }
    if (id === undefined) return undefined;
    const changes = Object.fromEntries(FIELDS.filter((f) => values[f] !== null).map((f) => [f, values[f]]));
    return [id, changes];
  },
  async write(tx, rows, context) {
    const problems: { row: number; field: string; message: Text }[] = [];
    const seen = new Map<number, number>();
    for (const { row, values } of rows) {
      const [targetId, changes] = values as [number, Record<string, unknown>];
      const first = seen.get(targetId);
      if (first !== undefined) {
        problems.push({
          row,
          field: 'target',
          message: bilingual(
            `revises target ${targetId} again (first in row ${first})`,
            `reviderer måltal nr. ${targetId} igen (første gang i række ${first})`,
          ),
        });
        continue;
      }
      seen.set(targetId, row);
      const parsed = reviseTargetSchema.safeParse(changes);
      if (!parsed.success) {
        for (const found of zodIssues(parsed.error))
          problems.push({ row, field: found.field, message: fromEnglish(found.message) });
        continue;
      }
      try {
        const revised = await reviseTarget(tx, targetId, parsed.data, {
          user: context.user,
          now: context.now,
        });
        await setRevisionBatch(tx, targetId, revised.revision.number, context.batchId);
      } catch (error) {
        const issues = (error as { issues?: { field: string; message: string; messageDa?: string }[] })
          .issues;
        if (issues === undefined) throw error;
        for (const found of issues) {
          const message =
            found.messageDa === undefined
              ? fromEnglish(found.message)
              : bilingual(found.message, found.messageDa);
          problems.push({ row, field: found.field, message });
        }
      }
    }
    return problems;
  },
  async beforeRollback(tx, batchId) {
    const later = await targetsRevisedAfterBatch(tx, batchId);
    if (later.length > 0) {
      const ids = later.join(', ');
      throw conflict(`Batch ${batchId} cannot be rolled back: its targets were revised again since`, [
        issue(
          'batch',
          bilingual(
            `targets ${ids} have later revisions`,
            `måltal nr. ${ids} er revideret igen siden denne import`,
          ),
        ),
      ]);
    }
  },
};
