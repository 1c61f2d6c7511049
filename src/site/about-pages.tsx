// The pages about the site itself: the original sources (/kilder), contact (/kontakt) and the accessibility
// statement Danish public sites must publish (/tilgaengelighed), each in Danish and English.
import { Hono } from 'hono';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import type { Locale } from '../format.js';
import { requires } from '../web/authorize.js';
import { localePath } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { ABOUT_TEXTS, ACCESSIBILITY_COMPLAINT_URL } from './about.texts.js';

export interface AboutOptions {
  /** The address the site's operator answers (MAALTAL_CONTACT_EMAIL); left off the contact page when unset. */
  contactEmail?: string | null;
}

function SourcesPage({ locale }: { locale: Locale }) {
  const t = ABOUT_TEXTS[locale];
  return (
    <>
      <h1>{t.sourcesTitle}</h1>
      <p class="font-lead">{t.sourcesIntro}</p>
      <ul class="nobullet-list">
        {t.sources.map((source) => (
          <li>
            <h2 class="h3">
              <a href={source.url} rel="external">
                {source.name}
              </a>
            </h2>
            <p>{source.what}</p>
          </li>
        ))}
      </ul>
      <p>{t.sourcesNote}</p>
    </>
  );
}

function ContactPage({ locale, email }: { locale: Locale; email: string | null }) {
  const t = ABOUT_TEXTS[locale];
  return (
    <>
      <h1>{t.contactTitle}</h1>
      <p class="font-lead">{t.contactIntro}</p>
      <ul>
        <li>
          {t.contactCouncil} <a href="https://bamr.dk/">bamr.dk</a>
        </li>
        <li>
          {t.contactData} <a href={localePath(locale, '/kilder')}>{ABOUT_TEXTS[locale].sourcesTitle}</a>
        </li>
      </ul>
      {email === null ? null : (
        <p>
          {t.contactOperator} {t.contactEmailLabel} <a href={`mailto:${email}`}>{email}</a>
        </p>
      )}
      <p>{t.contactSecurity}</p>
    </>
  );
}

function AccessibilityPage({ locale }: { locale: Locale }) {
  const t = ABOUT_TEXTS[locale];
  return (
    <>
      <h1>{t.accessibilityHeading}</h1>
      {t.accessibility.map((part) => (
        <section>
          <h2>{part.heading}</h2>
          {part.paragraphs.map((paragraph) => (
            <p>{paragraph}</p>
          ))}
          {part.list === undefined ? null : (
            <ul>
              {part.list.map((item) => (
                <li>{item}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <p>
        <a href={localePath(locale, '/kontakt')}>{ABOUT_TEXTS[locale].contactTitle}</a>
      </p>
      <p>
        {t.accessibilityComplaint}{' '}
        <a href={ACCESSIBILITY_COMPLAINT_URL} rel="external">
          {t.accessibilityComplaintLink}
        </a>
      </p>
      <p class="maaltal-note">{t.accessibilityUpdated}</p>
    </>
  );
}

export function aboutPageRoutes(store: Store, options: AboutOptions = {}): Hono {
  const app = new Hono();
  const email = options.contactEmail ?? null;
  const pages = {
    '/kilder': {
      title: (l: Locale) => ABOUT_TEXTS[l].sourcesTitle,
      body: (l: Locale) => <SourcesPage locale={l} />,
    },
    '/kontakt': {
      title: (l: Locale) => ABOUT_TEXTS[l].contactTitle,
      body: (l: Locale) => <ContactPage locale={l} email={email} />,
    },
    '/tilgaengelighed': {
      title: (l: Locale) => ABOUT_TEXTS[l].accessibilityTitle,
      body: (l: Locale) => <AccessibilityPage locale={l} />,
    },
  };
  for (const [path, page] of Object.entries(pages)) {
    for (const locale of ['da', 'en'] as const) {
      app.get(localePath(locale, path), requires('public'), async (c) => {
        const demo = await holdsDemoData(store.db);
        return c.html(
          <Layout locale={locale} path={c.req.path} title={page.title(locale)} demo={demo}>
            {page.body(locale)}
          </Layout>,
        );
      });
    }
  }
  return app;
}
