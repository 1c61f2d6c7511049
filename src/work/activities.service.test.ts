// The activities' service on both databases: writes with one audit row each (before and after), every version kept
// and the data version bumped; optimistic locking that names exactly the fields the other save changed and stores
// nothing of the stale one; the BFA rules (another BFA's draft is 404, its published activity 403, no creating or
// moving into another BFA); who sees drafts; references checked against the database, every problem at once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, principalOfUser } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import type { AuditContext } from '../audit/audit.service.js';
import { ANONYMOUS, type Principal, type Role } from '../auth/policy.js';
import { dataVersion } from '../db/meta.js';
import { AppError } from '../errors.js';
import {
  type ActivityFields,
  type ActivityInput,
  createActivitySchema,
  parseActivityInput,
} from './activities.schemas.js';
import {
  createActivity,
  getActivity,
  listActivities,
  setPublished,
  updateActivity,
} from './activities.service.js';
import { historyOf } from './versioned.js';

const NOW = new Date('2026-02-01T10:00:00Z');

function activityInput(over: Record<string, unknown> = {}): ActivityInput {
  return parseActivityInput(
    createActivitySchema,
    {
      bfa: 'ba',
      title: 'Dialogmøder om stilladser',
      type: 'dialogue_meeting',
      branchGroups: ['anlaegsarbejde'],
      targets: [1],
      periodStart: '2025-03-01',
      periodEnd: '2025-06-30',
      plannedWorkplaces: 40,
      ...over,
    },
    'test input',
  );
}

const fieldsOf = (input: ActivityInput): ActivityFields => {
  const { published: _, ...fields } = input;
  return fields;
};

/** The error a promise rejects with (fails when it resolves). */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describeEachDialect('activities service', (dialect) => {
  let store: TestStore;
  const as: Record<string, AuditContext> = {};
  const audit = (principal: Principal): AuditContext => ({
    principal,
    requestId: null,
    clientAddress: 'test',
  });
  const auditRows = () =>
    store.db
      .selectFrom('auditEvent')
      .select(['action', 'entityId', 'beforeJson', 'afterJson'])
      .where('entity', '=', 'work_activity')
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    const bfaId = async (code: string) =>
      (await store.db.selectFrom('bfa').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const user = async (role: Role, bfa?: string) => {
      const made = await makeUser(store, role, bfa === undefined ? {} : { bfa });
      return audit(principalOfUser(made, bfa === undefined ? null : await bfaId(bfa)));
    };
    as.admin = await user('admin');
    as.editorBa = await user('bfa_editor', 'ba');
    as.editorBa2 = await user('bfa_editor', 'ba');
    as.editorHfk = await user('bfa_editor', 'hfk');
    as.viewer = await user('viewer');
  }, 120_000);
  afterAll(async () => store?.destroy());

  const by = (name: string): AuditContext => {
    const context = as[name];
    if (context === undefined) throw new Error(`no principal ${name}`);
    return context;
  };

  it('creates, updates and publishes with one audit row per write, before and after, and keeps every version', async () => {
    const before = (await auditRows()).length;
    const versionBefore = await dataVersion(store.db);
    const created = await createActivity(store.db, by('editorBa'), activityInput(), NOW);
    expect(created).toMatchObject({ version: 1, published: false, title: 'Dialogmøder om stilladser' });
    expect(created.bfa.code).toBe('ba');
    expect(created.targets.map((t) => t.id)).toEqual([1]);
    expect(await dataVersion(store.db)).not.toBe(versionBefore);

    const updated = await updateActivity(
      store.db,
      by('editorBa'),
      created.id,
      1,
      fieldsOf(activityInput({ title: 'Dialogmøder om stilladser og lifte', reachedWorkplaces: 35 })),
      NOW,
    );
    expect(updated.version).toBe(2);
    const published = await setPublished(store.db, by('editorBa'), created.id, 2, true, NOW);
    expect(published).toMatchObject({ version: 3, published: true });

    const rows = (await auditRows()).slice(before);
    expect(rows.map((row) => [row.action, row.entityId])).toEqual([
      ['activity.create', String(created.id)],
      ['activity.update', String(created.id)],
      ['activity.publish', String(created.id)],
    ]);
    expect(rows[0]?.beforeJson).toBeNull();
    expect(JSON.parse(rows[0]?.afterJson ?? '{}')).toMatchObject({
      title: 'Dialogmøder om stilladser',
      bfa: 'ba',
    });
    expect(JSON.parse(rows[1]?.beforeJson ?? '{}')).toMatchObject({ title: 'Dialogmøder om stilladser' });
    expect(JSON.parse(rows[1]?.afterJson ?? '{}')).toMatchObject({
      title: 'Dialogmøder om stilladser og lifte',
      reachedWorkplaces: 35,
    });
    expect(JSON.parse(rows[2]?.beforeJson ?? '{}')).toMatchObject({ published: false });
    expect(JSON.parse(rows[2]?.afterJson ?? '{}')).toMatchObject({ published: true });

    const history = await historyOf(store.db, 'work_activity', created.id);
    expect(history.map((saved) => saved.version)).toEqual([1, 2, 3]);
    expect(history[0]?.state).toMatchObject({
      title: 'Dialogmøder om stilladser',
      branchGroups: ['anlaegsarbejde'],
    });
    expect(history[1]?.state).toMatchObject({ reachedWorkplaces: 35, targets: [1] });
  });

  it('refuses the second of two saves from one opened version, naming exactly the fields the first changed', async () => {
    const created = await createActivity(
      store.db,
      by('editorBa'),
      activityInput({ title: 'Kursus i løft' }),
      NOW,
    );
    const rowsBefore = (await auditRows()).length;
    await updateActivity(
      store.db,
      by('editorBa'),
      created.id,
      1,
      fieldsOf(activityInput({ title: 'Kursus i tunge løft', reachedWorkplaces: 12 })),
      NOW,
    );
    const second = await refusal(
      updateActivity(
        store.db,
        by('editorBa2'),
        created.id,
        1,
        fieldsOf(activityInput({ title: 'Kursus i løft', notes: 'Den andens noter', status: 'done' })),
        NOW,
      ),
    );
    expect(second.code).toBe('conflict');
    expect(second.httpStatus).toBe(409);
    expect(second.issues.map((issue) => issue.field).sort()).toEqual(['reachedWorkplaces', 'title']);
    expect(second.issues[0]?.messageDa).toContain('ændret af');
    const stored = await getActivity(store.db, by('admin').principal, created.id);
    expect(stored).toMatchObject({ version: 2, title: 'Kursus i tunge løft', notes: '', status: 'planned' });
    expect((await auditRows()).length).toBe(rowsBefore + 1);
    expect((await historyOf(store.db, 'work_activity', created.id)).length).toBe(2);
  });

  it('lets only one of two simultaneous saves of the same version through', async () => {
    const created = await createActivity(store.db, by('editorBa'), activityInput({ title: 'Netværk' }), NOW);
    const results = await Promise.allSettled(
      ['Netværk A', 'Netværk B'].map((title) =>
        updateActivity(store.db, by('editorBa'), created.id, 1, fieldsOf(activityInput({ title })), NOW),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((result) => result.status === 'rejected');
    expect(failed?.status === 'rejected' && (failed.reason as AppError).code).toBe('conflict');
    expect((await getActivity(store.db, by('admin').principal, created.id)).version).toBe(2);
  });

  it('keeps a BFA editor to their own BFA: another BFA’s draft is missing, its published activity refused', async () => {
    const forOther = await refusal(
      createActivity(
        store.db,
        by('editorBa'),
        activityInput({ bfa: 'hfk', branchGroups: ['butikker'], targets: [] }),
        NOW,
      ),
    );
    expect(forOther.code).toBe('forbidden');
    expect(forOther.issues[0]?.field).toBe('bfa');

    const hfk = { bfa: 'hfk', branchGroups: ['butikker'], targets: [10] };
    const draft = await createActivity(
      store.db,
      by('admin'),
      activityInput({ ...hfk, title: 'HFK-kladde' }),
      NOW,
    );
    const open = await createActivity(
      store.db,
      by('editorHfk'),
      activityInput({ ...hfk, title: 'HFK offentlig', published: true }),
      NOW,
    );
    const own = await createActivity(store.db, by('editorBa'), activityInput({ title: 'BA-kladde' }), NOW);

    const editor = by('editorBa');
    expect((await refusal(getActivity(store.db, editor.principal, draft.id))).code).toBe('not_found');
    expect((await getActivity(store.db, editor.principal, open.id)).title).toBe('HFK offentlig');
    const fields = fieldsOf(activityInput({ ...hfk, title: 'Overtaget' }));
    expect((await refusal(updateActivity(store.db, editor, draft.id, 1, fields, NOW))).code).toBe(
      'not_found',
    );
    expect((await refusal(updateActivity(store.db, editor, open.id, 1, fields, NOW))).code).toBe('forbidden');
    expect((await refusal(setPublished(store.db, editor, draft.id, 1, true, NOW))).code).toBe('not_found');
    expect((await refusal(setPublished(store.db, editor, open.id, 1, false, NOW))).code).toBe('forbidden');
    const moved = await refusal(updateActivity(store.db, editor, own.id, 1, fields, NOW));
    expect(moved.code).toBe('forbidden');
    expect(moved.issues[0]?.field).toBe('bfa');
    expect((await getActivity(store.db, by('admin').principal, draft.id)).title).toBe('HFK-kladde');
    expect((await getActivity(store.db, by('admin').principal, open.id)).version).toBe(1);

    const titles = async (principal: Principal) =>
      (await listActivities(store.db, principal, {})).map((a) => a.title);
    expect(await titles(editor.principal)).toEqual(expect.arrayContaining(['HFK offentlig', 'BA-kladde']));
    expect(await titles(editor.principal)).not.toContain('HFK-kladde');
    expect(await titles(ANONYMOUS)).toContain('HFK offentlig');
    expect(await titles(ANONYMOUS)).not.toContain('BA-kladde');
    expect((await refusal(getActivity(store.db, ANONYMOUS, own.id))).code).toBe('not_found');
    expect(await titles(by('viewer').principal)).toEqual(expect.arrayContaining(['HFK-kladde', 'BA-kladde']));
    const viewerWrite = await refusal(setPublished(store.db, by('viewer'), own.id, 1, true, NOW));
    expect(viewerWrite.code).toBe('forbidden');
  });

  it('checks every reference against the database and names each field, in Danish too, all at once', async () => {
    const problems = await refusal(
      createActivity(
        store.db,
        by('admin'),
        activityInput({
          branchGroups: ['anlaegsarbejde', 'butikker'],
          subBranches: ['vikarbureauer-og-call-centres-virksomhed'],
          targets: [1, 999_999],
          fundingPool: 999,
          campaign: 998,
        }),
        NOW,
      ),
    );
    expect(problems.code).toBe('invalid_input');
    expect(problems.issues.map((issue) => issue.field).sort()).toEqual([
      'branchGroups',
      'campaign',
      'fundingPool',
      'subBranches',
      'targets',
    ]);
    expect(problems.issues.find((issue) => issue.field === 'branchGroups')?.messageDa).toContain(
      '"butikker" er ikke en branchegruppe, BFA ba dækker',
    );
    const unknownBfa = await refusal(
      createActivity(store.db, by('admin'), activityInput({ bfa: 'xyz' }), NOW),
    );
    expect(unknownBfa.issues.map((issue) => issue.field)).toContain('bfa');
  });

  it('links a funding pool, a campaign and sub-branches, and filters by them, by year, status, branch and target', async () => {
    const at = NOW.toISOString();
    const editable = {
      publishedAt: null,
      createdAt: at,
      createdBy: 'test',
      updatedAt: at,
      updatedBy: 'test',
    };
    const pool = await store.db
      .insertInto('fundingPool')
      .values({
        name: 'Pulje til fastholdelse',
        legalBasis: 'Akt 65 2020',
        amountDkk: 5_000_000,
        periodStart: '2024-01-01',
        periodEnd: '2026-12-31',
        purpose: '',
        ...editable,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const campaign = await store.db
      .insertInto('campaign')
      .values({
        bfaId: 4,
        title: 'Løft rigtigt',
        description: '',
        channels: '[]',
        periodStart: '2024-09-01',
        periodEnd: null,
        reachedPeople: null,
        reachedWorkplaces: null,
        impressions: null,
        reachNote: '',
        ...editable,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const linked = await createActivity(
      store.db,
      by('admin'),
      activityInput({
        bfa: 'hfk',
        title: 'Kontorkursus',
        type: 'course',
        branchGroups: ['kontor', 'butikker'],
        subBranches: ['vikarbureauer-og-call-centres-virksomhed'],
        targets: [10, 15],
        periodStart: '2023-11-01',
        periodEnd: '2024-02-15',
        status: 'done',
        costDkk: 125_000,
        fundingPool: pool.id,
        campaign: campaign.id,
        published: true,
      }),
      NOW,
    );
    expect(linked.fundingPool).toEqual({ id: pool.id, name: 'Pulje til fastholdelse' });
    expect(linked.campaign).toEqual({ id: campaign.id, title: 'Løft rigtigt' });
    expect(linked.costDkk).toBe(125_000);
    expect(linked.branches.map((b) => [b.group.code, b.subBranch?.code ?? null])).toEqual(
      expect.arrayContaining([
        ['kontor', 'vikarbureauer-og-call-centres-virksomhed'],
        ['butikker', null],
      ]),
    );
    const ids = async (filter: Parameters<typeof listActivities>[2]) =>
      (await listActivities(store.db, ANONYMOUS, filter)).map((a) => a.id);
    for (const filter of [
      { pool: pool.id },
      { campaign: campaign.id },
      { year: 2023 },
      { year: 2024 },
      { status: 'done' as const },
      { branch: 'kontor' },
      { target: 15 },
      { bfa: 'hfk', year: 2024 },
    ])
      expect(await ids(filter), JSON.stringify(filter)).toContain(linked.id);
    for (const filter of [
      { year: 2025 },
      { status: 'planned' as const },
      { branch: 'anlaegsarbejde' },
      { bfa: 'ba' },
    ])
      expect(await ids(filter), JSON.stringify(filter)).not.toContain(linked.id);
  });
});
