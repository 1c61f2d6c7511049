// The page frame every HTML page shares: dkfds header, language switch, demo banner, footer.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { AUTH_TEXTS } from '../auth/auth.texts.js';
import { can } from '../auth/policy.js';
import type { Locale } from '../format.js';
import { WORK_TEXTS } from '../work/work.texts.js';
import { FRAME_TEXTS } from './frame.texts.js';
import { alternatePath, localePath, MESSAGES } from './i18n.js';
import { currentAccount, currentCsrfToken, currentPrincipal } from './sessions.js';
import { absoluteUrl } from './site-origin.js';

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
          {can(principal, 'drafts.read') ? link('/redaktion/indsats', WORK_TEXTS[locale].nav) : null}
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
  /** The page's summary for search engines and link previews (the site's own when left out). */
  description?: string;
  children: Child;
}

/** The menu's sections and the paths (in Danish form) that belong to each. */
const MENU: { path: string; label: (locale: Locale) => string; also: RegExp }[] = [
  { path: '/maaltal', label: (l) => MESSAGES[l].targetsNav, also: /^\/(maaltal|maal)(\/|$)/ },
  { path: '/branche', label: (l) => MESSAGES[l].branchesNav, also: /^\/branche(\/|$)/ },
  { path: '/sammenlign', label: (l) => FRAME_TEXTS[l].compareNav, also: /^\/sammenlign(\/|$)/ },
  { path: '/ulykker', label: (l) => MESSAGES[l].accidentsNav, also: /^\/ulykker(\/|$)/ },
  {
    path: '/indsats',
    label: (l) => WORK_TEXTS[l].nav,
    also: /^\/(indsats|aktiviteter|kampagner|piloter|puljer|anbefalinger|bfa)(\/|$)/,
  },
  { path: '/metode', label: (l) => MESSAGES[l].methodNav, also: /^\/metode(\/|$)/ },
  { path: '/api', label: (l) => MESSAGES[l].apiTitle, also: /^\/api(\/|$)/ },
];

/** The path without the language prefix, to tell which section a page is in. */
const danishPath = (path: string, locale: Locale) => (locale === 'en' ? alternatePath(path, 'en') : path);

function MainMenu({ locale, path }: { locale: Locale; path: string }) {
  const t = MESSAGES[locale];
  const here = danishPath(path, locale);
  return (
    <nav aria-label={t.mainNavLabel} class="maaltal-nav">
      {MENU.map((item) => (
        <a href={localePath(locale, item.path)} aria-current={item.also.test(here) ? 'page' : undefined}>
          {item.label(locale)}
        </a>
      ))}
    </nav>
  );
}

/** Title, description, canonical address, the other language and Open Graph, for search engines and link previews. */
function HeadMeta(props: PageProps) {
  const t = MESSAGES[props.locale];
  const f = FRAME_TEXTS[props.locale];
  const other: Locale = props.locale === 'da' ? 'en' : 'da';
  const title = `${props.title} – ${t.siteName}`;
  const description = props.description ?? f.siteDescription;
  const danish = danishPath(props.path, props.locale);
  const canonical = absoluteUrl(props.path);
  return (
    <>
      <title>{title}</title>
      <meta name="description" content={description} />
      <link rel="canonical" href={canonical} />
      <link rel="alternate" hreflang="da" href={absoluteUrl(danish)} />
      <link rel="alternate" hreflang="en" href={absoluteUrl(alternatePath(danish, 'da'))} />
      <link rel="alternate" hreflang="x-default" href={absoluteUrl(danish)} />
      <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={t.siteName} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={canonical} />
      <meta property="og:locale" content={f.ogLocale} />
      <meta property="og:locale:alternate" content={FRAME_TEXTS[other].ogLocale} />
    </>
  );
}

function Footer({ locale, path }: { locale: Locale; path: string }) {
  const t = MESSAGES[locale];
  const f = FRAME_TEXTS[locale];
  const link = (to: string, label: string) => <a href={localePath(locale, to)}>{label}</a>;
  return (
    <footer class="maaltal-footer">
      <div class="container">
        <p class="maaltal-note">{t.footerText}</p>
        <nav aria-label={f.footerNav} class="maaltal-footer-nav">
          {link('/kilder', f.sourcesNav)}
          {link('/metode', f.methodNav)}
          {link('/kontakt', f.contactNav)}
          {link('/tilgaengelighed', f.accessibilityNav)}
        </nav>
        <p class="maaltal-print-only">{f.printedFrom(absoluteUrl(path), new Date().toISOString())}</p>
      </div>
    </footer>
  );
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
          <HeadMeta {...props} />
          <link rel="stylesheet" href="/static/dkfds/css/dkfds.min.css" />
          <link rel="stylesheet" href="/static/maaltal.css" />
        </head>
        <body>
          <a class="skipnav" href="#main-content">
            {t.skipToContent}
          </a>
          <header class="maaltal-header">
            <div class="container maaltal-masthead">
              <a class="maaltal-brand" href={localePath(props.locale, '/')}>
                {t.siteName}
                <span>{t.siteTagline}</span>
              </a>
              <MainMenu locale={props.locale} path={props.path} />
              <nav aria-label={t.languageSwitchLabel}>
                <a href={alternatePath(props.path, props.locale)} lang={other} hreflang={other}>
                  {t.languageSwitch}
                </a>
              </nav>
            </div>
            <AccountBar locale={props.locale} />
            {props.demo ? (
              <div class="maaltal-demo">
                <div class="container">
                  <p>{t.demoBanner}</p>
                </div>
              </div>
            ) : null}
          </header>
          <main id="main-content" class="maaltal-main">
            <div class="container">{props.children}</div>
          </main>
          <Footer locale={props.locale} path={props.path} />
        </body>
      </html>
    </>
  );
}
