// Funding pools and reach on a hand-made fixture (test/funding-fixture.ts), every figure against one worked out by
// hand here, on both databases; the writes with their versions, audit rows and refusals.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, principalOfUser } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { expectAppError } from '../../test/errors.js';
import { FIXTURE_TODAY, type Fixture, loadFundingFixture } from '../../test/funding-fixture.js';
import { seedStore } from '../../test/seed.js';
import { type AuditContext, operatorAudit } from '../audit/audit.service.js';
import { ANONYMOUS, type Principal } from '../auth/policy.js';
import { dataVersion } from '../db/meta.js';
import {
  createPool,
  listPools,
  poolHistory,
  poolSummaries,
  poolSummary,
  setPoolPublished,
  updatePool,
} from './funding.service.js';
import { reachOf } from './reach.service.js';

const NOW = new Date('2026-06-15T10:00:00Z');

describeEachDialect('funding pools and reach', (dialect) => {
  let store: TestStore;
  let fixture: Fixture;
  let admin: Principal;
  let adminAudit: AuditContext;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: false });
    fixture = await loadFundingFixture(store);
    const user = await makeUser(store, 'admin');
    admin = principalOfUser(user);
    adminAudit = { principal: admin, requestId: null, clientAddress: 'test' };
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('spends, commits and burns down exactly as worked out by hand (published activities only)', async () => {
    const summary = await poolSummary(store.db, ANONYMOUS, fixture.poolId, FIXTURE_TODAY);
    // Spent: A1 200,000 + A2 100,000 (running) + A4 20,000 (cancelled) + A5 120,000 + A6 60,000 = 500,000; the draft
    // A7 left out. Committed: A3 150,000 (planned).
    expect(summary).toMatchObject({
      spentDkk: 500_000,
      committedDkk: 150_000,
      remainingDkk: 500_000,
      remainingAfterCommitmentsDkk: 350_000,
      // 2026-06-15 → 2027-03-31: 15 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 days.
      daysLeft: 289,
      ended: false,
      activitiesLeft: 2,
      flagged: true,
      includesDrafts: false,
      today: '2026-06-15',
      // 40 + 10 + 0 (A3 reported nothing) + 30 + 20; A4 is cancelled. 500,000 / 100 = 5,000.
      reachedWorkplaces: 100,
      costPerWorkplaceDkk: 5000,
    });
    expect(summary.shares.map((s) => [s.bfa.code, s.amountDkk])).toEqual([
      ['ba', 300_000],
      ['voa', 600_000],
    ]);
    expect(summary.flagReason?.da).toBe(
      'Puljen udløber inden for 12 måneder (om 289 dage) og har 500.000 kr. ikke brugt og 2 aktiviteter planlagt eller i gang.',
    );
    expect(summary.flagReason?.en).toBe(
      'The pool ends within 12 months (in 289 days) and has DKK 500,000 not spent and 2 activities planned or running.',
    );
    // From January 2025 to August 2026: past today (June 2026) because A2, running, is booked when it ends.
    const booked: Record<string, number> = {
      '2025-03': 20_000,
      '2025-05': 200_000,
      '2025-11': 120_000,
      '2026-02': 60_000,
      '2026-08': 100_000,
    };
    const expected = [];
    let cumulative = 0;
    for (let m = 0; m < 20; m++) {
      const month = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      cumulative += booked[month] ?? 0;
      expected.push({
        month,
        spentDkk: booked[month] ?? 0,
        cumulativeDkk: cumulative,
        remainingDkk: 1_000_000 - cumulative,
      });
    }
    expect(summary.burnDown).toEqual(expected);
    expect(summary.burnDown.at(-1)).toEqual({
      month: '2026-08',
      spentDkk: 100_000,
      cumulativeDkk: 500_000,
      remainingDkk: 500_000,
    });
  });

  it('gives each BFA its share, spend, reach and a cost per workplace reached', async () => {
    const { perBfa } = await poolSummary(store.db, ANONYMOUS, fixture.poolId, FIXTURE_TODAY);
    expect(perBfa.map((row) => ({ ...row, bfa: row.bfa.code }))).toEqual([
      // B&A: 120,000 + 60,000 spent; 30 + 20 reached; 180,000 / 50 = 3,600.
      {
        bfa: 'ba',
        shareDkk: 300_000,
        spentDkk: 180_000,
        committedDkk: 0,
        activities: 2,
        reachedWorkplaces: 50,
        costPerWorkplaceDkk: 3600,
      },
      // VOA: 200,000 + 100,000 + 20,000 (cancelled) spent, 150,000 committed; 40 + 10 reached; 320,000 / 50 = 6,400.
      {
        bfa: 'voa',
        shareDkk: 600_000,
        spentDkk: 320_000,
        committedDkk: 150_000,
        activities: 4,
        reachedWorkplaces: 50,
        costPerWorkplaceDkk: 6400,
      },
    ]);
  });

  it('counts the drafts the principal may read only when asked, and says so', async () => {
    const withDrafts = await poolSummary(store.db, admin, fixture.poolId, FIXTURE_TODAY, { drafts: true });
    // A7 (draft, B&A, 50,000, 10 workplaces, March 2026) joins.
    expect(withDrafts).toMatchObject({ spentDkk: 550_000, remainingDkk: 450_000, includesDrafts: true });
    const ba = withDrafts.perBfa.find((row) => row.bfa.code === 'ba');
    expect(ba).toMatchObject({ spentDkk: 230_000, reachedWorkplaces: 60 });
    expect(ba?.costPerWorkplaceDkk).toBeCloseTo(230_000 / 60, 9);
    expect(withDrafts.burnDown.find((m) => m.month === '2026-03')).toEqual({
      month: '2026-03',
      spentDkk: 50_000,
      cumulativeDkk: 450_000,
      remainingDkk: 550_000,
    });
    // Without asking, or asking without the right to read drafts: the public figures.
    expect((await poolSummary(store.db, admin, fixture.poolId, FIXTURE_TODAY)).spentDkk).toBe(500_000);
    expect(
      (await poolSummary(store.db, ANONYMOUS, fixture.poolId, FIXTURE_TODAY, { drafts: true })).spentDkk,
    ).toBe(500_000);
    // A BFA editor of B&A reads B&A's draft; of VOA not.
    const ofBa = await makeUser(store, 'bfa_editor', { bfa: 'ba' });
    const baId = (
      await store.db.selectFrom('bfa').select('id').where('code', '=', 'ba').executeTakeFirstOrThrow()
    ).id;
    const editor = principalOfUser(ofBa, baId);
    expect(
      (await poolSummary(store.db, editor, fixture.poolId, FIXTURE_TODAY, { drafts: true })).spentDkk,
    ).toBe(550_000);
    const ofVoa = await makeUser(store, 'bfa_editor', { bfa: 'voa' });
    const voaId = (
      await store.db.selectFrom('bfa').select('id').where('code', '=', 'voa').executeTakeFirstOrThrow()
    ).id;
    expect(
      (
        await poolSummary(store.db, principalOfUser(ofVoa, voaId), fixture.poolId, FIXTURE_TODAY, {
          drafts: true,
        })
      ).spentDkk,
    ).toBe(500_000);
  });

  it('flags a pool ending within 365 days with money left, and not one day earlier', async () => {
    // The pool ends 2027-03-31: 365 days after 2026-03-31, 366 after 2026-03-30.
    const at = await poolSummary(store.db, ANONYMOUS, fixture.poolId, new Date('2026-03-31T12:00:00Z'));
    expect({ flagged: at.flagged, daysLeft: at.daysLeft }).toEqual({ flagged: true, daysLeft: 365 });
    const before = await poolSummary(store.db, ANONYMOUS, fixture.poolId, new Date('2026-03-30T12:00:00Z'));
    expect({ flagged: before.flagged, daysLeft: before.daysLeft, reason: before.flagReason }).toEqual({
      flagged: false,
      daysLeft: 366,
      reason: null,
    });
    // The Copenhagen day decides: 22:30 UTC on 30 March is already 31 March in Copenhagen (summer time).
    const late = await poolSummary(store.db, ANONYMOUS, fixture.poolId, new Date('2026-03-30T22:30:00Z'));
    expect(late.daysLeft).toBe(365);
    const after = await poolSummary(store.db, ANONYMOUS, fixture.poolId, new Date('2027-04-02T12:00:00Z'));
    expect({ flagged: after.flagged, daysLeft: after.daysLeft, ended: after.ended }).toEqual({
      flagged: false,
      daysLeft: 0,
      ended: true,
    });
  });

  it('reaches workplaces and employed per BFA, branch group and year, with sources, several groups apart', async () => {
    const rows = await reachOf(store.db, ANONYMOUS);
    const shape = rows.map((row) => ({
      bfa: row.bfa.code,
      branch: row.branch?.code ?? null,
      placement: row.placement,
      year: row.year,
      activities: row.activities,
      unreported: row.unreported,
      reachedWorkplaces: row.reachedWorkplaces,
      reachedParticipants: row.reachedParticipants,
      workplaces: row.workplaces,
      employed: row.employed,
      workplaceShareMissing: row.workplaceShareMissing?.code ?? null,
      participantShareMissing: row.participantShareMissing?.code ?? null,
    }));
    expect(shape).toEqual([
      // A5: two branch groups, cannot be split: no share, never guessed.
      {
        bfa: 'ba',
        branch: null,
        placement: 'several',
        year: 2025,
        activities: 1,
        unreported: 0,
        reachedWorkplaces: 30,
        reachedParticipants: 60,
        workplaces: null,
        employed: null,
        workplaceShareMissing: 'not_placed',
        participantShareMissing: 'not_placed',
      },
      // A6 (A7 is a draft): 20 of 400 workplaces, 50 of 4,000 employed (the 15–24 band not added).
      {
        bfa: 'ba',
        branch: 'anlaegsarbejde',
        placement: 'branch',
        year: 2026,
        activities: 1,
        unreported: 0,
        reachedWorkplaces: 20,
        reachedParticipants: 50,
        workplaces: { count: 400, source: 'DST ERH 2026', year: 2026 },
        employed: { count: 4000, source: 'RAS 2026', year: 2026 },
        workplaceShareMissing: null,
        participantShareMissing: null,
      },
      // A1 + A8 (on no pool); A4 cancelled: 65 of 1,300 workplaces, 220 of 110,000 employed.
      {
        bfa: 'voa',
        branch: 'hospitaler',
        placement: 'branch',
        year: 2025,
        activities: 2,
        unreported: 0,
        reachedWorkplaces: 65,
        reachedParticipants: 220,
        workplaces: { count: 1300, source: 'DST ERH 2025', year: 2025 },
        employed: { count: 110_000, source: 'RAS 2025', year: 2025 },
        workplaceShareMissing: null,
        participantShareMissing: null,
      },
      // A2 counts in 2026, when it ends: no workplace count for daginstitutioner in 2026 (only 2025).
      {
        bfa: 'voa',
        branch: 'daginstitutioner',
        placement: 'branch',
        year: 2026,
        activities: 1,
        unreported: 0,
        reachedWorkplaces: 10,
        reachedParticipants: 30,
        workplaces: null,
        employed: { count: 60_000, source: 'RAS 2026', year: 2026 },
        workplaceShareMissing: 'no_denominator',
        participantShareMissing: null,
      },
      // A3, planned: counted, nothing reported yet; no employment for hospitaler in 2026.
      {
        bfa: 'voa',
        branch: 'hospitaler',
        placement: 'branch',
        year: 2026,
        activities: 1,
        unreported: 1,
        reachedWorkplaces: 0,
        reachedParticipants: 0,
        workplaces: { count: 1320, source: 'DST ERH 2026', year: 2026 },
        employed: null,
        workplaceShareMissing: null,
        participantShareMissing: 'no_denominator',
      },
    ]);
    const share = (i: number) => [rows[i]?.workplaceShare ?? null, rows[i]?.participantShare ?? null];
    expect(share(0)).toEqual([null, null]);
    expect(share(1)[0]).toBeCloseTo(20 / 400, 12);
    expect(share(1)[1]).toBeCloseTo(50 / 4000, 12);
    expect(share(2)[0]).toBeCloseTo(65 / 1300, 12);
    expect(share(2)[1]).toBeCloseTo(220 / 110_000, 12);
    expect(share(3)[0]).toBeNull();
    expect(share(3)[1]).toBeCloseTo(30 / 60_000, 12);
    expect(share(4)).toEqual([0, null]);
    expect(rows[3]?.workplaceShareMissing?.da).toBe(
      'Der er intet antal arbejdspladser for Daginstitutioner i 2026, så andelen kan ikke beregnes.',
    );
    expect(rows[3]?.workplaceShareMissing?.en).toContain('no workplace count for');
    expect(rows[0]?.workplaceShareMissing?.da).toContain('kan ikke fordeles');
  });

  it('filters reach by BFA, branch group and year, and counts drafts only when asked', async () => {
    const byBranch = await reachOf(store.db, ANONYMOUS, { branch: 'anlaegsarbejde' });
    // Its own row, and the several-groups row of A5, which includes it.
    expect(byBranch.map((r) => [r.bfa.code, r.placement, r.year, r.reachedWorkplaces])).toEqual([
      ['ba', 'several', 2025, 30],
      ['ba', 'branch', 2026, 20],
    ]);
    const byYear = await reachOf(store.db, ANONYMOUS, { year: 2025 });
    expect(byYear.map((r) => [r.bfa.code, r.branch?.code ?? null, r.reachedWorkplaces])).toEqual([
      ['ba', null, 30],
      ['voa', 'hospitaler', 65],
    ]);
    const voa = await reachOf(store.db, ANONYMOUS, { bfa: 'voa' });
    expect(voa.every((r) => r.bfa.code === 'voa')).toBe(true);
    expect(voa).toHaveLength(3);
    const drafts = await reachOf(store.db, admin, { branch: 'anlaegsarbejde', year: 2026, drafts: true });
    expect(drafts.map((r) => [r.activities, r.reachedWorkplaces, r.workplaceShare])).toEqual([
      [2, 30, 30 / 400],
    ]);
    const unknown = await expectAppError(reachOf(store.db, ANONYMOUS, { bfa: 'xyz' }));
    expect(unknown.issues).toEqual([
      { field: 'bfa', message: '"xyz" is not a BFA', messageDa: '"xyz" er ikke et BFA' },
    ]);
    const unknownBranch = await expectAppError(reachOf(store.db, ANONYMOUS, { branch: 'xyz' }));
    expect(unknownBranch.issues[0]?.field).toBe('branch');
  });

  const input = {
    name: 'Seniorpuljen',
    legalBasis: 'Akt 12 2026',
    amountDkk: 2_000_000,
    periodStart: '2026-01-01',
    periodEnd: '2027-12-31',
    purpose: 'Fastholdelse af seniorer',
    shares: [
      { bfa: 'voa', amountDkk: 1_000_000 },
      { bfa: 'tstj', amountDkk: 500_000 },
    ],
  };

  const auditRows = (id: number) =>
    store.db
      .selectFrom('auditEvent')
      .select(['action', 'entity', 'entityId', 'afterJson', 'actorLabel'])
      .where('entity', '=', 'funding_pool')
      .where('entityId', '=', String(id))
      .orderBy('id')
      .execute();

  it('creates, edits and publishes a pool: one audit row, one kept version and a new data version per write', async () => {
    const before = await dataVersion(store.db);
    const id = await createPool(store.db, adminAudit, input, NOW);
    expect(await dataVersion(store.db)).not.toBe(before);
    // A draft: not public, not even to the secretariat without asking for drafts.
    await expect(poolSummary(store.db, ANONYMOUS, id, NOW)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listPools(store.db, admin)).map((p) => p.id)).not.toContain(id);
    expect((await listPools(store.db, admin, { drafts: true })).map((p) => p.id)).toContain(id);

    await updatePool(store.db, adminAudit, id, 1, { ...input, amountDkk: 2_500_000 }, NOW);
    await setPoolPublished(store.db, adminAudit, id, true, NOW);
    const pool = await poolSummary(store.db, ANONYMOUS, id, NOW);
    expect(pool.pool).toMatchObject({ amountDkk: 2_500_000, version: 3, published: true });
    expect(pool.pool.publishedAt).toBe(NOW.toISOString());
    expect(pool).toMatchObject({ spentDkk: 0, remainingDkk: 2_500_000, activitiesLeft: 0, flagged: false });

    const audits = await auditRows(id);
    expect(audits.map((a) => a.action)).toEqual([
      'funding_pool.create',
      'funding_pool.update',
      'funding_pool.publish',
    ]);
    expect(JSON.parse(audits[1]?.afterJson ?? '{}')).toMatchObject({
      version: 2,
      amountDkk: 2_500_000,
      shares: ['tstj=500000', 'voa=1000000'],
    });
    const history = await poolHistory(store.db, admin, id);
    expect(history.map((v) => [v.version, v.state.amountDkk, v.state.published])).toEqual([
      [1, 2_000_000, false],
      [2, 2_500_000, false],
      [3, 2_500_000, true],
    ]);
  });

  it('refuses a stale save naming the fields changed since, and writes nothing', async () => {
    const id = await createPool(store.db, adminAudit, input, NOW);
    await updatePool(
      store.db,
      adminAudit,
      id,
      1,
      { ...input, name: 'Seniorpuljen 2026', amountDkk: 2_100_000 },
      NOW,
    );
    const auditsBefore = (await auditRows(id)).length;
    const error = await expectAppError(
      updatePool(store.db, adminAudit, id, 1, { ...input, purpose: 'Noget andet' }, NOW),
    );
    expect(error.code).toBe('conflict');
    expect(error.issues.map((i) => i.field).sort()).toEqual(['amountDkk', 'name']);
    expect(error.issues.find((i) => i.field === 'name')?.messageDa).toContain(
      'Seniorpuljen → Seniorpuljen 2026',
    );
    expect((await auditRows(id)).length).toBe(auditsBefore);
    const stored = await poolSummary(store.db, admin, id, NOW, { drafts: true });
    expect(stored.pool).toMatchObject({ version: 2, purpose: input.purpose });
  });

  it('refuses shares above the amount (naming shares), an unknown BFA, and writers outside the secretariat', async () => {
    const { parsePoolInput } = await import('./funding.schemas.js');
    const tooMuch = (() => {
      try {
        parsePoolInput({ ...input, amountDkk: 1_400_000 });
        return undefined;
      } catch (error) {
        return error as { issues: { field: string; message: string; messageDa: string }[] };
      }
    })();
    expect(tooMuch?.issues).toEqual([
      {
        field: 'shares',
        message: "the shares add up to 1500000 DKK, more than the pool's amount of 1400000 DKK",
        messageDa: 'andelene er tilsammen 1500000 kr., mere end puljens beløb på 1400000 kr.',
      },
    ]);
    const unknown = await expectAppError(
      createPool(store.db, adminAudit, { ...input, shares: [{ bfa: 'xyz', amountDkk: 1 }] }, NOW),
    );
    expect(unknown.issues).toEqual([
      { field: 'shares', message: 'not a BFA: xyz', messageDa: 'ikke et BFA: xyz' },
    ]);
    const editor = await makeUser(store, 'bfa_editor', { bfa: 'voa' });
    const editorAudit = { principal: principalOfUser(editor, 1), requestId: null, clientAddress: 'test' };
    const count = async () => (await store.db.selectFrom('fundingPool').select('id').execute()).length;
    const pools = await count();
    const refused = await expectAppError(createPool(store.db, editorAudit, input, NOW));
    expect(refused.code).toBe('forbidden');
    await expect(updatePool(store.db, editorAudit, fixture.poolId, 1, input, NOW)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(setPoolPublished(store.db, editorAudit, fixture.poolId, false, NOW)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await count()).toBe(pools);
    // The local operator (the CLI) is the secretariat.
    expect(await createPool(store.db, operatorAudit('cli'), { ...input, shares: [] }, NOW)).toBeGreaterThan(
      0,
    );
  });

  it('lists every published pool with its figures', async () => {
    const all = await poolSummaries(store.db, ANONYMOUS, FIXTURE_TODAY);
    expect(all.every((s) => s.pool.published)).toBe(true);
    expect(all.find((s) => s.pool.id === fixture.poolId)).toMatchObject({ spentDkk: 500_000, daysLeft: 289 });
  });
});
