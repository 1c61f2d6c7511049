// No secret in logs or error messages, on both databases: the paths most likely to leak one are run while everything
// logged (the app's logError, console.*, process.stdout/stderr) and printed (the CLI's output) is collected, and none
// of the passwords, session ids, CSRF tokens, API tokens or reset codes in play may appear there, nor in the audit
// trail, the login throttle or an API's error answer. A failure names the kind of secret and where, never the value.
// (The run as a whole is also checked: test/secrets/global.ts searches every test file's output.)
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { operatorAudit } from '../src/audit/audit.service.js';
import { startReset, type User } from '../src/auth/accounts.service.js';
import { revokeToken } from '../src/auth/tokens.service.js';
import { createApp } from '../src/web/app.js';
import { bearerFor, makeUser, sessionOf } from './accounts.js';
import { cli } from './cli.js';
import { describeEachDialect, freshStore, type TestStore } from './databases.js';
import { registerSecret, type SecretKind } from './secrets/registry.js';
import { seedStore } from './seed.js';

/** The secrets in play, by a readable name; each is registered for the run-wide check too. */
class Secrets {
  private readonly known = new Map<string, { kind: SecretKind; value: string }>();

  add(name: string, kind: SecretKind, value: string): string {
    this.known.set(name, { kind, value });
    registerSecret(value, kind);
    return value;
  }

  /** The names of the secrets found in `text` (as they are or URL-encoded), never the values. */
  in(text: string, only?: (kind: SecretKind) => boolean): string[] {
    return [...this.known]
      .filter(([, { kind }]) => only === undefined || only(kind))
      .filter(([, { value }]) => text.includes(value) || text.includes(encodeURIComponent(value)))
      .map(([name, { kind }]) => `${kind} ${name}`);
  }
}

const randomSecret = (prefix = '') => `${prefix}${randomBytes(24).toString('base64url')}`;

/** Everything written to console.* and process.stdout/stderr while `body` runs (still passed through). */
async function collectOutput<T>(body: () => Promise<T>): Promise<{ value: T; output: string }> {
  const chunks: string[] = [];
  const target = console as unknown as Record<string, (...args: unknown[]) => void>;
  const names = ['log', 'info', 'warn', 'error', 'debug', 'trace'];
  const saved = names.map((name) => target[name]);
  const [stdout, stderr] = [process.stdout.write, process.stderr.write];
  names.forEach((name, i) => {
    target[name] = (...args: unknown[]) => {
      chunks.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 10 }))).join(' '));
      saved[i]?.apply(console, args);
    };
  });
  const tap = (original: typeof process.stdout.write) =>
    function write(this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof process.stdout.write;
  process.stdout.write = tap(stdout);
  process.stderr.write = tap(stderr);
  try {
    const value = await body();
    return { value, output: chunks.join('\n') };
  } finally {
    names.forEach((name, i) => {
      target[name] = saved[i] as (...args: unknown[]) => void;
    });
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
}

/** An error as a log would show it: message, stack, cause and every property, hidden ones too. */
const logged = (error: unknown) => inspect(error, { depth: 10, showHidden: true });

describeEachDialect('no secret in logs or error messages', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const errors: unknown[] = [];
  const secrets = new Secrets();
  let admin: User;
  let viewer: User;
  let targetId = 0;

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    app = createApp(store, { logError: (error) => errors.push(error) });
    admin = await makeUser(store, 'admin', {
      email: 'admin-secrets@example.dk',
      password: secrets.add('admin password', 'password', 'the admin types this long sentence'),
    });
    viewer = await makeUser(store, 'viewer', {
      email: 'viewer-secrets@example.dk',
      password: secrets.add('viewer password', 'password', 'a viewer walks through quiet rooms'),
    });
    targetId = (await store.db.selectFrom('target').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(async () => store?.destroy());

  /** Every text the database keeps of what happened: the audit trail and the login throttle. */
  async function trailText(): Promise<string> {
    const audit = await store.db.selectFrom('auditEvent').selectAll().execute();
    const throttle = await store.db.selectFrom('loginThrottle').selectAll().execute();
    return JSON.stringify([audit, throttle]);
  }

  const loggedText = () => errors.map(logged).join('\n');

  /** No registered secret in the answers, the captured output, the logged errors or the audit trail. */
  async function expectNoSecretIn(answers: string, output: string): Promise<void> {
    expect(secrets.in(answers)).toEqual([]);
    expect(secrets.in(output)).toEqual([]);
    expect(secrets.in(loggedText())).toEqual([]);
    expect(secrets.in(await trailText())).toEqual([]);
  }

  it('keeps the password of a failed login (also when throttled) out of answers, logs and the trail', async () => {
    const wrong = secrets.add('mistyped password', 'password', 'the admin types this long sentenc3');
    const { value: answers, output } = await collectOutput(async () => {
      const bodies: string[] = [];
      for (let attempt = 0; attempt < 8; attempt++) {
        for (const [email, password] of [
          [admin.email, wrong],
          ['nobody-here@example.dk', wrong],
          // The password typed in the e-mail field by mistake is not a password the app can know; the real one
          // typed for another account must not be echoed either.
          [viewer.email, 'the admin types this long sentence'],
        ] as const) {
          const response = await app.request('/redaktion/login', {
            method: 'POST',
            body: new URLSearchParams({ email, password, next: '/redaktion/konto' }),
          });
          expect([401, 400]).toContain(response.status);
          bodies.push(await response.text());
        }
      }
      return bodies.join('\n');
    });
    await expectNoSecretIn(answers, output);
  });

  it('keeps a wrong or revoked bearer token out of answers and logs', async () => {
    const unknown = secrets.add('unknown token', 'API token', randomSecret('mlt_'));
    const notMlt = secrets.add('token without prefix', 'API token', randomSecret());
    const headers = await bearerFor(store, 'steward');
    const real = secrets.add(
      'steward token',
      'API token',
      headers.authorization?.slice('Bearer '.length) ?? '',
    );
    const id = (
      await store.db.selectFrom('apiToken').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()
    ).id;
    await revokeToken(store.db, operatorAudit('test'), id, new Date());
    const { value: answers, output } = await collectOutput(async () => {
      const bodies: string[] = [];
      for (const token of [unknown, notMlt, real])
        for (const path of ['/api/v1/targets', '/redaktion/konto', `/api/v1/targets/${targetId}/comments`]) {
          const response = await app.request(path, {
            method: path.endsWith('comments') ? 'POST' : 'GET',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            ...(path.endsWith('comments') ? { body: JSON.stringify({ body: 'hej' }) } : {}),
          });
          expect(response.status).toBe(401);
          bodies.push(await response.text());
        }
      return bodies.join('\n');
    });
    await expectNoSecretIn(answers, output);
  });

  it('keeps a bad MAALTAL_TOKEN and a database password out of the CLI’s output, also with --debug', async () => {
    const token = secrets.add('CLI token', 'API token', randomSecret('mlt_'));
    const dbPassword = secrets.add('database password', 'password', randomSecret());
    const { value: printed, output } = await collectOutput(async () => {
      const runs = [
        await cli(['imports', 'list', '--database', store.setting], { MAALTAL_TOKEN: token }),
        await cli(['imports', 'list', '--database', store.setting, '--debug'], { MAALTAL_TOKEN: token }),
        await cli(['users', 'list', '--database', store.setting, '--debug'], { MAALTAL_TOKEN: ` ${token} ` }),
        await cli(['audit', 'list', '--database', store.setting], { MAALTAL_TOKEN: `Bearer ${token}` }),
        // A server that is not there: the connection error names the database without its password.
        await cli(['targets', 'list', '--debug'], {
          DATABASE_URL: `postgres://maaltal:${dbPassword}@127.0.0.1:1/nowhere`,
        }),
        await cli(['targets', 'list'], { DATABASE_URL: `postgres://maaltal:${dbPassword}@/no host` }),
      ];
      for (const result of runs.slice(0, 4)) expect(result.code).toBe(77);
      for (const result of runs.slice(4)) expect(result.code).not.toBe(0);
      return runs.map((result) => `${result.stdout}\n${result.stderr}`).join('\n');
    });
    expect(printed).toContain('MAALTAL_TOKEN');
    expect(secrets.in(printed)).toEqual([]);
    expect(secrets.in(output)).toEqual([]);
  });

  it('keeps a password given to the CLI out of its output, refused or accepted', async () => {
    const weak = secrets.add('weak CLI password', 'password', 'password1234');
    const strong = secrets.add('strong CLI password', 'password', 'eleven green kites over the fjord');
    const add = (email: string, password: string) =>
      cli(
        ['users', 'add', email, '--name', 'Cli Person', '--role', 'viewer', '--password-stdin', '--debug'],
        { DATABASE_URL: store.setting },
        `${password}\n`,
      );
    const { value: printed, output } = await collectOutput(async () => {
      const refused = await add('cli-weak@example.dk', weak);
      expect(refused.code).toBe(65);
      const added = await add('cli-strong@example.dk', strong);
      expect(added.code).toBe(0);
      return [refused, added].map((result) => `${result.stdout}\n${result.stderr}`).join('\n');
    });
    expect(secrets.in(printed)).toEqual([]);
    expect(secrets.in(output)).toEqual([]);
    expect(secrets.in(await trailText())).toEqual([]);
  });

  it('keeps reset codes and new passwords out of answers and the trail', async () => {
    const wrongCode = secrets.add('wrong reset code', 'reset code', randomSecret());
    const code = secrets.add(
      'reset code',
      'reset code',
      await startReset(store.db, operatorAudit('test'), viewer.email, new Date()),
    );
    const weak = secrets.add('weak new password', 'password', 'qwertyuiop123');
    const fresh = secrets.add('new password', 'password', 'the viewer now picks another sentence');
    const { value: answers, output } = await collectOutput(async () => {
      const post = (form: Record<string, string>) =>
        app.request('/redaktion/nulstil', { method: 'POST', body: new URLSearchParams(form) });
      const bodies: string[] = [];
      for (const [form, status] of [
        [{ code: wrongCode, password: fresh }, 400],
        [{ code, password: weak }, 400],
        [{ code, password: fresh }, 303],
        [{ code, password: fresh }, 400],
      ] as const) {
        const response = await post(form);
        expect(response.status).toBe(status);
        bodies.push(await response.text(), response.headers.get('location') ?? '');
      }
      return bodies.join('\n');
    });
    await expectNoSecretIn(answers, output);
  });

  it('keeps the current and new password of a refused change out of the page, logs and the trail', async () => {
    const user = await makeUser(store, 'viewer', { email: 'changer@example.dk' });
    const session = await sessionOf(store, user);
    secrets.add('changer session', 'session id', session.cookie.split('=')[1] ?? '');
    secrets.add('changer csrf', 'CSRF token', session.csrf);
    const wrongCurrent = secrets.add('wrong current password', 'password', 'not my current sentence at all');
    const next = secrets.add('wanted new password', 'password', 'purple owls sing in the winter');
    const { value: answers, output } = await collectOutput(async () => {
      const response = await app.request('/redaktion/konto/adgangskode', {
        method: 'POST',
        headers: { cookie: session.cookie },
        body: new URLSearchParams({ _csrf: session.csrf, current: wrongCurrent, password: next }),
      });
      expect(response.status).toBe(400);
      return response.text();
    });
    // The page is the signed-in user's own, so its forms carry the CSRF token: only passwords are looked for.
    expect(secrets.in(answers, (kind) => kind === 'password')).toEqual([]);
    expect(secrets.in(output)).toEqual([]);
    expect(secrets.in(loggedText())).toEqual([]);
    expect(secrets.in(await trailText())).toEqual([]);
  });

  it('keeps a new API token out of the trail and logs (it is shown once, on its owner’s page)', async () => {
    const session = await sessionOf(store, admin);
    secrets.add('admin session', 'session id', session.cookie.split('=')[1] ?? '');
    secrets.add('admin csrf', 'CSRF token', session.csrf);
    const { value: page, output } = await collectOutput(async () => {
      const response = await app.request('/redaktion/konto/tokens', {
        method: 'POST',
        headers: { cookie: session.cookie },
        body: new URLSearchParams({ _csrf: session.csrf, name: 'script', role: 'viewer', days: '7' }),
      });
      expect(response.status).toBe(200);
      return response.text();
    });
    const token = /mlt_[A-Za-z0-9_-]{20,}/.exec(page)?.[0];
    expect(token).toBeDefined();
    secrets.add('form token', 'API token', token ?? '');
    expect(secrets.in(output)).toEqual([]);
    expect(secrets.in(loggedText())).toEqual([]);
    expect(secrets.in(await trailText())).toEqual([]);
  });

  it('logs an unexpected error in full but without the cookie, CSRF token or bearer token of its request', async () => {
    const session = await sessionOf(store, admin);
    const sessionId = secrets.add('failing session', 'session id', session.cookie.split('=')[1] ?? '');
    secrets.add('failing csrf', 'CSRF token', session.csrf);
    const headers = await bearerFor(store, 'admin');
    secrets.add('failing token', 'API token', headers.authorization?.slice('Bearer '.length) ?? '');
    const both = { cookie: session.cookie, ...headers };
    errors.length = 0;
    const { value: answers, output } = await collectOutput(async () => {
      const bodies: string[] = [];
      const send = async (path: string, init: RequestInit, api: boolean) => {
        const response = await app.request(path, init);
        expect(response.status).toBe(500);
        // An HTML page of a signed-in user carries the session's CSRF token in its forms; an API answer nothing.
        if (api) bodies.push(await response.text());
      };
      // Faults while the request is signed in: the table the handler writes to, then the ones identification reads.
      await store.db.schema.dropTable('target_comment').execute();
      await send(
        `/redaktion/maaltal/${targetId}/kommentarer`,
        {
          method: 'POST',
          headers: { cookie: session.cookie },
          body: new URLSearchParams({ _csrf: session.csrf, body: 'En kommentar' }),
        },
        false,
      );
      await send(
        `/api/v1/targets/${targetId}/comments`,
        {
          method: 'POST',
          headers: { ...both, 'content-type': 'application/json' },
          body: JSON.stringify({ body: 'En kommentar' }),
        },
        true,
      );
      await store.db.schema.dropTable('api_token').execute();
      await send('/api/v1/targets', { headers: both }, true);
      await store.db.schema.dropTable('user_session').execute();
      await send('/api/v1/targets', { headers: { cookie: `maaltal_session=${sessionId}` } }, true);
      await send('/redaktion/konto', { headers: { cookie: `maaltal_session=${sessionId}` } }, false);
      return bodies.join('\n');
    });
    expect(errors).toHaveLength(5);
    expect(loggedText()).toMatch(/target_comment|api_token|user_session/);
    expect(secrets.in(loggedText())).toEqual([]);
    expect(secrets.in(output)).toEqual([]);
    expect(secrets.in(answers)).toEqual([]);
  });
});
