// The editor area's login and logout (one admin token until accounts and roles exist).
import { Hono } from 'hono';
import type { Locale } from '../format.js';
import { forgetToken, rememberToken, tokenMatches } from './admin-auth.js';
import { localePath, MESSAGES } from './i18n.js';
import { Layout } from './layout.js';

/** Only paths inside the site are followed after login, never another host (`//host/…` is one). */
function safeNext(next: string | undefined, locale: Locale): string {
  return next !== undefined && /^\/(?!\/)[a-z0-9/_-]*$/i.test(next)
    ? next
    : localePath(locale, '/redaktion/import');
}

function LoginPage({
  locale,
  path,
  failed,
  next,
  closed,
}: {
  locale: Locale;
  path: string;
  failed: boolean;
  next: string;
  closed: boolean;
}) {
  const t = MESSAGES[locale];
  return (
    <Layout locale={locale} path={path} title={t.loginTitle} demo={false}>
      <h1>{t.loginTitle}</h1>
      {closed ? (
        <div class="alert alert-warning" role="alert">
          <p class="alert-text">{t.editorClosed}</p>
        </div>
      ) : (
        <>
          <p>{t.loginIntro}</p>
          {failed ? (
            <div class="alert alert-error" role="alert">
              <p class="alert-text">{t.loginFailed}</p>
            </div>
          ) : null}
          <form method="post" action={localePath(locale, '/redaktion/login')}>
            <input type="hidden" name="next" value={next} />
            <div class="form-group">
              <label class="form-label" for="token">
                {t.loginToken}
              </label>
              <input
                class="form-input"
                id="token"
                name="token"
                type="password"
                autocomplete="current-password"
                required
              />
            </div>
            <button class="button button-primary" type="submit">
              {t.loginButton}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}

export function adminRoutes(adminToken: string | null): Hono {
  const app = new Hono();
  for (const locale of ['da', 'en'] as const) {
    const loginPath = localePath(locale, '/redaktion/login');
    app.get(loginPath, (c) =>
      c.html(
        <LoginPage
          locale={locale}
          path={c.req.path}
          failed={false}
          next={safeNext(c.req.query('next'), locale)}
          closed={adminToken === null}
        />,
      ),
    );
    app.post(loginPath, async (c) => {
      const form = await c.req.parseBody();
      const token = typeof form.token === 'string' ? form.token : undefined;
      const next = safeNext(typeof form.next === 'string' ? form.next : undefined, locale);
      if (adminToken !== null && tokenMatches(token, adminToken)) {
        rememberToken(c, adminToken);
        return c.redirect(next, 303);
      }
      return c.html(
        <LoginPage
          locale={locale}
          path={c.req.path}
          failed={adminToken !== null}
          next={next}
          closed={adminToken === null}
        />,
        adminToken === null ? 503 : 401,
      );
    });
    app.post(localePath(locale, '/redaktion/logout'), (c) => {
      forgetToken(c);
      return c.redirect(localePath(locale, '/'), 303);
    });
  }
  return app;
}
