// The overview (/, /en/): the four national goals with their targets counted by status, the headline accident
// trends and how recent the data are; and one page per goal (/maal/:goal) with a chart per indicator (baseline,
// latest value and target of each target), a sortable table of its targets (the whole country first, values with
// their units) and, where the goal spans several problems, a branch × problem grid coloured by status (with the
// status in words, never colour alone).
import { Hono } from 'hono';
import { raw } from 'hono/html';
import { accidentFilters } from '../accidents/query.js';
import { accidentRates } from '../accidents/rates.js';
import { accidentSeries, statisticsFor } from '../accidents/series.js';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { notFound } from '../errors.js';
import { formatDate, formatDecimal, formatNumber, formatValue, type Locale } from '../format.js';
import { latestImportDate } from '../imports/imports.repository.js';
import { listGoals } from '../reference/reference.repository.js';
import { HEADLINE_LABEL, type HeadlineKind, type ProgressStatus } from '../stats/index.js';
import { headlineOf } from '../targets/status-words.js';
import type { Target } from '../targets/targets.model.js';
import { branchLabel, ProgressCell } from '../targets/targets.routes.js';
import { listTargets } from '../targets/targets.service.js';
import { requires } from '../web/authorize.js';
import { chartFileOf, chartFormatOf } from '../web/chart-export.js';
import { atTwoWidths, WIDE_LAYOUT } from '../web/charts.js';
import { type GoalChartRow, goalChartSvg } from '../web/goal-chart.js';
import { localePath, MESSAGES, type Messages, pick } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { absoluteUrl } from '../web/site-origin.js';
import { AccidentSeriesFigure, accidentSeriesTitle } from './accident-series.js';
import { axisLabel, type ChartSummary, GOAL_TEXTS, unitWords } from './goal.texts.js';
import { ZipDownload } from './site-downloads-links.js';

/** Best to worst, and insufficient data last: the order counts and sorting use. */
export const STATUS_ORDER: readonly ProgressStatus[] = [
  'achieved',
  'on_track',
  'needs_acceleration',
  'limited_progress',
  'deterioration',
  'insufficient_data',
];

/** The settled categories, then the uncertain and untested ones (a neutral colour), then insufficient data. */
export const HEADLINE_ORDER: readonly HeadlineKind[] = [
  ...STATUS_ORDER.filter((status) => status !== 'insufficient_data'),
  'uncertain',
  'untested',
  'insufficient_data',
];

const statusOf = (target: Target): ProgressStatus => target.assessment?.status ?? 'insufficient_data';
const headlineKindOf = (target: Target): HeadlineKind => target.assessment?.headline ?? 'insufficient_data';

/** Targets counted by what their headline says: an uncertain target is counted as uncertain, not by category. */
export function headlineCounts(targets: readonly Target[]) {
  return HEADLINE_ORDER.map((headline) => ({
    headline,
    count: targets.filter((target) => headlineKindOf(target) === headline).length,
  }));
}

export function statusCounts(targets: readonly Target[]) {
  return STATUS_ORDER.map((status) => {
    const matching = targets.filter((target) => statusOf(target) === status);
    return {
      status,
      count: matching.length,
      uncertain: matching.filter((t) => t.assessment?.uncertain).length,
    };
  });
}

export function StatusCounts({
  targets,
  t,
  locale,
  label,
}: {
  targets: Target[];
  t: Messages;
  locale: Locale;
  label: string;
}) {
  return (
    <ul class="maaltal-counts" aria-label={label}>
      {headlineCounts(targets)
        .filter(({ headline, count }) => headline !== 'untested' || count > 0)
        .map(({ headline, count }) => (
          <li class={`maaltal-status-${headline}`}>
            <strong>{count}</strong> {HEADLINE_LABEL[headline][locale]}
            {headline === 'uncertain' ? <span class="maaltal-ci">{t.uncertainCountExplanation}</span> : null}
          </li>
        ))}
    </ul>
  );
}

interface GoalRow {
  id: number;
  code: string;
  areaDa: string;
  areaEn: string;
  titleDa: string;
  titleEn: string;
  directionDa: string;
  directionEn: string;
}

const goalName = (goal: GoalRow, locale: Locale) => (locale === 'en' ? goal.areaEn : goal.areaDa);

async function latestDataLine(
  store: Store,
  t: Messages,
  locale: Locale,
  targets: Target[],
  accidentYears: number[],
) {
  const years = [
    ...targets.flatMap((target) => (target.latest === null ? [] : [target.latest.year])),
    ...accidentYears,
  ];
  const newest = await latestImportDate(store.db);
  if (years.length === 0) return null;
  return t.latestData(Math.max(...years), newest === undefined ? '–' : formatDate(newest, locale));
}

const SORTS = ['branch', 'status', 'baseline', 'latest', 'target', 'projection'] as const;
type Sort = (typeof SORTS)[number];

function sortTargets(targets: Target[], sort: Sort, descending: boolean, locale: Locale): Target[] {
  const key = (target: Target): string | number => {
    switch (sort) {
      case 'branch':
        return branchLabel(target, locale);
      case 'status':
        return HEADLINE_ORDER.indexOf(headlineKindOf(target));
      case 'baseline':
        return target.baseline.value;
      case 'latest':
        return target.latest?.value ?? Number.POSITIVE_INFINITY;
      case 'target':
        return target.target.value;
      case 'projection':
        return target.assessment?.projection?.cagr.value ?? Number.POSITIVE_INFINITY;
    }
  };
  const sorted = [...targets].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return typeof x === 'string' && typeof y === 'string'
      ? x.localeCompare(y, locale)
      : Number(x) - Number(y);
  });
  if (descending) sorted.reverse();
  // The whole country is the reference every branch is read against: first, whatever the order.
  return [...sorted.filter(isNational), ...sorted.filter((target) => !isNational(target))];
}

const isNational = (target: Target) => target.branchGroup === null;

function SortHeader(props: {
  column: Sort;
  label: string;
  sort: Sort;
  descending: boolean;
  base: string;
  t: Messages;
  numeric?: boolean;
}) {
  const active = props.sort === props.column;
  const nextDescending = active && !props.descending;
  const href = `${props.base}?sort=${props.column}${nextDescending ? '&dir=desc' : ''}`;
  return (
    <th
      scope="col"
      class={props.numeric ? 'num' : undefined}
      aria-sort={active ? (props.descending ? 'descending' : 'ascending') : undefined}
    >
      <a href={href} title={props.t.sortBy(props.label)}>
        {props.label}
        {active ? (props.descending ? ' ▼' : ' ▲') : ''}
      </a>
    </th>
  );
}

/** A value in its unit: the % sign on percentages, the unit in words under a rate ("pr. 10.000 beskæftigede"). */
function Valued({ value, unit, locale }: { value: number; unit: string; locale: Locale }) {
  const words = unitWords(unit, locale);
  return (
    <>
      {formatValue(value, unit, locale)}
      {words === null ? null : <span class="maaltal-ci maaltal-unit">{` ${words}`}</span>}
    </>
  );
}

/** Where each target's latest value lies against its baseline and target (the point estimates the chart shows). */
export function chartSummary(targets: readonly Target[]): ChartSummary {
  const summary = { total: targets.length, reached: 0, toward: 0, away: 0, unmeasured: 0 };
  for (const target of targets) {
    if (target.latest === null) {
      summary.unmeasured++;
      continue;
    }
    // Distances in the direction of improvement: positive is better.
    const sign = target.indicator.polarity === 'lower_is_better' ? 1 : -1;
    const gained = sign * (target.baseline.value - target.latest.value);
    const needed = sign * (target.baseline.value - target.target.value);
    if (gained >= needed) summary.reached++;
    else if (gained > 0) summary.toward++;
    else summary.away++;
  }
  return summary;
}

/** One indicator's chart: its title, rows (baseline, latest value with its interval, target) and options. */
function indicatorChartParts(targets: Target[], locale: Locale, id: string) {
  const texts = GOAL_TEXTS[locale];
  const indicator = (targets[0] as Target).indicator;
  const title = texts.chartTitle(pick(indicator, locale));
  const rows: GoalChartRow[] = targets.map((target) => ({
    label: branchLabel(target, locale),
    baseline: target.baseline.value,
    latest: target.latest?.value ?? null,
    lower: target.latest?.lowercl ?? null,
    upper: target.latest?.uppercl ?? null,
    target: target.target.value,
  }));
  const options = {
    locale,
    xLabel: axisLabel(indicator.unit, locale),
    title,
    describedBy: `${id}-description`,
    format: (value: number) => formatDecimal(value, locale, 1),
  };
  return { title, rows, options, summary: texts.chartSummary(chartSummary(targets)) };
}

/** The goal's targets by indicator (units differ between indicators), the whole country first as in the table. */
function byIndicator(targets: Target[], locale: Locale): Target[][] {
  const groups = new Map<string, Target[]>();
  for (const target of sortTargets(targets, 'branch', false, locale)) {
    const indicator = target.indicator.code;
    groups.set(indicator, [...(groups.get(indicator) ?? []), target]);
  }
  return [...groups.values()];
}

function IndicatorChart(props: { targets: Target[]; locale: Locale; id: string; href: string }) {
  const { locale, id } = props;
  const texts = GOAL_TEXTS[locale];
  const chart = indicatorChartParts(props.targets, locale, id);
  return (
    <figure class="maaltal-chart" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{chart.title}</h3>
      {raw(atTwoWidths((layout) => goalChartSvg(chart.rows, chart.options, layout)))}
      <figcaption>
        <span id={`${id}-description`}>{chart.summary}</span> {texts.chartLegend}
      </figcaption>
      <ul class="maaltal-downloads">
        <li>
          <a href={`${props.href}&format=svg`} download>
            {texts.chartSvg}
          </a>
        </li>
        <li>
          <a href={`${props.href}&format=png`} download>
            {texts.chartPng}
          </a>
        </li>
      </ul>
    </figure>
  );
}

/** Chart number `chart` (from 1) of a goal page as an SVG or PNG file, with its title, summary and legend. */
export function goalChartFile(
  targets: Target[],
  locale: Locale,
  code: string,
  chart: string,
  format: 'svg' | 'png',
) {
  const index = Number(chart);
  const group = byIndicator(targets, locale)[index - 1];
  if (!Number.isInteger(index) || group === undefined) throw notFound(`No chart ${chart} on goal "${code}"`);
  const parts = indicatorChartParts(group, locale, `goal-chart-${index}`);
  const texts = GOAL_TEXTS[locale];
  return chartFileOf(
    {
      title: parts.title,
      chart: goalChartSvg(parts.rows, parts.options, WIDE_LAYOUT),
      notes: [
        parts.summary,
        texts.chartLegend,
        `Måltal, ${absoluteUrl(localePath(locale, `/maal/${code}`))}`,
      ],
    },
    format,
    `maal-${code}-${index}`,
  );
}

/** A chart per indicator, each with its SVG and PNG download. */
function GoalCharts({ targets, locale, code }: { targets: Target[]; locale: Locale; code: string }) {
  const groups = byIndicator(targets, locale);
  if (groups.length === 0) return null;
  const texts = GOAL_TEXTS[locale];
  return (
    <section aria-labelledby="goal-charts-title">
      <h2 id="goal-charts-title">{texts.chartsTitle}</h2>
      {groups.map((group, index) => (
        <IndicatorChart
          targets={group}
          locale={locale}
          id={`goal-chart-${index + 1}`}
          href={`${localePath(locale, `/maal/${code}`)}?chart=${index + 1}`}
        />
      ))}
      <p class="maaltal-note">
        <a href={`/api/v1/targets?goal=${encodeURIComponent(code)}`}>{texts.chartData}</a>
      </p>
    </section>
  );
}

/** Branch × problem, each cell the target's status in words and colour: only for goals with several problems. */
function ProblemGrid(props: {
  targets: Target[];
  problems: (readonly [string, string])[];
  branches: string[];
  t: Messages;
  locale: Locale;
}) {
  const { targets, problems, branches, t, locale } = props;
  return (
    <>
      <h2>{t.goalGridTitle}</h2>
      <p>{t.goalGridIntro}</p>
      <div class="table-wrapper">
        <table class="table table--compact maaltal-grid">
          <caption class="sr-only">{t.goalGridTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colBranch}</th>
              {problems.map(([, label]) => (
                <th scope="col">{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {branches.map((branch) => (
              <tr>
                <th scope="row">{branch}</th>
                {problems.map(([problemCode]) => {
                  const target = targets.find(
                    (x) => branchLabel(x, locale) === branch && (x.subProblem ?? x.goal).code === problemCode,
                  );
                  if (target === undefined) return <td>–</td>;
                  const headline = headlineOf(target.assessment);
                  return (
                    <td class={`maaltal-status-${headline.kind}`}>
                      <a href={localePath(locale, `/maaltal/${target.id}`)}>{headline[locale]}</a>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function goalPageRoutes(store: Store): Hono {
  const app = new Hono();

  const overview = async (locale: Locale, path: string) => {
    const t = MESSAGES[locale];
    const [goals, targets, demo, data] = await Promise.all([
      listGoals(store.db),
      listTargets(store.db),
      holdsDemoData(store.db),
      statisticsFor(store.db).current(),
    ]);
    const series = accidentSeries(data, null, 'per_10000');
    const fatal = accidentRates(
      data,
      accidentFilters({ fatal: true, convention: 'accident', perEmployed: 100_000, groupBy: ['year'] }),
    ).rows.filter((row) => row.count !== null);
    const lastReported = series[series.length - 1];
    const lastFatal = fatal[fatal.length - 1];
    const latestLine = await latestDataLine(store, t, locale, targets, data.cubes.registration.years);
    return (
      <Layout locale={locale} path={path} title={t.overviewTitle} demo={demo}>
        <h1>{t.overviewTitle}</h1>
        <p class="font-lead">{t.overviewIntro}</p>
        {latestLine === null ? null : <p class="maaltal-note">{latestLine}</p>}
        <div class="maaltal-goal-cards">
          {goals.map((goal) => {
            const name = goalName(goal, locale);
            const under = targets.filter((target) => target.goal.code === goal.code);
            return (
              <section class="maaltal-goal-card" aria-labelledby={`goal-${goal.code}`}>
                <h2 id={`goal-${goal.code}`}>
                  <a href={localePath(locale, `/maal/${goal.code}`)}>
                    {goal.id}. {name}
                  </a>
                </h2>
                <p>{locale === 'en' ? goal.titleEn : goal.titleDa}</p>
                <p class="maaltal-note">{t.targetsCount(under.length)}</p>
                <StatusCounts targets={under} t={t} locale={locale} label={t.statusCountsLabel(name)} />
              </section>
            );
          })}
        </div>
        <section aria-labelledby="headline-title">
          <h2 id="headline-title">{t.headlineTitle}</h2>
          <ul>
            {lastReported === undefined ? null : (
              <li>{t.headlineReported(formatNumber(lastReported.value, locale, 1), lastReported.year)}</li>
            )}
            {lastFatal === undefined ? null : (
              <li>
                {t.headlineFatal(
                  formatNumber(lastFatal.count, locale),
                  lastFatal.year as number,
                  formatNumber(lastFatal.value, locale, 1),
                )}
              </li>
            )}
          </ul>
          <AccidentSeriesFigure
            locale={locale}
            series={series}
            title={accidentSeriesTitle(locale)}
            id="headline-description"
            query="groupBy=year"
            fatal={fatal}
          />
          <p>
            <a href={localePath(locale, '/ulykker')}>{t.headlineExplore}</a>
          </p>
        </section>
        <ZipDownload locale={locale} goal={null} />
      </Layout>
    );
  };

  const goalPage = async (locale: Locale, path: string, code: string, query: URLSearchParams) => {
    const t = MESSAGES[locale];
    const goals = await listGoals(store.db);
    const goal = goals.find((g) => g.code === code);
    if (goal === undefined) throw notFound(`No national goal "${code}"`);
    const [targets, demo] = await Promise.all([
      listTargets(store.db, { goal: code }),
      holdsDemoData(store.db),
    ]);
    const requested = query.get('sort');
    const sort: Sort = (SORTS as readonly string[]).includes(requested ?? '')
      ? (requested as Sort)
      : 'branch';
    const descending = query.get('dir') === 'desc';
    const sorted = sortTargets(targets, sort, descending, locale);
    const name = goalName(goal, locale);
    const base = localePath(locale, `/maal/${code}`);
    const problems = [
      ...new Map(
        targets.map((target) => {
          const problem = target.subProblem ?? target.goal;
          return [problem.code, pick(problem, locale)] as const;
        }),
      ).entries(),
    ];
    const showProblems = problems.length >= 2;
    const onlyProblem = targets.find((target) => target.subProblem !== null)?.subProblem ?? null;
    const branches = [
      ...new Map(
        sortTargets(targets, 'branch', false, locale).map(
          (target) => [branchLabel(target, locale), target] as const,
        ),
      ).keys(),
    ];
    const texts = GOAL_TEXTS[locale];
    const header = (column: Sort, label: string, numeric = false) => (
      <SortHeader
        column={column}
        label={label}
        sort={sort}
        descending={descending}
        base={base}
        t={t}
        numeric={numeric}
      />
    );
    return (
      <Layout locale={locale} path={path} title={name} demo={demo}>
        <p class="maaltal-note">
          <a href={localePath(locale, '/')}>{t.overviewTitle}</a>
        </p>
        <h1>
          {goal.id}. {name}
        </h1>
        <p class="font-lead">
          {locale === 'en' ? goal.titleEn : goal.titleDa}:{' '}
          {locale === 'en' ? goal.directionEn : goal.directionDa}.
        </p>
        {!showProblems && onlyProblem !== null ? <p>{texts.oneProblem(pick(onlyProblem, locale))}</p> : null}
        {code === 'accidents' ? (
          <p>
            <a href={localePath(locale, '/sammenlign')}>{texts.compareLink}</a>
          </p>
        ) : null}
        <StatusCounts targets={targets} t={t} locale={locale} label={t.statusCountsLabel(name)} />
        <GoalCharts targets={targets} locale={locale} code={code} />
        <h2>{t.goalTargetsTitle}</h2>
        <div class="table-wrapper">
          <table class="table table--compact">
            <caption class="sr-only">{`${t.goalLabel}: ${name}`}</caption>
            <thead>
              <tr>
                {header('branch', t.colBranch)}
                {showProblems ? <th scope="col">{t.colProblem}</th> : null}
                {header('status', t.colStatus)}
                {header('baseline', t.colBaseline, true)}
                {header('latest', t.colLatest, true)}
                {header('target', t.colTarget, true)}
                {header('projection', t.colProjection, true)}
              </tr>
            </thead>
            <tbody>
              {sorted.map((target) => {
                const unit = target.indicator.unit;
                const projection = target.assessment?.projection ?? null;
                return (
                  <tr>
                    <th scope="row">
                      <a href={localePath(locale, `/maaltal/${target.id}`)}>{branchLabel(target, locale)}</a>
                    </th>
                    {showProblems ? (
                      <td>
                        {target.subProblem === null
                          ? pick(target.goal, locale)
                          : pick(target.subProblem, locale)}
                      </td>
                    ) : null}
                    <ProgressCell target={target} locale={locale} />
                    <td class="num">
                      <Valued value={target.baseline.value} unit={unit} locale={locale} />
                      <span class="maaltal-ci">{target.baseline.year}</span>
                    </td>
                    <td class="num">
                      {target.latest === null ? (
                        t.noObservation
                      ) : (
                        <Valued value={target.latest.value} unit={unit} locale={locale} />
                      )}
                      {target.latest === null ? null : (
                        <span class="maaltal-ci">
                          {target.latest.year}
                          {target.latest.lowercl === null
                            ? ''
                            : ` · ${formatValue(target.latest.lowercl, unit, locale)}–${formatValue(target.latest.uppercl, unit, locale)}`}
                        </span>
                      )}
                    </td>
                    <td class="num">
                      <Valued value={target.target.value} unit={unit} locale={locale} />
                      <span class="maaltal-ci">{target.target.year}</span>
                    </td>
                    <td class="num">
                      {projection === null ? (
                        '–'
                      ) : (
                        <Valued value={projection.cagr.value} unit={unit} locale={locale} />
                      )}
                      {projection === null ? null : (
                        <span class="maaltal-ci">
                          {projection.year}
                          {projection.cagr.lowercl === null
                            ? ''
                            : ` · ${formatValue(projection.cagr.lowercl, unit, locale)}–${formatValue(projection.cagr.uppercl, unit, locale)}`}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {showProblems ? (
          <ProblemGrid targets={targets} problems={problems} branches={branches} t={t} locale={locale} />
        ) : null}
        <p>
          <a href={localePath(locale, '/maaltal')}>{t.allTargetsLink}</a>
        </p>
        <ZipDownload locale={locale} goal={code} />
      </Layout>
    );
  };

  app.get('/', requires('public'), async (c) => c.html(await overview('da', c.req.path)));
  app.get('/en', requires('public'), async (c) => c.html(await overview('en', c.req.path)));
  app.get('/en/', requires('public'), async (c) => c.html(await overview('en', c.req.path)));
  for (const locale of ['da', 'en'] as const) {
    app.get(localePath(locale, '/maal/:code'), requires('public'), async (c) => {
      const url = new URL(c.req.url);
      const code = c.req.param('code') ?? '';
      const format = chartFormatOf(url.searchParams.get('format') ?? undefined);
      if (format === null) {
        return c.html(await goalPage(locale, `${url.pathname}${url.search}`, code, url.searchParams));
      }
      const goals = await listGoals(store.db);
      if (!goals.some((g) => g.code === code)) throw notFound(`No national goal "${code}"`);
      const targets = await listTargets(store.db, { goal: code });
      const file = goalChartFile(targets, locale, code, url.searchParams.get('chart') ?? '1', format);
      return c.body(file.body, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
      });
    });
  }
  return app;
}
