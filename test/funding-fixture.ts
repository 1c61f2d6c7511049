// Test helper: a hand-made fixture for funding pools and reach (METHODS §11), small enough to work every figure out
// by hand. One pool of 1,000,000 kr. (2025-01-01 – 2027-03-31) with shares for VOA (600,000) and B&A (300,000); seven
// activities on it across every status (one of them of two branch groups, one a draft) and one on no pool; workplace
// counts and employment for the branch groups they reach, one of them missing.
import type { Store } from '../src/db/connect.js';
import type { ActivityStatus } from '../src/db/schema.js';

export const FIXTURE_TODAY = new Date('2026-06-15T10:00:00Z');

interface FixtureActivity {
  key: string;
  bfa: string;
  status: ActivityStatus;
  cost: number | null;
  periodStart: string;
  periodEnd: string | null;
  reachedWorkplaces: number | null;
  reachedParticipants: number | null;
  branches: string[];
  pool: boolean;
  published: boolean;
}

export const FIXTURE_ACTIVITIES: FixtureActivity[] = [
  // VOA: done 200,000 booked 2025-05; running 100,000 booked 2026-08; planned 150,000 committed; cancelled 20,000
  // booked 2025-03 (reaches nothing).
  {
    key: 'A1',
    bfa: 'voa',
    status: 'done',
    cost: 200_000,
    periodStart: '2025-02-01',
    periodEnd: '2025-05-31',
    reachedWorkplaces: 40,
    reachedParticipants: 120,
    branches: ['hospitaler'],
    pool: true,
    published: true,
  },
  {
    key: 'A2',
    bfa: 'voa',
    status: 'running',
    cost: 100_000,
    periodStart: '2025-09-01',
    periodEnd: '2026-08-31',
    reachedWorkplaces: 10,
    reachedParticipants: 30,
    branches: ['daginstitutioner'],
    pool: true,
    published: true,
  },
  {
    key: 'A3',
    bfa: 'voa',
    status: 'planned',
    cost: 150_000,
    periodStart: '2026-09-01',
    periodEnd: '2026-12-31',
    reachedWorkplaces: null,
    reachedParticipants: null,
    branches: ['hospitaler'],
    pool: true,
    published: true,
  },
  {
    key: 'A4',
    bfa: 'voa',
    status: 'cancelled',
    cost: 20_000,
    periodStart: '2025-03-01',
    periodEnd: '2025-03-31',
    reachedWorkplaces: 5,
    reachedParticipants: 5,
    branches: ['hospitaler'],
    pool: true,
    published: true,
  },
  // B&A: done 120,000 in two branch groups booked 2025-11; done 60,000 booked 2026-02; a draft of 50,000 (2026-03).
  {
    key: 'A5',
    bfa: 'ba',
    status: 'done',
    cost: 120_000,
    periodStart: '2025-06-01',
    periodEnd: '2025-11-30',
    reachedWorkplaces: 30,
    reachedParticipants: 60,
    branches: ['anlaegsarbejde', 'faerdiggoerelse-af-byggeri'],
    pool: true,
    published: true,
  },
  {
    key: 'A6',
    bfa: 'ba',
    status: 'done',
    cost: 60_000,
    periodStart: '2026-01-10',
    periodEnd: '2026-02-20',
    reachedWorkplaces: 20,
    reachedParticipants: 50,
    branches: ['anlaegsarbejde'],
    pool: true,
    published: true,
  },
  {
    key: 'A7',
    bfa: 'ba',
    status: 'done',
    cost: 50_000,
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    reachedWorkplaces: 10,
    reachedParticipants: 10,
    branches: ['anlaegsarbejde'],
    pool: true,
    published: false,
  },
  // VOA, on no pool: counts in reach only.
  {
    key: 'A8',
    bfa: 'voa',
    status: 'done',
    cost: 75_000,
    periodStart: '2025-04-01',
    periodEnd: '2025-04-30',
    reachedWorkplaces: 25,
    reachedParticipants: 100,
    branches: ['hospitaler'],
    pool: false,
    published: true,
  },
];

export interface Fixture {
  poolId: number;
  activityIds: Record<string, number>;
}

const AT = '2026-01-01T00:00:00.000Z';
const editable = { createdAt: AT, createdBy: 'fixture', updatedAt: AT, updatedBy: 'fixture' };

async function idsOf(store: Store, table: 'bfa' | 'branchGroup') {
  const rows = await store.db.selectFrom(table).select(['id', 'code']).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** The pool, its shares, the activities with their branch groups, and the denominators. */
export async function loadFundingFixture(store: Store): Promise<Fixture> {
  const bfas = await idsOf(store, 'bfa');
  const branches = await idsOf(store, 'branchGroup');
  const id = (map: Map<string, number>, code: string) => {
    const found = map.get(code);
    if (found === undefined) throw new Error(`fixture: no ${code}`);
    return found;
  };
  const pool = await store.db
    .insertInto('fundingPool')
    .values({
      name: 'Pulje til arbejdspladsnære aktiviteter',
      legalBasis: 'Akt 65 2020',
      amountDkk: 1_000_000,
      periodStart: '2025-01-01',
      periodEnd: '2027-03-31',
      purpose: 'Arbejdspladsnære aktiviteter i BFA’erne',
      published: 1,
      publishedAt: AT,
      ...editable,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await store.db
    .insertInto('fundingPoolShare')
    .values([
      { poolId: pool.id, bfaId: id(bfas, 'voa'), amountDkk: 600_000 },
      { poolId: pool.id, bfaId: id(bfas, 'ba'), amountDkk: 300_000 },
    ])
    .execute();
  const activityIds: Record<string, number> = {};
  for (const a of FIXTURE_ACTIVITIES) {
    const row = await store.db
      .insertInto('workActivity')
      .values({
        bfaId: id(bfas, a.bfa),
        title: `Aktivitet ${a.key}`,
        notes: '',
        activityType: 'workplace_visit',
        periodStart: a.periodStart,
        periodEnd: a.periodEnd,
        reachedWorkplaces: a.reachedWorkplaces,
        reachedParticipants: a.reachedParticipants,
        costDkk: a.cost,
        fundingPoolId: a.pool ? pool.id : null,
        status: a.status,
        published: a.published ? 1 : 0,
        ...editable,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    activityIds[a.key] = row.id;
    await store.db
      .insertInto('workActivityBranch')
      .values(
        a.branches.map((code) => ({
          activityId: row.id,
          branchGroupId: id(branches, code),
          subBranchId: null,
        })),
      )
      .execute();
  }
  // Workplaces: none for daginstitutioner in 2026 (the missing denominator).
  await store.db
    .insertInto('workplaceCount')
    .values([
      {
        branchGroupId: id(branches, 'hospitaler'),
        year: 2025,
        workplaces: 1300,
        source: 'DST ERH 2025',
        batchId: null,
      },
      {
        branchGroupId: id(branches, 'hospitaler'),
        year: 2026,
        workplaces: 1320,
        source: 'DST ERH 2026',
        batchId: null,
      },
      {
        branchGroupId: id(branches, 'anlaegsarbejde'),
        year: 2026,
        workplaces: 400,
        source: 'DST ERH 2026',
        batchId: null,
      },
      {
        branchGroupId: id(branches, 'daginstitutioner'),
        year: 2025,
        workplaces: 4000,
        source: 'DST ERH 2025',
        batchId: null,
      },
    ])
    .execute();
  // Employed: all ages and both sexes; one age band that must not count.
  const employed = (code: string, year: number, count: number, source: string, ageBand = 'all') => ({
    branchGroupId: id(branches, code),
    year,
    ageBand,
    sex: 'all',
    employed: count,
    source,
    isDemo: 0 as const,
  });
  await store.db
    .insertInto('employment')
    .values([
      employed('hospitaler', 2025, 110_000, 'RAS 2025'),
      employed('daginstitutioner', 2026, 60_000, 'RAS 2026'),
      employed('anlaegsarbejde', 2026, 4000, 'RAS 2026'),
      employed('anlaegsarbejde', 2026, 700, 'RAS 2026', '15-24'),
    ])
    .execute();
  return { poolId: pool.id, activityIds };
}
