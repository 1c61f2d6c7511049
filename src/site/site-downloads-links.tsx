// The links to the "download everything" zips: on the overview (the whole site) and on each goal page.
import type { Locale } from '../format.js';
import { localePath } from '../web/i18n.js';
import { SITE_DOWNLOAD_TEXTS } from './site-downloads.texts.js';

/** The whole site's zip (goal null) or one goal's, in the page's language. */
export function ZipDownload({ locale, goal }: { locale: Locale; goal: string | null }) {
  const t = SITE_DOWNLOAD_TEXTS[locale];
  const path = goal === null ? '/data.zip' : `/maal/${goal}/data.zip`;
  return (
    <p class="maaltal-zip">
      <a href={localePath(locale, path)} download>
        {goal === null ? t.siteZipLink : t.goalZipLink}
      </a>{' '}
      <span class="maaltal-note">{goal === null ? t.siteZipNote : t.goalZipNote}</span>
    </p>
  );
}
