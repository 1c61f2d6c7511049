// The overview (/, /en/): the four national goals with their targets counted by status, the headline accident
// trends and how recent the data are; and one page per goal (/maal/:goal) with a sortable table of its targets
// and a branch × problem grid coloured by status (with the status in words, never colour alone).
import { Hono } from 'hono';
import { accidentFilters } from '../accidents/query.js';
import { accidentRates } from '../accidents/rates.js';
import { accidentSeries, statisticsFor } from '../accidents/series.js';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { notFound } from '../errors.js';
import { formatDate, formatNumber, formatValue, type Locale } from '../format.js';
import { latestImportDate } from '../imports/imports.repository.js';
import { listGoals } from '../reference/reference.repository.js';
import { HEADLINE_LABEL, type HeadlineKind, type ProgressStatus } from '../stats/index.js';
import { headlineOf } from '../targets/status-words.js';
import type { Target } from '../targets/targets.model.js';
import { branchLabel, ProgressCell } from '../targets/targets.routes.js';
import { listTargets } from '../targets/targets.service.js';
import { requires } from '../web/authorize.js';
import { localePath, MESSAGES, type Messages, pick } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { AccidentSeriesFigure, accidentSeriesTitle } from './accident-series.js';

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

function StatusCounts({
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
  return descending ? sorted.reverse() : sorted;
}

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
    const branches = [
      ...new Map(targets.map((target) => [branchLabel(target, locale), target] as const)).keys(),
    ];
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
        <StatusCounts targets={targets} t={t} locale={locale} label={t.statusCountsLabel(name)} />
        <h2>{t.goalTargetsTitle}</h2>
        <div class="table-wrapper">
          <table class="table table--compact">
            <caption class="sr-only">{`${t.goalLabel}: ${name}`}</caption>
            <thead>
              <tr>
                {header('branch', t.colBranch)}
                <th scope="col">{t.colProblem}</th>
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
                    <td>
                      {target.subProblem === null
                        ? pick(target.goal, locale)
                        : pick(target.subProblem, locale)}
                    </td>
                    <ProgressCell target={target} locale={locale} />
                    <td class="num">
                      {formatValue(target.baseline.value, unit, locale)}
                      <span class="maaltal-ci">{target.baseline.year}</span>
                    </td>
                    <td class="num">
                      {target.latest === null
                        ? t.noObservation
                        : formatValue(target.latest.value, unit, locale)}
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
                      {formatValue(target.target.value, unit, locale)}
                      <span class="maaltal-ci">{target.target.year}</span>
                    </td>
                    <td class="num">
                      {projection === null ? '–' : formatValue(projection.cagr.value, unit, locale)}
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
                      (x) =>
                        branchLabel(x, locale) === branch && (x.subProblem ?? x.goal).code === problemCode,
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
        <p>
          <a href={localePath(locale, '/maaltal')}>{t.allTargetsLink}</a>
        </p>
      </Layout>
    );
  };

  app.get('/', requires('public'), async (c) => c.html(await overview('da', c.req.path)));
  app.get('/en', requires('public'), async (c) => c.html(await overview('en', c.req.path)));
  app.get('/en/', requires('public'), async (c) => c.html(await overview('en', c.req.path)));
  app.get('/maal/:code', requires('public'), async (c) => {
    const url = new URL(c.req.url);
    return c.html(
      await goalPage('da', `${url.pathname}${url.search}`, c.req.param('code'), url.searchParams),
    );
  });
  app.get('/en/maal/:code', requires('public'), async (c) => {
    const url = new URL(c.req.url);
    return c.html(
      await goalPage('en', `${url.pathname}${url.search}`, c.req.param('code'), url.searchParams),
    );
  });
  return app;
}
