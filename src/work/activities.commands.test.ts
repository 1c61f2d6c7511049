// `maaltal activities list|show` on both databases: text and JSON, drafts for the operator but not for another BFA's
// token, stored control characters escaped, problems with the arguments named.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerFor } from '../../test/accounts.js';
import { cli } from '../../test/cli.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { operatorAudit } from '../audit/audit.service.js';
import type { Activity } from './activities.model.js';
import { createActivitySchema, parseActivityInput } from './activities.schemas.js';
import { createActivity } from './activities.service.js';

const NOW = new Date('2026-02-01T10:00:00Z');

describeEachDialect('activities commands', (dialect) => {
  let store: TestStore;
  let db: string[];
  let draft: Activity;
  let open: Activity;
  let hfkToken: string;

  const make = (over: Record<string, unknown>) =>
    createActivity(
      store.db,
      operatorAudit('test'),
      parseActivityInput(
        createActivitySchema,
        {
          bfa: 'ba',
          type: 'course',
          branchGroups: ['anlaegsarbejde'],
          targets: [1],
          periodStart: '2025-09-01',
          periodEnd: '2025-09-30',
          ...over,
        },
        'test',
      ),
      NOW,
    );

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    db = ['--database', store.setting];
    draft = await make({ title: 'CLI-kladde om kraner' });
    open = await make({
      title: 'CLI-kursus \u001b[31mrødt\u009b',
      published: true,
      reachedWorkplaces: 1200,
      costDkk: 45_000,
      notes: 'Noter til kurset',
    });
    hfkToken = ((await bearerFor(store, 'bfa_editor', 'hfk')).authorization ?? '').replace('Bearer ', '');
  }, 120_000);
  afterAll(async () => store?.destroy());

  it('lists activities as text, drafts marked, control characters escaped', async () => {
    const result = await cli(['activities', 'list', '--bfa', 'ba', ...db]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`#${draft.id}`);
    expect(result.stdout).toContain('CLI-kladde om kraner [KLADDE]');
    expect(result.stdout).toContain('CLI-kursus \\u001b[31mrødt\\u009b');
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).not.toContain('\u009b');
    expect(result.stdout).toMatch(/\d+ activities\n$/);
    const english = await cli(['activities', 'list', '--bfa', 'ba', '--lang', 'en', ...db]);
    expect(english.stdout).toContain('CLI-kladde om kraner [DRAFT]');
    expect(english.stdout).toContain('Course');
  });

  it('lists activities as the API’s JSON; another BFA’s token does not see the draft', async () => {
    const result = await cli(['activities', 'list', '--bfa', 'ba', '--json', ...db]);
    expect(result.code, result.stderr).toBe(0);
    const listed = JSON.parse(result.stdout) as { data: { id: number; bfa: { code: string } }[] };
    expect(listed.data.map((a) => a.id)).toEqual(expect.arrayContaining([draft.id, open.id]));
    expect(new Set(listed.data.map((a) => a.bfa.code))).toEqual(new Set(['ba']));
    const asHfk = await cli(['activities', 'list', '--bfa', 'ba', '--json', ...db], {
      MAALTAL_TOKEN: hfkToken,
    });
    expect(asHfk.code, asHfk.stderr).toBe(0);
    const seen = (JSON.parse(asHfk.stdout) as { data: { id: number }[] }).data.map((a) => a.id);
    expect(seen).toContain(open.id);
    expect(seen).not.toContain(draft.id);
  });

  it('shows one activity as text and as JSON', async () => {
    const text = await cli(['activities', 'show', String(open.id), ...db]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('BFA B&A · Kursus · Planlagt');
    expect(text.stdout).toContain('1.200 arbejdspladser');
    expect(text.stdout).toContain('45.000 kr.');
    expect(text.stdout).toContain('#1 ');
    expect(text.stdout).toContain('Noter til kurset');
    expect(text.stdout).not.toContain('\u001b');
    const json = await cli(['activities', 'show', String(open.id), '--json', ...db]);
    const shown = JSON.parse(json.stdout) as { data: Record<string, unknown> };
    expect(shown.data).toMatchObject({
      id: open.id,
      title: 'CLI-kursus \u001b[31mrødt\u009b',
      reachedWorkplaces: 1200,
      costDkk: 45_000,
      published: true,
      version: 1,
    });
    expect(json.stdout).not.toContain('\u009b');
  });

  it('answers a draft another BFA’s token may not read as missing, and names wrong arguments', async () => {
    const hidden = await cli(['activities', 'show', String(draft.id), ...db], { MAALTAL_TOKEN: hfkToken });
    expect(hidden.code).toBe(66);
    expect((await cli(['activities', 'show', String(draft.id), ...db])).code).toBe(0);
    const notId = await cli(['activities', 'show', 'first', ...db]);
    expect(notId.code).toBe(64);
    expect(notId.stderr).toContain('ID');
    const badCode = await cli(['activities', 'list', '--bfa', 'Not a code!', ...db]);
    expect(badCode.code).toBe(65);
    expect(badCode.stderr).toContain('--bfa');
  });
});
