// The page frame every HTML page shares: dkfds header, language switch, demo banner, footer.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { AUTH_TEXTS } from '../auth/auth.texts.js';
import { can } from '../auth/policy.js';
import type { Locale } from '../format.js';
import { alternatePath, localePath, MESSAGES } from './i18n.js';
import { currentAccount, currentCsrfToken, currentPrincipal } from './sessions.js';

/** The editor area's bar for a signed-in user: the pages their role reaches, their name and sign-out. */
function AccountBar({ locale }: { locale: Locale }) {
  const account = currentAccount();
  const principal = currentPrincipal();
  if (account === undefined || principal === undefined) return null;
  const t = AUTH_TEXTS[locale];
  const link = (path: string, label: string) => <a href={localePath(locale, path)}>{label}</a>;
  return (
    <div class="maaltal-account-bar">
      <div class="container">
        <nav aria-label={t.accountNav}>
          {can(principal, 'drafts.read') ? link('/redaktion/maaltal', t.targetsNav) : null}
          {can(principal, 'data.import') ? link('/redaktion/import', t.importsNav) : null}
          {can(principal, 'users.manage') ? link('/redaktion/brugere', t.usersNav) : null}
          {can(principal, 'audit.read') ? link('/redaktion/log', t.auditNav) : null}
          {link('/redaktion/konto', t.accountNav)}
        </nav>
        <form method="post" action={localePath(locale, '/redaktion/logout')}>
          <span>{t.signedInAs(account.name)}</span>{' '}
          <input type="hidden" name="_csrf" value={currentCsrfToken()} />
          <button class="button button-secondary" type="submit">
            {t.logoutButton}
          </button>
        </form>
      </div>
    </div>
  );
}

/** Without it browsers render in quirks mode. */
const DOCTYPE = raw('<!doctype html>');

export interface PageProps {
  locale: Locale;
  /** The request path, for the language switch. */
  path: string;
  title: string;
  demo: boolean;
  children: Child;
}

export function Layout(props: PageProps) {
  const t = MESSAGES[props.locale];
  const other: Locale = props.locale === 'da' ? 'en' : 'da';
  return (
    <>
      {DOCTYPE}
      <html lang={props.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${props.title} – ${t.siteName}`}</title>
          <link rel="stylesheet" href="/static/dkfds/css/dkfds.min.css" />
          <link rel="stylesheet" href="/static/maaltal.css" />
          <link rel="alternate" hreflang={other} href={alternatePath(props.path, props.locale)} />
        </head>
        <body>
          <a class="skipnav" href="#main-content">
            {t.skipToContent}
          </a>
          <header class="maaltal-header">
            <div class="container">
              <a class="maaltal-brand" href={localePath(props.locale, '/')}>
                {t.siteName}
                <span>{t.siteTagline}</span>
              </a>
              <nav aria-label={t.mainNavLabel} class="maaltal-nav">
                <a href={localePath(props.locale, '/maaltal')}>{t.targetsNav}</a>
                <a href={localePath(props.locale, '/branche')}>{t.branchesNav}</a>
                <a href={localePath(props.locale, '/ulykker')}>{t.accidentsNav}</a>
                <a href={localePath(props.locale, '/metode')}>{t.methodNav}</a>
                <a href={localePath(props.locale, '/api')}>{t.apiTitle}</a>
              </nav>
              <nav aria-label={t.languageSwitchLabel}>
                <a href={alternatePath(props.path, props.locale)} lang={other} hreflang={other}>
                  {t.languageSwitch}
                </a>
              </nav>
            </div>
          </header>
          <AccountBar locale={props.locale} />
          {props.demo ? (
            <div class="maaltal-demo" role="note">
              <div class="container">
                <p>{t.demoBanner}</p>
              </div>
            </div>
          ) : null}
          <main id="main-content" class="maaltal-main">
            <div class="container">{props.children}</div>
          </main>
          <footer class="maaltal-footer">
            <div class="container">
              <p class="maaltal-note">{t.footerText}</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
