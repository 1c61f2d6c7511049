// What reached another site through Måltal's own pages: a login that redirected off-site (`next=//host/…`), a
// language link on a 404 page for `/en//host/…` that pointed off-site, responses without security headers, and a form
// on another origin that could change data with an editor's cookie.
// Each is checked as a browser would meet it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeUser, sessionOf, TEST_PASSWORD } from '../../test/accounts.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { createApp } from './app.js';

describeEachDialect('security of the web answers', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let admin: { cookie: string; csrf: string };
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db);
    app = createApp(store);
    admin = await sessionOf(store, await makeUser(store, 'admin', { email: 'admin@example.dk' }));
  });
  afterAll(async () => {
    await store.destroy();
  });

  const login = (next: string) =>
    app.request('/redaktion/login', {
      method: 'POST',
      body: new URLSearchParams({ email: 'admin@example.dk', password: TEST_PASSWORD, next }),
    });

  it('redirects after login only to a path of this site', async () => {
    for (const next of ['//2130706433/x', '//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const response = await login(next);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/redaktion/import');
    }
    expect((await login('/redaktion/branchekoder')).headers.get('location')).toBe('/redaktion/branchekoder');
    const form = await (await app.request('/redaktion/login?next=//2130706433/x')).text();
    expect(form).not.toContain('//2130706433');
  });

  it('links the other language of any page inside this site, also on a 404 for a path with two slashes', async () => {
    for (const path of ['/en//evil.example/x', '//evil.example/x', '/en///evil.example']) {
      const response = await app.request(path);
      expect(response.status).toBe(404);
      const hrefs = [...(await response.text()).matchAll(/href="([^"]*)"/g)].map(
        (match) => match[1] as string,
      );
      expect(hrefs.length).toBeGreaterThan(0);
      // A path of this site, an address on this site (canonical and language links), or a place on the page.
      for (const href of hrefs) expect(href).toMatch(/^(\/(?!\/)|#|http:\/\/localhost\/(?!\/))/);
    }
  });

  it('sends security headers on pages, API answers, errors and static files; HSTS only over https', async () => {
    for (const path of ['/', '/en/maaltal', '/api/v1/goals', '/no-such-page', '/static/maaltal.css']) {
      const headers = (await app.request(path)).headers;
      const policy = headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(headers.get('strict-transport-security')).toBeNull();
    }
    const https = await app.request('https://maaltal.example/');
    expect(https.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    const proxied = await app.request('/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });

  it('refuses a form sent from another site or another origin of the same site, and names why, in Danish', async () => {
    const post = (path: string, headers: Record<string, string>) =>
      app.request(`http://maaltal.example${path}`, {
        method: 'POST',
        headers: { cookie: admin.cookie, ...headers },
        body: new URLSearchParams({
          _csrf: admin.csrf,
          email: 'admin@example.dk',
          password: TEST_PASSWORD,
          next: '/redaktion/import',
        }),
      });
    for (const headers of [
      { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'http://other.maaltal.example', 'sec-fetch-site': 'same-site' },
      { origin: 'http://evil.example' },
    ]) {
      for (const path of [
        '/redaktion/login',
        '/redaktion/import/1/rollback',
        '/en/redaktion/branchekoder/placer',
      ]) {
        const refused = await post(path, headers);
        expect(refused.status).toBe(403);
        expect(refused.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        if (!path.startsWith('/en/'))
          expect(await refused.text()).toContain('anmodningen kom fra et andet websted');
        else expect(await refused.text()).toContain('the request came from another site or origin');
      }
    }
    // The site's own form (its origin, or a browser saying same-origin), and a script without browser headers.
    expect((await post('/redaktion/login', { origin: 'http://maaltal.example' })).status).toBe(303);
    expect((await post('/redaktion/login', { 'sec-fetch-site': 'same-origin' })).status).toBe(303);
    expect((await post('/redaktion/login', {})).status).toBe(303);
  });

  it('holds back 300 wrong logins sent at once: after a few, every further attempt waits, whatever the password', async () => {
    await makeUser(store, 'viewer', { email: 'target@example.dk' });
    const attempt = (password: string) =>
      app.request('/redaktion/login', {
        method: 'POST',
        body: new URLSearchParams({ email: 'target@example.dk', password }),
      });
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => attempt(`guess number ${i}`)));
    const texts = await Promise.all(answers.map((answer) => answer.text()));
    const held = texts.filter((text) => text.includes('for mange fejlslagne logins')).length;
    expect(held).toBeGreaterThanOrEqual(290);
    expect(answers.every((answer) => answer.status === 401)).toBe(true);
    // Only the few attempts before the wait were checked against the password; every one is in the audit trail.
    const trail = await store.db
      .selectFrom('auditEvent')
      .select('action')
      .where('afterJson', 'like', '%target@example.dk%')
      .where('action', 'like', 'login.%')
      .execute();
    const checked = trail.filter((row) => row.action === 'login.failed').length;
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThanOrEqual(10);
    expect(trail).toHaveLength(300);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax; Secure and __Host- prefixed when the site is https', async () => {
    const body = () => new URLSearchParams({ email: 'admin@example.dk', password: TEST_PASSWORD });
    const plain = await app.request('/redaktion/login', { method: 'POST', body: body() });
    expect(plain.headers.get('set-cookie')).toMatch(
      /^maaltal_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const secure = createApp(store, { sessions: { idleMinutes: 30, absoluteHours: 12, secureCookie: true } });
    const https = await secure.request('https://maaltal.example/redaktion/login', {
      method: 'POST',
      body: body(),
    });
    const cookie = https.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-maaltal_session=[\w-]{43};/);
    expect(cookie).toMatch(/; Secure/);
    const session = /^(__Host-maaltal_session=[\w-]+)/.exec(cookie)?.[1] ?? '';
    const account = await secure.request('https://maaltal.example/redaktion/konto', {
      headers: { cookie: session },
    });
    expect(account.status).toBe(200);
  });

  it('refuses a signed-in post without the session’s CSRF token, or with another session’s, and changes nothing', async () => {
    const users = async () => (await store.db.selectFrom('appUser').select('email').execute()).length;
    // A new session: the logins above replaced the one the suite began with.
    const admin = await sessionOf(store, await makeUser(store, 'admin'));
    const other = await sessionOf(store, await makeUser(store, 'admin'));
    const before = await users();
    const add = (csrf: string | undefined) => {
      const body = new URLSearchParams({ email: 'new@example.dk', name: 'Ny', role: 'viewer' });
      if (csrf !== undefined) body.set('_csrf', csrf);
      return app.request('/redaktion/brugere', {
        method: 'POST',
        headers: { cookie: admin.cookie, 'sec-fetch-site': 'same-origin' },
        body,
      });
    };
    for (const csrf of [undefined, '', 'forged', other.csrf]) {
      const refused = await add(csrf);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('formularens sikkerhedsnøgle mangler eller er forældet');
    }
    expect(await users()).toBe(before);
    expect((await add(admin.csrf)).status).toBe(200);
    expect(await users()).toBe(before + 1);
  });
});
