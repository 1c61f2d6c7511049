// One yearly series of reported accidents per 10,000 employed as the pages show it: the chart at two widths (with
// the COVID-19 years drawn, and the country beside a branch group), its key numbers and notes in words, the same
// numbers as a table, and downloads of the series from the public API and of the chart itself.

import { raw } from 'hono/html';
import { ChartDownloads } from '../accidents/explorer.routes.js';
import { EXPLORER_TEXTS } from '../accidents/explorer.texts.js';
import type { AccidentObservation } from '../accidents/series.js';
import { formatNumber, type Locale } from '../format.js';
import { seriesNotesFor, yearBands, yearNotes } from '../targets/series-notes.js';
import { atTwoWidths, type ChartPoint, rateChartSvg } from '../web/charts.js';
import { Downloads } from '../web/downloads.js';
import { MESSAGES } from '../web/i18n.js';

export function accidentSeriesTitle(locale: Locale): string {
  const t = MESSAGES[locale];
  return t.chartTitle(
    formatNumber(10_000, locale),
    locale === 'en' ? 'counted by registration year' : 'opgjort efter registreringsår',
  );
}

/**
 * Every year from the first to the last (of `span` too); a year the series leaves out (hidden) has no value, so
 * lines break there.
 */
function pointsOf(
  series: readonly AccidentObservation[],
  span: readonly AccidentObservation[] = series,
): ChartPoint[] {
  const years = [...series, ...span].map((o) => o.year);
  if (years.length === 0) return [];
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const p = series.find((o) => o.year === first + i);
    return {
      label: String(first + i),
      value: p?.value ?? null,
      lower: p?.lowercl ?? null,
      upper: p?.uppercl ?? null,
    };
  });
}

/** The key numbers in words: the one value of a single year, else from the first to the last. */
function describe(series: readonly AccidentObservation[], locale: Locale): string {
  const [first, last] = [series[0], series.at(-1)];
  if (first === undefined || last === undefined) return '';
  const format = (value: number) => formatNumber(value, locale, 1);
  if (first === last) return EXPLORER_TEXTS[locale].describeOne(format(first.value), String(first.year));
  return MESSAGES[locale].describeLine(
    format(first.value),
    String(first.year),
    format(last.value),
    String(last.year),
  );
}

/** The series' notes (COVID-19 years, under-reporting) and how years are counted. */
const notesOf = (from: number, to: number, locale: Locale) => [
  ...seriesNotesFor('accident-register', from, to).map((note) => note.text[locale]),
  EXPLORER_TEXTS[locale].conventionNote.registration,
];

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
  /** The country's series, drawn beside a branch group's as a reference. */
  national?: readonly AccidentObservation[];
}) {
  const { locale, series } = props;
  const t = MESSAGES[locale];
  const texts = EXPLORER_TEXTS[locale];
  const per = formatNumber(10_000, locale);
  const first = series[0];
  const last = series.at(-1);
  if (first === undefined || last === undefined) return <p>{t.noRows}</p>;
  const title = `${props.title}, ${texts.period(first.year, last.year)}`;
  const bands = yearBands('accident-register', first.year, last.year, locale).map((band) => ({
    ...band,
    kind: 'period' as const,
  }));
  const reference =
    props.national === undefined ? null : { label: texts.national, points: pointsOf(props.national, series) };
  const chart = atTwoWidths((layout) =>
    rateChartSvg(pointsOf(series, props.national), {
      locale,
      kind: 'line',
      yLabel: t.colRate(per),
      title,
      describedBy: props.id,
      layout,
      bands,
      reference,
    }),
  );
  return (
    <>
      <h3 class="maaltal-chart-title">{title}</h3>
      <figure class="maaltal-chart">
        {raw(chart)}
        <figcaption id={props.id}>
          {describe(series, locale)}
          <span class="maaltal-chart-notes-title"> {texts.notesTitle}:</span>
          <ul class="maaltal-chart-notes">
            {notesOf(first.year, last.year, locale).map((note) => (
              <li>{note}</li>
            ))}
          </ul>
        </figcaption>
      </figure>
      <SeriesTable {...props} title={title} />
      <Downloads locale={locale} api="/api/v1/accidents/rates" query={props.query} />
      {/* The explorer draws the same series (with the country beside a branch). */}
      <ChartDownloads locale={locale} query={`${props.query}&convention=registration`} />
    </>
  );
}

/** The chart's numbers as a table (in a disclosure), with the country's rate and each year's notes. */
function SeriesTable(props: Parameters<typeof AccidentSeriesFigure>[0]) {
  const { locale, series, fatal, national } = props;
  const t = MESSAGES[locale];
  const texts = EXPLORER_TEXTS[locale];
  const per = formatNumber(10_000, locale);
  const rate = (value: number | null | undefined) => formatNumber(value, locale, 1);
  return (
    <details>
      <summary>{t.headlineTable}</summary>
      <table class="table table--compact">
        <caption>{props.title}</caption>
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
            {national === undefined ? null : (
              <th scope="col" class="num">
                {texts.colReference(texts.national, per)}
              </th>
            )}
            {fatal === undefined ? null : (
              <th scope="col" class="num">
                {t.colFatal}
              </th>
            )}
            <th scope="col">{t.colRemark}</th>
          </tr>
        </thead>
        <tbody>
          {series.map((p) => (
            <tr>
              <th scope="row">{p.year}</th>
              <td class="num">{formatNumber(p.count, locale)}</td>
              <td class="num">{formatNumber(p.denominator, locale)}</td>
              <td class="num">{rate(p.value)}</td>
              <td class="num">{`${rate(p.lowercl)}–${rate(p.uppercl)}`}</td>
              {national === undefined ? null : (
                <td class="num">{rate(national.find((n) => n.year === p.year)?.value)}</td>
              )}
              {fatal === undefined ? null : (
                <td class="num">{formatNumber(fatal.find((f) => f.year === p.year)?.count, locale)}</td>
              )}
              <td>{yearNotes('accident-register', p.year, locale).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
