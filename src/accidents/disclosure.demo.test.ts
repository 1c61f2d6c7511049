// The disclosure audit on the demo data, for every measure: the line rules alone leave counts an attacker can pin
// by linear programming; `maaltal disclosure protect` hides cells until the audit finds none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';
import { freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { MEASURES } from './accidents.service.js';
import type { MeasureAudit } from './disclosure-audit.service.js';

// One year on SQLite keeps this quick; the protection's storage is tested on both databases in protection.test.ts.
describe('disclosure audit on the demo data', () => {
  let store: TestStore;
  const run = (...args: string[]) =>
    cli(['disclosure', ...args, '--year', '2024', '--database', store.setting]);
  beforeAll(async () => {
    store = await freshStore('sqlite');
    await seedStore(store.db, { demo: true, bulk: store });
  }, 120_000);
  afterAll(async () => store?.destroy());

  it('finds pinned counts under the line rules alone, and none for any measure once protected', async () => {
    const before = await run('audit', '--json');
    expect(before.code).toBe(65);
    const found = JSON.parse(before.stdout) as MeasureAudit[];
    expect(found[0]?.unprotected.length).toBeGreaterThan(0);
    for (const cell of found[0]?.unprotected ?? []) expect(cell.upper - cell.lower).toBeLessThan(5);

    const protect = await run('protect');
    expect(protect.code, protect.stdout).toBe(0);
    expect(protect.stdout).toMatch(/^registration 2024: protected/m);
    expect(protect.stdout).toMatch(/^accident 2024: protected/m);

    const after = await run('audit', '--json');
    expect(after.code).toBe(0);
    const audits = JSON.parse(after.stdout) as MeasureAudit[];
    expect(audits.map((audit) => audit.measure)).toEqual([...MEASURES]);
    for (const audit of audits) {
      expect(audit.tablesAudited).toBe(2);
      expect(audit.checkedCells).toBeGreaterThan(100);
      expect(audit.unprotected).toEqual([]);
    }
  }, 300_000);
});
