// Every CLI command × every principal, on both databases: an API token of each role in MAALTAL_TOKEN, a token that
// is not valid, and the local operator (no token). Each command is allowed or refused as `can()` says and, checked
// apart, as the table below says, so a new command without a permission, or a permission changed by mistake, fails
// here. Allowed runs get arguments that fail fast with another exit code; refused runs exit 77, name the command
// and its permission, print nothing on stdout and change nothing in the database.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, principalOfUser } from '../../test/accounts.js';
import { cli } from '../../test/cli.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { listAudit } from '../audit/audit.service.js';
import { ANONYMOUS, can, type Permission, type Principal, type Role } from '../auth/policy.js';
import { createToken } from '../auth/tokens.service.js';
import type { Db } from '../db/connect.js';
import { COMMANDS } from './commands.js';

type Who = Role | 'invalid token' | 'operator';

const WHO: readonly Who[] = ['admin', 'steward', 'bfa_editor', 'viewer', 'invalid token', 'operator'];
const ANYONE = WHO;
const STEWARDS: readonly Who[] = ['admin', 'steward', 'operator'];
const ADMINS: readonly Who[] = ['admin', 'operator'];
const OPERATOR: readonly Who[] = ['operator'];

/** Per command: its permission, who may run it, and arguments that make an allowed run stop early (not with 77). */
const EXPECTED: Record<string, { permission: Permission; who: readonly Who[]; args: string[] }> = {
  migrate: { permission: 'system', who: OPERATOR, args: [] },
  seed: { permission: 'system', who: OPERATOR, args: ['--seed', 'many'] },
  serve: { permission: 'system', who: OPERATOR, args: [] },
  start: { permission: 'system', who: OPERATOR, args: [] },
  'targets list': { permission: 'public', who: ANYONE, args: ['--branch', 'Not a code!'] },
  'activities list': { permission: 'public', who: ANYONE, args: ['--bfa', 'Not a code!'] },
  'activities show': { permission: 'public', who: ANYONE, args: ['first'] },
  'targets show': { permission: 'public', who: ANYONE, args: ['first'] },
  'targets add': { permission: 'targets.revise', who: ADMINS, args: ['--baseline-year', 'soon'] },
  'targets revise': { permission: 'targets.revise', who: ADMINS, args: ['first', '--reason', 'x'] },
  import: { permission: 'data.import', who: STEWARDS, args: ['data.csv', '--kind', 'nothing'] },
  'imports list': { permission: 'data.import', who: STEWARDS, args: ['--json'] },
  'imports show': { permission: 'data.import', who: STEWARDS, args: ['first'] },
  'imports rollback': { permission: 'data.import', who: STEWARDS, args: ['first'] },
  'accidents rates': { permission: 'public', who: ANYONE, args: ['--json', '--csv'] },
  'accidents age-comparison': { permission: 'public', who: ANYONE, args: ['--json', '--csv'] },
  'accidents standardised': { permission: 'public', who: ANYONE, args: ['--json', '--csv'] },
  'accidents labour-loss': { permission: 'public', who: ANYONE, args: ['--json', '--csv'] },
  'accidents trend': { permission: 'public', who: ANYONE, args: ['--json', '--csv'] },
  'accidents fatal-cases': { permission: 'data.unsuppressed', who: STEWARDS, args: ['--from', 'last year'] },
  'accidents rebuild': { permission: 'data.import', who: STEWARDS, args: ['now'] },
  'disclosure audit': { permission: 'data.unsuppressed', who: STEWARDS, args: ['--measure', 'nothing'] },
  'disclosure protect': { permission: 'system', who: OPERATOR, args: ['--year', 'last'] },
  'industry-codes unmapped': { permission: 'data.unsuppressed', who: STEWARDS, args: ['--json'] },
  'industry-codes map': { permission: 'data.import', who: STEWARDS, args: ['45.20'] },
  stats: { permission: 'public', who: ANYONE, args: [] },
  'stats progress': { permission: 'public', who: ANYONE, args: [] },
  'users add': { permission: 'users.manage', who: ADMINS, args: ['new@example.dk', '--role', 'viewer'] },
  'users list': { permission: 'users.manage', who: ADMINS, args: ['--json'] },
  'users disable': { permission: 'users.manage', who: ADMINS, args: ['not an address'] },
  'users enable': { permission: 'users.manage', who: ADMINS, args: ['not an address'] },
  'users reset-password': { permission: 'users.manage', who: ADMINS, args: ['not an address'] },
  'users set-role': { permission: 'users.manage', who: ADMINS, args: ['new@example.dk'] },
  'audit list': { permission: 'audit.read', who: ADMINS, args: ['--from', 'yesterday'] },
  'audit verify': { permission: 'audit.read', who: ADMINS, args: ['--json'] },
};

const INVALID_TOKEN = `mlt_${'x'.repeat(43)}`;
const MADE = new Date('2026-01-01T00:00:00Z');

/** Row counts of every table and the whole meta table (the data version among them): what a command would change. */
async function fingerprint(db: Db): Promise<string> {
  const tables = (await db.introspection.getTables()).map((table) => table.name).sort();
  const counts: Record<string, unknown> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table as 'meta')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    counts[table] = Number(row?.n ?? 0);
  }
  const meta = await db.selectFrom('meta').selectAll().orderBy('key').execute();
  return JSON.stringify({ counts, meta });
}

it('has an expected permission for every command, and a command for every expectation', () => {
  expect(COMMANDS.map((command) => command.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  for (const command of COMMANDS)
    expect(command.permission, command.name).toBe(EXPECTED[command.name]?.permission);
});

describeEachDialect('who may run each CLI command', (dialect) => {
  let store: TestStore;
  const env = new Map<Who, NodeJS.ProcessEnv>();
  const principals = new Map<Who, Principal>();

  beforeAll(async () => {
    store = await freshStore(dialect);
    // Demo data holds targets, so `start` serves without seeding it; the upload folder being a file stops `serve`.
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    const uploads = path.join(tmpdir(), `maaltal-uploads-${dialect}-${process.pid}`);
    writeFileSync(uploads, 'not a folder');
    const base = { MAALTAL_UPLOAD_DIR: uploads };
    for (const role of ['admin', 'steward', 'bfa_editor', 'viewer'] as const) {
      const user = await makeUser(store, role, { email: `${role}@example.dk` });
      const audit = { principal: principalOfUser(user), requestId: null, clientAddress: 'test' };
      const { token } = await createToken(store.db, audit, { name: 't', role, days: 30 }, MADE);
      env.set(role, { ...base, MAALTAL_TOKEN: token });
      principals.set(role, { kind: 'token', userId: user.id, role, bfaId: null, label: user.email });
    }
    env.set('invalid token', { ...base, MAALTAL_TOKEN: INVALID_TOKEN });
    principals.set('invalid token', ANONYMOUS);
    env.set('operator', base);
    principals.set('operator', { kind: 'cli', label: 'test' });
  });
  afterAll(async () => {
    await store.destroy();
  });

  it('records a token’s owner as who imported; shows withheld observations in `targets show` only with data.unsuppressed', async () => {
    const db = ['--database', store.setting];
    const shown = JSON.parse((await cli(['targets', 'show', '1', '--json', ...db])).stdout) as {
      data: { indicator: { code: string }; branchGroup: { code: string } };
    };
    const file = path.join(tmpdir(), `maaltal-small-cell-${dialect}-${process.pid}.csv`);
    writeFileSync(
      file,
      'indikator;branchegruppe;år;andel;antal_svar;serie\n' +
        `${shown.data.indicator.code};${shown.data.branchGroup.code};2026;88,8;20;NOA-L\n`,
    );
    // Imported with a steward's token: the batch and the audit trail name the token's owner.
    const imported = await cli(
      ['import', file, '--kind', 'observations', '--json', ...db],
      env.get('steward'),
    );
    expect(imported.code, imported.stderr).toBe(0);
    const batch = JSON.parse(imported.stdout) as { batchId: number };
    const [event] = await listAudit(store.db, { action: 'import', limit: 1 });
    expect(event).toMatchObject({ actorKind: 'token', entityId: String(batch.batchId) });
    expect(event?.actorLabel).toMatch(/^steward@example\.dk \(token \d+: t\)$/);
    const listed = JSON.parse((await cli(['imports', 'list', '--json', ...db])).stdout) as {
      importedBy: string;
    }[];
    expect(listed[0]?.importedBy).toBe(event?.actorLabel);
    const flagged = '[IKKE OFFENTLIGGJORT / NOT PUBLISHED]';
    for (const principal of WHO.filter((who) => who !== 'invalid token')) {
      const result = await cli(['targets', 'show', '1', ...db], env.get(principal));
      expect(result.code, principal).toBe(0);
      expect(result.stdout.includes(flagged), principal).toBe(STEWARDS.includes(principal));
    }
    const invalid = await cli(['targets', 'show', '1', ...db], env.get('invalid token'));
    expect([invalid.code, invalid.stdout]).toEqual([77, '']);
  });

  for (const command of COMMANDS) {
    it(command.name, async () => {
      const expected = EXPECTED[command.name];
      expect(expected, `${command.name} has no row in EXPECTED`).toBeDefined();
      const { permission, who, args } = expected as NonNullable<typeof expected>;
      for (const principal of WHO) {
        const allowed = who.includes(principal);
        expect(can(principals.get(principal) as Principal, command.permission), `${principal}: can()`).toBe(
          allowed,
        );
        const before = allowed ? '' : await fingerprint(store.db);
        const argv = [...command.name.split(' '), ...args, '--database', store.setting];
        const result = await cli(argv, env.get(principal));
        const label = `${command.name} as ${principal}: ${result.stderr}`;
        expect(result.stderr).not.toContain(env.get(principal)?.MAALTAL_TOKEN ?? 'no token');
        if (allowed) {
          expect(result.code, label).not.toBe(77);
          continue;
        }
        expect([result.code, result.stdout], label).toEqual([77, '']);
        expect(result.stderr, label).toContain(
          principal === 'invalid token' && permission !== 'system'
            ? 'MAALTAL_TOKEN: is unknown, expired or revoked, or its owner is disabled'
            : `"maaltal ${command.name}" needs the permission ${permission}`,
        );
        expect(await fingerprint(store.db), label).toBe(before);
      }
    });
  }
});
