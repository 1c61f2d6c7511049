// The accident explorer (/ulykker, /en/ulykker): filters in a plain GET form (the address holds them), a chart
// with confidence intervals, the same numbers as a table, downloads, and what the figures are and are not.
import { Hono } from 'hono';
import { raw } from 'hono/html';
import { AppError, type Issue } from '../errors.js';
import { formatDate, formatDecimal, formatNumber, type Locale } from '../format.js';
import { requires } from '../web/authorize.js';
import { type ChartPoint, rateChartSvg } from '../web/charts.js';
import { Downloads } from '../web/downloads.js';
import { localePath, MESSAGES, type Messages } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { AGE_BANDS, SEVERITIES } from './cube.js';
import { type NarrowerView, narrowerViews } from './plan.js';
import {
  type AccidentFilters,
  emptyParameters,
  type GroupBy,
  parseFilters,
  type RawParameters,
} from './query.js';
import { type Answer, type AnswerMeta, accidentRates, type Label, type RateRow } from './rates.js';
import type { AccidentData, AccidentStatistics } from './statistics.js';

const GROUPINGS = ['year', 'mainGroup', 'branch', 'ageBand', 'sex', 'severity'] as const;
type Grouping = (typeof GROUPINGS)[number];

const groupingLabel = (t: Messages, grouping: Grouping) =>
  ({
    year: t.groupYear,
    branch: t.groupBranch,
    mainGroup: t.groupMainGroup,
    ageBand: t.groupAgeBand,
    sex: t.groupSex,
    severity: t.groupSeverity,
  })[grouping];

const fieldLabel = (t: Messages, field: string) =>
  ({
    from: t.filterFrom,
    to: t.filterTo,
    mainGroup: t.filterMainGroup,
    branch: t.filterBranch,
    ageBand: t.filterAgeBand,
    sex: t.filterSex,
    severity: t.filterSeverity,
    convention: t.filterConvention,
    fatal: t.filterFatal,
    chemical: t.filterChemical,
    groupBy: t.filterGroupBy,
  })[field] ?? field;

/** The form's values: empty fields dropped, one grouping (the year unless chosen). */
function formParameters(url: URL): { raw: RawParameters; grouping: Grouping } {
  const raw = emptyParameters();
  for (const [name, value] of url.searchParams) {
    if (value.trim() === '') continue;
    raw[name] = [...(raw[name] ?? []), value];
  }
  const chosen = raw.groupBy?.[0];
  const grouping = (GROUPINGS as readonly string[]).includes(chosen ?? '') ? (chosen as Grouping) : 'year';
  if (chosen === undefined) raw.groupBy = ['year'];
  return { raw, grouping };
}

function labelOf(meta: AnswerMeta, grouping: Grouping, row: RateRow, locale: Locale): string {
  const pickLabel = (labels: Record<string, Label>, code: string | undefined) =>
    code === undefined ? '' : (labels[code]?.[locale] ?? code);
  switch (grouping) {
    case 'year':
      return String(row.year);
    case 'branch':
      return pickLabel(meta.labels.branch, row.branch);
    case 'mainGroup':
      return pickLabel(meta.labels.mainGroup, row.mainGroup);
    case 'ageBand':
      return pickLabel(meta.labels.ageBand, row.ageBand);
    case 'sex':
      return pickLabel(meta.labels.sex, row.sex);
    case 'severity':
      return pickLabel(meta.labels.severity, row.severity);
  }
}

function describeChart(
  t: Messages,
  points: ChartPoint[],
  grouping: Grouping,
  hidden: number,
  locale: Locale,
) {
  const shown = points.filter((p) => p.value !== null) as (ChartPoint & { value: number })[];
  const format = (value: number) => formatNumber(value, locale, 1);
  const parts: string[] = [];
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (grouping === 'year' && first !== undefined && last !== undefined) {
    parts.push(t.describeLine(format(first.value), first.label, format(last.value), last.label));
  } else if (first !== undefined) {
    const sorted = [...shown].sort((a, b) => b.value - a.value);
    const high = sorted[0] as ChartPoint & { value: number };
    const low = sorted[sorted.length - 1] as ChartPoint & { value: number };
    parts.push(t.describeBars(format(high.value), high.label, format(low.value), low.label));
  }
  if (hidden > 0) parts.push(t.describeHidden(hidden));
  return parts.join(' ');
}

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  empty?: string;
}) {
  const id = `filter-${props.name}`;
  return (
    <div class="form-group maaltal-filter">
      <label class="form-label" for={id}>
        {props.label}
      </label>
      <select class="form-select" id={id} name={props.name}>
        {props.empty === undefined ? null : <option value="">{props.empty}</option>}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters(props: {
  t: Messages;
  locale: Locale;
  data: AccidentData;
  raw: RawParameters;
  grouping: Grouping;
}) {
  const { t, locale, data, raw } = props;
  const value = (name: string) => raw[name]?.[0];
  const years = [...new Set([...data.cubes.registration.years, ...data.cubes.accident.years])].sort();
  const yearOptions = years.map((year) => ({ value: String(year), label: String(year) }));
  const name = (label: Label) => label[locale];
  const fixed = (labels: Record<string, Label>, codes: readonly string[]) =>
    codes.map((code) => ({ value: code, label: labels[code] ? name(labels[code] as Label) : code }));
  const labels = {
    ageBand: Object.fromEntries(AGE_BANDS.map((band) => [band, { da: `${band} år`, en: `${band} years` }])),
    sex: { K: { da: 'Kvinder', en: 'Women' }, M: { da: 'Mænd', en: 'Men' } },
  };
  return (
    <form method="get" action={localePath(locale, '/ulykker')} class="maaltal-filters">
      <fieldset>
        <legend class="h3">{t.filtersLegend}</legend>
        <div class="maaltal-filter-grid">
          <Select
            name="from"
            label={t.filterFrom}
            value={value('from')}
            options={yearOptions}
            empty={t.filterAll}
          />
          <Select
            name="to"
            label={t.filterTo}
            value={value('to')}
            options={yearOptions}
            empty={t.filterAll}
          />
          <Select
            name="mainGroup"
            label={t.filterMainGroup}
            value={value('mainGroup')}
            options={data.mainGroups.map((g) => ({
              value: g.code,
              label: locale === 'en' ? g.nameEn : g.nameDa,
            }))}
            empty={t.filterAll}
          />
          <Select
            name="branch"
            label={t.filterBranch}
            value={value('branch')}
            options={data.branches.map((b) => ({
              value: b.code,
              label: locale === 'en' ? b.nameEn : b.nameDa,
            }))}
            empty={t.filterAll}
          />
          <Select
            name="ageBand"
            label={t.filterAgeBand}
            value={value('ageBand')}
            options={fixed(labels.ageBand, AGE_BANDS)}
            empty={t.filterAll}
          />
          <Select
            name="sex"
            label={t.filterSex}
            value={value('sex')}
            options={fixed(labels.sex, ['K', 'M'])}
            empty={t.filterAll}
          />
          <Select
            name="severity"
            label={t.filterSeverity}
            value={value('severity')}
            options={SEVERITIES.map((code) => ({ value: code, label: SEVERITY_NAMES[code][locale] }))}
            empty={t.filterAll}
          />
          <Select
            name="convention"
            label={t.filterConvention}
            value={value('convention')}
            options={[
              {
                value: 'registration',
                label: locale === 'en' ? 'By registration year' : 'Efter registreringsår',
              },
              { value: 'accident', label: locale === 'en' ? 'By accident year' : 'Efter ulykkesår' },
            ]}
            empty={t.filterDefault}
          />
          <Select
            name="groupBy"
            label={t.filterGroupBy}
            value={props.grouping}
            options={GROUPINGS.map((grouping) => ({ value: grouping, label: groupingLabel(t, grouping) }))}
          />
        </div>
        <div class="form-group form-group-checkbox">
          <input
            class="form-checkbox"
            type="checkbox"
            id="filter-fatal"
            name="fatal"
            value="true"
            checked={value('fatal') === 'true'}
          />
          <label for="filter-fatal">{t.filterFatal}</label>
        </div>
        <div class="form-group form-group-checkbox">
          <input
            class="form-checkbox"
            type="checkbox"
            id="filter-chemical"
            name="chemical"
            value="true"
            checked={value('chemical') === 'true'}
          />
          <label for="filter-chemical">{t.filterChemical}</label>
        </div>
        <button class="button button-primary" type="submit">
          {t.filterSubmit}
        </button>
      </fieldset>
    </form>
  );
}

const SEVERITY_NAMES: Record<(typeof SEVERITIES)[number], Label> = {
  fatal: { da: 'Dødsulykker', en: 'Fatal' },
  serious: { da: 'Alvorlige (mindst 4 dages fravær)', en: 'Serious (4 days off work or more)' },
  minor: { da: 'Mindre alvorlige', en: 'Minor' },
  unknown: { da: 'Ukendt alvorlighed', en: 'Severity unknown' },
};

function Results(props: {
  t: Messages;
  locale: Locale;
  answer: Answer<RateRow>;
  grouping: Grouping;
  query: string;
}) {
  const { t, locale, answer, grouping } = props;
  const { meta, rows } = answer;
  const per = formatNumber(meta.perEmployed ?? 10_000, locale);
  const convention = locale === 'en' ? meta.convention.labelEn : meta.convention.labelDa;
  const fatalOnly = meta.filters.fatal === true || meta.filters.severity === 'fatal';
  const title = (fatalOnly ? t.chartTitleFatal : t.chartTitle)(per, convention);
  const points: ChartPoint[] = rows.map((row) => ({
    label: labelOf(meta, grouping, row, locale),
    value: row.value,
    lower: row.lowercl,
    upper: row.uppercl,
  }));
  const hidden = rows.filter((row) => row.suppressed).length;
  const description = describeChart(t, points, grouping, hidden, locale);
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{title}</h2>
      {rows.length === 0 ? (
        <p>{t.noRows}</p>
      ) : (
        <>
          <figure class="maaltal-chart">
            {raw(
              rateChartSvg(points, {
                locale,
                kind: grouping === 'year' ? 'line' : 'bar',
                yLabel: t.colRate(per),
                title,
                describedBy: 'chart-description',
              }),
            )}
            <figcaption id="chart-description">{description}</figcaption>
          </figure>
          <div class="table-wrapper">
            <table class="table table--compact">
              <caption>{t.tableTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{groupingLabel(t, grouping)}</th>
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
                  <th scope="col">{t.colRemark}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr>
                    <th scope="row">{points[i]?.label}</th>
                    <td class="num">{row.suppressed ? '–' : formatNumber(row.count, locale)}</td>
                    <td class="num">{formatNumber(row.denominator, locale)}</td>
                    <td class="num">{formatNumber(row.value, locale, 1)}</td>
                    <td class="num">
                      {row.lowercl === null || row.uppercl === null
                        ? '–'
                        : `${formatNumber(row.lowercl, locale, 1)}–${formatNumber(row.uppercl, locale, 1)}`}
                    </td>
                    <td>
                      {row.suppressed
                        ? t.suppressedNote
                        : row.exempt
                          ? t.exemptNote
                          : row.denominator === null
                            ? t.noDenominator
                            : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h3>{t.downloadsTitle}</h3>
      <Downloads locale={locale} api="/api/v1/accidents/rates" query={props.query} />
      <h3>{t.aboutTitle}</h3>
      <p>{locale === 'en' ? meta.method.en : meta.method.da}</p>
      <p>{locale === 'en' ? meta.suppression.noteEn : meta.suppression.noteDa}</p>
      {meta.suppression.exemptFatal ? <p>{t.exemptNote}.</p> : null}
      {meta.seriesNotes.map((note) => (
        <p>{locale === 'en' ? note.en : note.da}</p>
      ))}
      {meta.excludedUndated > 0 ? <p>{t.undatedNote(formatNumber(meta.excludedUndated, locale))}</p> : null}
      <p>
        {t.sourcesLabel}:{' '}
        {meta.sourceBatches
          .map(
            (batch) =>
              `${batch.sourceLabel || batch.fileName} (${formatDate(batch.importedAt, locale)}, ${formatDecimal(batch.rowCount, locale)})`,
          )
          .join('; ')}
      </p>
    </section>
  );
}

/** Links to the nearest views within the row budget, each with how many rows it gives. */
function NarrowerViews(props: {
  t: Messages;
  locale: Locale;
  views: NarrowerView[];
  parameters: RawParameters;
}) {
  const { t, locale } = props;
  const kept = Object.entries(props.parameters).filter(([name]) => !['groupBy', 'from', 'to'].includes(name));
  const href = (view: NarrowerView) => {
    const query = new URLSearchParams(
      kept.flatMap(([name, values]) => values.map((v): [string, string] => [name, v])),
    );
    if (view.from !== null) query.set('from', String(view.from));
    if (view.to !== null) query.set('to', String(view.to));
    query.set('groupBy', view.groupBy.join(','));
    return `${localePath(locale, '/ulykker')}?${query.toString()}`;
  };
  const grouped = props.parameters.groupBy?.[0]?.split(',').length ?? 0;
  const label = (view: NarrowerView) =>
    view.groupBy.length < grouped
      ? t.narrowerGroupBy(view.groupBy.map((name) => dimensionLabel(t, name)).join(', '))
      : t.narrowerYear(view.from ?? 0);
  return (
    <>
      <p>{t.narrowerViews}</p>
      <ul>
        {props.views.map((view) => (
          <li>
            <a href={href(view)}>{label(view)}</a> ({t.narrowerRows(formatDecimal(view.rows, locale))})
          </li>
        ))}
      </ul>
    </>
  );
}

const dimensionLabel = (t: Messages, name: GroupBy) =>
  name === 'chemical' ? t.groupChemical : groupingLabel(t, name).toLowerCase();

/** The answer, or the problems with the choices (and, for an answer too large, the narrower views). */
function answerFor(
  data: AccidentData,
  parameters: RawParameters,
): { answer: Answer<RateRow> | null; issues: Issue[]; narrower: NarrowerView[] | null } {
  let filters: AccidentFilters | undefined;
  try {
    filters = parseFilters(parameters);
    return { answer: accidentRates(data, filters), issues: [], narrower: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'invalid_input') return { answer: null, issues: error.issues, narrower: null };
    if (error.code === 'too_large' && filters !== undefined)
      return { answer: null, issues: error.issues, narrower: narrowerViews(data, filters) };
    throw error;
  }
}

export function explorerRoutes(statistics: AccidentStatistics): Hono {
  const app = new Hono();
  const page = async (locale: Locale, url: URL) => {
    const t = MESSAGES[locale];
    const data = await statistics.current();
    const { raw: parameters, grouping } = formParameters(url);
    const { answer, issues, narrower } = answerFor(data, parameters);
    const query = new URLSearchParams(
      Object.entries(parameters).flatMap(([name, values]) =>
        values.map((value): [string, string] => [name, value]),
      ),
    ).toString();
    return (
      <Layout locale={locale} path={`${url.pathname}${url.search}`} title={t.accidentsTitle} demo={data.demo}>
        <h1>{t.accidentsTitle}</h1>
        <p class="font-lead">{t.accidentsIntro}</p>
        {issues.length > 0 ? (
          <div class="alert alert-error" role="alert">
            <div class="alert-body">
              <p class="alert-heading">{narrower === null ? t.formErrors : t.tooLargeHeading}</p>
              <ul>
                {issues.map((issue) => (
                  <li>
                    {fieldLabel(t, issue.field)}:{' '}
                    {locale === 'da' ? (issue.messageDa ?? issue.message) : issue.message}
                  </li>
                ))}
              </ul>
              {narrower === null || narrower.length === 0 ? null : (
                <NarrowerViews t={t} locale={locale} views={narrower} parameters={parameters} />
              )}
            </div>
          </div>
        ) : null}
        <Filters t={t} locale={locale} data={data} raw={parameters} grouping={grouping} />
        {answer === null ? null : (
          <Results t={t} locale={locale} answer={answer} grouping={grouping} query={query} />
        )}
      </Layout>
    );
  };
  app.get('/ulykker', requires('public'), async (c) => c.html(await page('da', new URL(c.req.url))));
  app.get('/en/ulykker', requires('public'), async (c) => c.html(await page('en', new URL(c.req.url))));
  return app;
}
