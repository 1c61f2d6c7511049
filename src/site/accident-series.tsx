// One yearly series of reported accidents per 10,000 employed as the pages show it: the chart (with its key
// numbers in words), the same numbers as a table, and downloads of the series from the public API.
import { raw } from 'hono/html';
import type { AccidentObservation } from '../accidents/series.js';
import { formatNumber, type Locale } from '../format.js';
import { rateChartSvg } from '../web/charts.js';
import { Downloads } from '../web/downloads.js';
import { MESSAGES } from '../web/i18n.js';

export function accidentSeriesTitle(locale: Locale): string {
  const t = MESSAGES[locale];
  return t.chartTitle(
    formatNumber(10_000, locale),
    locale === 'en' ? 'counted by registration year' : 'opgjort efter registreringsår',
  );
}

export function AccidentSeriesFigure(props: {
  locale: Locale;
  series: readonly AccidentObservation[];
  title: string;
  /** Id of the caption that describes the chart. */
  id: string;
  /** Query of the same series in the public API (for the downloads). */
  query: string;
  /** Fatal accidents by accident year, as an extra table column. */
  fatal?: readonly { year?: number | undefined; count: number | null }[];
}) {
  const { locale, series, title } = props;
  const t = MESSAGES[locale];
  const per = formatNumber(10_000, locale);
  const first = series[0];
  const last = series[series.length - 1];
  if (first === undefined || last === undefined) return <p>{t.noRows}</p>;
  const chart = rateChartSvg(
    series.map((p) => ({ label: String(p.year), value: p.value, lower: p.lowercl, upper: p.uppercl })),
    { locale, kind: 'line', yLabel: t.colRate(per), title, describedBy: props.id },
  );
  return (
    <>
      <figure class="maaltal-chart">
        {raw(chart)}
        <figcaption id={props.id}>
          {t.describeLine(
            formatNumber(first.value, locale, 1),
            String(first.year),
            formatNumber(last.value, locale, 1),
            String(last.year),
          )}
        </figcaption>
      </figure>
      <details>
        <summary>{t.headlineTable}</summary>
        <table class="table table--compact">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colYear}</th>
              <th scope="col" class="num">
                {t.colCount}
              </th>
              <th scope="col" class="num">
                {t.colEmployed}
              </th>
              <th scope="col" class="num">
                {t.colRate(per)}
              </th>
              <th scope="col" class="num">
                {t.colCi}
              </th>
              {props.fatal === undefined ? null : (
                <th scope="col" class="num">
                  {t.colFatal}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {series.map((p) => (
              <tr>
                <th scope="row">{p.year}</th>
                <td class="num">{formatNumber(p.count, locale)}</td>
                <td class="num">{formatNumber(p.denominator, locale)}</td>
                <td class="num">{formatNumber(p.value, locale, 1)}</td>
                <td class="num">{`${formatNumber(p.lowercl, locale, 1)}–${formatNumber(p.uppercl, locale, 1)}`}</td>
                {props.fatal === undefined ? null : (
                  <td class="num">
                    {formatNumber(props.fatal.find((f) => f.year === p.year)?.count, locale)}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <Downloads locale={locale} api="/api/v1/accidents/rates" query={props.query} />
    </>
  );
}
