// The accident explorer (/ulykker, /en/ulykker): filters in a plain GET form (the address holds them), a chart
// with confidence intervals, the same numbers as a table, downloads, and what the figures are and are not.
import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import type { Issue } from '../errors.js';
import { formatDate, formatDecimal, formatNumber, type Locale } from '../format.js';
import { yearNotes } from '../targets/series-notes.js';
import { requires } from '../web/authorize.js';
import { atTwoWidths } from '../web/charts.js';
import { Downloads } from '../web/downloads.js';
import { localePath, MESSAGES, type Messages } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { AGE_BANDS, SEVERITIES } from './cube.js';
import { EXPLORER_TEXTS } from './explorer.texts.js';
import {
  type ExplorerQuery,
  explorerAnswer,
  explorerQuery,
  groupingLabel,
  groupingWords,
} from './explorer-answer.js';
import { batchSourceName, chartFile, chartSvg, type ExplorerChart, explorerChart } from './explorer-chart.js';
import type { NarrowerView } from './plan.js';
import type { GroupBy, RawParameters } from './query.js';
import type { Answer, Label, RateRow } from './rates.js';
import type { AccidentData, AccidentStatistics } from './statistics.js';

/** The groupings the form offers; an address may hold any other combination, which the form then offers too. */
const GROUPINGS = [
  'year',
  'mainGroup',
  'branch',
  'ageBand',
  'sex',
  'severity',
  'year,branch',
  'year,mainGroup',
];

/** A grouping option's name: one dimension's, or the dimensions in words ("År og branchegruppe"). */
function groupingOption(locale: Locale, value: string): string {
  const names = value.split(',') as GroupBy[];
  if (names.length === 1) return groupingLabel(names[0] as GroupBy, locale);
  const words = groupingWords(names, locale);
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}

const fieldLabel = (t: Messages, locale: Locale, field: string) =>
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
    format: EXPLORER_TEXTS[locale].formatField,
  })[field] ?? field;

function Select(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  empty?: string;
  describedBy?: string;
}) {
  const id = `filter-${props.name}`;
  return (
    <div class="form-group maaltal-filter">
      <label class="form-label" for={id}>
        {props.label}
      </label>
      <select class="form-select" id={id} name={props.name} aria-describedby={props.describedBy}>
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
  /** The grouping asked for, e.g. "year,branch". */
  grouping: string;
}) {
  const { t, locale, data, raw } = props;
  const groupings = GROUPINGS.includes(props.grouping) ? GROUPINGS : [...GROUPINGS, props.grouping];
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
            empty={t.filterDefault}
            describedBy="period-hint"
          />
          <Select
            name="to"
            label={t.filterTo}
            value={value('to')}
            options={yearOptions}
            empty={t.filterDefault}
            describedBy="period-hint"
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
            options={groupings.map((grouping) => ({
              value: grouping,
              label: groupingOption(locale, grouping),
            }))}
          />
        </div>
        <p class="form-hint" id="period-hint">
          {EXPLORER_TEXTS[locale].periodHint}
        </p>
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

/** The chart at both widths, its key numbers in words, and the notes it carries (drawn on it and listed here). */
function ChartFigure({ chart, locale }: { chart: ExplorerChart; locale: Locale }) {
  return (
    <figure class="maaltal-chart">
      {raw(atTwoWidths((layout) => chartSvg(chart, layout, locale)))}
      <figcaption id="chart-description">
        {chart.description}
        {chart.notes.length === 0 ? null : (
          <>
            <span class="maaltal-chart-notes-title"> {EXPLORER_TEXTS[locale].notesTitle}:</span>
            <ul class="maaltal-chart-notes">
              {chart.notes.map((note) => (
                <li>{note}</li>
              ))}
            </ul>
          </>
        )}
      </figcaption>
    </figure>
  );
}

/** Why a row has no figure or what its figure includes: hidden, always published, no employment, a year's note. */
function remarkOf(t: Messages, row: RateRow, locale: Locale): string {
  const remarks = [
    row.suppressed
      ? t.suppressedNote
      : row.exempt
        ? t.exemptNote
        : row.denominator === null
          ? t.noDenominator
          : '',
    ...(row.year === undefined ? [] : yearNotes('accident-register', row.year, locale)),
  ];
  return remarks.filter((remark) => remark !== '').join('; ');
}

/** The table behind the chart: a column per grouped dimension, the figures, the reference, the remarks. */
function ResultsTable(props: { t: Messages; locale: Locale; chart: ExplorerChart; per: string }) {
  const { t, locale, chart, per } = props;
  const texts = EXPLORER_TEXTS[locale];
  const reference = chart.reference;
  const byYear = reference !== null && reference.byYear.size > 0;
  const rate = (value: number | null | undefined) => formatNumber(value, locale, 1);
  const interval = (row: RateRow) =>
    row.lowercl === null || row.uppercl === null ? '–' : `${rate(row.lowercl)}–${rate(row.uppercl)}`;
  const figures = (row: RateRow) => (
    <>
      <td class="num">{row.suppressed ? '–' : formatNumber(row.count, locale)}</td>
      <td class="num">{formatNumber(row.denominator, locale)}</td>
      <td class="num">{rate(row.value)}</td>
      <td class="num">{interval(row)}</td>
    </>
  );
  // The whole's row, unless it has nothing to say (no figure and not hidden: no employment to divide by).
  const whole =
    byYear || (reference?.whole?.value == null && !reference?.whole?.suppressed) ? null : reference.whole;
  return (
    <section class="table-wrapper" tabindex={0} aria-label={t.tableTitle}>
      <table class="table table--compact">
        <caption>{t.tableTitle}</caption>
        <thead>
          <tr>
            {chart.groupBy.map((name) => (
              <th scope="col">{groupingLabel(name, locale)}</th>
            ))}
            <th scope="col" class="num">
              {t.colCount}
            </th>
            <th scope="col" class="num">
              {chart.personYears ? texts.personYears(chart.period) : t.colEmployed}
            </th>
            <th scope="col" class="num">
              {t.colRate(per)}
            </th>
            <th scope="col" class="num">
              {t.colCi}
            </th>
            {byYear ? (
              <th scope="col" class="num">
                {texts.colReference(reference.label, per)}
              </th>
            ) : null}
            <th scope="col">{t.colRemark}</th>
          </tr>
        </thead>
        <tbody>
          {chart.rows.map(({ row, labels }) => (
            <tr>
              <th scope="row">{labels[0]}</th>
              {labels.slice(1).map((label) => (
                <td>{label}</td>
              ))}
              {figures(row)}
              {byYear ? <td class="num">{rate(reference.byYear.get(row.year ?? 0)?.value)}</td> : null}
              <td>{remarkOf(t, row, locale)}</td>
            </tr>
          ))}
        </tbody>
        {whole === null || reference === null ? null : (
          <tfoot>
            <tr>
              <th scope="row">{reference.label}</th>
              {chart.groupBy.slice(1).map(() => (
                <td />
              ))}
              {figures(whole)}
              <td>{remarkOf(t, whole, locale)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </section>
  );
}

function Results(props: {
  t: Messages;
  locale: Locale;
  answer: Answer<RateRow>;
  chart: ExplorerChart;
  query: string;
}) {
  const { t, locale, answer, chart } = props;
  const { meta, rows } = answer;
  const per = formatNumber(meta.perEmployed ?? 10_000, locale);
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{chart.title}</h2>
      {rows.length === 0 ? (
        <p>{t.noRows}</p>
      ) : (
        <>
          <ChartFigure chart={chart} locale={locale} />
          <ResultsTable t={t} locale={locale} chart={chart} per={per} />
        </>
      )}
      <h3>{t.downloadsTitle}</h3>
      <Downloads locale={locale} api="/api/v1/accidents/rates" query={props.query} />
      {rows.length === 0 ? null : <ChartDownloads locale={locale} query={props.query} />}
      <h3>{t.aboutTitle}</h3>
      <p>{locale === 'en' ? meta.method.en : meta.method.da}</p>
      <p>{locale === 'en' ? meta.suppression.noteEn : meta.suppression.noteDa}</p>
      {meta.suppression.exemptFatal ? <p>{t.exemptNote}.</p> : null}
      {meta.excludedUndated > 0 ? <p>{t.undatedNote(formatNumber(meta.excludedUndated, locale))}</p> : null}
      <p>
        {t.sourcesLabel}:{' '}
        {meta.sourceBatches
          .map(
            (batch) =>
              `${batchSourceName(batch, meta.demoLabel, locale)} (${formatDate(batch.importedAt, locale)}, ${formatDecimal(batch.rowCount, locale)})`,
          )
          .join('; ')}
      </p>
    </section>
  );
}

/** Links to the chart itself as SVG and PNG (the explorer's address for `query` with `format`). */
export function ChartDownloads({ locale, query }: { locale: Locale; query: string }) {
  const texts = EXPLORER_TEXTS[locale];
  const href = (format: string) =>
    `${localePath(locale, '/ulykker')}?${query === '' ? '' : `${query}&`}format=${format}`;
  return (
    <ul class="maaltal-downloads" aria-label={texts.chartDownloads}>
      <li>
        <a href={href('svg')} download>
          {texts.downloadSvg}
        </a>
      </li>
      <li>
        <a href={href('png')} download>
          {texts.downloadPng}
        </a>
      </li>
    </ul>
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
      ? t.narrowerGroupBy(view.groupBy.map((name) => dimensionLabel(locale, name)).join(', '))
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

const dimensionLabel = (locale: Locale, name: GroupBy) =>
  name === 'chemical' ? MESSAGES[locale].groupChemical : groupingLabel(name, locale).toLowerCase();

const issueText = (t: Messages, locale: Locale, issue: Issue) =>
  `${fieldLabel(t, locale, issue.field)}: ${locale === 'da' ? (issue.messageDa ?? issue.message) : issue.message}`;

/** The form's fields, which a problem links to. */
const FORM_FIELDS = new Set([
  'from',
  'to',
  'mainGroup',
  'branch',
  'ageBand',
  'sex',
  'severity',
  'convention',
]);

/** Every problem with the choices at once, each naming (and linking to) its field; or the narrower views. */
function ProblemSummary(props: {
  t: Messages;
  locale: Locale;
  issues: Issue[];
  narrower: NarrowerView[] | null;
  parameters: RawParameters;
}) {
  const { t, locale, issues, narrower } = props;
  const field = (name: string) => (FORM_FIELDS.has(name) || name === 'groupBy' ? `filter-${name}` : null);
  return (
    <div class="alert alert-error" role="alert">
      <div class="alert-body">
        <p class="alert-heading">
          {narrower === null ? EXPLORER_TEXTS[locale].errorSummary(issues.length) : t.tooLargeHeading}
        </p>
        <ul class="alert-text">
          {issues.map((issue) => {
            const id = field(issue.field);
            const text = issueText(t, locale, issue);
            return <li>{id === null ? text : <a href={`#${id}`}>{text}</a>}</li>;
          })}
        </ul>
        {narrower === null || narrower.length === 0 ? null : (
          <NarrowerViews t={t} locale={locale} views={narrower} parameters={props.parameters} />
        )}
      </div>
    </div>
  );
}

const queryString = (parameters: RawParameters) =>
  new URLSearchParams(
    Object.entries(parameters).flatMap(([name, values]) =>
      values.map((value): [string, string] => [name, value]),
    ),
  ).toString();

interface Explored {
  query: ExplorerQuery;
  result: ReturnType<typeof explorerAnswer>;
  chart: ExplorerChart | null;
}

function explore(data: AccidentData, url: URL, locale: Locale): Explored {
  const query = explorerQuery(url, data);
  const result = explorerAnswer(data, query, locale);
  const { answer, reference } = result;
  const chart =
    answer === null || answer.rows.length === 0
      ? null
      : explorerChart({
          data,
          answer,
          reference,
          groupBy: query.groupBy,
          locale,
          defaultedYear: query.defaultedYear,
        });
  return { query, result, chart };
}

function ExplorerPage(props: { data: AccidentData; locale: Locale; url: URL; explored: Explored }) {
  const { data, locale, url } = props;
  const { query, result, chart } = props.explored;
  const t = MESSAGES[locale];
  const { answer, issues, narrower } = result;
  return (
    <Layout
      locale={locale}
      path={`${url.pathname}${url.search}`}
      title={chart === null ? t.accidentsTitle : chart.title}
      demo={data.demo}
    >
      <h1>{t.accidentsTitle}</h1>
      <p class="font-lead">{t.accidentsIntro}</p>
      {issues.length > 0 ? (
        <ProblemSummary
          t={t}
          locale={locale}
          issues={issues}
          narrower={narrower}
          parameters={query.parameters}
        />
      ) : null}
      <Filters
        t={t}
        locale={locale}
        data={data}
        raw={query.chosen}
        grouping={query.chosen.groupBy?.join(',') ?? ''}
      />
      {answer === null ? null : (
        <Results
          t={t}
          locale={locale}
          answer={answer}
          chart={
            chart ??
            explorerChart({
              data,
              answer,
              reference: null,
              groupBy: query.groupBy,
              locale,
              defaultedYear: null,
            })
          }
          query={queryString(query.parameters)}
        />
      )}
    </Layout>
  );
}

/** The chart as an SVG or PNG file; a query with problems (or nothing to draw) gets them as text. */
function chartDownload(c: Context, locale: Locale, explored: Explored, format: 'svg' | 'png') {
  const { result, chart } = explored;
  if (result.answer === null || chart === null) {
    const t = MESSAGES[locale];
    const lines =
      result.answer === null ? result.issues.map((issue) => issueText(t, locale, issue)) : [t.noRows];
    return c.text([EXPLORER_TEXTS[locale].exportProblem, ...lines].join('\n'), 400);
  }
  const file = chartFile(chart, result.answer, format, locale);
  return c.body(file.body, 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.fileName}"`,
  });
}

export function explorerRoutes(statistics: AccidentStatistics): Hono {
  const app = new Hono();
  const handle = (locale: Locale) => async (c: Context) => {
    const url = new URL(c.req.url);
    const data = await statistics.current();
    const explored = explore(data, url, locale);
    if (explored.query.format !== null) return chartDownload(c, locale, explored, explored.query.format);
    return c.html(<ExplorerPage data={data} locale={locale} url={url} explored={explored} />);
  };
  app.get('/ulykker', requires('public'), handle('da'));
  app.get('/en/ulykker', requires('public'), handle('en'));
  return app;
}
