// Campaigns on both databases: create, update and publish each leave one audit row with before/after and keep the
// version; a stale save names the changed fields and stores nothing; who reads and writes what (a BFA editor of one
// BFA against another BFA's draft, its published campaign and a campaign of no BFA); the activities a campaign lists.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, principalOfUser } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import type { AuditContext } from '../audit/audit.service.js';
import { ANONYMOUS, type Principal } from '../auth/policy.js';
import { dataVersion } from '../db/meta.js';
import { AppError } from '../errors.js';
import { parseCampaignInput } from './campaigns.schemas.js';
import {
  campaignHistory,
  createCampaign,
  getCampaign,
  listCampaigns,
  setCampaignPublished,
  updateCampaign,
} from './campaigns.service.js';

const NOW = new Date('2026-12-03T10:00:00Z');

const input = (fields: Record<string, unknown> = {}) =>
  parseCampaignInput({
    bfa: 'voa',
    title: 'Tag godt imod jeres unge medarbejder',
    description: 'Relanceret i efteråret 2023.',
    channels: ['Sociale medier', 'Presse'],
    periodStart: '2023-09-01',
    periodEnd: '2024-03-31',
    reachedPeople: 186000,
    reachedWorkplaces: 2400,
    impressions: null,
    reachNote: 'Kampagnens egne tal.',
    ...fields,
  });

const rejection = async (work: Promise<unknown>): Promise<AppError> => {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};

describeEachDialect('campaigns', (dialect) => {
  let store: TestStore;
  let admin: AuditContext;
  let voaEditor: AuditContext;
  let viewer: Principal;
  const bfaIds = new Map<string, number>();

  const context = (principal: Principal): AuditContext => ({
    principal,
    requestId: null,
    clientAddress: 'test',
  });
  const auditRows = (id: number) =>
    store.db
      .selectFrom('auditEvent')
      .select(['action', 'beforeJson', 'afterJson'])
      .where('entity', '=', 'campaign')
      .where('entityId', '=', String(id))
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: false });
    for (const row of await store.db.selectFrom('bfa').select(['id', 'code']).execute())
      bfaIds.set(row.code, row.id);
    admin = context(principalOfUser(await makeUser(store, 'admin')));
    const editor = await makeUser(store, 'bfa_editor', { bfa: 'voa' });
    voaEditor = context(principalOfUser(editor, bfaIds.get('voa') ?? null));
    viewer = principalOfUser(await makeUser(store, 'viewer'));
  }, 60_000);
  afterAll(async () => store?.destroy());

  it('creates, updates and publishes with one audit row each (before/after) and every version kept', async () => {
    const before = await dataVersion(store.db);
    const id = await createCampaign(store.db, voaEditor, input(), NOW);
    expect(await dataVersion(store.db)).not.toBe(before);
    await updateCampaign(store.db, voaEditor, id, 1, input({ reachedWorkplaces: 2600 }), NOW);
    await setCampaignPublished(store.db, voaEditor, id, 2, true, NOW);
    const rows = await auditRows(id);
    expect(rows.map((row) => row.action)).toEqual(['campaign.create', 'campaign.update', 'campaign.publish']);
    expect(rows[0]?.beforeJson).toBeNull();
    expect(JSON.parse(rows[0]?.afterJson ?? '{}')).toMatchObject({
      version: 1,
      bfa: 'voa',
      published: false,
    });
    expect(JSON.parse(rows[1]?.beforeJson ?? '{}')).toMatchObject({ version: 1, reachedWorkplaces: 2400 });
    expect(JSON.parse(rows[1]?.afterJson ?? '{}')).toMatchObject({ version: 2, reachedWorkplaces: 2600 });
    expect(JSON.parse(rows[2]?.afterJson ?? '{}')).toMatchObject({ version: 3, published: true });
    const history = await campaignHistory(store.db, ANONYMOUS, id);
    expect(history.map((version) => [version.version, version.state.published])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(history[1]?.state.channels).toEqual(['Sociale medier', 'Presse']);
    const campaign = await getCampaign(store.db, ANONYMOUS, id);
    expect(campaign).toMatchObject({ version: 3, published: true, publishedAt: NOW.toISOString() });
  });

  it('refuses a stale save, naming every field changed since, and stores nothing', async () => {
    const id = await createCampaign(store.db, admin, input({ bfa: null }), NOW);
    await updateCampaign(
      store.db,
      admin,
      id,
      1,
      input({ bfa: null, title: 'Ny titel', impressions: 5 }),
      NOW,
    );
    const audits = (await auditRows(id)).length;
    const error = await rejection(
      updateCampaign(store.db, admin, id, 1, input({ bfa: null, reachNote: 'Mit eget' }), NOW),
    );
    expect(error.code).toBe('conflict');
    expect(error.issues.map((issue) => issue.field).sort()).toEqual(['impressions', 'title']);
    expect(error.issues.find((issue) => issue.field === 'title')?.messageDa).toContain('Ny titel');
    const stored = await getCampaign(store.db, viewer, id);
    expect(stored).toMatchObject({ version: 2, title: 'Ny titel', reachNote: 'Kampagnens egne tal.' });
    expect((await auditRows(id)).length).toBe(audits);
    expect((await campaignHistory(store.db, viewer, id)).length).toBe(2);
    // Saving over the version now stored overwrites knowingly.
    await updateCampaign(store.db, admin, id, 2, input({ bfa: null, reachNote: 'Mit eget' }), NOW);
    expect((await getCampaign(store.db, viewer, id)).reachNote).toBe('Mit eget');
  });

  it('gives a BFA editor another BFA’s draft as missing, its published campaign readable but not writable', async () => {
    const draft = await createCampaign(store.db, admin, input({ bfa: 'ba', title: 'BA-kladde' }), NOW);
    const published = await createCampaign(store.db, admin, input({ bfa: 'ba', title: 'BA offentlig' }), NOW);
    await setCampaignPublished(store.db, admin, published, null, true, NOW);
    const editor = voaEditor.principal;
    const missing = await rejection(getCampaign(store.db, editor, draft));
    const none = await rejection(getCampaign(store.db, editor, 999_999));
    expect([missing.code, missing.httpStatus, missing.message]).toEqual([
      none.code,
      404,
      `No campaign ${draft}`,
    ]);
    expect((await rejection(updateCampaign(store.db, voaEditor, draft, 1, input(), NOW))).httpStatus).toBe(
      404,
    );
    expect((await getCampaign(store.db, editor, published)).title).toBe('BA offentlig');
    const refused = await rejection(
      updateCampaign(store.db, voaEditor, published, 2, input({ bfa: 'ba', title: 'Overtaget' }), NOW),
    );
    expect([refused.code, refused.issues[0]?.messageDa]).toEqual([
      'forbidden',
      'denne kampagne hører til et andet BFA end dit',
    ]);
    expect((await rejection(setCampaignPublished(store.db, voaEditor, published, 2, false, NOW))).code).toBe(
      'forbidden',
    );
    expect((await getCampaign(store.db, ANONYMOUS, published)).title).toBe('BA offentlig');
  });

  it('lets no BFA editor write a campaign of no BFA, nor move their own to another BFA', async () => {
    const council = await createCampaign(store.db, admin, input({ bfa: null, title: 'Rådets' }), NOW);
    await setCampaignPublished(store.db, admin, council, 1, true, NOW);
    const refused = await rejection(
      updateCampaign(store.db, voaEditor, council, 2, input({ bfa: null }), NOW),
    );
    expect([refused.code, refused.issues[0]?.field]).toEqual(['forbidden', 'id']);
    expect((await rejection(createCampaign(store.db, voaEditor, input({ bfa: null }), NOW))).code).toBe(
      'forbidden',
    );
    expect((await rejection(createCampaign(store.db, voaEditor, input({ bfa: 'ba' }), NOW))).code).toBe(
      'forbidden',
    );
    const own = await createCampaign(store.db, voaEditor, input({ title: 'Egen' }), NOW);
    const moved = await rejection(updateCampaign(store.db, voaEditor, own, 1, input({ bfa: 'ba' }), NOW));
    expect([moved.code, moved.issues[0]?.field]).toEqual(['forbidden', 'bfa']);
    expect((await rejection(createCampaign(store.db, admin, input({ bfa: 'nope' }), NOW))).issues).toEqual([
      { field: 'bfa', message: '"nope" is not a BFA', messageDa: '"nope" er ikke et BFA' },
    ]);
  });

  it('shows the public only published campaigns; a viewer the drafts too', async () => {
    const draft = await createCampaign(store.db, admin, input({ title: 'Kun kladde' }), NOW);
    const titles = (principal: Principal) =>
      listCampaigns(store.db, principal).then((campaigns) => campaigns.map((campaign) => campaign.title));
    expect(await titles(ANONYMOUS)).not.toContain('Kun kladde');
    expect((await listCampaigns(store.db, ANONYMOUS)).every((campaign) => campaign.published)).toBe(true);
    expect(await titles(viewer)).toContain('Kun kladde');
    expect(await titles(voaEditor.principal)).toContain('Kun kladde');
    expect(await titles(voaEditor.principal)).not.toContain('BA-kladde');
    expect((await rejection(getCampaign(store.db, ANONYMOUS, draft))).httpStatus).toBe(404);
  });

  it('lists the activities under a campaign: published ones for the public, drafts for who may read them', async () => {
    const id = await createCampaign(store.db, admin, input({ bfa: null, title: 'Med aktiviteter' }), NOW);
    await setCampaignPublished(store.db, admin, id, 1, true, NOW);
    const activity = (bfa: string, title: string, published: 0 | 1) => ({
      bfaId: bfaIds.get(bfa) ?? 0,
      title,
      activityType: 'campaign_activity' as const,
      periodStart: '2023-10-01',
      status: 'done' as const,
      reachedWorkplaces: 40,
      notes: '',
      campaignId: id,
      published,
      createdAt: NOW.toISOString(),
      createdBy: 'test',
      updatedAt: NOW.toISOString(),
      updatedBy: 'test',
    });
    await store.db
      .insertInto('workActivity')
      .values([
        activity('voa', 'Oplæg på erhvervsskoler', 1),
        activity('voa', 'VOA-kladde', 0),
        activity('ba', 'BA-kladde', 0),
      ])
      .execute();
    const titles = async (principal: Principal) =>
      (await getCampaign(store.db, principal, id)).activities.map((a) => a.title).sort();
    expect(await titles(ANONYMOUS)).toEqual(['Oplæg på erhvervsskoler']);
    expect(await titles(voaEditor.principal)).toEqual(['Oplæg på erhvervsskoler', 'VOA-kladde']);
    expect(await titles(viewer)).toEqual(['BA-kladde', 'Oplæg på erhvervsskoler', 'VOA-kladde']);
    const [shown] = (await getCampaign(store.db, ANONYMOUS, id)).activities;
    expect(shown).toMatchObject({
      bfa: { code: 'voa' },
      status: 'done',
      reachedWorkplaces: 40,
      published: true,
    });
  });

  it('checks the input at the edge, naming each field in English and Danish', () => {
    let error: unknown;
    try {
      parseCampaignInput({
        title: ' ',
        periodStart: '2023-02-30',
        channels: ['ok', ''],
        extra: 1,
        reachedPeople: -1,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    const issues = Object.fromEntries((error as AppError).issues.map((i) => [i.field, i.messageDa]));
    expect(issues).toEqual({
      title: 'skal udfyldes',
      periodStart: 'er ikke en gyldig dato',
      channels: 'skal udfyldes',
      extra: 'er ikke et kendt felt',
      reachedPeople: 'må ikke være negativ',
    });
    expect(() => parseCampaignInput({ title: 'a\u0000b', periodStart: '2024-01-01' })).toThrow(AppError);
    expect(parseCampaignInput({ title: 'x', periodStart: '2024-01-01' })).toMatchObject({
      bfa: null,
      channels: [],
      periodEnd: null,
      description: '',
    });
  });
});
