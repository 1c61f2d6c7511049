// The council's recommendations and their follow-up, on both databases: every save kept as a version with what
// changed, one audit row per write with before and after, a stale save refused naming the changed fields with
// nothing stored, the overdue flag on a fixed day, only the secretariat writing, and the public seeing published
// recommendations only, the saver as "the secretariat".
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, principalOfUser } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import type { AuditContext } from '../audit/audit.service.js';
import { ANONYMOUS, type Principal } from '../auth/policy.js';
import { dataVersion } from '../db/meta.js';
import { AppError } from '../errors.js';
import {
  addFollowUpItem,
  createRecommendation,
  getRecommendation,
  listRecommendations,
  recordAnswer,
  setRecommendationPublished,
  updateFollowUpItem,
  updateRecommendation,
} from './recommendations.service.js';

const TODAY = new Date('2026-03-10T12:00:00Z');
const at = (minutes: number) => new Date(TODAY.getTime() + minutes * 60_000);

const NEW = {
  topic: 'Unges arbejdsmiljø',
  body: 'Rådet anbefaler et styrket tilsyn.\n\nSærligt med oplæring af unge under 18.',
  issuedOn: '2026-01-15',
  addressee: 'Beskæftigelsesministeren',
};

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describeEachDialect('recommendations and follow-up', (dialect) => {
  let store: TestStore;
  let admin: AuditContext;
  let adminName = '';
  let viewer: Principal;
  let bfaEditor: AuditContext;
  let viewerAudit: AuditContext;

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: false });
    const adminUser = await makeUser(store, 'admin');
    adminName = adminUser.name;
    admin = { principal: principalOfUser(adminUser), requestId: null, clientAddress: 'test' };
    const viewerUser = await makeUser(store, 'viewer');
    viewer = principalOfUser(viewerUser);
    viewerAudit = { principal: viewer, requestId: null, clientAddress: 'test' };
    const editor = await makeUser(store, 'bfa_editor', { bfa: 'voa' });
    bfaEditor = { principal: principalOfUser(editor, 1), requestId: null, clientAddress: 'test' };
  }, 60_000);
  afterAll(async () => store?.destroy());

  /** A new recommendation saved by the secretariat `minute` minutes into TODAY. */
  const create = (minute: number, fields: object = NEW) =>
    createRecommendation(store.db, admin, fields, at(minute));
  const addItem = (id: number, item: Record<string, string>, minute: number) =>
    addFollowUpItem(store.db, admin, id, item, at(minute));

  const auditRows = (entity: string, entityId: number) =>
    store.db
      .selectFrom('auditEvent')
      .select(['action', 'beforeJson', 'afterJson', 'actorLabel'])
      .where('entity', '=', entity)
      .where('entityId', '=', String(entityId))
      .orderBy('id')
      .execute();

  it('keeps every saved version: create, answer, items, an item’s status changed twice shows three versions', async () => {
    const id = await create(0);
    const answered = await recordAnswer(
      store.db,
      admin,
      id,
      1,
      {
        answerOn: '2026-02-20',
        answerText: 'Ministeren tilslutter sig.',
        answerUrl: 'https://bm.dk/svar.pdf',
      },
      at(1),
    );
    expect(answered).toEqual({ id, version: 2 });
    const itemId = await addItem(
      id,
      { action: 'Analyse af tilsynet', owner: 'Arbejdstilsynet', dueOn: '2026-06-30' },
      2,
    );
    await addItem(id, { action: 'Temadag', owner: 'Sekretariatet', dueOn: '2026-09-30', status: 'open' }, 3);
    await updateFollowUpItem(store.db, admin, itemId, 1, { status: 'in_progress' }, at(4));
    await updateFollowUpItem(store.db, admin, itemId, 2, { status: 'done' }, at(5));

    const rec = await getRecommendation(store.db, admin.principal, id, TODAY);
    expect(rec).toMatchObject({
      version: 2,
      answered: true,
      answerOn: '2026-02-20',
      answerUrl: 'https://bm.dk/svar.pdf',
      published: false,
      progress: { total: 2, open: 1, done: 1 },
    });
    expect(rec.history.map((entry) => entry.version)).toEqual([1, 2]);
    expect(rec.history[1]?.changes).toEqual([
      { field: 'answerOn', from: null, to: '2026-02-20' },
      { field: 'answerText', from: '', to: 'Ministeren tilslutter sig.' },
      { field: 'answerUrl', from: null, to: 'https://bm.dk/svar.pdf' },
    ]);
    const item = rec.items.find((candidate) => candidate.id === itemId);
    expect(item?.status).toBe('done');
    expect(item?.history.map((entry) => [entry.version, entry.savedAt, entry.savedBy])).toEqual([
      [1, at(2).toISOString(), adminName],
      [2, at(4).toISOString(), adminName],
      [3, at(5).toISOString(), adminName],
    ]);
    expect(item?.history[0]?.changes).toContainEqual({ field: 'status', from: null, to: 'open' });
    expect(item?.history[1]?.changes).toEqual([{ field: 'status', from: 'open', to: 'in_progress' }]);
    expect(item?.history[2]?.changes).toEqual([{ field: 'status', from: 'in_progress', to: 'done' }]);
  });

  it('records one audit row per write, with before and after, and bumps the data version each time', async () => {
    const versionBefore = await dataVersion(store.db);
    const id = await create(10);
    const afterCreate = await dataVersion(store.db);
    await updateRecommendation(store.db, admin, id, 1, { topic: 'Unge og oplæring' }, at(11));
    await setRecommendationPublished(store.db, admin, id, 2, true, at(12));
    const itemId = await addItem(id, { action: 'Kampagne', owner: 'BFA Handel', dueOn: '2026-05-01' }, 13);
    await updateFollowUpItem(
      store.db,
      admin,
      itemId,
      1,
      { dueOn: '2026-06-01', owner: 'BFA Transport' },
      at(14),
    );
    expect(afterCreate).not.toBe(versionBefore);
    expect(await dataVersion(store.db)).not.toBe(afterCreate);

    const rows = await auditRows('recommendation', id);
    expect(rows.map((row) => row.action)).toEqual([
      'recommendation.create',
      'recommendation.update',
      'recommendation.publish',
    ]);
    expect(rows[0]?.beforeJson).toBeNull();
    expect(JSON.parse(rows[0]?.afterJson ?? '{}')).toMatchObject({ topic: NEW.topic, published: false });
    expect(JSON.parse(rows[1]?.beforeJson ?? '{}')).toMatchObject({ topic: NEW.topic });
    expect(JSON.parse(rows[1]?.afterJson ?? '{}')).toMatchObject({ topic: 'Unge og oplæring' });
    expect(JSON.parse(rows[2]?.beforeJson ?? '{}')).toMatchObject({ published: false });
    expect(JSON.parse(rows[2]?.afterJson ?? '{}')).toMatchObject({ published: true });
    const itemRows = await auditRows('follow_up_item', itemId);
    expect(itemRows.map((row) => row.action)).toEqual(['follow_up.create', 'follow_up.update']);
    expect(JSON.parse(itemRows[1]?.beforeJson ?? '{}')).toMatchObject({
      dueOn: '2026-05-01',
      owner: 'BFA Handel',
    });
    expect(JSON.parse(itemRows[1]?.afterJson ?? '{}')).toMatchObject({
      dueOn: '2026-06-01',
      owner: 'BFA Transport',
    });
    // The item follows its recommendation's publication.
    const stored = await store.db
      .selectFrom('followUpItem')
      .select('published')
      .where('id', '=', itemId)
      .execute();
    expect(stored).toEqual([{ published: 1 }]);
  });

  it('refuses a stale save naming the fields changed since, and stores nothing', async () => {
    const id = await create(20);
    const itemId = await addItem(
      id,
      { action: 'Analyse', owner: 'Arbejdstilsynet', dueOn: '2026-06-30' },
      21,
    );
    // Someone else saves version 2 of both first.
    await updateRecommendation(
      store.db,
      admin,
      id,
      1,
      { addressee: 'Arbejdstilsynet', topic: 'Nyt emne' },
      at(22),
    );
    await updateFollowUpItem(store.db, admin, itemId, 1, { status: 'in_progress' }, at(23));
    const snapshot = async () => ({
      rec: await store.db.selectFrom('recommendation').selectAll().where('id', '=', id).execute(),
      item: await store.db.selectFrom('followUpItem').selectAll().where('id', '=', itemId).execute(),
      versions: await store.db.selectFrom('recordVersion').select(['entity', 'version']).execute(),
      audit: await store.db.selectFrom('auditEvent').select('id').execute(),
    });
    const before = await snapshot();

    const stale = await refusal(updateRecommendation(store.db, admin, id, 1, { body: 'Min tekst' }, at(24)));
    expect(stale.code).toBe('conflict');
    expect(stale.httpStatus).toBe(409);
    expect(stale.issues.map((issue) => issue.field).sort()).toEqual(['addressee', 'topic']);
    expect(stale.issues.find((issue) => issue.field === 'addressee')?.messageDa).toContain(
      'Beskæftigelsesministeren → Arbejdstilsynet',
    );
    const staleItem = await refusal(
      updateFollowUpItem(store.db, admin, itemId, 1, { status: 'done' }, at(25)),
    );
    expect(staleItem.code).toBe('conflict');
    expect(staleItem.issues).toEqual([
      expect.objectContaining({ field: 'status', message: expect.stringContaining('open → in_progress') }),
    ]);
    const stalePublish = await refusal(setRecommendationPublished(store.db, admin, id, 1, true, at(26)));
    expect(stalePublish.code).toBe('conflict');
    expect(await snapshot()).toEqual(before);
  });

  it('lets one of two saves over the same version win when they race, the other refused naming the field', async () => {
    const id = await create(27);
    const itemId = await addItem(id, { action: 'Kapløb', owner: 'AT', dueOn: '2026-06-30' }, 28);
    const results = await Promise.allSettled([
      updateFollowUpItem(store.db, admin, itemId, 1, { status: 'in_progress' }, at(29)),
      updateFollowUpItem(store.db, admin, itemId, 1, { status: 'done' }, at(29)),
      updateRecommendation(store.db, admin, id, 1, { topic: 'Først' }, at(29)),
      updateRecommendation(store.db, admin, id, 1, { topic: 'Sidst' }, at(29)),
    ]);
    const refused = results.flatMap((result) =>
      result.status === 'rejected' ? [result.reason as AppError] : [],
    );
    expect(refused.map((error) => [error.code, error.issues.map((issue) => issue.field)])).toEqual([
      ['conflict', ['status']],
      ['conflict', ['topic']],
    ]);
    const rec = await getRecommendation(store.db, admin.principal, id, TODAY);
    expect(rec.history.map((entry) => entry.version)).toEqual([1, 2]);
    expect(rec.items[0]?.history.map((entry) => entry.version)).toEqual([1, 2]);
  });

  it('flags an item overdue when due before today and open or in progress: not when done, not when due today', async () => {
    const id = await create(30, { ...NEW, topic: 'Frister' });
    const item = (action: string, dueOn: string, status: string) =>
      addItem(id, { action, owner: 'Sekretariatet', dueOn, status }, 31);
    await item('due yesterday, open', '2026-03-09', 'open');
    await item('due yesterday, in progress', '2026-03-09', 'in_progress');
    await item('due yesterday, done', '2026-03-09', 'done');
    await item('due yesterday, dropped', '2026-03-09', 'dropped');
    await item('due today, open', '2026-03-10', 'open');
    await item('due tomorrow, open', '2026-03-11', 'open');
    const rec = await getRecommendation(store.db, admin.principal, id, TODAY);
    expect(Object.fromEntries(rec.items.map((i) => [i.action, i.overdue]))).toEqual({
      'due yesterday, open': true,
      'due yesterday, in progress': true,
      'due yesterday, done': false,
      'due yesterday, dropped': false,
      'due today, open': false,
      'due tomorrow, open': false,
    });
    expect(rec.overdueCount).toBe(2);
    const listed = (await listRecommendations(store.db, admin.principal, TODAY)).find((r) => r.id === id);
    expect(listed?.overdueCount).toBe(2);
    // The next day, the item due "today" is overdue too.
    const tomorrow = await getRecommendation(store.db, admin.principal, id, new Date('2026-03-11T08:00:00Z'));
    expect(tomorrow.overdueCount).toBe(3);
  });

  it('lets only the secretariat write: a BFA editor and a viewer are refused (403), nothing stored', async () => {
    const id = await create(40);
    const itemId = await addItem(id, { action: 'Analyse', owner: 'AT', dueOn: '2026-06-30' }, 41);
    const audits = (await store.db.selectFrom('auditEvent').select('id').execute()).length;
    for (const who of [bfaEditor, viewerAudit]) {
      const attempts = [
        createRecommendation(store.db, who, NEW, at(42)),
        updateRecommendation(store.db, who, id, 1, { topic: 'x' }, at(42)),
        recordAnswer(store.db, who, id, 1, { answerOn: '2026-02-01' }, at(42)),
        setRecommendationPublished(store.db, who, id, 1, true, at(42)),
        addFollowUpItem(store.db, who, id, { action: 'x', owner: 'y', dueOn: '2026-01-01' }, at(42)),
        updateFollowUpItem(store.db, who, itemId, 1, { status: 'done' }, at(42)),
      ];
      for (const attempt of attempts) expect((await refusal(attempt)).httpStatus).toBe(403);
    }
    expect((await store.db.selectFrom('auditEvent').select('id').execute()).length).toBe(audits);
  });

  it('shows the public published recommendations only, the saver as the secretariat; signed-in readers see drafts and names', async () => {
    const draft = await create(50, { ...NEW, topic: 'Kladden' });
    const published = await create(51, { ...NEW, topic: 'Den offentlige' });
    await setRecommendationPublished(store.db, admin, published, 1, true, at(52));
    await addItem(published, { action: 'Punkt', owner: 'AT', dueOn: '2026-06-30' }, 53);

    const publicList = await listRecommendations(store.db, ANONYMOUS, TODAY);
    expect(publicList.every((rec) => rec.published)).toBe(true);
    expect(publicList.map((rec) => rec.id)).toContain(published);
    expect(publicList.map((rec) => rec.id)).not.toContain(draft);
    expect((await refusal(getRecommendation(store.db, ANONYMOUS, draft, TODAY))).httpStatus).toBe(404);

    const seen = await getRecommendation(store.db, ANONYMOUS, published, TODAY);
    const entries = [...seen.history, ...seen.items.flatMap((item) => item.history)];
    expect(entries.length).toBe(3);
    expect(entries.every((entry) => entry.savedBy === null && entry.savedByRole === 'secretariat')).toBe(
      true,
    );
    expect(JSON.stringify(seen)).not.toContain(adminName);

    expect((await listRecommendations(store.db, viewer, TODAY)).map((rec) => rec.id)).toContain(draft);
    const signedIn = await getRecommendation(store.db, viewer, published, TODAY);
    expect(signedIn.history.map((entry) => entry.savedBy)).toEqual([adminName, adminName]);
  });

  it('checks every field at once and the answer’s own rules', async () => {
    const invalid = await refusal(
      createRecommendation(
        store.db,
        admin,
        {
          topic: ' ',
          body: 'a\u0000b',
          issuedOn: '2026-02-30',
          addressee: 'x'.repeat(301),
          answerUrl: 'javascript:alert(1)',
        },
        at(60),
      ),
    );
    expect(invalid.code).toBe('invalid_input');
    expect(Object.fromEntries(invalid.issues.map((issue) => [issue.field, issue.messageDa]))).toEqual({
      topic: 'skal udfyldes',
      body: 'må ikke indeholde NUL-tegn',
      issuedOn: 'skal være en dato (ÅÅÅÅ-MM-DD)',
      addressee: 'må højst være 300 tegn',
      answerUrl: 'skal være en adresse, der begynder med http:// eller https://',
    });
    const id = await create(61);
    const early = await refusal(recordAnswer(store.db, admin, id, 1, { answerOn: '2026-01-01' }, at(62)));
    expect(early.issues).toEqual([expect.objectContaining({ field: 'answerOn' })]);
    const undated = await refusal(
      recordAnswer(store.db, admin, id, 1, { answerText: 'Svar uden dato' }, at(62)),
    );
    expect(undated.issues).toEqual([expect.objectContaining({ field: 'answerOn' })]);
    const item = await refusal(
      addItem(id, { action: '', owner: 'AT', dueOn: 'i morgen', status: 'maybe' }, 63),
    );
    expect(item.issues.map((issue) => issue.field).sort()).toEqual(['action', 'dueOn', 'status']);
    expect(
      (await refusal(addItem(999_999, { action: 'a', owner: 'b', dueOn: '2026-01-01' }, 63))).httpStatus,
    ).toBe(404);
  });
});
