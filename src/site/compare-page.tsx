// The comparison of branch groups (/sammenlign, /en/sammenlign): a plain GET form (indicator, year, 2–6 branch
// groups; the address holds the choice, no JavaScript needed), a chart of the rates with their intervals and the
// whole country as reference, a table saying how each group compares with the whole country, a matrix of the
// pairwise tests, downloads, and the method. The same comparison as JSON and CSV at /api/v1/compare.
import { Hono } from 'hono';
import { raw } from 'hono/html';
import { batchSourceName } from '../accidents/explorer-chart.js';
import { emptyParameters, type RawParameters } from '../accidents/query.js';
import { statisticsFor } from '../accidents/series.js';
import type { AccidentData } from '../accidents/statistics.js';
import type { Store } from '../db/connect.js';
import { AppError, type Issue } from '../errors.js';
import { formatDate, formatDecimal, formatNumber, type Locale } from '../format.js';
import { requires } from '../web/authorize.js';
import { chartFileOf, chartFormatOf } from '../web/chart-export.js';
import { atTwoWidths, WIDE_LAYOUT } from '../web/charts.js';
import { type CompareChartRow, compareChartSvg } from '../web/compare-chart.js';
import { csvStream } from '../web/csv.js';
import { localePath } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import {
  asksForComparison,
  COMPARE_INDICATORS,
  type ComparedFigure,
  type ComparedGroup,
  type ComparedPair,
  type CompareQuery,
  type Comparison,
  comparableBranches,
  compareBranches,
  comparisonChoices,
  comparisonRows,
  MAX_GROUPS,
  MIN_GROUPS,
  parseCompareQuery,
  yearsOf,
} from './compare.js';
import { COMPARE_TEXTS, INDICATOR_NAMES } from './compare.texts.js';
import { unitWords } from './goal.texts.js';

type Texts = (typeof COMPARE_TEXTS)['da'];

const rate = (value: number | null, locale: Locale) => formatNumber(value, locale, 1);
/** An interval; an open upper limit (a rate ratio over a group without accidents) is infinite. */
const interval = (lower: number | null, upper: number | null, locale: Locale, digits = 1) =>
  lower === null
    ? '–'
    : `${formatNumber(lower, locale, digits)}–${upper === null ? '∞' : formatNumber(upper, locale, digits)}`;
const pText = (p: number | null, locale: Locale) =>
  p === null ? '–' : p < 0.001 ? `< ${formatNumber(0.001, locale, 3)}` : formatNumber(p, locale, 3);

/** The form's values as parameters: empty fields dropped, repeated names kept. */
function formParameters(url: URL): RawParameters {
  const parameters = emptyParameters();
  for (const [name, value] of url.searchParams) {
    if (value.trim() === '') continue;
    parameters[name] = [...(parameters[name] ?? []), value];
  }
  return parameters;
}

/** The comparison asked for, the problems with it, or neither (the empty form). */
function answerFor(data: AccidentData, parameters: RawParameters) {
  if (!asksForComparison(parameters)) return { comparison: null, issues: [] as Issue[] };
  try {
    return { comparison: compareBranches(data, parseCompareQuery(parameters, data)), issues: [] as Issue[] };
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input')
      return { comparison: null, issues: error.issues };
    throw error;
  }
}

const queryOf = (query: Pick<CompareQuery, 'indicator' | 'year' | 'branches'>) =>
  new URLSearchParams([
    ['indicator', query.indicator],
    ['year', String(query.year)],
    ...query.branches.map((code): [string, string] => ['branch', code]),
  ]).toString();

function fieldLabel(texts: Texts, field: string): string {
  if (field === 'indicator') return texts.fieldIndicator;
  if (field === 'year') return texts.fieldYear;
  if (field === 'branch') return texts.fieldBranch;
  return texts.unknownField(field);
}

function Problems({ issues, texts, locale }: { issues: Issue[]; texts: Texts; locale: Locale }) {
  return (
    <div class="alert alert-error" role="alert">
      <div class="alert-body">
        <p class="alert-heading">{texts.formErrors}</p>
        <ul>
          {issues.map((issue) => (
            <li>
              {fieldLabel(texts, issue.field)}:{' '}
              {locale === 'da' ? (issue.messageDa ?? issue.message) : issue.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Branch groups as checkboxes under their main group; folded away (still sent) while a comparison is shown. */
function BranchChoices(props: {
  data: AccidentData;
  chosen: Set<string>;
  open: boolean;
  texts: Texts;
  locale: Locale;
}) {
  const { data, chosen, texts, locale } = props;
  const branches = comparableBranches(data);
  const name = (named: { nameDa: string; nameEn: string }) => (locale === 'en' ? named.nameEn : named.nameDa);
  const chosenNames = branches.filter((branch) => chosen.has(branch.code)).map(name);
  return (
    <details class="maaltal-compare-choices" open={props.open}>
      <summary>{texts.branchSummary(chosenNames)}</summary>
      <fieldset aria-describedby="compare-branch-hint">
        <legend class="h4">{texts.fieldBranch}</legend>
        <p id="compare-branch-hint" class="form-hint">
          {texts.branchHint(MIN_GROUPS, MAX_GROUPS)}
        </p>
        <div class="maaltal-compare-groups">
          {data.mainGroups.map((group) => {
            const under = branches.filter((branch) => branch.mainGroup === group.code);
            if (under.length === 0) return null;
            return (
              <fieldset>
                <legend class="h5">{name(group)}</legend>
                {under.map((branch) => (
                  <div class="form-group-checkbox">
                    <input
                      class="form-checkbox"
                      type="checkbox"
                      id={`compare-branch-${branch.code}`}
                      name="branch"
                      value={branch.code}
                      checked={chosen.has(branch.code)}
                    />
                    <label for={`compare-branch-${branch.code}`}>{name(branch)}</label>
                  </div>
                ))}
              </fieldset>
            );
          })}
        </div>
      </fieldset>
    </details>
  );
}

function IndicatorChoices({ chosen, texts, locale }: { chosen: string; texts: Texts; locale: Locale }) {
  return (
    <fieldset>
      <legend class="h4">{texts.fieldIndicator}</legend>
      {COMPARE_INDICATORS.map((code) => (
        <div class="form-group-radio">
          <input
            class="form-radio"
            type="radio"
            id={`compare-indicator-${code}`}
            name="indicator"
            value={code}
            checked={code === chosen}
          />
          <label for={`compare-indicator-${code}`}>{INDICATOR_NAMES[code][locale]}</label>
        </div>
      ))}
    </fieldset>
  );
}

function CompareForm(props: {
  data: AccidentData;
  parameters: RawParameters;
  showChoices: boolean;
  texts: Texts;
  locale: Locale;
}) {
  const { data, parameters, texts, locale } = props;
  const years = [...new Set(COMPARE_INDICATORS.flatMap((code) => yearsOf(data, code)))].sort();
  const year = parameters.year?.[0] ?? String(years.at(-1) ?? '');
  const chosen = new Set((parameters.branch ?? []).flatMap((value) => value.split(',')));
  return (
    <form method="get" action={localePath(locale, '/sammenlign')} class="maaltal-filters">
      <fieldset>
        <legend class="h3">{texts.formLegend}</legend>
        <IndicatorChoices chosen={parameters.indicator?.[0] ?? 'reported'} texts={texts} locale={locale} />
        <div class="form-group">
          <label class="form-label" for="compare-year">
            {texts.fieldYear}
          </label>
          <select class="form-select" id="compare-year" name="year">
            {years.map((y) => (
              <option value={String(y)} selected={String(y) === year}>
                {String(y)}
              </option>
            ))}
          </select>
        </div>
        <BranchChoices data={data} chosen={chosen} open={props.showChoices} texts={texts} locale={locale} />
        <button class="button button-primary" type="submit">
          {texts.submit}
        </button>
      </fieldset>
    </form>
  );
}

const groupName = (group: ComparedGroup, locale: Locale) => (locale === 'en' ? group.nameEn : group.nameDa);

/** The chart's description in words: highest and lowest, the whole country, the comparisons, hidden groups. */
function describeChart(comparison: Comparison, texts: Texts, locale: Locale): string {
  const shown = comparison.groups.filter((g) => g.value !== null) as (ComparedGroup & { value: number })[];
  const sorted = [...shown].sort((a, b) => b.value - a.value);
  const high = sorted[0];
  const low = sorted.at(-1);
  const count = (kind: string) => comparison.groups.filter((g) => g.comparedWithNational === kind).length;
  const hidden = comparison.groups.filter((g) => g.suppressed).length;
  return [
    high === undefined || low === undefined
      ? ''
      : texts.describeChart(
          groupName(high, locale),
          rate(high.value, locale),
          groupName(low, locale),
          rate(low.value, locale),
        ),
    comparison.national.value === null ? '' : texts.describeNational(rate(comparison.national.value, locale)),
    texts.describeCounts(count('higher'), count('lower'), count('similar')),
    hidden > 0 ? texts.describeHidden(hidden) : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/** The comparison's chart: a bar per group with its interval, hidden ones said so, the country as a line. */
function compareChartParts(comparison: Comparison, texts: Texts, locale: Locale) {
  const indicator = locale === 'en' ? comparison.indicator.nameEn : comparison.indicator.nameDa;
  const rows: CompareChartRow[] = comparison.groups.map((group) => ({
    label: groupName(group, locale),
    value: group.value,
    lower: group.lowercl,
    upper: group.uppercl,
    hidden: group.suppressed,
  }));
  const national = comparison.national.value;
  const options = {
    xLabel: unitWords(`per_${comparison.indicator.perEmployed}`, locale) ?? '',
    title: texts.chartTitle(indicator, comparison.year),
    describedBy: 'compare-chart-description',
    format: (value: number) => formatDecimal(value, locale, 1),
    national,
    nationalLabel: texts.nationalLabel(rate(national, locale)),
    hiddenText: texts.hiddenInChart,
  };
  return { rows, options };
}

function CompareFigure({
  comparison,
  texts,
  locale,
}: {
  comparison: Comparison;
  texts: Texts;
  locale: Locale;
}) {
  const { rows, options } = compareChartParts(comparison, texts, locale);
  return (
    <figure class="maaltal-chart">
      {raw(atTwoWidths((layout) => compareChartSvg(rows, options, layout)))}
      <figcaption>
        <span id="compare-chart-description">{describeChart(comparison, texts, locale)}</span>{' '}
        {texts.chartLegend}
      </figcaption>
    </figure>
  );
}

function FigureCells({ figure, texts, locale }: { figure: ComparedFigure; texts: Texts; locale: Locale }) {
  return (
    <>
      <td class="num">{figure.suppressed ? '–' : formatNumber(figure.count, locale)}</td>
      <td class="num">{formatNumber(figure.denominator, locale)}</td>
      <td class="num">
        {figure.suppressed ? texts.hidden : figure.denominator === null ? '–' : rate(figure.value, locale)}
      </td>
      <td class="num">{interval(figure.lowercl, figure.uppercl, locale)}</td>
    </>
  );
}

function vsNationalText(group: ComparedGroup, texts: Texts): string {
  if (group.suppressed) return texts.hidden;
  if (group.denominator === null) return texts.noDenominator;
  return group.comparedWithNational === null ? '–' : texts.vsNational[group.comparedWithNational];
}

function GroupsTable({
  comparison,
  texts,
  locale,
}: {
  comparison: Comparison;
  texts: Texts;
  locale: Locale;
}) {
  const per = formatNumber(comparison.indicator.perEmployed, locale);
  return (
    <section class="table-wrapper" tabindex={0} aria-label={texts.groupsTitle}>
      <table class="table table--compact">
        <caption>{texts.groupsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.colGroup}</th>
            <th scope="col" class="num">
              {texts.colCount}
            </th>
            <th scope="col" class="num">
              {texts.colEmployed}
            </th>
            <th scope="col" class="num">
              {texts.colRate(per)}
            </th>
            <th scope="col" class="num">
              {texts.colCi}
            </th>
            <th scope="col">{texts.colVsNational}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{texts.wholeCountry}</th>
            <FigureCells figure={comparison.national} texts={texts} locale={locale} />
            <td>{texts.reference}</td>
          </tr>
          {comparison.groups.map((group) => (
            <tr>
              <th scope="row">{groupName(group, locale)}</th>
              <FigureCells figure={group} texts={texts} locale={locale} />
              <td>{vsNationalText(group, texts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The row group against the column group, in words (the pair is stored once, first against second). */
function pairWords(pair: ComparedPair, rowIsFirst: boolean, texts: Texts): string {
  if (pair.suppressed) return texts.pairHidden;
  if (pair.significant === null) return texts.pairUntestable;
  if (!pair.significant) return texts.pairSimilar;
  const firstHigher = pair.lowercl !== null ? pair.lowercl > 1 : (pair.uppercl ?? 0) > 1;
  return firstHigher === rowIsFirst ? texts.pairHigher : texts.pairLower;
}

function PairMatrix({ comparison, texts, locale }: { comparison: Comparison; texts: Texts; locale: Locale }) {
  const { groups, pairs } = comparison;
  const pairOf = (a: string, b: string) =>
    pairs.find((p) => (p.first === a && p.second === b) || (p.first === b && p.second === a));
  return (
    <section class="table-wrapper" tabindex={0} aria-label={texts.pairsTitle}>
      <table class="table table--compact maaltal-compare-matrix">
        <caption class="sr-only">{texts.pairsTitle}</caption>
        <thead>
          <tr>
            <td />
            {groups.map((group) => (
              <th scope="col">{groupName(group, locale)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((row) => (
            <tr>
              <th scope="row">{groupName(row, locale)}</th>
              {groups.map((column) => {
                const pair = column.code === row.code ? undefined : pairOf(row.code, column.code);
                if (pair === undefined) return <td>–</td>;
                const words = pairWords(pair, pair.first === row.code, texts);
                return <td>{pair.significant ? <strong>{words}</strong> : words}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PairsTable({ comparison, texts, locale }: { comparison: Comparison; texts: Texts; locale: Locale }) {
  const name = (code: string) => {
    const group = comparison.groups.find((g) => g.code === code);
    return group === undefined ? code : groupName(group, locale);
  };
  return (
    <section class="table-wrapper" tabindex={0} aria-label={texts.pairsTableTitle}>
      <table class="table table--compact">
        <caption class="sr-only">{texts.pairsTableTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.colPair}</th>
            <th scope="col" class="num">
              {texts.colRateRatio}
            </th>
            <th scope="col" class="num">
              {texts.colRateRatioCi}
            </th>
            <th scope="col" class="num">
              {texts.colP}
            </th>
            <th scope="col" class="num">
              {texts.colPHolm}
            </th>
            <th scope="col">{texts.colConclusion}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.pairs.map((pair) => (
            <tr>
              <th scope="row">{texts.versus(name(pair.first), name(pair.second))}</th>
              <td class="num">{pair.suppressed ? texts.hidden : formatNumber(pair.rateRatio, locale, 2)}</td>
              <td class="num">{interval(pair.lowercl, pair.uppercl, locale, 2)}</td>
              <td class="num">{pText(pair.pValue, locale)}</td>
              <td class="num">{pText(pair.pAdjusted, locale)}</td>
              <td>{pair.significant ? texts.pairConclusionSignificant : pairWords(pair, true, texts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function About({ comparison, texts, locale }: { comparison: Comparison; texts: Texts; locale: Locale }) {
  const { meta } = comparison;
  return (
    <>
      <h3>{texts.aboutTitle}</h3>
      <p>{meta.method[locale]}</p>
      <p>{locale === 'en' ? meta.convention.labelEn : meta.convention.labelDa}.</p>
      <p>{locale === 'en' ? meta.suppression.noteEn : meta.suppression.noteDa}</p>
      {meta.seriesNotes.map((note) => (
        <p>{note[locale]}</p>
      ))}
      <p class="maaltal-note">
        {meta.sourceBatches
          .map(
            (batch) =>
              `${batchSourceName(batch, meta.demoLabel, locale)} (${formatDate(batch.importedAt, locale)})`,
          )
          .join('; ')}
      </p>
      <p>
        <a href={localePath(locale, '/ulykker')}>{texts.explorerLink}</a>
      </p>
    </>
  );
}

function Results({ comparison, texts, locale }: { comparison: Comparison; texts: Texts; locale: Locale }) {
  const indicator = locale === 'en' ? comparison.indicator.nameEn : comparison.indicator.nameDa;
  const query = queryOf({
    indicator: comparison.indicator.code,
    year: comparison.year,
    branches: comparison.groups.map((g) => g.code),
  });
  return (
    <section aria-labelledby="compare-results-title">
      <h2 id="compare-results-title">{texts.resultsTitle(indicator, comparison.year)}</h2>
      <CompareFigure comparison={comparison} texts={texts} locale={locale} />
      <GroupsTable comparison={comparison} texts={texts} locale={locale} />
      <h3>{texts.pairsTitle}</h3>
      <p>{texts.pairsIntro}</p>
      <PairMatrix comparison={comparison} texts={texts} locale={locale} />
      <h4>{texts.pairsTableTitle}</h4>
      <PairsTable comparison={comparison} texts={texts} locale={locale} />
      <p>{comparison.meta.multipleComparisons[locale]}</p>
      <h3>{texts.downloadsTitle}</h3>
      <ul class="maaltal-downloads" aria-label={texts.downloadsTitle}>
        <li>
          <a href={`/api/v1/compare.csv?${query}`} download>
            {texts.downloadCsv}
          </a>
        </li>
        <li>
          <a href={`/api/v1/compare?${query}`}>{texts.downloadJson}</a>
        </li>
        <li>
          <a href={`${localePath(locale, '/sammenlign')}?${query}&format=svg`} download>
            {texts.chartSvg}
          </a>
        </li>
        <li>
          <a href={`${localePath(locale, '/sammenlign')}?${query}&format=png`} download>
            {texts.chartPng}
          </a>
        </li>
      </ul>
      <About comparison={comparison} texts={texts} locale={locale} />
    </section>
  );
}

/** CSV columns when there is no comparison (the file always has a header). */
const CSV_COLUMNS = [
  'kind',
  'indicator',
  'year',
  'group',
  'groupNameDa',
  'groupNameEn',
  'otherGroup',
  'count',
  'employed',
  'perEmployed',
  'value',
  'lowercl',
  'uppercl',
  'comparedWithNational',
  'pValue',
  'pAdjustedHolm',
  'significant',
  'suppressed',
];

/** The comparison's chart as an SVG or PNG file, with its title, description and legend. */
function compareChartFile(comparison: Comparison, locale: Locale, format: 'svg' | 'png') {
  const texts = COMPARE_TEXTS[locale];
  const { rows, options } = compareChartParts(comparison, texts, locale);
  return chartFileOf(
    {
      title: options.title,
      chart: compareChartSvg(rows, options, WIDE_LAYOUT),
      notes: [describeChart(comparison, texts, locale), texts.chartLegend, 'Måltal'],
    },
    format,
    `sammenligning-${comparison.year}`,
  );
}

export function comparePageRoutes(store: Store): Hono {
  const app = new Hono();
  const statistics = statisticsFor(store.db);
  const answer = async (url: URL) => {
    const data = await statistics.current();
    const parameters = formParameters(url);
    if (!asksForComparison(parameters)) return { data, comparison: null };
    return { data, comparison: compareBranches(data, parseCompareQuery(parameters, data)) };
  };
  const page = async (locale: Locale, url: URL) => {
    const texts = COMPARE_TEXTS[locale];
    const data = await statistics.current();
    const parameters = formParameters(url);
    const { comparison, issues } = answerFor(data, parameters);
    return (
      <Layout locale={locale} path={`${url.pathname}${url.search}`} title={texts.title} demo={data.demo}>
        <h1>{texts.title}</h1>
        <p class="font-lead">{texts.intro}</p>
        {issues.length > 0 ? <Problems issues={issues} texts={texts} locale={locale} /> : null}
        <CompareForm
          data={data}
          parameters={parameters}
          showChoices={comparison === null}
          texts={texts}
          locale={locale}
        />
        {comparison === null ? null : <Results comparison={comparison} texts={texts} locale={locale} />}
      </Layout>
    );
  };
  for (const locale of ['da', 'en'] as const) {
    app.get(localePath(locale, '/sammenlign'), requires('public'), async (c) => {
      const url = new URL(c.req.url);
      const format = chartFormatOf(url.searchParams.get('format') ?? undefined);
      if (format === null) return c.html(await page(locale, url));
      url.searchParams.delete('format');
      const { comparison } = await answer(url);
      if (comparison === null) return c.text(COMPARE_TEXTS[locale].exportNothing, 400);
      const file = compareChartFile(comparison, locale, format);
      return c.body(file.body, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
      });
    });
  }

  app.get('/api/v1/compare', requires('public'), async (c) => {
    const { data, comparison } = await answer(new URL(c.req.url));
    c.header('Cache-Control', 'public, max-age=60');
    if (comparison === null) return c.json({ data: null, choices: comparisonChoices(data) });
    const { meta, ...figures } = comparison;
    return c.json({ data: figures, meta });
  });
  app.get('/api/v1/compare.csv', requires('public'), async (c) => {
    const { comparison } = await answer(new URL(c.req.url));
    c.header('Cache-Control', 'public, max-age=60');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="maaltal-sammenligning.csv"');
    const rows = comparison === null ? [] : comparisonRows(comparison);
    return c.body(csvStream(rows, CSV_COLUMNS) as ReadableStream);
  });
  return app;
}
