// The page frame every HTML page shares: dkfds header, language switch, demo banner, footer.
import type { Child } from 'hono/jsx';
import type { Locale } from '../format.js';
import { alternatePath, localePath, MESSAGES } from './i18n.js';

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
  );
}
