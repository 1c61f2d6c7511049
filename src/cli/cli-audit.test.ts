// Every write through the CLI leaves exactly one audit row naming the local operator and `cli`, with the record
// before and after: targets added and revised, imports and rollbacks, industry codes mapped, rebuilds, users.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';

describeEachDialect('one audit row per CLI write', (dialect) => {
  let store: TestStore;
  let db: string[];
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    db = ['--database', store.setting];
  });
  afterAll(async () => store.destroy());

  /** Runs the command and returns the audit rows it added, with before and after parsed. */
  async function rowsOf(argv: string[], stdin = '') {
    const last = await store.db
      .selectFrom('auditEvent')
      .select('id')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const result = await cli([...argv, ...db], {}, stdin);
    expect(result.code, result.stderr).toBe(0);
    const rows = await store.db
      .selectFrom('auditEvent')
      .selectAll()
      .where('id', '>', last?.id ?? 0)
      .execute();
    for (const row of rows)
      expect(row).toMatchObject({ actorKind: 'cli', actorLabel: 'test', clientAddress: 'cli' });
    return rows.map((row) => ({
      action: row.action,
      entityId: row.entityId,
      before: row.beforeJson === null ? null : JSON.parse(row.beforeJson),
      after: row.afterJson === null ? null : JSON.parse(row.afterJson),
    }));
  }

  it('targets: add and revise', async () => {
    const added = await rowsOf([
      'targets',
      'add',
      '--branch',
      'butikker',
      '--goal',
      'chemical',
      '--indicator',
      'kemi-udsat',
      '--baseline-year',
      '2021',
      '--baseline-value',
      '34,8',
      '--target-year',
      '2030',
      '--target-value',
      '25',
      '--owner',
      'ba',
      '--reason',
      'Vedtaget',
    ]);
    expect(added).toMatchObject([
      { action: 'target.create', before: null, after: { revision: 1, target: { value: 25 } } },
    ]);
    const revised = await rowsOf([
      'targets',
      'revise',
      String(added[0]?.entityId),
      '--target-value',
      '24,5',
      '--reason',
      'Evaluering',
    ]);
    expect(revised).toMatchObject([
      {
        action: 'target.revise',
        before: { revision: 1, target: { value: 25 } },
        after: { revision: 2, target: { value: 24.5 }, reason: 'Evaluering' },
      },
    ]);
  });

  it('imports: import and rollback; an industry code mapped; a rebuild', async () => {
    const file = path.join(tmpdir(), `maaltal-cli-audit-${dialect}-${process.pid}.csv`);
    writeFileSync(
      file,
      'sagsnummer;registreringsdato;branchekode;alder;koen;fravaersdage\nA-1;2024-05-01;49.50;41;M;3\n',
    );
    const imported = await rowsOf(['import', file, '--kind', 'accidents', '--source', 'AT']);
    expect(imported).toMatchObject([
      { action: 'import', after: { kind: 'accidents', rows: 1, source: 'AT' } },
    ]);
    const mapped = await rowsOf(['industry-codes', 'map', '49.50', '--branch', 'transport-af-gods']);
    expect(mapped).toMatchObject([{ action: 'map_code', entityId: 'DB07:49.50', after: { moved: 1 } }]);
    expect(await rowsOf(['accidents', 'rebuild'])).toMatchObject([{ action: 'rebuild' }]);
    const rolled = await rowsOf([
      'imports',
      'rollback',
      String(imported[0]?.entityId),
      '--reason',
      'forkert fil',
    ]);
    expect(rolled).toMatchObject([
      {
        action: 'rollback',
        before: { status: 'committed' },
        after: { status: 'rolled_back', reason: 'forkert fil' },
      },
    ]);
  });

  it('users: add, set role, disable, reset', async () => {
    const added = await rowsOf(
      ['users', 'add', 'ny@example.dk', '--name', 'Ny', '--role', 'viewer', '--password-stdin'],
      'en lang og god sætning\n',
    );
    expect(added).toMatchObject([
      { action: 'user.create', after: { email: 'ny@example.dk', role: 'viewer', hasPassword: true } },
    ]);
    expect(JSON.stringify(added)).not.toContain('en lang og god sætning');
    expect(await rowsOf(['users', 'set-role', 'ny@example.dk', '--role', 'steward'])).toMatchObject([
      { action: 'user.set_role', before: { role: 'viewer' }, after: { role: 'steward' } },
    ]);
    expect(await rowsOf(['users', 'disable', 'ny@example.dk'])).toMatchObject([
      { action: 'user.disable', before: { active: true }, after: { active: false } },
    ]);
    expect(await rowsOf(['users', 'reset-password', 'ny@example.dk'])).toMatchObject([
      { action: 'user.reset_start' },
    ]);
  });
});
