// Pilots: the evaluation (METHODS §10's worked example, a weak approximation with its conservative range, rates,
// incomplete cells), and on both databases create/update/publish with one audit row each and the versions kept, a
// stale save refused naming the changed fields, and who reads and writes which BFA's pilots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, principalOfUser } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import type { AuditContext } from '../audit/audit.service.js';
import { ANONYMOUS, type Principal } from '../auth/policy.js';
import { AppError } from '../errors.js';
import { parsePilotInput } from './pilots.schemas.js';
import {
  createPilot,
  evaluatePilot,
  getPilot,
  listPilots,
  pilotHistory,
  setPilotPublished,
  updatePilot,
} from './pilots.service.js';

const NOW = new Date('2026-12-03T10:00:00Z');

/** METHODS §10's worked example: 60/200 → 40/200 with the intervention, 58/200 → 54/200 without. */
const WORKED_EXAMPLE = { xI0: 60, nI0: 200, xI1: 40, nI1: 200, xC0: 58, nC0: 200, xC1: 54, nC1: 200 };
/** Groups under 30: the approximation is weak. */
const SMALL_CELLS = { xI0: 8, nI0: 20, xI1: 2, nI1: 20, xC0: 9, nC0: 25, xC1: 8, nC1: 25 };

describe('the evaluation of a pilot', () => {
  it('gives the worked example: −0.08, 95 % interval −0.20185 … 0.04185, not significant, with the caveats', () => {
    const result = evaluatePilot('proportions', WORKED_EXAMPLE);
    if (!result.available) throw new Error('expected an evaluation');
    expect(result.value).toBeCloseTo(-0.08, 12);
    expect(result.lowercl).toBeCloseTo(-0.20185, 5);
    expect(result.uppercl).toBeCloseTo(0.04185, 5);
    expect([result.significant, result.weakApproximation, result.conservative]).toEqual([false, false, null]);
    expect([result.method, result.measure, result.confidence]).toEqual([
      'did_proportions_normal',
      'difference_in_shares',
      0.95,
    ]);
    expect(result.cells.i1).toEqual({ x: 40, n: 200, value: 0.2 });
    expect(result.caveats.map((caveat) => caveat.code)).toEqual([
      'parallel_trends',
      'non_randomised',
      'independent_samples',
    ]);
    expect(result.caveats[0]?.da).toContain('parallelle tendenser');
  });

  it('flags a weak approximation and gives the conservative range, in words too', () => {
    const result = evaluatePilot('proportions', SMALL_CELLS);
    if (!result.available) throw new Error('expected an evaluation');
    expect(result.weakApproximation).toBe(true);
    expect(result.conservative?.lowercl).toBeCloseTo(-0.89897, 5);
    expect(result.conservative?.uppercl).toBeCloseTo(0.46499, 5);
    const weak = result.caveats.find((caveat) => caveat.code === 'weak_approximation');
    expect(weak?.da).toContain('−89,9 til 46,5 procentpoint');
    expect(weak?.en).toContain('−89.9 to 46.5 percentage points');
  });

  it('gives a ratio of rate ratios for rates, and none with a zero count', () => {
    const cells = { xI0: 50, nI0: 1000, xI1: 30, nI1: 1000, xC0: 40, nC0: 1000, xC1: 40, nC1: 1000 };
    const result = evaluatePilot('rates', cells);
    if (!result.available) throw new Error('expected an evaluation');
    expect([result.method, result.measure]).toEqual(['did_log_rate_ratio', 'ratio_of_rate_ratios']);
    expect(result.value).toBeCloseTo(0.6, 12);
    expect(result.uppercl).toBeCloseTo(1.12661, 5);
    const zero = evaluatePilot('rates', { ...cells, xI1: 0 });
    expect(zero.available ? null : zero.reason.code).toBe('zero_count');
  });

  it('has no evaluation yet while cells are missing, and says which', () => {
    const result = evaluatePilot('proportions', { ...WORKED_EXAMPLE, xC1: null, nC1: null });
    if (result.available) throw new Error('expected no evaluation');
    expect(result.missing).toEqual(['xC1', 'nC1']);
    expect(result.reason.da).toBe(
      'Der er ingen evaluering endnu: tallene mangler for sammenligningsgruppen efter (x) og sammenligningsgruppen efter (n).',
    );
    expect(result.caveats.length).toBe(3);
  });
});

describe('the pilot input', () => {
  it('checks the cells against the design, naming each cell', () => {
    let error: unknown;
    try {
      parsePilotInput({
        bfa: 'voa',
        title: 'T',
        interventionGroup: 'I',
        comparisonGroup: 'C',
        outcome: 'O',
        design: 'proportions',
        periodStart: '2024-01-01',
        ...WORKED_EXAMPLE,
        xI0: 201,
        nC0: 200.5,
      });
    } catch (caught) {
      error = caught;
    }
    const issues = (error as AppError).issues.map((issue) => [issue.field, issue.messageDa]);
    expect(issues).toEqual([
      ['xI0', 'må ikke være større end n (nI0)'],
      ['nC0', 'skal være et helt tal'],
    ]);
  });
});

describeEachDialect('pilots', (dialect) => {
  let store: TestStore;
  let admin: AuditContext;
  let voaEditor: AuditContext;
  let viewer: Principal;

  const context = (principal: Principal): AuditContext => ({
    principal,
    requestId: null,
    clientAddress: 'test',
  });
  const input = (fields: Record<string, unknown> = {}) =>
    parsePilotInput({
      bfa: 'voa',
      title: 'Seniorer i job',
      description: 'En pilot.',
      interventionGroup: 'Seniorer med samtale',
      comparisonGroup: 'Seniorer uden',
      outcome: 'Andel, der har forladt jobbet efter 12 måneder',
      design: 'proportions',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      beforeLabel: '2023',
      afterLabel: '2024',
      ...WORKED_EXAMPLE,
      ...fields,
    });
  const audits = (id: number) =>
    store.db
      .selectFrom('auditEvent')
      .select(['action', 'beforeJson', 'afterJson'])
      .where('entity', '=', 'pilot')
      .where('entityId', '=', String(id))
      .orderBy('id')
      .execute();
  const rejection = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof AppError)) throw new Error('expected an AppError');
    return error;
  };

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: false });
    const voa = await store.db
      .selectFrom('bfa')
      .select('id')
      .where('code', '=', 'voa')
      .executeTakeFirstOrThrow();
    admin = context(principalOfUser(await makeUser(store, 'admin')));
    voaEditor = context(principalOfUser(await makeUser(store, 'bfa_editor', { bfa: 'voa' }), voa.id));
    viewer = principalOfUser(await makeUser(store, 'viewer'));
  }, 60_000);
  afterAll(async () => store?.destroy());

  it('creates, updates and publishes with one audit row each and every version kept', async () => {
    const id = await createPilot(store.db, voaEditor, input({ xC1: null, nC1: null }), NOW);
    const draft = await getPilot(store.db, voaEditor.principal, id);
    expect(draft.evaluation.available).toBe(false);
    await updatePilot(store.db, voaEditor, id, 1, input(), NOW);
    await setPilotPublished(store.db, voaEditor, id, 2, true, NOW);
    const rows = await audits(id);
    expect(rows.map((row) => row.action)).toEqual(['pilot.create', 'pilot.update', 'pilot.publish']);
    expect(JSON.parse(rows[1]?.beforeJson ?? '{}')).toMatchObject({ version: 1, xC1: null });
    expect(JSON.parse(rows[1]?.afterJson ?? '{}')).toMatchObject({ version: 2, xC1: 54, nC1: 200 });
    expect(JSON.parse(rows[2]?.afterJson ?? '{}')).toMatchObject({ version: 3, published: true });
    expect((await pilotHistory(store.db, ANONYMOUS, id)).map((v) => v.version)).toEqual([1, 2, 3]);
    const pilot = await getPilot(store.db, ANONYMOUS, id);
    expect(pilot.cells).toEqual(WORKED_EXAMPLE);
    expect(pilot.evaluation.available && pilot.evaluation.value).toBeCloseTo(-0.08, 12);
  });

  it('refuses a stale save naming the changed fields, storing nothing', async () => {
    const id = await createPilot(store.db, admin, input(), NOW);
    await updatePilot(store.db, admin, id, 1, input({ xI1: 30, outcome: 'Nyt udfald' }), NOW);
    const error = await rejection(updatePilot(store.db, admin, id, 1, input({ title: 'Min titel' }), NOW));
    expect(error.code).toBe('conflict');
    expect(error.issues.map((issue) => issue.field).sort()).toEqual(['outcome', 'xI1']);
    const stored = await getPilot(store.db, viewer, id);
    expect([stored.version, stored.title, stored.cells.xI1]).toEqual([2, 'Seniorer i job', 30]);
    expect((await audits(id)).length).toBe(2);
  });

  it('answers another BFA’s draft as missing; its published pilot is readable, not writable', async () => {
    const draft = await createPilot(store.db, admin, input({ bfa: 'ba' }), NOW);
    const published = await createPilot(store.db, admin, input({ bfa: 'ba', title: 'BA-pilot' }), NOW);
    await setPilotPublished(store.db, admin, published, 1, true, NOW);
    const editor = voaEditor.principal;
    const missing = await rejection(getPilot(store.db, editor, draft));
    expect([missing.httpStatus, missing.message]).toEqual([404, `No pilot ${draft}`]);
    expect((await getPilot(store.db, editor, published)).title).toBe('BA-pilot');
    const refused = await rejection(
      updatePilot(store.db, voaEditor, published, 2, input({ bfa: 'ba' }), NOW),
    );
    expect([refused.httpStatus, refused.issues[0]?.field]).toEqual([403, 'id']);
    expect((await rejection(createPilot(store.db, voaEditor, input({ bfa: 'ba' }), NOW))).httpStatus).toBe(
      403,
    );
    expect((await listPilots(store.db, ANONYMOUS)).every((pilot) => pilot.published)).toBe(true);
    expect((await listPilots(store.db, viewer, { bfa: 'ba' })).map((pilot) => pilot.bfa.code)).toEqual([
      'ba',
      'ba',
    ]);
    expect((await listPilots(store.db, editor, { bfa: 'ba' })).map((pilot) => pilot.title)).toEqual([
      'BA-pilot',
    ]);
  });
});
