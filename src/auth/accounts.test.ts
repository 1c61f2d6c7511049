// Accounts on both databases: password rules, logins with throttling shared by app instances, sessions with idle
// and absolute expiry, disabled users, API tokens no higher than their owner, one-time reset codes, and one audit row
// per change with its before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, principalOfUser, TEST_PASSWORD } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { operatorAudit } from '../audit/audit.service.js';
import { openStore, type Store } from '../db/connect.js';
import { createApp } from '../web/app.js';
import { changePassword, finishReset, setActive, setRole, startReset } from './accounts.service.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { logIn, resumeSession } from './sessions.service.js';
import { createToken, resumeToken, revokeToken } from './tokens.service.js';

const SETTINGS = { idleMinutes: 30, absoluteHours: 12, secureCookie: false };
const at = (iso: string) => new Date(iso);
const from = (address: string) => ({
  ...operatorAudit('x'),
  principal: { kind: 'anonymous' as const },
  clientAddress: address,
});

describe('password rules (NIST SP 800-63B)', () => {
  const owner = { name: 'Karen Hansen', email: 'karen.hansen@example.dk' };
  it('refuses short, common, repeated and personal passwords, and accepts a long phrase without composition rules', () => {
    expect(passwordProblem('kort', owner)?.messageDa).toBe('skal være mindst 12 tegn');
    for (const common of ['password1234', 'qwertyuiop123', '123456789012', 'Password123!', 'aaaaaaaaaaaaaa'])
      expect(passwordProblem(common, owner)?.message, common).toMatch(/too common/);
    expect(passwordProblem('karenhansen2024', owner)?.message).toMatch(/name or e-mail/);
    expect(passwordProblem('HansenKaren!!!!', owner)?.message).toMatch(/name or e-mail/);
    expect(passwordProblem('grøn kaffe på tagterrassen', owner)).toBeUndefined();
    expect(passwordProblem('x'.repeat(257), owner)?.message).toMatch(/at most 256/);
  });

  it('hashes with argon2id', async () => {
    expect(await hashPassword(TEST_PASSWORD)).toMatch(/^\$argon2id\$v=19\$/);
  });
});

describeEachDialect('accounts, sessions and tokens', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db);
  });
  afterAll(async () => store.destroy());

  const audits = (action: string) =>
    store.db.selectFrom('auditEvent').selectAll().where('action', '=', action).orderBy('id').execute();

  it('logs in with the right password only, with one message for an unknown user and a wrong password', async () => {
    const user = await makeUser(store, 'viewer', { email: 'login@example.dk' });
    const unknown = await logIn(
      store.db,
      from('10.0.0.1'),
      { email: 'nobody@example.dk', password: TEST_PASSWORD },
      new Date(),
    ).catch((e) => e);
    const wrong = await logIn(
      store.db,
      from('10.0.0.1'),
      { email: 'login@example.dk', password: 'wrong password!' },
      new Date(),
    ).catch((e) => e);
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.issues).toEqual(wrong.issues);
    const session = await logIn(
      store.db,
      from('10.0.0.1'),
      { email: ' LOGIN@example.dk', password: TEST_PASSWORD },
      new Date(),
    );
    expect(session.userId).toBe(user.id);
    expect(session.sessionId).toMatch(/^[\w-]{43}$/);
    const stored = await store.db.selectFrom('userSession').selectAll().execute();
    expect(stored.some((row) => row.idHash === session.sessionId)).toBe(false);
    const failed = await audits('login.failed');
    expect(failed.map((row) => JSON.parse(row.afterJson ?? '{}').email)).toEqual([
      'nobody@example.dk',
      'login@example.dk',
    ]);
    expect(failed.every((row) => row.clientAddress === '10.0.0.1' && row.actorKind === 'anonymous')).toBe(
      true,
    );
  });

  it('throttles failed logins per account with a growing delay, and per client address', async () => {
    await makeUser(store, 'viewer', { email: 'throttle@example.dk' });
    const attempt = (address: string, password: string, when: Date) =>
      logIn(store.db, from(address), { email: 'throttle@example.dk', password }, when).then(
        () => 'ok',
        (error) => error.code as string,
      );
    const t0 = new Date('2030-01-01T10:00:00Z');
    for (let i = 0; i < 5; i++)
      expect(await attempt(`10.1.0.${i}`, 'wrong wrong wrong', t0)).toBe('unauthorized');
    // The account now waits, from every address, even with the right password.
    expect(await attempt('10.1.0.99', TEST_PASSWORD, t0)).toBe('busy');
    expect(await attempt('10.1.0.99', TEST_PASSWORD, new Date(t0.getTime() + 1500))).toBe('ok');
    // 20 failures from one address, over many accounts, hold that address back.
    for (let i = 0; i < 20; i++) {
      await logIn(
        store.db,
        from('10.2.0.1'),
        { email: `x${i}@example.dk`, password: 'wrong wrong wrong' },
        t0,
      ).catch(() => {});
    }
    const held = await logIn(
      store.db,
      from('10.2.0.1'),
      { email: 'throttle@example.dk', password: TEST_PASSWORD },
      t0,
    ).catch((e) => e);
    expect(held.code).toBe('busy');
    const throttled = await audits('login.throttled');
    expect(throttled.map((row) => [row.clientAddress, JSON.parse(row.afterJson ?? '{}').email])).toEqual([
      ['10.1.0.99', 'throttle@example.dk'],
      ['10.2.0.1', 'throttle@example.dk'],
    ]);
    expect(held.issues[0].messageDa).toMatch(/for mange fejlslagne logins; prøv igen om \d+ sekunder/);
  });

  it('does not hold back a free attempt whose clock was read a moment before a concurrent one', async () => {
    await makeUser(store, 'viewer', { email: 'clocks@example.dk' });
    const attempt = (address: string, when: Date) =>
      logIn(
        store.db,
        from(address),
        { email: 'clocks@example.dk', password: 'wrong wrong wrong' },
        when,
      ).then(
        () => 'ok',
        (error) => error.code as string,
      );
    const t0 = new Date('2031-01-01T10:00:00Z');
    // The later clock is counted first, as happens when two requests race: the earlier one is still free.
    expect(await attempt('10.3.0.1', new Date(t0.getTime() + 200))).toBe('unauthorized');
    expect(await attempt('10.3.0.2', t0)).toBe('unauthorized');
    const row = await store.db
      .selectFrom('loginThrottle')
      .selectAll()
      .where('key', '=', 'account:clocks@example.dk')
      .executeTakeFirst();
    expect(row?.failures).toBe(2);
  });

  it('ends a session after its idle time and after its absolute time, and at once when its user is disabled', async () => {
    const user = await makeUser(store, 'steward', { email: 'session@example.dk' });
    const start = at('2030-02-01T08:00:00Z');
    const open = () =>
      logIn(store.db, from('10.3.0.1'), { email: 'session@example.dk', password: TEST_PASSWORD }, start);
    const idle = await open();
    expect(await resumeSession(store.db, idle.sessionId, SETTINGS, at('2030-02-01T08:29:00Z'))).toBeDefined();
    expect(await resumeSession(store.db, idle.sessionId, SETTINGS, at('2030-02-01T08:58:00Z'))).toBeDefined();
    expect(
      await resumeSession(store.db, idle.sessionId, SETTINGS, at('2030-02-01T09:29:00Z')),
    ).toBeUndefined();
    const busy = await open();
    for (let minute = 20; minute < 12 * 60; minute += 20) {
      const when = new Date(start.getTime() + minute * 60_000);
      expect(await resumeSession(store.db, busy.sessionId, SETTINGS, when), `${minute}`).toBeDefined();
    }
    expect(
      await resumeSession(store.db, busy.sessionId, SETTINGS, at('2030-02-01T20:00:00Z')),
    ).toBeUndefined();
    const live = await open();
    await setActive(store.db, operatorAudit('admin'), user.email, false, start);
    expect(await resumeSession(store.db, live.sessionId, SETTINGS, start)).toBeUndefined();
    expect(
      await logIn(store.db, from('10.3.0.2'), { email: user.email, password: TEST_PASSWORD }, start).catch(
        (e) => e.code,
      ),
    ).toBe('unauthorized');
    const [disabled] = await audits('user.disable');
    expect(JSON.parse(disabled?.beforeJson ?? '{}')).toMatchObject({ email: user.email, active: true });
    expect(JSON.parse(disabled?.afterJson ?? '{}')).toMatchObject({ email: user.email, active: false });
    expect(disabled?.afterJson).not.toMatch(/argon2|passwordHash/);
  });

  it('makes API tokens no higher than their owner, stored as digests; revoked, expired or disabled ones stop', async () => {
    const steward = await makeUser(store, 'steward');
    const audit = { principal: principalOfUser(steward), requestId: null, clientAddress: 'test' };
    const now = new Date();
    const tooHigh = await createToken(store.db, audit, { name: 'x', role: 'admin', days: 30 }, now).catch(
      (e) => e,
    );
    expect(tooHigh.issues[0].field).toBe('role');
    const { token, record } = await createToken(
      store.db,
      audit,
      { name: 'script', role: 'viewer', days: 1 },
      now,
    );
    expect(token).toMatch(/^mlt_[\w-]{43}$/);
    const rows = await store.db.selectFrom('apiToken').select('tokenHash').execute();
    expect(rows.some((row) => row.tokenHash.includes(token))).toBe(false);
    expect(await resumeToken(store.db, token, now)).toMatchObject({
      kind: 'token',
      role: 'viewer',
      userId: steward.id,
    });
    expect(
      (
        await store.db
          .selectFrom('apiToken')
          .select('lastUsedAt')
          .where('id', '=', record.id)
          .executeTakeFirst()
      )?.lastUsedAt,
    ).not.toBeNull();
    expect(await resumeToken(store.db, token, new Date(now.getTime() + 2 * 86_400_000))).toBeUndefined();
    await revokeToken(store.db, audit, record.id, now);
    expect(await resumeToken(store.db, token, now)).toBeUndefined();
    const second = await createToken(store.db, audit, { name: 'two', role: 'steward', days: 30 }, now);
    await setRole(store.db, operatorAudit('admin'), steward.email, 'viewer', undefined, now);
    expect(await resumeToken(store.db, second.token, now)).toBeUndefined();
    expect((await audits('token.create')).length).toBeGreaterThanOrEqual(2);
    const [revoked] = await audits('token.revoke');
    expect(JSON.parse(revoked?.afterJson ?? '{}').revokedAt).not.toBeNull();
    expect(revoked?.afterJson).not.toContain(token);
  });

  it('keeps at least one active admin: the last one cannot be disabled or lose the role', async () => {
    // Only the admin made here is active (set up directly: the rule under test would refuse the last of the others).
    await store.db.updateTable('appUser').set({ active: 0 }).where('role', '=', 'admin').execute();
    const last = await makeUser(store, 'admin', { email: 'last-admin@example.dk' });
    const others = await store.db
      .selectFrom('appUser')
      .select('email')
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .execute();
    expect(others.map((row) => row.email)).toEqual([last.email]);
    expect(
      (await setActive(store.db, operatorAudit('x'), last.email, false, new Date()).catch((e) => e)).code,
    ).toBe('conflict');
    expect(
      (
        await setRole(store.db, operatorAudit('x'), last.email, 'steward', undefined, new Date()).catch(
          (e) => e,
        )
      ).code,
    ).toBe('conflict');
    const second = await makeUser(store, 'admin');
    await setRole(store.db, operatorAudit('x'), last.email, 'steward', undefined, new Date());
    expect(
      (await setActive(store.db, operatorAudit('x'), second.email, false, new Date()).catch((e) => e)).code,
    ).toBe('conflict');
  });

  it('sets a new password with a one-time code once, and a signed-in change needs the current password', async () => {
    const user = await makeUser(store, 'viewer', { email: 'reset@example.dk' });
    const code = await startReset(store.db, operatorAudit('admin'), user.email, new Date());
    const weak = await finishReset(store.db, operatorAudit('x'), code, 'password1234', new Date()).catch(
      (e) => e,
    );
    expect(weak.issues[0].field).toBe('password');
    await finishReset(store.db, operatorAudit('x'), code, 'en helt ny sætning til mig', new Date());
    const again = await finishReset(
      store.db,
      operatorAudit('x'),
      code,
      'en anden ny sætning igen',
      new Date(),
    ).catch((e) => e);
    expect(again.issues[0].field).toBe('code');
    const audit = { principal: principalOfUser(user), requestId: null, clientAddress: 'test' };
    const wrong = await changePassword(
      store.db,
      audit,
      user.id,
      'not it at all',
      'endnu en ny sætning her',
      new Date(),
    ).catch((e) => e);
    expect(wrong.issues[0].field).toBe('current');
    await changePassword(
      store.db,
      audit,
      user.id,
      'en helt ny sætning til mig',
      'endnu en ny sætning her',
      new Date(),
    );
    const session = await logIn(
      store.db,
      from('10.4.0.1'),
      { email: user.email, password: 'endnu en ny sætning her' },
      new Date(),
    );
    expect(session.userId).toBe(user.id);
    const changes = await store.db
      .selectFrom('auditEvent')
      .select('afterJson')
      .where('entity', '=', 'user')
      .execute();
    expect(changes.map((row) => row.afterJson ?? '').join('')).not.toMatch(/sætning|argon2|password1234/);
  });
});

describe('login throttling across two app instances on one PostgreSQL', () => {
  let store: TestStore;
  let second: Store;
  beforeAll(async () => {
    store = await freshStore('postgres');
    await seedStore(store.db);
    second = await openStore({ dialect: 'postgres', url: store.setting, display: 'second' });
    await makeUser(store, 'viewer', { email: 'shared@example.dk' });
  });
  afterAll(async () => {
    await second.close();
    await store.destroy();
  });

  it('counts failures sent to either instance, at once, and holds the account back on both', async () => {
    const apps = [createApp(store), createApp(second)];
    const login = (app: (typeof apps)[number], password: string) =>
      app.request('/en/redaktion/login', {
        method: 'POST',
        body: new URLSearchParams({ email: 'shared@example.dk', password, next: '/redaktion/konto' }),
      });
    const failures = await Promise.all(
      Array.from({ length: 6 }, (_, i) => login(apps[i % 2] as (typeof apps)[number], 'wrong wrong wrong')),
    );
    expect(failures.every((response) => response.status === 401)).toBe(true);
    const counted = await store.db
      .selectFrom('loginThrottle')
      .selectAll()
      .where('key', '=', 'account:shared@example.dk')
      .executeTakeFirst();
    // Five were checked; the sixth, sent at the same moment, already met the wait the fifth began.
    expect(counted?.failures).toBe(5);
    expect(failures.filter((response) => response.status === 401)).toHaveLength(6);
    for (const app of apps) {
      const held = await login(app, TEST_PASSWORD);
      expect(held.status).toBe(401);
      expect(await held.text()).toMatch(/too many failed logins; try again in \d+ seconds/);
    }
  });
});
