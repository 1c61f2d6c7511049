// `maaltal users …` on both databases: adding (password from standard input, refused when common, or none with the
// hint to make a code), listing, disabling, enabling, one-time codes and roles; problems name the flag; every change
// is audited with the principal that ran the command; no password is ever printed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { type AuditContext, listAudit } from '../audit/audit.service.js';
import { userByEmail } from './accounts.repository.js';
import { addUser, finishReset, type User } from './accounts.service.js';
import { passwordMatches } from './passwords.js';
import { createToken, revokeToken } from './tokens.service.js';

const PASSWORD = 'seven quiet herons at dusk';
const NOW = new Date('2026-01-01T12:00:00Z');
const operator: AuditContext = {
  principal: { kind: 'cli', label: 'ops' },
  requestId: null,
  clientAddress: 'cli',
};

describeEachDialect('maaltal users', (dialect) => {
  let store: TestStore;
  const run = (args: string[], stdin = '', env: NodeJS.ProcessEnv = {}) =>
    cli(['users', ...args, '--database', store.setting], env, stdin);
  const listed = async () => JSON.parse((await run(['list', '--json'])).stdout) as User[];
  const byEmail = async (email: string) => (await listed()).find((user) => user.email === email);

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db);
  });
  afterAll(async () => {
    await store.destroy();
  });

  it('adds a user with the password from standard input, never printing it', async () => {
    const added = await run(
      ['add', 'Anne@Example.dk', '--name', 'Anne Andersen', '--role', 'admin', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(added).toEqual({ code: 0, stdout: 'Added user #1 anne@example.dk (admin)\n', stderr: '' });
    const row = await userByEmail(store.db, 'anne@example.dk');
    expect(await passwordMatches(row?.passwordHash as string, PASSWORD)).toBe(true);
    const events = await listAudit(store.db, { action: 'user.create' });
    expect(events.map((event) => [event.actorKind, event.actorLabel, event.clientAddress])).toEqual([
      ['cli', 'test', 'cli'],
    ]);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it('refuses a common password with the rule’s message, in Danish with --lang da, adding nobody', async () => {
    const args = ['add', 'bo@example.dk', '--name', 'Bo Berg', '--role', 'viewer', '--password-stdin'];
    const refused = await run(args, 'password1234\n');
    expect(refused.code).toBe(65);
    expect(refused.stderr).toBe(
      'maaltal: The password cannot be used: password: is too common or easy to guess; choose a longer phrase of your own\n',
    );
    expect(refused.stdout).toBe('');
    const danish = await run([...args, '--lang', 'da'], 'password1234\n');
    expect(danish.stderr).toContain('password: er for almindelig eller let at gætte');
    const empty = await run(args, '\n');
    expect([empty.code, empty.stderr]).toEqual([
      64,
      'maaltal: No password on standard input: --password-stdin: standard input held no password (one line is read)\n',
    ]);
    expect(await byEmail('bo@example.dk')).toBeUndefined();
  });

  it('adds a user without a password and says how to make a one-time code', async () => {
    const added = await run(['add', 'carl@example.dk', '--name', 'Carl Carlsen', '--role', 'steward']);
    expect(added.code).toBe(0);
    expect(added.stdout).toBe(
      'Added user #2 carl@example.dk (steward)\n' +
        'No password is set: make a one-time code for it with `maaltal users reset-password carl@example.dk`\n',
    );
    expect(await byEmail('carl@example.dk')).toMatchObject({
      role: 'steward',
      hasPassword: false,
      active: true,
    });
  });

  it('adds a BFA editor with the BFA, and names the flag of every problem', async () => {
    const added = await run([
      'add',
      'dorte@example.dk',
      '--name',
      'Dorte Dam',
      '--role',
      'bfa_editor',
      '--bfa',
      'voa',
    ]);
    expect(added.stdout).toContain('Added user #3 dorte@example.dk (bfa_editor of BFA voa)');
    const cases: [string[], number, string][] = [
      [['add', 'e@example.dk', '--role', 'viewer'], 64, '--name: is required'],
      [['add', 'e@example.dk', '--name', 'E'], 64, '--role: is required'],
      [['add', 'e@example.dk', '--name', 'E', '--role', 'boss'], 65, '--role: must be one of admin, steward'],
      [['add', 'not-an-address', '--name', 'E', '--role', 'viewer'], 65, 'EMAIL: is not an e-mail address'],
      [
        ['add', 'e@example.dk', '--name', 'E', '--role', 'bfa_editor'],
        65,
        '--bfa: is required for the bfa_editor',
      ],
      [
        ['add', 'e@example.dk', '--name', 'E', '--role', 'viewer', '--bfa', 'voa'],
        65,
        '--bfa: only the bfa_editor',
      ],
      [['add', 'carl@example.dk', '--name', 'C', '--role', 'viewer'], 75, 'EMAIL: is already in use'],
      [['disable', 'nobody@example.dk'], 66, 'EMAIL: no such user'],
      [['set-role', 'carl@example.dk'], 64, '--role: is required'],
    ];
    for (const [args, code, message] of cases) {
      const result = await run(args);
      expect([result.code, result.stderr], args.join(' ')).toEqual([code, expect.stringContaining(message)]);
    }
    const danish = await run([
      'add',
      'e@example.dk',
      '--name',
      'E',
      '--role',
      'bfa_editor',
      '--bfa',
      'xyz',
      '--lang',
      'da',
    ]);
    expect(danish.stderr).toContain('--bfa: intet BFA har koden "xyz"');
    expect(await byEmail('e@example.dk')).toBeUndefined();
  });

  it('lists the users as text and JSON', async () => {
    const text = await run(['list']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')).toEqual([
      '#1  anne@example.dk  Anne Andersen  admin  active  password set  created 2026-01-02',
      '#2  carl@example.dk  Carl Carlsen  steward  active  no password  created 2026-01-02',
      '#3  dorte@example.dk  Dorte Dam  bfa_editor of BFA voa  active  no password  created 2026-01-02',
      '3 user(s)',
      '',
    ]);
    const json = await listed();
    expect(json.map((user) => [user.id, user.email, user.role, user.bfa])).toEqual([
      [1, 'anne@example.dk', 'admin', null],
      [2, 'carl@example.dk', 'steward', null],
      [3, 'dorte@example.dk', 'bfa_editor', 'voa'],
    ]);
    expect(JSON.stringify(json)).not.toMatch(/hash|argon/i);
  });

  it('disables and enables a user', async () => {
    const disabled = await run(['disable', 'carl@example.dk']);
    expect(disabled.stdout).toBe(
      'Disabled carl@example.dk: their sessions have ended, and their API tokens do not work while they are disabled\n',
    );
    expect((await byEmail('carl@example.dk'))?.active).toBe(false);
    expect((await run(['list'])).stdout).toContain('carl@example.dk  Carl Carlsen  steward  disabled');
    expect((await run(['enable', 'carl@example.dk'])).stdout).toBe('Enabled carl@example.dk\n');
    expect((await byEmail('carl@example.dk'))?.active).toBe(true);
    const actions = (await listAudit(store.db, {})).map((event) => event.action);
    expect(actions.slice(0, 2)).toEqual(['user.enable', 'user.disable']);
  });

  it('prints a one-time code once, valid 24 hours, that sets a password at /redaktion/nulstil', async () => {
    const result = await run(['reset-password', 'carl@example.dk']);
    expect(result.code).toBe(0);
    const [first, codeLine, validity] = result.stdout.split('\n');
    expect(first).toBe('One-time code for carl@example.dk (shown only now; earlier codes no longer work):');
    expect(validity).toBe(
      'It is valid for 24 hours and is used at /redaktion/nulstil (in English /en/redaktion/nulstil) to set a new password.',
    );
    const code = codeLine?.trim() as string;
    expect(code.length).toBeGreaterThan(20);
    const audit = JSON.stringify(await listAudit(store.db, { action: 'user.reset_start' }));
    expect(audit).not.toContain(code);
    await finishReset(store.db, operator, code, PASSWORD, new Date('2026-01-02T10:00:00Z'));
    expect((await byEmail('carl@example.dk'))?.hasPassword).toBe(true);
  });

  it('changes a role; a BFA editor needs an existing BFA', async () => {
    expect((await run(['set-role', 'carl@example.dk', '--role', 'viewer'])).stdout).toBe(
      'carl@example.dk is now viewer\n',
    );
    expect((await run(['set-role', 'carl@example.dk', '--role', 'bfa_editor', '--bfa', 'voa'])).stdout).toBe(
      'carl@example.dk is now bfa_editor of BFA voa\n',
    );
    const refused = await run(['set-role', 'carl@example.dk', '--role', 'bfa_editor', '--bfa', 'nope']);
    expect([refused.code, refused.stderr]).toEqual([
      65,
      expect.stringContaining('--bfa: no BFA has the code "nope"'),
    ]);
    expect(await byEmail('carl@example.dk')).toMatchObject({ role: 'bfa_editor', bfa: 'voa' });
  });

  it('refuses an expired or revoked token, never printing it', async () => {
    const admin = (await byEmail('anne@example.dk')) as User;
    const audit = {
      principal: {
        kind: 'user' as const,
        userId: admin.id,
        role: admin.role,
        bfaId: null,
        label: admin.email,
      },
      requestId: null,
      clientAddress: 'test',
    };
    const expired = await createToken(
      store.db,
      audit,
      { name: 'old', role: 'admin', days: 1 },
      new Date('2025-12-01'),
    );
    const revoked = await createToken(store.db, audit, { name: 'gone', role: 'admin', days: 30 }, NOW);
    await revokeToken(store.db, audit, revoked.record.id, NOW);
    for (const { token } of [expired, revoked]) {
      const result = await run(['list'], '', { MAALTAL_TOKEN: token });
      expect(result).toEqual({
        code: 77,
        stdout: '',
        stderr:
          'maaltal: The API token in MAALTAL_TOKEN cannot be used: MAALTAL_TOKEN: is unknown, expired or revoked, or its owner is disabled\n',
      });
    }
    const danish = await run(['list', '--lang', 'da'], '', { MAALTAL_TOKEN: expired.token });
    expect(danish.stderr).toBe(
      'maaltal: MAALTAL_TOKEN: er ukendt, udløbet eller tilbagekaldt, eller dets ejer er deaktiveret\n',
    );
  });

  it('acts as the owner of MAALTAL_TOKEN in the audit trail, and refuses a role without users.manage', async () => {
    const admin = (await byEmail('anne@example.dk')) as User;
    const tokenFor = async (user: User, role: 'admin' | 'steward') =>
      (
        await createToken(
          store.db,
          {
            principal: { kind: 'user', userId: user.id, role: user.role, bfaId: null, label: user.email },
            requestId: null,
            clientAddress: 'test',
          },
          { name: 'cli', role, days: 30 },
          NOW,
        )
      ).token;
    const token = await tokenFor(admin, 'admin');
    const result = await run(['set-role', 'dorte@example.dk', '--role', 'viewer'], '', {
      MAALTAL_TOKEN: token,
    });
    expect(result.code).toBe(0);
    const [event] = await listAudit(store.db, { action: 'user.set_role', limit: 1 });
    expect(event).toMatchObject({
      actorKind: 'token',
      actorLabel: expect.stringContaining('anne@example.dk (token'),
    });
    const steward = await addUser(
      store.db,
      operator,
      { email: 'sif@example.dk', name: 'Sif', role: 'steward' },
      NOW,
    );
    const stewardToken = await tokenFor(steward, 'steward');
    const danish = await run(['list', '--lang', 'da'], '', { MAALTAL_TOKEN: stewardToken });
    expect(danish.stderr).toBe(
      'maaltal: MAALTAL_TOKEN: "maaltal users list" kræver tilladelsen users.manage, som tokenets rolle (steward) ikke giver\n',
    );
    const refused = await run(['list'], '', { MAALTAL_TOKEN: stewardToken });
    expect(refused).toEqual({
      code: 77,
      stdout: '',
      stderr:
        'maaltal: Not allowed: MAALTAL_TOKEN: "maaltal users list" needs the permission users.manage, which the token\'s role (steward) does not grant\n',
    });
  });
});
