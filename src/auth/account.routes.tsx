// Sign in, sign out, a one-time reset code, and the signed-in user's own account: password and API tokens.
import { type Context, Hono } from 'hono';
import type { SessionSettings } from '../config.js';
import type { Store } from '../db/connect.js';
import { formatDate, type Locale } from '../format.js';
import { principalOf, requires } from '../web/authorize.js';
import { CsrfField, ErrorSummary, Field, type FieldProblems, problemsOf, textOf } from '../web/forms.js';
import { localePath } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { auditContextOf, forgetSession, rememberSession, sessionIdOf } from '../web/sessions.js';
import { changePassword, finishReset } from './accounts.service.js';
import { AUTH_TEXTS } from './auth.texts.js';
import { permissionsOf, ROLES, type Role, roleWithin } from './policy.js';
import { logIn, logOut, openSession, replaceSession } from './sessions.service.js';
import { type ApiToken, createToken, listTokens, revokeToken } from './tokens.service.js';

/** Only paths inside the site are followed after login, never another host (`//host/…` is one). */
export function safeNext(next: string | undefined): string {
  return next !== undefined && /^\/(?!\/)[a-z0-9/_-]*$/i.test(next) ? next : '';
}

/** Where a user lands after login without a page to return to: imports for those who import, else the targets. */
const landing = (role: Role, locale: Locale) =>
  localePath(
    locale,
    permissionsOf(role).includes('data.import') ? '/redaktion/import' : '/redaktion/maaltal',
  );

function LoginPage(props: {
  locale: Locale;
  path: string;
  next: string;
  email: string;
  problems: FieldProblems;
  done?: boolean;
}) {
  const t = AUTH_TEXTS[props.locale];
  return (
    <Layout locale={props.locale} path={props.path} title={t.loginTitle} demo={false}>
      <h1>{t.loginTitle}</h1>
      {props.done ? (
        <div class="alert alert-success" role="status">
          <p class="alert-text">{t.resetDone}</p>
        </div>
      ) : null}
      <p>{t.loginIntro}</p>
      <ErrorSummary problems={props.problems} title={t.problemsTitle} />
      <form method="post" action={localePath(props.locale, '/redaktion/login')}>
        <CsrfField />
        <input type="hidden" name="next" value={props.next} />
        <Field
          name="email"
          label={t.email}
          type="email"
          autocomplete="username"
          value={props.email}
          problems={props.problems}
          required
        />
        <Field
          name="password"
          label={t.password}
          type="password"
          autocomplete="current-password"
          problems={props.problems}
          required
        />
        <button class="button button-primary" type="submit">
          {t.loginButton}
        </button>
      </form>
      <p>
        <a href={localePath(props.locale, '/redaktion/nulstil')}>{t.resetLink}</a>
      </p>
    </Layout>
  );
}

/** A new password, with the rule as its hint. */
function NewPasswordField({ locale, problems }: { locale: Locale; problems: FieldProblems }) {
  const t = AUTH_TEXTS[locale];
  return (
    <Field
      name="password"
      label={t.newPassword}
      type="password"
      autocomplete="new-password"
      hint={t.passwordHint}
      problems={problems}
      required
    />
  );
}

function ResetPage(props: { locale: Locale; path: string; problems: FieldProblems }) {
  const t = AUTH_TEXTS[props.locale];
  return (
    <Layout locale={props.locale} path={props.path} title={t.resetTitle} demo={false}>
      <h1>{t.resetTitle}</h1>
      <p>{t.resetIntro}</p>
      <ErrorSummary problems={props.problems} title={t.problemsTitle} />
      <form method="post" action={localePath(props.locale, '/redaktion/nulstil')}>
        <CsrfField />
        <Field
          name="code"
          label={t.resetCode}
          autocomplete="one-time-code"
          problems={props.problems}
          required
        />
        <NewPasswordField locale={props.locale} problems={props.problems} />
        <button class="button button-primary" type="submit">
          {t.resetButton}
        </button>
      </form>
    </Layout>
  );
}

const when = (iso: string | null, locale: Locale, never: string) =>
  iso === null ? never : formatDate(iso, locale);

function TokenTable({ tokens, locale, base }: { tokens: ApiToken[]; locale: Locale; base: string }) {
  const t = AUTH_TEXTS[locale];
  if (tokens.length === 0) return <p>{t.noTokens}</p>;
  return (
    <div class="table-wrapper">
      <table class="table table--compact table--responsive-headers">
        <thead>
          <tr>
            {[t.tokenName, t.tokenRole, t.colCreated, t.colExpires, t.colLastUsed, t.colStatus].map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr>
              <td data-title={t.tokenName}>{token.name}</td>
              <td data-title={t.tokenRole}>{t.roleNames[token.role]}</td>
              <td data-title={t.colCreated}>{when(token.createdAt, locale, t.never)}</td>
              <td data-title={t.colExpires}>{when(token.expiresAt, locale, t.never)}</td>
              <td data-title={t.colLastUsed}>{when(token.lastUsedAt, locale, t.never)}</td>
              <td data-title={t.colStatus}>
                {token.revokedAt !== null ? (
                  t.revoked
                ) : (
                  <form method="post" action={`${base}/tokens/${token.id}/tilbagekald`}>
                    <CsrfField />
                    <button class="button button-secondary" type="submit">
                      {t.revokeButton}
                      <span class="sr-only"> {token.name}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface AccountState {
  problems: FieldProblems;
  form: Record<string, string>;
  newToken?: string;
  changed?: boolean;
}

async function accountPage(c: Context, store: Store, locale: Locale, state: AccountState) {
  const t = AUTH_TEXTS[locale];
  const principal = principalOf(c);
  const base = localePath(locale, '/redaktion/konto');
  const tokens = await listTokens(store.db, principal);
  const ownRole = principal.kind === 'user' ? principal.role : 'viewer';
  const roles = ROLES.filter((role) => roleWithin(role, ownRole));
  return (
    <Layout locale={locale} path={c.req.path} title={t.accountTitle} demo={false}>
      <h1>{t.accountTitle}</h1>
      <p>{principal.kind === 'user' ? `${principal.label} · ${t.roleNames[principal.role]}` : null}</p>
      {state.changed ? (
        <div class="alert alert-success" role="status">
          <p class="alert-text">{t.passwordChanged}</p>
        </div>
      ) : null}
      <ErrorSummary problems={state.problems} title={t.problemsTitle} />
      <h2>{t.passwordTitle}</h2>
      <form method="post" action={`${base}/adgangskode`}>
        <CsrfField />
        <Field
          name="current"
          label={t.currentPassword}
          type="password"
          autocomplete="current-password"
          problems={state.problems}
          required
        />
        <NewPasswordField locale={locale} problems={state.problems} />
        <button class="button button-primary" type="submit">
          {t.changePasswordButton}
        </button>
      </form>
      <h2>{t.tokensTitle}</h2>
      <p>{t.tokensIntro}</p>
      {state.newToken === undefined ? null : (
        <div class="alert alert-success" role="status">
          <p class="alert-text">{t.tokenCreated}</p>
          <p>
            <code class="maaltal-secret">{state.newToken}</code>
          </p>
        </div>
      )}
      <TokenTable tokens={tokens} locale={locale} base={base} />
      <form method="post" action={`${base}/tokens`}>
        <CsrfField />
        <Field
          name="name"
          label={t.tokenName}
          value={state.form.name ?? ''}
          problems={state.problems}
          required
        />
        <Field name="role" label={t.tokenRole} problems={state.problems}>
          <select class="form-select" id="role" name="role">
            {roles.map((role) => (
              <option value={role} selected={(state.form.role ?? ownRole) === role}>
                {t.roleNames[role]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="days"
          label={t.tokenDays}
          type="number"
          value={state.form.days ?? '90'}
          problems={state.problems}
          required
        />
        <button class="button button-primary" type="submit">
          {t.createTokenButton}
        </button>
      </form>
    </Layout>
  );
}

function signInRoutes(app: Hono, store: Store, settings: SessionSettings, locale: Locale) {
  const loginPath = localePath(locale, '/redaktion/login');
  app.get(loginPath, requires('public'), (c) =>
    c.html(
      <LoginPage
        locale={locale}
        path={c.req.path}
        next={safeNext(c.req.query('next'))}
        email=""
        problems={{}}
        done={c.req.query('nulstillet') !== undefined}
      />,
    ),
  );
  app.post(loginPath, requires('public'), async (c) => {
    const form = await c.req.parseBody();
    const next = safeNext(textOf(form, 'next') || undefined);
    try {
      const previous = sessionIdOf(c, settings);
      const credentials = { email: textOf(form, 'email'), password: textOf(form, 'password') };
      const session = await logIn(store.db, auditContextOf(c), credentials, new Date());
      if (previous !== undefined) await replaceSession(store.db, previous);
      rememberSession(c, settings, session);
      return c.redirect(next || landing(session.role, locale), 303);
    } catch (error) {
      const problems = problemsOf(error, locale);
      const status = problems.password !== undefined && Object.keys(problems).length === 1 ? 401 : 400;
      return c.html(
        <LoginPage
          locale={locale}
          path={c.req.path}
          next={next}
          email={textOf(form, 'email')}
          problems={problems}
        />,
        status,
      );
    }
  });
  app.post(localePath(locale, '/redaktion/logout'), requires('account'), async (c) => {
    const sessionId = sessionIdOf(c, settings);
    if (sessionId !== undefined) await logOut(store.db, auditContextOf(c), sessionId, new Date());
    forgetSession(c, settings);
    return c.redirect(localePath(locale, '/'), 303);
  });
  const resetPath = localePath(locale, '/redaktion/nulstil');
  app.get(resetPath, requires('public'), (c) =>
    c.html(<ResetPage locale={locale} path={c.req.path} problems={{}} />),
  );
  app.post(resetPath, requires('public'), async (c) => {
    const form = await c.req.parseBody();
    try {
      await finishReset(
        store.db,
        auditContextOf(c),
        textOf(form, 'code').trim(),
        textOf(form, 'password'),
        new Date(),
      );
      return c.redirect(`${loginPath}?nulstillet=1`, 303);
    } catch (error) {
      return c.html(
        <ResetPage locale={locale} path={c.req.path} problems={problemsOf(error, locale)} />,
        400,
      );
    }
  });
}

function accountRoutesFor(app: Hono, store: Store, settings: SessionSettings, locale: Locale) {
  const base = localePath(locale, '/redaktion/konto');
  const render = async (c: Context, state: AccountState, status: 200 | 400 = 200) =>
    c.html(await accountPage(c, store, locale, state), status);
  app.get(base, requires('account'), (c) =>
    render(c, { problems: {}, form: {}, changed: c.req.query('skiftet') !== undefined }),
  );
  app.post(`${base}/adgangskode`, requires('account'), async (c) => {
    const form = await c.req.parseBody();
    const principal = principalOf(c);
    if (principal.kind !== 'user') return c.redirect(base, 303);
    try {
      const audit = auditContextOf(c);
      await changePassword(
        store.db,
        audit,
        principal.userId,
        textOf(form, 'current'),
        textOf(form, 'password'),
        new Date(),
      );
      rememberSession(
        c,
        settings,
        await openSession(store.db, audit, principal.userId, new Date(), undefined),
      );
      return c.redirect(`${base}?skiftet=1`, 303);
    } catch (error) {
      return render(c, { problems: problemsOf(error, locale), form: {} }, 400);
    }
  });
  app.post(`${base}/tokens`, requires('account'), async (c) => {
    const form = await c.req.parseBody();
    const input = { name: textOf(form, 'name'), role: textOf(form, 'role'), days: textOf(form, 'days') };
    try {
      const { token } = await createToken(store.db, auditContextOf(c), input, new Date());
      return render(c, { problems: {}, form: {}, newToken: token });
    } catch (error) {
      return render(c, { problems: problemsOf(error, locale), form: input }, 400);
    }
  });
  app.post(`${base}/tokens/:id/tilbagekald`, requires('account'), async (c) => {
    await revokeToken(store.db, auditContextOf(c), Number(c.req.param('id')), new Date());
    return c.redirect(base, 303);
  });
}

export function accountRoutes(store: Store, settings: SessionSettings): Hono {
  const app = new Hono();
  for (const locale of ['da', 'en'] as const) {
    signInRoutes(app, store, settings, locale);
    accountRoutesFor(app, store, settings, locale);
  }
  return app;
}
