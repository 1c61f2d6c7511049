// `maaltal disclosure audit` on a real database: every measure audited per convention and year, findings with
// their intervals, an exit code that says whether every hidden count is protected, and flags named in errors.
import { expect, it } from 'vitest';
import { useAccidentFixture } from '../../test/accidents/fixture.js';
import { cli } from '../../test/cli.js';
import { describeEachDialect } from '../../test/databases.js';
import { MEASURES } from './accidents.service.js';
import type { MeasureAudit } from './disclosure-audit.service.js';
import { AccidentStatistics } from './statistics.js';

describeEachDialect('maaltal disclosure audit', (dialect) => {
  const workspace = useAccidentFixture(dialect);
  const run = (...args: string[]) =>
    cli(['disclosure', 'audit', ...args, '--database', workspace.store.setting]);

  it('audits every measure on every convention and year, with an exit code for the verdict', async () => {
    const result = await run('--json');
    expect(result.stderr).toBe('');
    const audits = JSON.parse(result.stdout) as MeasureAudit[];
    expect(audits.map((a) => a.measure)).toEqual([...MEASURES]);
    const data = await new AccidentStatistics(workspace.store.db).current();
    const primaries = Object.values(data.cubes).reduce(
      (sum, cube) => sum + cube.status.filter((status) => status === 1).length,
      0,
    );
    for (const audit of audits) {
      expect(audit.tablesAudited).toBe(
        data.cubes.registration.years.length + data.cubes.accident.years.length,
      );
      expect(audit.checkedCells).toBe(primaries);
      for (const found of audit.unprotected) expect(found.upper - found.lower).toBeLessThan(5);
    }
    expect(primaries).toBeGreaterThan(0);
    expect(result.code).toBe(audits[0]?.unprotected.length === 0 ? 0 : 65);
    const text = await run('--measure', 'labour-loss', '--convention', 'accident', '--year', '2024');
    expect(text.stdout).toMatch(/^labour-loss: 1 tables, \d+ hidden counts checked/);
  });

  it('names the flag of a bad value', async () => {
    for (const [flag, value] of [
      ['--measure', 'nope'],
      ['--convention', 'calendar'],
      ['--year', 'last'],
    ] as const) {
      const result = await run(flag, value);
      expect(result.code, flag).toBe(64);
      expect(result.stderr, flag).toContain(flag);
    }
  });
});
