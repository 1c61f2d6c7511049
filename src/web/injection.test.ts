// SQL injection through every filter and form field, on both databases. Classic payloads (quotes, comments, stacked
// statements, UNION SELECTs of the password hashes, encoded and unicode quotes, NUL, very long strings) go into every
// query-parameter filter of the public API and pages, the audit trail's filters (as an admin), path parameters, and
// every form field (login, user, API token, comment, reset code, password change, API comment). No answer may be a
// server error; a filter that matches nothing must answer with nothing (not every row); no answer may carry a password
// hash, a token or session digest, another session's CSRF token or another user's address; and the database must be
// what it was, apart from what the requests legitimately add: audit rows, login throttle rows, and the users, tokens
// and comments the forms create, each holding the payload as the literal text it is.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerFor, makeUser, sessionOf } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { dumpDatabase, seedStore } from '../../test/seed.js';
import type { User } from '../auth/accounts.service.js';
import { createApp } from './app.js';

const LONG = `' OR 1=1 -- ${'x'.repeat(100_000)}`;

const PAYLOADS = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '" OR ""="',
  "1' OR '1'='1' /*",
  '1 OR 1=1',
  '1; DROP TABLE app_user; --',
  "1'; DROP TABLE app_user; --",
  "x'); DELETE FROM audit_event; --",
  "') UNION SELECT password_hash FROM app_user --",
  "' UNION SELECT email, password_hash, NULL, NULL FROM app_user --",
  "1' AND (SELECT COUNT(*) FROM app_user) > 0 --",
  "'; SELECT pg_sleep(2); --",
  "admin'--",
  '%27',
  '%27%20OR%201%3D1--',
  '\u2019 OR 1=1 --',
  '\u02bc OR \u02bc1\u02bc=\u02bc1',
  '\uff07 OR 1=1 --',
  '\u201c OR \u201d\u201d=\u201d',
  "\\' OR 1=1 --",
  '$1',
  '?',
  ':name',
  '*/ OR 1=1 /*',
  "🙂' OR 1=1 --",
  'a\u0000b',
  LONG,
];

const encode = encodeURIComponent;

const OK_STATUS = [200, 400, 404];

describeEachDialect('SQL injection through filters and form fields', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const errors: unknown[] = [];
  let admin: User;
  let adminSession = { cookie: '', csrf: '' };
  let bearer: Record<string, string> = {};
  let victim: User;
  let targetId = 0;

  /** Every table's name and row count. */
  async function tableCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of await store.db.introspection.getTables()) {
      const row = await store.db
        .selectFrom(table.name as 'meta')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table.name] = Number(row.n);
    }
    return counts;
  }

  /** The account tables as rows, without the times a request may touch (last seen, last used). */
  async function accounts() {
    const sorted = <T extends Record<string, unknown>>(rows: T[]) =>
      rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
    return {
      appUser: sorted(await store.db.selectFrom('appUser').selectAll().execute()),
      userSession: sorted(
        (await store.db.selectFrom('userSession').selectAll().execute()).map(({ lastSeenAt, ...row }) => row),
      ),
      apiToken: sorted(
        (await store.db.selectFrom('apiToken').selectAll().execute()).map(({ lastUsedAt, ...row }) => row),
      ),
      passwordReset: sorted(await store.db.selectFrom('passwordReset').selectAll().execute()),
      targetComment: sorted(await store.db.selectFrom('targetComment').selectAll().execute()),
    };
  }

  /** What no answer may hold: digests and hashes of every account table, other sessions' CSRF tokens. */
  async function forbiddenTexts(): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    for (const row of await store.db.selectFrom('appUser').select(['email', 'passwordHash']).execute())
      if (row.passwordHash !== null) texts.set(row.passwordHash, `password hash of ${row.email}`);
    for (const row of await store.db.selectFrom('apiToken').select(['id', 'tokenHash']).execute())
      texts.set(row.tokenHash, `digest of token ${row.id}`);
    for (const row of await store.db.selectFrom('userSession').select(['idHash', 'csrfToken']).execute()) {
      texts.set(row.idHash, 'digest of a session id');
      if (row.csrfToken !== adminSession.csrf) texts.set(row.csrfToken, 'CSRF token of another session');
    }
    for (const row of await store.db.selectFrom('passwordReset').select('codeHash').execute())
      texts.set(row.codeHash, 'digest of a reset code');
    texts.set('$argon2', 'an argon2 hash');
    return texts;
  }

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    app = createApp(store, { logError: (error) => errors.push(error) });
    admin = await makeUser(store, 'admin', { email: 'injection-admin@example.dk' });
    adminSession = await sessionOf(store, admin);
    bearer = await bearerFor(store, 'admin');
    // Someone else's rows the answers must never show: a user with a session, a token and an audit trail.
    victim = await makeUser(store, 'steward', { email: 'victim-7f3a@example.dk' });
    await sessionOf(store, victim);
    targetId = (await store.db.selectFrom('target').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(async () => store?.destroy());

  interface Sent {
    request: string;
    status: number;
    body: string;
  }

  async function send(path: string, init: RequestInit = {}): Promise<Sent> {
    const response = await app.request(path, init);
    const request = `${init.method ?? 'GET'} ${path.length > 120 ? `${path.slice(0, 100)}…` : path}`;
    // A download that fails while it streams has begun with 200: its broken body counts as a server error.
    const body = await response.text().catch((error: unknown) => `\u0000broken: ${String(error)}`);
    return { request, status: body.startsWith('\u0000broken') ? 500 : response.status, body };
  }

  const asAdmin = (path: string) => send(path, { headers: { cookie: adminSession.cookie } });
  const form = (path: string, fields: Record<string, string>, signedIn = true) =>
    send(path, {
      method: 'POST',
      ...(signedIn ? { headers: { cookie: adminSession.cookie } } : {}),
      body: new URLSearchParams(signedIn ? { _csrf: adminSession.csrf, ...fields } : fields),
    });

  /** Problems with the answers: a server error or an unexpected status, a forbidden text, another user's address. */
  async function problemsOf(answers: Sent[], options: { filter: boolean }): Promise<string[]> {
    const forbidden = await forbiddenTexts();
    const problems: string[] = [];
    for (const { request, status, body } of answers) {
      if (!OK_STATUS.includes(status) && !(options.filter ? [] : [201, 303, 401]).includes(status))
        problems.push(`${request} → ${status}`);
      for (const [text, what] of forbidden)
        if (body.includes(text)) problems.push(`${request} shows ${what}`);
      if (options.filter && body.includes(victim.email))
        problems.push(`${request} shows another user's address`);
    }
    return problems;
  }

  it('answers every payload in every filter with 200, 400 or 404, showing nothing it should not', async () => {
    const before = {
      counts: await tableCounts(),
      dump: await dumpDatabase(store.db),
      accounts: await accounts(),
    };
    const answers: Sent[] = [];
    const emptyMatches: string[] = [];
    for (const payload of PAYLOADS) {
      const q = encode(payload);
      // The target list by goal and branch: a code that matches nothing lists nothing.
      for (const name of ['goal', 'branch']) {
        const sent = await send(`/api/v1/targets?${name}=${q}`);
        answers.push(sent);
        if (sent.status === 200 && (JSON.parse(sent.body) as { data: unknown[] }).data.length > 0)
          emptyMatches.push(`${sent.request} lists targets`);
      }
      // Accident statistics: every filter, alone and together.
      for (const name of [
        'branch',
        'mainGroup',
        'from',
        'to',
        'groupBy',
        'ageBand',
        'sex',
        'severity',
        'convention',
      ])
        answers.push(await send(`/api/v1/accidents/rates?${name}=${q}`));
      answers.push(
        await send(`/api/v1/accidents/rates?branch=${q}&mainGroup=${q}&from=${q}&to=${q}&groupBy=${q}`),
      );
      answers.push(await send(`/api/v1/accidents/trend?branch=${q}`));
      answers.push(await send(`/ulykker?branch=${q}&mainGroup=${q}`));
      // Path parameters, encoded and (where the URL allows it) as typed.
      for (const path of [
        `/api/v1/branches/${q}`,
        `/branche/${q}`,
        `/maal/${q}`,
        `/en/maal/${q}`,
        `/api/v1/targets/${q}`,
        `/api/v1/targets/${q}/assessment`,
        `/api/v1/targets/${q}/observations.csv`,
        `/maaltal/${q}`,
      ])
        answers.push(await send(path));
      // The audit trail's filters, as an admin: nothing matches a payload, so no event is shown.
      for (const name of ['user', 'entity', 'action', 'from', 'to', 'limit']) {
        const sent = await asAdmin(`/redaktion/log?${name}=${q}`);
        answers.push(sent);
        if (sent.status === 200 && !sent.body.includes('Ingen hændelser passer til filtret.'))
          emptyMatches.push(`${sent.request} shows events`);
        const csv = await asAdmin(`/redaktion/log.csv?${name}=${q}`);
        answers.push(csv);
        if (csv.status === 200 && csv.body.trim().split('\n').length > 1)
          emptyMatches.push(`${csv.request} lists events`);
      }
      answers.push(await asAdmin(`/redaktion/log?user=${q}&entity=${q}&action=${q}`));
      answers.push(await asAdmin(`/api/v1/targets/${targetId}/comments?x=${q}`));
    }
    // Raw quotes, semicolons and comments in the address itself (a client that does not encode them).
    for (const raw of ["'", "'--", "';DROP%20TABLE%20app_user;--", '%27%20OR%201=1--', '1%20OR%201=1'])
      for (const path of [
        `/api/v1/branches/${raw}`,
        `/maal/${raw}`,
        `/api/v1/targets/${raw}`,
        `/api/v1/targets?goal=${raw}`,
      ])
        answers.push(await send(path));

    expect(await problemsOf(answers, { filter: true })).toEqual([]);
    expect(emptyMatches).toEqual([]);
    expect(errors.map(String)).toEqual([]);
    const after = {
      counts: await tableCounts(),
      dump: await dumpDatabase(store.db),
      accounts: await accounts(),
    };
    expect(after.dump).toEqual(before.dump);
    expect(after.accounts).toEqual(before.accounts);
    // Reading never writes, except sessions being seen (a column left out above).
    expect(after.counts).toEqual(before.counts);
  }, 300_000);

  it('stores every payload in every form field as literal text, or refuses it, changing nothing else', async () => {
    const before = {
      counts: await tableCounts(),
      dump: await dumpDatabase(store.db),
      accounts: await accounts(),
    };
    const answers: Sent[] = [];
    const expected = { users: [] as string[], tokens: [] as string[], comments: [] as string[] };
    for (const [i, payload] of PAYLOADS.entries()) {
      // Login: the e-mail address and the password (refused; the throttle and the audit trail record it).
      answers.push(await form('/redaktion/login', { email: payload, password: payload }, false));
      answers.push(await form('/redaktion/login', { email: victim.email, password: payload }, false));
      answers.push(
        await form('/redaktion/login', { email: payload, password: 'a long test phrase nobody uses' }, false),
      );
      // A new user: the address (refused: not an address) and the name (stored as given).
      answers.push(
        await form('/redaktion/brugere', { email: payload, name: 'Navn', role: 'viewer', bfa: '' }),
      );
      const added = await form('/redaktion/brugere', {
        email: `injection-${i}@example.dk`,
        name: payload,
        role: 'viewer',
        bfa: '',
      });
      answers.push(added);
      if (added.status === 200) expected.users.push(payload.trim());
      answers.push(
        await form('/redaktion/brugere', {
          email: `injection-role-${i}@example.dk`,
          name: 'N',
          role: payload,
          bfa: payload,
        }),
      );
      // An API token: the name (stored as given), the role and the days (refused).
      const token = await form('/redaktion/konto/tokens', { name: payload, role: 'viewer', days: '7' });
      answers.push(token);
      if (token.status === 200) expected.tokens.push(payload.trim());
      answers.push(await form('/redaktion/konto/tokens', { name: 'ok', role: payload, days: payload }));
      // A comment, by form and by the API.
      const comment = await form(`/redaktion/maaltal/${targetId}/kommentarer`, { body: payload });
      answers.push(comment);
      if (comment.status === 303) expected.comments.push(payload.trim());
      const api = await send(`/api/v1/targets/${targetId}/comments`, {
        method: 'POST',
        headers: { ...bearer, 'content-type': 'application/json' },
        body: JSON.stringify({ body: payload }),
      });
      answers.push(api);
      if (api.status === 201) expected.comments.push(payload.trim());
      // A reset code and a password change (refused).
      answers.push(await form('/redaktion/nulstil', { code: payload, password: payload }, false));
      answers.push(await form('/redaktion/konto/adgangskode', { current: payload, password: payload }));
      // A path parameter of a form's action.
      answers.push(await form(`/redaktion/brugere/${encode(payload)}/deaktiver`, {}));
      answers.push(await form(`/redaktion/konto/tokens/${encode(payload)}/tilbagekald`, {}));
    }

    expect(await problemsOf(answers, { filter: false })).toEqual([]);
    expect(errors.map(String)).toEqual([]);
    // Most payloads are acceptable text and were stored; the long one and the empty-looking ones were refused.
    expect(expected.users.length).toBeGreaterThan(PAYLOADS.length / 2);
    expect(expected.tokens.length).toBeGreaterThan(PAYLOADS.length / 2);
    expect(expected.comments.length).toBeGreaterThan(PAYLOADS.length);

    const after = {
      counts: await tableCounts(),
      dump: await dumpDatabase(store.db),
      accounts: await accounts(),
    };
    expect(after.dump).toEqual(before.dump);
    // Every earlier account row is still there as it was; the new ones hold the payloads as given.
    const added = (kind: keyof typeof before.accounts) =>
      after.accounts[kind]
        .filter((row) => !before.accounts[kind].includes(row))
        .map((row) => JSON.parse(row));
    for (const kind of Object.keys(before.accounts) as (keyof typeof before.accounts)[])
      expect(
        before.accounts[kind].filter((row) => !after.accounts[kind].includes(row)),
        kind,
      ).toEqual([]);
    expect(
      added('appUser')
        .map((row) => row.name)
        .sort(),
    ).toEqual([...expected.users].sort());
    expect(
      added('apiToken')
        .map((row) => row.name)
        .sort(),
    ).toEqual([...expected.tokens].sort());
    expect(
      added('targetComment')
        .map((row) => row.body)
        .sort(),
    ).toEqual([...expected.comments].sort());
    expect(added('userSession')).toEqual([]);
    expect(added('passwordReset')).toEqual([]);
    // Row counts: the same everywhere but the rows the requests add (audit, throttle, users, tokens, comments).
    const grown = ['audit_event', 'login_throttle', 'app_user', 'api_token', 'target_comment'];
    const unchanged = (counts: Record<string, number>) =>
      Object.fromEntries(Object.entries(counts).filter(([table]) => !grown.includes(table)));
    expect(unchanged(after.counts)).toEqual(unchanged(before.counts));
    expect(after.counts.app_user).toBe((before.counts.app_user ?? 0) + expected.users.length);
    expect(after.counts.api_token).toBe((before.counts.api_token ?? 0) + expected.tokens.length);
    expect(after.counts.target_comment).toBe((before.counts.target_comment ?? 0) + expected.comments.length);
  }, 600_000);

  it('has every table it had, with the password hashes where they were', async () => {
    const names = (await store.db.introspection.getTables()).map((table) => table.name);
    for (const table of ['app_user', 'user_session', 'api_token', 'audit_event', 'target_comment'])
      expect(names).toContain(table);
    const row = await store.db
      .selectFrom('appUser')
      .select('passwordHash')
      .where('email', '=', admin.email)
      .executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
