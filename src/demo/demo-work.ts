// Generates the demo of the BFAs' work from a seed (pure, no I/O): funding pools with shares, campaigns, about 300
// activities over 2021–2025 on the branch groups and targets of their BFA, the five senior-retention pilots, workplace
// counts per branch group and year, and the council's recommendations with follow-up. Every row is flagged demo and
// stamped with fixed times, so the same seed and facts always give the same rows.
import type { ActivityStatus, ActivityType, Flag, FollowUpStatus, PilotDesign } from '../db/schema.js';
import {
  CAMPAIGNS,
  type CampaignSpec,
  PILOT_DESCRIPTION,
  PILOT_PERIOD,
  PILOTS,
  POOLS,
  RECOMMENDATIONS,
  type RecommendationSpec,
} from './demo-work-records.js';
import {
  BFA_TOPIC_WEIGHTS,
  BRANCH_PHRASES,
  DESK_GROUPS,
  NOT_AT_DESKS,
  NOTE_POINTS,
  TITLE_PATTERNS,
  TOPIC_PHRASES,
  TOPICS,
  WORKPLACE_SIZE,
} from './demo-work-texts.js';
import { type Random, seededRandom } from './random.js';

/** Who created and last saved every demo record. */
export const DEMO_WORK_USER = 'Demodata';
export const WORKPLACE_SOURCE = 'Demo: antal arbejdssteder (syntetisk)';
export const WORK_YEARS = { from: 2021, to: 2025 } as const;
/** Regular activities; the campaign activities come on top (about 300 in all). */
const REGULAR_ACTIVITIES = 292;
const YEAR_WEIGHTS: Record<number, number> = { 2021: 15, 2022: 20, 2023: 22, 2024: 23, 2025: 20 };
const TYPE_WEIGHTS: [ActivityType, number][] = [
  ['workplace_visit', 30],
  ['dialogue_meeting', 20],
  ['course', 15],
  ['guidance_material', 10],
  ['network', 12],
  ['other', 5],
];
/** How long an activity of each type runs, in days (from, to). */
const DURATION: Record<ActivityType, [number, number]> = {
  workplace_visit: [20, 180],
  dialogue_meeting: [0, 60],
  course: [1, 45],
  guidance_material: [60, 240],
  network: [90, 330],
  campaign_activity: [7, 60],
  other: [0, 30],
};

export interface WorkFacts {
  bfas: { id: number; code: string }[];
  branchGroups: { id: number; code: string; nameDa: string; ownerBfaIds: number[] }[];
  subBranches: { id: number; code: string; nameDa: string; branchGroupId: number }[];
  /** Targets with their current revision's owner; topic: the sub-problem's code, else the goal's. */
  targets: { id: number; ownerBfaId: number | null; branchGroupId: number | null; topic: string }[];
  /** Employed per branch group and year (totals), the base of the workplace counts. */
  employment: { branchGroupId: number; year: number; employed: number }[];
}

type GroupFact = WorkFacts['branchGroups'][number];
type TargetFact = WorkFacts['targets'][number];

/** The columns every editable record carries. */
export interface EditableMeta {
  published: Flag;
  publishedAt: string | null;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  isDemo: Flag;
}

export interface DemoPool extends EditableMeta {
  name: string;
  legalBasis: string;
  amountDkk: number;
  periodStart: string;
  periodEnd: string;
  purpose: string;
  shares: { bfaId: number; bfa: string; amountDkk: number }[];
}

export interface DemoCampaign extends EditableMeta, Omit<CampaignSpec, 'createdAt'> {
  bfaId: number | null;
}

export interface DemoActivityBranch {
  branchGroupId: number;
  branchGroup: string;
  subBranchId: number | null;
  subBranch: string | null;
}

export interface DemoActivity extends EditableMeta {
  bfaId: number;
  bfa: string;
  title: string;
  activityType: ActivityType;
  periodStart: string;
  periodEnd: string | null;
  plannedWorkplaces: number;
  plannedParticipants: number;
  reachedWorkplaces: number | null;
  reachedParticipants: number | null;
  costDkk: number;
  /** Index into `DemoWork.pools`, or null. */
  pool: number | null;
  /** Index into `DemoWork.campaigns`, or null. */
  campaign: number | null;
  status: ActivityStatus;
  notes: string;
  branches: DemoActivityBranch[];
  targetIds: number[];
}

export interface DemoPilot extends EditableMeta {
  bfaId: number;
  bfa: string;
  title: string;
  description: string;
  interventionGroup: string;
  comparisonGroup: string;
  outcome: string;
  design: PilotDesign;
  periodStart: string;
  periodEnd: string;
  beforeLabel: string;
  afterLabel: string;
  xI0: number;
  nI0: number;
  xI1: number;
  nI1: number;
  xC0: number;
  nC0: number;
  xC1: number;
  nC1: number;
}

export interface DemoWorkplaceCount {
  branchGroupId: number;
  branchGroup: string;
  year: number;
  workplaces: number;
  source: string;
  isDemo: Flag;
}

export interface DemoFollowUpItem extends EditableMeta {
  action: string;
  owner: string;
  dueOn: string;
  status: FollowUpStatus;
  /** Every saved status, oldest first: version k is history[k − 1]. */
  history: { status: FollowUpStatus; at: string }[];
}

export interface DemoRecommendation extends EditableMeta {
  topic: string;
  body: string;
  issuedOn: string;
  addressee: string;
  answerOn: string | null;
  answerText: string;
  answerUrl: string | null;
  items: DemoFollowUpItem[];
}

export interface DemoWork {
  pools: DemoPool[];
  campaigns: DemoCampaign[];
  activities: DemoActivity[];
  pilots: DemoPilot[];
  workplaceCounts: DemoWorkplaceCount[];
  recommendations: DemoRecommendation[];
}

export function generateDemoWork(facts: WorkFacts, seed: number): DemoWork {
  const random = seededRandom(seed);
  const bfaId = new Map(facts.bfas.map((bfa) => [bfa.code, bfa.id]));
  const pools = POOLS.map((spec) => ({
    ...meta(spec.createdAt, true),
    name: spec.name,
    legalBasis: spec.legalBasis,
    amountDkk: spec.amountDkk,
    periodStart: spec.periodStart,
    periodEnd: spec.periodEnd,
    purpose: spec.purpose,
    shares: facts.bfas
      .filter((bfa) => spec.shares[bfa.code] !== undefined)
      .map((bfa) => ({ bfaId: bfa.id, bfa: bfa.code, amountDkk: spec.shares[bfa.code] ?? 0 })),
  }));
  const campaigns = CAMPAIGNS.map(({ bfa, createdAt, ...spec }) => {
    const id = bfa === null ? undefined : bfaId.get(bfa);
    return { ...meta(createdAt, true), ...spec, bfa: id === undefined ? null : bfa, bfaId: id ?? null };
  });
  const activities = [
    ...regularActivities(facts, random, pools),
    ...campaignActivities(facts, random, campaigns, pools),
  ];
  return {
    pools,
    campaigns,
    activities,
    pilots: pilots(bfaId),
    workplaceCounts: workplaceCounts(facts, random),
    recommendations: RECOMMENDATIONS.map(recommendation),
  };
}

function meta(createdAt: string, published: boolean, updatedAt = createdAt, version = 1): EditableMeta {
  return {
    published: published ? 1 : 0,
    publishedAt: published ? createdAt : null,
    version,
    createdAt,
    createdBy: DEMO_WORK_USER,
    updatedAt,
    updatedBy: DEMO_WORK_USER,
    isDemo: 1,
  };
}

// ---- small helpers -------------------------------------------------------------------------------------------

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random.next() * items.length)];
  if (item === undefined) throw new Error('Demo work: nothing to pick from');
  return item;
}

function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random.next() * total;
  for (const [item, weight] of items) {
    left -= weight;
    if (left < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error('Demo work: nothing to pick from');
  return last[0];
}

/** A whole number in [min, max]. */
const int = (random: Random, min: number, max: number) => Math.floor(random.between(min, max + 1));

/** The order of `items` shuffled (Fisher–Yates). */
function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** An ISO date moved by whole days. */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

// ---- activities ----------------------------------------------------------------------------------------------

/** One BFA with the branch groups it covers and the targets it owns. */
interface BfaScope {
  id: number;
  code: string;
  groups: GroupFact[];
  targets: TargetFact[];
}

function scopesOf(facts: WorkFacts): BfaScope[] {
  return facts.bfas
    .map((bfa) => ({
      ...bfa,
      groups: facts.branchGroups.filter((group) => group.ownerBfaIds.includes(bfa.id)),
      targets: facts.targets.filter((target) => target.ownerBfaId === bfa.id),
    }))
    .filter((scope) => scope.groups.length > 0);
}

function regularActivities(facts: WorkFacts, random: Random, pools: DemoPool[]): DemoActivity[] {
  const scopes = scopesOf(facts);
  const years = Object.entries(YEAR_WEIGHTS).map(([year, weight]) => [Number(year), weight] as const);
  const activities: DemoActivity[] = [];
  for (let index = 0; index < REGULAR_ACTIVITIES; index++) {
    // Round the BFAs in turn, so each gets about the same number.
    const scope = scopes[index % scopes.length];
    if (scope === undefined) break;
    activities.push(regularActivity(facts, random, scope, weighted(random, years), pools));
  }
  return activities;
}

function regularActivity(
  facts: WorkFacts,
  random: Random,
  scope: BfaScope,
  year: number,
  pools: DemoPool[],
): DemoActivity {
  const type = weighted(random, TYPE_WEIGHTS);
  const branches = pickBranches(random, scope, facts.subBranches);
  const groupIds = branches.map((branch) => branch.branchGroupId);
  const topic = pickTopic(random, scope, branches);
  const status = pickStatus(random, year);
  const period = pickPeriod(random, year, type, status);
  const pool = poolFor(random, year);
  return {
    ...outcome(random, status, period, pools[pool]?.createdAt),
    bfaId: scope.id,
    bfa: scope.code,
    title: titleOf(random, type, topic, branches, facts.branchGroups),
    activityType: type,
    periodStart: period.start,
    periodEnd: period.end,
    pool,
    campaign: null,
    status,
    branches,
    targetIds: pickTargets(random, scope, groupIds, topic),
  };
}

/** One of the BFA's branch groups, sometimes two, sometimes narrowed to a sub-branch. */
function pickBranches(
  random: Random,
  scope: BfaScope,
  subBranches: WorkFacts['subBranches'],
): DemoActivityBranch[] {
  const count = scope.groups.length > 1 && random.next() < 0.2 ? 2 : 1;
  return shuffled(random, scope.groups)
    .slice(0, count)
    .map((group) => {
      const subs = subBranches.filter((sub) => sub.branchGroupId === group.id);
      const sub = subs.length > 0 && random.next() < 0.5 ? pick(random, subs) : null;
      return {
        branchGroupId: group.id,
        branchGroup: group.code,
        subBranchId: sub?.id ?? null,
        subBranch: sub?.code ?? null,
      };
    });
}

/** Mostly the topic of one of the BFA's targets on these branch groups; else a topic the BFA often works on (never
 *  chemicals or machine accidents at desks). */
function pickTopic(random: Random, scope: BfaScope, branches: DemoActivityBranch[]): string {
  const groupIds = branches.map((branch) => branch.branchGroupId);
  const onGroups = scope.targets.filter(
    (t) => t.branchGroupId !== null && groupIds.includes(t.branchGroupId),
  );
  if (onGroups.length > 0 && random.next() < 0.75) return pick(random, onGroups).topic;
  const desk = branches.every((branch) => DESK_GROUPS.has(branch.branchGroup));
  const weights = BFA_TOPIC_WEIGHTS[scope.code] ?? {};
  const topics = TOPICS.filter((topic) => !(desk && NOT_AT_DESKS.has(topic)));
  return weighted(
    random,
    topics.map((topic) => [topic, weights[topic] ?? 1] as const),
  );
}

/** 0–2 of the BFA's targets: those on the activity's branch groups (same topic first) where there are any. */
function pickTargets(random: Random, scope: BfaScope, groupIds: number[], topic: string): number[] {
  const count = weighted(random, [
    [0, 30],
    [1, 45],
    [2, 25],
  ] as const);
  const onGroups = scope.targets.filter(
    (t) => t.branchGroupId !== null && groupIds.includes(t.branchGroupId),
  );
  const ranked =
    onGroups.length > 0
      ? [
          ...shuffled(
            random,
            onGroups.filter((t) => t.topic === topic),
          ),
          ...shuffled(
            random,
            onGroups.filter((t) => t.topic !== topic),
          ),
        ]
      : shuffled(random, scope.targets).slice(0, 1);
  return ranked.slice(0, count).map((target) => target.id);
}

function pickStatus(random: Random, year: number): ActivityStatus {
  if (year < WORK_YEARS.to)
    return weighted(random, [
      ['done', 96],
      ['cancelled', 4],
    ] as const);
  return weighted(random, [
    ['done', 50],
    ['running', 35],
    ['planned', 10],
    ['cancelled', 5],
  ] as const);
}

/** Within the year; ends by the end of its pool's money (2024 for 2021–2024, 2025 after); open while running. */
function pickPeriod(
  random: Random,
  year: number,
  type: ActivityType,
  status: ActivityStatus,
): { start: string; end: string | null } {
  const first = status === 'planned' ? `${year}-09-01` : `${year}-01-01`;
  const days = status === 'planned' ? 100 : 350;
  const start = addDays(first, int(random, 0, days));
  if (status === 'running' || status === 'planned') return { start, end: null };
  const [shortest, longest] = DURATION[type];
  const lastDay = year < WORK_YEARS.to ? `${WORK_YEARS.to - 1}-12-31` : `${WORK_YEARS.to}-12-31`;
  return { start, end: minDate(addDays(start, int(random, shortest, longest)), lastDay) };
}

/** The pool whose period covers the year: akt 65 alone in 2021, akt 65 or akt 154 in 2022–2024, the demo pool in
 *  2025 (indices into POOLS). */
function poolFor(random: Random, year: number): number {
  if (year === 2021) return 0;
  if (year < WORK_YEARS.to) return random.next() < 0.6 ? 0 : 1;
  return 2;
}

/** Planned and reached numbers, cost, notes, publication and when it was entered (after the fact when done). */
function outcome(
  random: Random,
  status: ActivityStatus,
  period: { start: string; end: string | null },
  poolCreatedAt: string | undefined,
) {
  const plannedWorkplaces = int(random, 5, 80);
  const plannedParticipants = Math.round(plannedWorkplaces * random.between(1.5, 5));
  const share = status === 'done' ? random.between(0.6, 1.15) : random.between(0.2, 0.7);
  const reached = (planned: number) =>
    status === 'planned' ? null : status === 'cancelled' ? 0 : Math.max(1, Math.round(planned * share));
  const reachedWorkplaces = reached(plannedWorkplaces);
  const reachedParticipants = reached(plannedParticipants);
  const cost =
    status === 'cancelled'
      ? 0
      : Math.round(Math.exp(random.between(Math.log(20_000), Math.log(400_000))) / 1000);
  const entered =
    status === 'done' || status === 'cancelled'
      ? addDays(period.end ?? period.start, int(random, 1, 30))
      : addDays(period.start, -int(random, 1, 30));
  const earliest = poolCreatedAt?.slice(0, 10) ?? entered;
  const createdAt = at(maxDate(entered, earliest), int(random, 8, 15));
  return {
    ...meta(createdAt, random.next() < 0.9),
    plannedWorkplaces,
    plannedParticipants,
    reachedWorkplaces,
    reachedParticipants,
    costDkk: cost * 1000,
    notes: notesOf(random, status, plannedWorkplaces, reachedWorkplaces, reachedParticipants),
  };
}

function notesOf(
  random: Random,
  status: ActivityStatus,
  planned: number,
  workplaces: number | null,
  participants: number | null,
): string {
  if (status === 'cancelled')
    return '**Aflyst:** for få tilmeldte. Midlerne er brugt på en senere aktivitet.';
  const points = shuffled(random, NOTE_POINTS).slice(0, int(random, 2, 3));
  const list = points.map((point) => `- ${point}`).join('\n');
  if (status === 'planned')
    return `**Planlagt:** ${planned} arbejdspladser.\n\n- Invitationer sendes via brancheorganisationerne`;
  const lead =
    status === 'running'
      ? `**Status:** i gang; ${workplaces} arbejdspladser nået indtil videre.`
      : `**Resultat:** ${workplaces} arbejdspladser og ${participants} deltagere nået.`;
  return `${lead}\n\n${list}`;
}

function whereOf(branches: DemoActivityBranch[], groups: GroupFact[]): string {
  return branches
    .map((branch) => {
      const code = branch.subBranch ?? branch.branchGroup;
      const name = groups.find((group) => group.code === branch.branchGroup)?.nameDa ?? code;
      return BRANCH_PHRASES[code] ?? `i branchen ${name.toLowerCase()}`;
    })
    .join(' og ');
}

function titleOf(
  random: Random,
  type: ActivityType,
  topic: string,
  branches: DemoActivityBranch[],
  groups: GroupFact[],
): string {
  const pattern = pick(random, TITLE_PATTERNS[type] ?? ['{topic} {where}']);
  const phrase = pick(random, TOPIC_PHRASES[topic] ?? ['arbejdsmiljø']);
  return pattern.replace('{topic}', phrase).replace('{where}', whereOf(branches, groups));
}

// ---- campaign activities -------------------------------------------------------------------------------------

/** The BFAs' part in the campaigns: six under the council's campaign (one or two per BFA, autumn 2023 to spring
 *  2024), two under the harassment campaign by its own BFA (2024). */
function campaignActivities(
  facts: WorkFacts,
  random: Random,
  campaigns: DemoCampaign[],
  pools: DemoPool[],
): DemoActivity[] {
  const scopes = scopesOf(facts);
  const plan: { campaign: number; scope: BfaScope | undefined }[] = [
    ...Array.from({ length: 6 }, (_, i) => ({ campaign: 0, scope: scopes[i % scopes.length] })),
    ...[0, 1].map(() => ({ campaign: 1, scope: scopes.find((s) => s.id === campaigns[1]?.bfaId) })),
  ];
  return plan.flatMap(({ campaign, scope }) => {
    const spec = campaigns[campaign];
    if (spec === undefined || scope === undefined) return [];
    return [campaignActivity(facts, random, scope, campaign, spec, pools)];
  });
}

function campaignActivity(
  facts: WorkFacts,
  random: Random,
  scope: BfaScope,
  campaign: number,
  spec: DemoCampaign,
  pools: DemoPool[],
): DemoActivity {
  const branches = pickBranches(random, { ...scope, groups: shuffled(random, scope.groups).slice(0, 1) }, []);
  const start = addDays(spec.periodStart, int(random, 0, 90));
  const end = minDate(addDays(start, int(random, ...DURATION.campaign_activity)), spec.periodEnd ?? start);
  const pool = random.next() < 0.6 ? 0 : 1;
  return {
    ...outcome(random, 'done', { start, end }, pools[pool]?.createdAt),
    bfaId: scope.id,
    bfa: scope.code,
    title: `Kampagneindsats »${spec.title}« ${whereOf(branches, facts.branchGroups)}`,
    activityType: 'campaign_activity',
    periodStart: start,
    periodEnd: end,
    pool,
    campaign,
    status: 'done',
    branches,
    targetIds: [],
  };
}

// ---- pilots, workplace counts, recommendations ---------------------------------------------------------------

function pilots(bfaId: Map<string, number>): DemoPilot[] {
  return PILOTS.flatMap(({ bfa, cells, ...spec }) => {
    const id = bfaId.get(bfa);
    if (id === undefined) return [];
    return [
      {
        ...meta('2023-09-14T09:00:00.000Z', true),
        ...spec,
        ...cells,
        bfaId: id,
        bfa,
        description: PILOT_DESCRIPTION,
        periodStart: PILOT_PERIOD.start,
        periodEnd: PILOT_PERIOD.end,
        beforeLabel: PILOT_PERIOD.before,
        afterLabel: PILOT_PERIOD.after,
      },
    ];
  });
}

/** Employed divided by a typical workplace size for the branch group (varied a little by the seed). */
function workplaceCounts(facts: WorkFacts, random: Random): DemoWorkplaceCount[] {
  const employed = new Map(facts.employment.map((row) => [`${row.branchGroupId}:${row.year}`, row.employed]));
  const rows: DemoWorkplaceCount[] = [];
  for (const group of facts.branchGroups) {
    const size = (WORKPLACE_SIZE[group.code] ?? 12) * Math.exp(random.normal(0, 0.08));
    for (let year = WORK_YEARS.from; year <= WORK_YEARS.to; year++) {
      const people = employed.get(`${group.id}:${year}`) ?? 20_000;
      rows.push({
        branchGroupId: group.id,
        branchGroup: group.code,
        year,
        workplaces: Math.max(1, Math.round((people / size) * (1 + random.normal(0, 0.01)))),
        source: WORKPLACE_SOURCE,
        isDemo: 1,
      });
    }
  }
  return rows;
}

function recommendation(spec: RecommendationSpec): DemoRecommendation {
  const { items, answerOn, ...fields } = spec;
  const issuedAt = at(spec.issuedOn, 10);
  const answered = answerOn === null ? issuedAt : at(answerOn, 10);
  return {
    // Saved when issued, and again when the answer came.
    ...meta(issuedAt, true, answered, answerOn === null ? 1 : 2),
    ...fields,
    answerOn,
    answerUrl: null,
    items: items.map(({ history, ...item }) => {
      const first = history[0];
      const last = history[history.length - 1];
      if (first === undefined || last === undefined)
        throw new Error('Demo work: a follow-up item without status');
      return { ...meta(first.at, true, last.at, history.length), ...item, status: last.status, history };
    }),
  };
}

// ---- saved versions (record_version) -------------------------------------------------------------------------
// The states have the shape the services in src/work keep for the same records (poolState, campaignState,
// activityState, pilotState, recommendationState, itemState), so a later save compares like with like.

/** One saved version of a record: its editable state as plain JSON. */
export interface KeptVersion {
  version: number;
  state: Record<string, unknown>;
  at: string;
}

const only = (record: EditableMeta, state: Record<string, unknown>): KeptVersion[] => [
  { version: 1, state: { ...state, published: record.published === 1 }, at: record.createdAt },
];

/** Each value once, in ascending order. */
const sorted = <T extends string | number>(values: T[]) =>
  [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function poolVersions(pool: DemoPool): KeptVersion[] {
  return only(pool, {
    name: pool.name,
    legalBasis: pool.legalBasis,
    amountDkk: pool.amountDkk,
    periodStart: pool.periodStart,
    periodEnd: pool.periodEnd,
    purpose: pool.purpose,
    shares: sorted(pool.shares.map((share) => `${share.bfa}=${share.amountDkk}`)),
  });
}

export function campaignVersions(campaign: DemoCampaign): KeptVersion[] {
  return only(campaign, {
    bfa: campaign.bfa,
    title: campaign.title,
    description: campaign.description,
    channels: campaign.channels,
    periodStart: campaign.periodStart,
    periodEnd: campaign.periodEnd,
    reachedPeople: campaign.reachedPeople,
    reachedWorkplaces: campaign.reachedWorkplaces,
    impressions: campaign.impressions,
    reachNote: campaign.reachNote,
  });
}

export function activityVersions(
  activity: DemoActivity,
  links: { fundingPoolId: number | null; campaignId: number | null },
): KeptVersion[] {
  return only(activity, {
    bfa: activity.bfa,
    title: activity.title,
    type: activity.activityType,
    branchGroups: sorted(activity.branches.map((branch) => branch.branchGroup)),
    subBranches: sorted(
      activity.branches.flatMap((branch) => (branch.subBranch === null ? [] : [branch.subBranch])),
    ),
    targets: sorted(activity.targetIds),
    periodStart: activity.periodStart,
    periodEnd: activity.periodEnd,
    plannedWorkplaces: activity.plannedWorkplaces,
    plannedParticipants: activity.plannedParticipants,
    reachedWorkplaces: activity.reachedWorkplaces,
    reachedParticipants: activity.reachedParticipants,
    costDkk: activity.costDkk,
    fundingPool: links.fundingPoolId,
    campaign: links.campaignId,
    status: activity.status,
    notes: activity.notes,
    evidence: [],
  });
}

export function pilotVersions(pilot: DemoPilot): KeptVersion[] {
  return only(pilot, {
    bfa: pilot.bfa,
    title: pilot.title,
    description: pilot.description,
    interventionGroup: pilot.interventionGroup,
    comparisonGroup: pilot.comparisonGroup,
    outcome: pilot.outcome,
    design: pilot.design,
    periodStart: pilot.periodStart,
    periodEnd: pilot.periodEnd,
    beforeLabel: pilot.beforeLabel,
    afterLabel: pilot.afterLabel,
    xI0: pilot.xI0,
    nI0: pilot.nI0,
    xI1: pilot.xI1,
    nI1: pilot.nI1,
    xC0: pilot.xC0,
    nC0: pilot.nC0,
    xC1: pilot.xC1,
    nC1: pilot.nC1,
  });
}

/** Issued without an answer (version 1); the answer, where there is one, is version 2. */
export function recommendationVersions(rec: DemoRecommendation): KeptVersion[] {
  const state = (answerOn: string | null, answerText: string) => ({
    topic: rec.topic,
    body: rec.body,
    issuedOn: rec.issuedOn,
    addressee: rec.addressee,
    answerOn,
    answerText,
    answerUrl: rec.answerUrl,
    published: rec.published === 1,
  });
  const issued = { version: 1, state: state(null, ''), at: rec.createdAt };
  if (rec.answerOn === null) return [issued];
  return [issued, { version: 2, state: state(rec.answerOn, rec.answerText), at: rec.updatedAt }];
}

/** One version per saved status. */
export function followUpVersions(item: DemoFollowUpItem, recommendationId: number): KeptVersion[] {
  return item.history.map((saved, index) => ({
    version: index + 1,
    state: {
      recommendationId,
      action: item.action,
      owner: item.owner,
      dueOn: item.dueOn,
      status: saved.status,
    },
    at: saved.at,
  }));
}
