import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';
import { describeEachDialect, emptyDatabase } from '../../test/databases.js';
import { dumpDatabase } from '../../test/seed.js';
import { openStore, type Store } from '../db/connect.js';
import type { Dialect } from '../db/dialect.js';
import { createApp } from '../web/app.js';
import { COMMANDS } from './commands.js';

describe('maaltal CLI without a database', () => {
  it('prints help for every command, and the overview', async () => {
    const overview = await cli(['--help']);
    expect(overview.code).toBe(0);
    for (const command of COMMANDS) {
      expect(overview.stdout).toContain(command.name);
      const help = await cli([...command.name.split(' '), '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: maaltal ${command.name}`);
      for (const option of Object.keys(command.options)) expect(help.stdout).toContain(`--${option}`);
    }
  });

  it('rejects an unknown flag with one line naming it, and an unknown command', async () => {
    const flag = await cli(['targets', 'list', '--colour']);
    expect(flag.code).toBe(64);
    expect(flag.stderr).toMatch(
      /^maaltal: Invalid arguments for "maaltal targets list": --colour: Unknown option/,
    );
    expect(flag.stderr.trim().split('\n')).toHaveLength(1);
    const command = await cli(['tagrets', 'list']);
    expect(command.code).toBe(64);
    expect(command.stderr).toContain('Unknown command "tagrets list"');
  });

  it('asks for `maaltal migrate` on a database without the schema, and writes nothing', async () => {
    const database = await emptyDatabase('sqlite');
    try {
      const result = await cli([
        'seed',
        '--demo',
        '--accident-scale',
        '0.02',
        '--database',
        database.setting,
      ]);
      expect(result.code).toBe(78);
      expect(result.stderr).toContain('The database schema is not up to date: --database:');
      expect(result.stderr).toContain(
        'run `maaltal migrate` first (pending: 2026-11-26T0800-initial, 2026-11-26T1000-imports, 2026-11-26T1200-accident-aggregates, 2026-11-30T1000-disclosure-protection, 2026-12-03T0800-unmapped-industry-codes, 2026-12-03T0900-accident-case-unique, 2026-12-03T1000-accident-parents-guarded, 2026-12-03T1100-accident-base-cube, 2026-12-03T1200-accounts-and-audit, 2026-12-03T1300-bfa-work)',
      );
      const store = await openStore({ dialect: 'sqlite', file: database.setting });
      expect(await store.db.introspection.getTables()).toEqual([]);
      await store.close();
    } finally {
      await database.drop();
    }
  });

  it('rejects a bad DATABASE_URL, naming it', async () => {
    const result = await cli(['targets', 'list'], { DATABASE_URL: 'mysql://localhost/x' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('DATABASE_URL: unsupported database URL scheme "mysql"');
    const unreachable = await cli(['migrate', '--database', 'postgres://nobody@127.0.0.1:1/nowhere']);
    expect(unreachable.code).toBe(78);
    expect(unreachable.stderr).toMatch(
      /Cannot connect to PostgreSQL: --database: postgres:\/\/nobody@127\.0\.0\.1:1\/nowhere/,
    );
  });
});

describeEachDialect('maaltal CLI', (dialect: Dialect) => {
  let database: Awaited<ReturnType<typeof emptyDatabase>>;
  let db: string[];
  beforeAll(async () => {
    database = await emptyDatabase(dialect);
    db = ['--database', database.setting];
    expect((await cli(['migrate', ...db])).code).toBe(0);
    const seeded = await cli(['seed', '--demo', '--accident-scale', '0.02', ...db]);
    expect(seeded.code).toBe(0);
    expect(seeded.stderr).toContain('Demo data (seed 2030): added');
  });
  afterAll(async () => {
    await database.drop();
  });

  async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
    const store = await openStore(
      dialect === 'sqlite'
        ? { dialect, file: database.setting }
        : { dialect, url: database.setting, display: database.setting },
    );
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }

  it('lists every target as JSON, the same data as GET /api/v1/targets', async () => {
    const listed = await cli(['targets', 'list', '--json', ...db]);
    expect(listed.code).toBe(0);
    const body = JSON.parse(listed.stdout);
    expect(body.meta).toMatchObject({ demo: true, count: 20 });
    expect(body.data).toHaveLength(20);
    for (const target of body.data) {
      if (target.scope === 'national') {
        // The national accident target: read from the accident records, owned by no single BFA.
        expect(target).toMatchObject({ baseline: { year: 2019 }, owner: null, latest: { year: 2025 } });
        continue;
      }
      expect(target).toMatchObject({
        baseline: { year: 2021 },
        target: { year: 2030 },
        owner: { code: expect.any(String) },
        latest: { year: 2025, value: expect.any(Number) },
        assessment: { status: expect.any(String), uncertain: expect.any(Boolean) },
      });
    }
    const api = await withStore(async (store) => (await createApp(store).request('/api/v1/targets')).json());
    expect(api).toEqual(body);
  });

  it('filters by branch and goal, and says in text output that the data is demo data', async () => {
    const text = await cli(['targets', 'list', '--branch', 'metal-og-maskiner', ...db]);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('Demodata – ikke officielle tal');
    expect(text.stdout).toContain('3 target(s)');
    expect(
      text.stdout.match(
        /progress: (Usikkert: |Målet er nået|På rette vej|Skal accelereres|Begrænset fremgang|Forværring)/g,
      ),
    ).toHaveLength(3);
    const json = JSON.parse(
      (await cli(['targets', 'list', '--goal', 'psychosocial', '--json', ...db])).stdout,
    );
    expect(json.data.map((t: { subBranch: { code: string } | null }) => t.subBranch?.code ?? null)).toEqual([
      null,
      null,
      'forsikring-genforsikring-og-pensionsforsikring',
      'pengeinstitut-og-finansieringsvirksomhed',
      'vikarbureauer-og-call-centres-virksomhed',
    ]);
  });

  it('adds from a JSON file and revises from flags; show lists both revisions', async () => {
    const file = path.join(tmpdir(), `maaltal-target-${dialect}-${process.pid}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        branchGroup: 'butikker',
        goal: 'psychosocial',
        subProblem: 'offensive-behaviour-violence-threats',
        indicator: 'kraenkende-handlinger',
        baselineYear: 2021,
        baselineValue: 15.2,
        targetYear: 2030,
        targetValue: 12,
        owner: 'hfk',
      }),
    );
    const added = await cli(['targets', 'add', '--file', file, '--json', ...db]);
    expect(added.code).toBe(0);
    const id = JSON.parse(added.stdout).data.id as number;
    const revised = await cli([
      'targets',
      'revise',
      String(id),
      '--target-value',
      '11,5',
      '--status',
      'adopted',
      '--reason',
      'Vedtaget af rådet',
      ...db,
    ]);
    expect(revised.code).toBe(0);
    expect(revised.stdout).toContain(`Revised target #${id} (revision 2)`);
    const shown = JSON.parse((await cli(['targets', 'show', String(id), '--json', ...db])).stdout).data;
    expect(shown.target).toEqual({ year: 2030, value: 11.5 });
    expect(
      shown.revisions.map(
        (r: { number: number; target: { value: number }; revisedBy: string; reason: string }) => [
          r.number,
          r.target.value,
          r.revisedBy,
          r.reason,
        ],
      ),
    ).toEqual([
      [1, 12, 'test', 'Oprettet'],
      [2, 11.5, 'test', 'Vedtaget af rådet'],
    ]);
  });

  it('refuses a revision with the target year before the baseline year, naming the flag, writing nothing', async () => {
    const before = await withStore((store) => dumpDatabase(store.db));
    const result = await cli(['targets', 'revise', '1', '--target-year', '2019', '--reason', 'fejl', ...db]);
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(
      /--target-year: the target year \(2019\) must be after the baseline year \(2021\)/,
    );
    const noReason = await cli(['targets', 'revise', '1', '--target-value', '3', ...db]);
    expect(noReason.code).toBe(65);
    expect(noReason.stderr).toContain('--reason: is required');
    const notNumber = await cli(['targets', 'revise', 'x', '--reason', 'r', ...db]);
    expect(notNumber.code).toBe(64);
    expect(notNumber.stderr).toContain('ID: "x" is not a whole number');
    expect(await withStore((store) => dumpDatabase(store.db))).toEqual(before);
  });

  it('seeds idempotently from the CLI too', async () => {
    const before = await withStore((store) => dumpDatabase(store.db));
    const again = await cli(['seed', '--demo', '--accident-scale', '0.02', ...db]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Reference data: unchanged');
    expect(again.stderr).toContain('Demo data (seed 2030): unchanged');
    expect(await withStore((store) => dumpDatabase(store.db))).toEqual(before);
  });
});
