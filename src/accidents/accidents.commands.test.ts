// `maaltal accidents …` on a real database: the same answers as the API, flags named in errors, the case list
// and a rebuild that leaves the aggregates as they were.
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  accidentYear,
  records as countRecords,
  fixtureAccidents,
  useAccidentFixture,
} from '../../test/accidents/fixture.js';
import { cli } from '../../test/cli.js';
import { describeEachDialect } from '../../test/databases.js';
import { readLeaves } from './aggregates.repository.js';
import type { RateRow } from './rates.js';

const _actor = { user: 'datastewart', now: () => new Date('2026-03-01T09:00:00Z') };

describeEachDialect('maaltal accidents', (dialect) => {
  const run = (...args: string[]) => cli(['accidents', ...args, '--database', workspace.store.setting]);

  const workspace = useAccidentFixture(dialect);

  it('prints rates as JSON, CSV and a table with the API filters as flags', async () => {
    const json = await run('rates', '--main-group', 'handel', '--group-by', 'year,branch', '--json');
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const answer = JSON.parse(json.stdout) as { rows: RateRow[]; meta: { convention: { code: string } } };
    expect(answer.meta.convention.code).toBe('registration');
    expect(answer.rows.map((r) => [r.year, r.branch, r.count])).toEqual([
      [2023, 'butikker', countRecords('butikker', 2023)],
      [2023, 'engros', countRecords('engros', 2023)],
      [2024, 'butikker', countRecords('butikker', 2024)],
      [2024, 'engros', countRecords('engros', 2024)],
    ]);
    const csv = await run(
      'rates',
      '--branch',
      'butikker',
      '--branch',
      'engros',
      '--group-by',
      'branch',
      '--csv',
    );
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.branch, Number(r.count)])).toEqual([
      ['butikker', countRecords('butikker', 2023) + countRecords('butikker', 2024)],
      ['engros', countRecords('engros', 2023) + countRecords('engros', 2024)],
    ]);
    const table = await run('labour-loss', '--branch', 'butikker');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('fullTimeYears');
    expect(table.stdout).toContain('Counted by registration year');
  });

  it('names the flag the user typed when a value is wrong', async () => {
    const result = await run('rates', '--age-band', '20-30');
    expect(result.code).toBe(65);
    expect(result.stderr).toContain('--age-band');
    const both = await run('rates', '--json', '--csv');
    expect(both.code).toBe(64);
    const unknown = await run('age-comparison', '--band', '30+');
    expect(unknown.stderr).toContain('--band');
  });

  it('lists fatal cases for stewards and rebuilds the aggregates to the same content', async () => {
    const cases = await run('fatal-cases', '--from', '2024', '--json');
    const fatal2024 = fixtureAccidents().filter((r) => r.fatal && accidentYear(r) === 2024);
    expect((JSON.parse(cases.stdout) as { rows: { caseId: string }[] }).rows.map((r) => r.caseId)).toEqual(
      fatal2024.map((r) => r.caseId),
    );
    const before = await readLeaves(workspace.store.db);
    // The rebuild (a job in a worker thread on this database) sums every leaf again from the base cube.
    await sql`delete from accident_aggregate`.execute(workspace.store.db);
    expect(await readLeaves(workspace.store.db)).not.toEqual(before);
    const rebuild = await run('rebuild');
    expect(rebuild.stdout).toMatch(/Rebuilt the accident aggregates in \d+ ms/);
    expect(rebuild.code).toBe(0);
    expect(await readLeaves(workspace.store.db)).toEqual(before);
  });
});
