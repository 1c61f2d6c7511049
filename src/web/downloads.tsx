// The download links every chart carries: the same figures as CSV and XLSX (values, intervals, flags, units,
// sources and caveats) and as JSON with its metadata, from the public API with the chart's own filters. The files
// are in the page's language (`lang`): Danish column names, `;` and decimal commas on Danish pages; the JSON keeps
// every digit.

import type { Locale } from '../format.js';
import { MESSAGES } from './i18n.js';

export function Downloads({ locale, api, query }: { locale: Locale; api: string; query: string }) {
  const t = MESSAGES[locale];
  const href = (suffix: string) => `${api}${suffix}${query === '' ? '' : `?${query}`}`;
  const file = (suffix: string) => `${api}${suffix}?${query === '' ? '' : `${query}&`}lang=${locale}`;
  return (
    <ul class="maaltal-downloads" aria-label={t.downloadsTitle}>
      <li>
        <a href={file('.csv')} download>
          {t.downloadCsv}
        </a>
      </li>
      <li>
        <a href={file('.xlsx')} download>
          {t.downloadXlsx}
        </a>
      </li>
      <li>
        <a href={href('')}>{t.downloadJson}</a>
      </li>
    </ul>
  );
}
