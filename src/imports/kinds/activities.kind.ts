// Import kind `activities`: a BFA's list of activities from its own spreadsheet (Danish or English headers). Each row
// becomes a draft activity (version 1) with its branch groups, sub-branches and targets, written through `write`
// because the links need the activity's id; the batch id on each activity lets a rollback remove them (the links go
// with them). Activities have no natural key: BFA + title + start date finds a row repeated in the file or already
// stored, and stored activities are never replaced by an import.
import { conflict } from '../../errors.js';
import { keepVersion } from '../../work/versioned.js';
import { YEAR_BOUNDS } from '../import-settings.js';
import { bilingual, issue, type Text } from '../texts.js';
import {
  batchActivitiesTouched,
  deleteBatchActivityVersions,
  insertActivity,
  insertActivityLinks,
} from './activities.repository.js';
import { type ActivityLinks, type ActivityRow, buildActivity } from './activity-row.js';
import type { KindDefinition, WriteContext } from './kind.js';

/** The largest count and amount an activity may hold (as the activity form takes them). */
const MAX_COUNT = 2_000_000_000;
const MAX_DKK = 1_000_000_000_000;

const count = (name: string, aliases: string[]) =>
  ({ name, type: 'integer', required: false, aliases, min: 0, max: MAX_COUNT }) as const;

/** Columns in `build`'s order: the activity's own (snake_case), then its links as JSON. */
const COLUMNS = [
  'bfa_id',
  'title',
  'period_start',
  'activity_type',
  'period_end',
  'planned_workplaces',
  'planned_participants',
  'reached_workplaces',
  'reached_participants',
  'cost_dkk',
  'funding_pool_id',
  'campaign_id',
  'status',
  'notes',
  'links',
];

export const activitiesKind: KindDefinition = {
  kind: 'activities',
  table: 'workActivity',
  fields: [
    { name: 'bfa', type: 'text', required: true, aliases: ['bfa', 'branchefaellesskab', 'bfa_kode'] },
    { name: 'title', type: 'text', required: true, aliases: ['titel', 'title', 'aktivitet', 'activity'] },
    { name: 'type', type: 'text', required: true, aliases: ['type', 'aktivitetstype', 'activity_type'] },
    {
      name: 'branches',
      type: 'text',
      required: true,
      aliases: ['branchegrupper', 'branchegruppe', 'branch_groups', 'branch_group', 'branches'],
    },
    {
      name: 'subBranches',
      type: 'text',
      required: false,
      aliases: ['underbrancher', 'underbranche', 'sub_branches', 'sub_branch'],
    },
    { name: 'targets', type: 'text', required: false, aliases: ['maaltal', 'maal', 'targets', 'target_ids'] },
    {
      name: 'start',
      type: 'date',
      required: true,
      aliases: ['start', 'startdato', 'start_date', 'period_start', 'fra'],
      ...YEAR_BOUNDS,
    },
    {
      name: 'end',
      type: 'date',
      required: false,
      aliases: ['slut', 'slutdato', 'end', 'end_date', 'period_end', 'til'],
      ...YEAR_BOUNDS,
    },
    count('plannedWorkplaces', ['planlagte_arbejdspladser', 'planned_workplaces']),
    count('plannedParticipants', ['planlagte_deltagere', 'planned_participants']),
    count('reachedWorkplaces', ['naaede_arbejdspladser', 'reached_workplaces']),
    count('reachedParticipants', ['naaede_deltagere', 'reached_participants']),
    {
      name: 'cost',
      type: 'number',
      required: false,
      aliases: ['omkostning_kr', 'omkostning', 'omkostninger', 'cost_dkk', 'cost'],
      min: 0,
      max: MAX_DKK,
    },
    { name: 'pool', type: 'text', required: false, aliases: ['pulje', 'funding_pool', 'pool'] },
    { name: 'campaign', type: 'text', required: false, aliases: ['kampagne', 'campaign'] },
    { name: 'status', type: 'text', required: true, aliases: ['status'] },
    { name: 'notes', type: 'text', required: false, aliases: ['noter', 'bemaerkninger', 'notes'] },
  ],
  columns: COLUMNS,
  keyColumns: ['bfa_id', 'title', 'period_start'],
  keyFields: ['bfa', 'title', 'start'],
  keepStored: {
    replaceRefused: bilingual(
      'activities are never replaced by an import: roll back the earlier import, or change the activities in the editor area',
      'aktiviteter erstattes aldrig ved import: rul den tidligere import tilbage, eller ret aktiviteterne i redaktionen',
    ),
    alreadyStored: bilingual(
      'an activity of this BFA with this title and start date is already stored',
      'der findes allerede en aktivitet for denne BFA med samme titel og startdato',
    ),
  },
  bfaScoped: true,
  build: buildActivity,
  async write(tx, rows, context) {
    const branches: { activityId: number; branchGroupId: number; subBranchId: number | null }[] = [];
    const targets: { activityId: number; targetId: number }[] = [];
    for (const { values } of rows) {
      const row = values as ActivityRow;
      const id = await insertActivity(tx, activityRecord(row, context));
      const links = JSON.parse(row[14]) as ActivityLinks;
      for (const [branchGroupId, , subBranchId] of links.branches)
        branches.push({ activityId: id, branchGroupId, subBranchId });
      for (const targetId of links.targets) targets.push({ activityId: id, targetId });
      const at = context.now().toISOString();
      await keepVersion(tx, 'work_activity', id, {
        version: 1,
        state: stateOf(row, links),
        at,
        by: context.user,
      });
    }
    await insertActivityLinks(tx, branches, targets);
    return [];
  },
  async beforeRollback(tx, batchId) {
    const touched = await batchActivitiesTouched(tx, batchId);
    if (touched.length > 0) throw touchedSinceImport(batchId, touched);
    await deleteBatchActivityVersions(tx, batchId);
  },
};

function activityRecord(row: ActivityRow, context: WriteContext) {
  const at = context.now().toISOString();
  return {
    bfaId: row[0],
    title: row[1],
    periodStart: row[2],
    activityType: row[3],
    periodEnd: row[4],
    plannedWorkplaces: row[5],
    plannedParticipants: row[6],
    reachedWorkplaces: row[7],
    reachedParticipants: row[8],
    costDkk: row[9],
    fundingPoolId: row[10],
    campaignId: row[11],
    status: row[12],
    notes: row[13],
    batchId: context.batchId,
    published: 0 as const,
    publishedAt: null,
    version: 1,
    createdAt: at,
    createdBy: context.user,
    updatedAt: at,
    updatedBy: context.user,
    isDemo: 0 as const,
  };
}

const sorted = <T extends string | number>(values: T[]) =>
  [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The activity's editable state as its history keeps it (version 1): the shape of `activityState`
 *  (work/activities.model.ts) for a new draft without evidence. */
function stateOf(row: ActivityRow, links: ActivityLinks) {
  return {
    bfa: links.bfa,
    title: row[1],
    type: row[3],
    branchGroups: sorted(links.branches.map((link) => link[1])),
    subBranches: sorted(links.branches.flatMap((link) => (link[3] === null ? [] : [link[3]]))),
    targets: sorted(links.targets),
    periodStart: row[2],
    periodEnd: row[4],
    plannedWorkplaces: row[5],
    plannedParticipants: row[6],
    reachedWorkplaces: row[7],
    reachedParticipants: row[8],
    costDkk: row[9],
    fundingPool: row[10],
    campaign: row[11],
    status: row[12],
    notes: row[13],
    published: false,
    evidence: [],
  };
}

function touchedSinceImport(batchId: number, ids: number[]) {
  const list = ids.join(', ');
  const message: Text = bilingual(
    `activities ${list} were changed, published or given evidence since this import`,
    `aktivitet nr. ${list} er ændret, offentliggjort eller har fået dokumentation siden denne import`,
  );
  return conflict(`Batch ${batchId} cannot be rolled back: its activities were changed since`, [
    issue('batch', message),
  ]);
}
