// The target page (/maaltal/:id, /en/maaltal/:id): the observations with their intervals, the path to the target
// and the projection in a chart; the status in words; "why this status?" with the whole explanation; the
// measurements as a table; the owner BFA; downloads.
import { Hono } from 'hono';
import { raw } from 'hono/html';
import { ANONYMOUS } from '../auth/policy.js';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { notFound } from '../errors.js';
import {
  formatDate,
  formatDecimal,
  formatInterval,
  formatNumber,
  formatValue,
  type Locale,
} from '../format.js';
import { findBfa } from '../reference/reference.repository.js';
import type { ProgressPoint, Projection } from '../stats/index.js';
import { parseOrThrow } from '../validation.js';
import { requires } from '../web/authorize.js';
import { chartFileOf, chartFormatOf } from '../web/chart-export.js';
import { WIDE_LAYOUT } from '../web/charts.js';
import { localePath, MESSAGES, pick } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import {
  fractionalYear,
  type ProgressChartInput,
  progressChartAtTwoWidths,
  progressChartSvg,
} from '../web/progress-chart.js';
import { absoluteUrl } from '../web/site-origin.js';
import type { Activity } from '../work/activities.model.js';
import { ActivityTable } from '../work/activities.pages.js';
import { listActivities } from '../work/activities.service.js';
import { type GlossaryId, glossaryHref } from './glossary.js';
import {
  type IndicatorKind,
  indicatorKindOf,
  type SeriesNote,
  seriesNotesFor,
  yearBands,
  yearNotes,
} from './series-notes.js';
import { headlineOf, projectionWords } from './status-words.js';
import {
  axisTitle,
  sourceName,
  TARGET_PAGE_TEXTS,
  type TargetPageTexts,
  unitWords,
} from './target-page.texts.js';
import type { Observation, Target, TargetHistory } from './targets.model.js';
import { targetIdSchema } from './targets.schemas.js';
import { showTarget } from './targets.service.js';
import { WhyStatus } from './why-status.js';

export function targetTitle(target: Target, locale: Locale): string {
  const where =
    target.branchGroup === null
      ? MESSAGES[locale].wholeCountry
      : target.subBranch === null
        ? pick(target.branchGroup, locale)
        : `${pick(target.branchGroup, locale)}: ${pick(target.subBranch, locale)}`;
  const what = target.subProblem === null ? pick(target.goal, locale) : pick(target.subProblem, locale);
  return `${where} – ${what}`;
}

/** "The share fell from 20.1% in 2021 to 17.9% in 2025; the target is 16.0% in 2030; if the trend continues …" */
export function statusInWords(target: Target, locale: Locale): string {
  const t = MESSAGES[locale];
  const assessment = target.assessment;
  const explanation = assessment?.explanation;
  const unit = target.indicator.unit;
  const value = (v: number) => formatValue(v, unit, locale);
  const base = explanation?.baseline;
  const latest = explanation?.latest;
  if (assessment === null || base == null || latest == null || latest.year === base.year)
    return t.summaryNoData;
  const verb =
    latest.value < base.value
      ? t.summaryFell
      : latest.value > base.value
        ? t.summaryRose
        : t.summaryUnchanged;
  const subject = unit === 'percent' ? t.summaryShare : t.summaryValue;
  const parts = [
    t.summarySentence(subject, verb, value(base.value), base.year, value(latest.value), latest.year),
    t.summaryTarget(value(target.target.value), target.target.year),
  ];
  const projection = projectionWords(assessment, unit);
  if (projection !== null) parts.push(projection[locale]);
  return `${parts.join('; ')}.`;
}

/** The chart's fan: from the latest value's interval to the projection's interval (null without one). */
function projectionFan(
  latest: ProgressPoint,
  projection: Projection,
): { from: [number, number]; to: [number, number] } | null {
  const { lowercl, uppercl } = projection.cagr;
  if (latest.lowercl === null || latest.uppercl === null || lowercl === null || uppercl === null) return null;
  return { from: [latest.lowercl, latest.uppercl], to: [lowercl, uppercl] };
}

/** A column header or term linked to its entry in the method page's glossary. */
function Term({ id, locale, children }: { id: GlossaryId; locale: Locale; children: string }) {
  return <a href={glossaryHref(id, locale)}>{children}</a>;
}

/** What the note column says for one measurement: a series break, and the series notes on its year. */
function rowNotes(o: Observation, kind: IndicatorKind, t: TargetPageTexts, locale: Locale): string {
  return [...(o.seriesBreak ? [t.seriesBreak] : []), ...yearNotes(kind, o.year, locale)].join('; ');
}

function ObservationTable({
  observations,
  target,
  kind,
  locale,
}: {
  observations: Observation[];
  target: Target;
  kind: IndicatorKind;
  locale: Locale;
}) {
  const m = MESSAGES[locale];
  const t = TARGET_PAGE_TEXTS[locale];
  const unit = target.indicator.unit;
  const words = unitWords(unit, locale);
  const accidents = kind === 'accident-register';
  return (
    <section class="table-wrapper" tabindex={0} aria-label={m.observationsTitle}>
      <table class="table table--compact maaltal-observations">
        <caption>{m.observationsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{m.colYear}</th>
            <th scope="col" class="num">
              {words === '' ? t.colValue : t.colValueIn(words)}
            </th>
            <th scope="col" class="num">
              <Term id="ordliste-konfidensinterval" locale={locale}>
                {m.colCi}
              </Term>
            </th>
            {accidents ? (
              <th scope="col" class="num">
                {t.colAccidents}
              </th>
            ) : null}
            <th scope="col" class="num">
              <Term id={accidents ? 'ordliste-beskaeftigede' : 'ordliste-svarpersoner'} locale={locale}>
                {accidents ? t.colEmployed : t.colRespondents}
              </Term>
            </th>
            {accidents ? null : <th scope="col">{t.colSeries}</th>}
            <th scope="col">{t.colNote}</th>
          </tr>
        </thead>
        <tbody>
          {observations.map((o) => (
            <tr>
              <th scope="row">{o.periodLabel}</th>
              <td class="num">{formatValue(o.value, unit, locale)}</td>
              <td class="num">
                {o.lowercl === null ? '–' : formatInterval(o.lowercl, o.uppercl, unit, locale)}
              </td>
              {accidents ? <td class="num">{formatNumber(o.count, locale)}</td> : null}
              <td class="num">
                {formatNumber(accidents ? o.denominator : (o.respondents ?? o.denominator), locale)}
              </td>
              {accidents ? null : <td>{o.seriesLabel}</td>}
              <td>{rowNotes(o, kind, t, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** What one revision changed against the one before it; the first one, what was set. */
function revisionChange(previous: Target | undefined, revision: Target, locale: Locale): string {
  const t = TARGET_PAGE_TEXTS[locale];
  const unit = revision.indicator.unit;
  const words = unitWords(unit, locale);
  const v = (value: number) => formatValue(value, unit, locale);
  const withUnit = (text: string) => (words === '' ? text : `${text} ${words}`);
  const point = (p: { value: number; year: number }) => `${withUnit(v(p.value))} (${p.year})`;
  if (previous === undefined) return t.adopted(point(revision.baseline), point(revision.target));
  const [a, b] = [previous, revision];
  const changes: [changed: boolean, label: string, before: string, after: string][] = [
    [a.target.value !== b.target.value, t.changeTarget, v(a.target.value), withUnit(v(b.target.value))],
    [a.target.year !== b.target.year, t.changeTargetYear, String(a.target.year), String(b.target.year)],
    [
      a.baseline.value !== b.baseline.value,
      t.changeBaseline,
      v(a.baseline.value),
      withUnit(v(b.baseline.value)),
    ],
    [
      a.baseline.year !== b.baseline.year,
      t.changeBaselineYear,
      String(a.baseline.year),
      String(b.baseline.year),
    ],
    [a.status !== b.status, t.changeStatus, t.targetStatus[a.status], t.targetStatus[b.status]],
    [
      a.indicator.code !== b.indicator.code,
      t.changeIndicator,
      pick(a.indicator, locale),
      pick(b.indicator, locale),
    ],
    [a.owner?.code !== b.owner?.code, t.changeOwner, a.owner?.short ?? t.none, b.owner?.short ?? t.none],
  ];
  const changed = changes.filter(([isChanged]) => isChanged);
  return changed.length === 0
    ? t.changeNone
    : changed.map(([, label, before, after]) => `${label}: ${before} → ${after}`).join('; ');
}

function RevisionTable({ revisions, locale }: { revisions: Target[]; locale: Locale }) {
  const t = TARGET_PAGE_TEXTS[locale];
  return (
    <section class="table-wrapper" tabindex={0} aria-label={t.revisionsTitle}>
      <table class="table table--compact">
        <caption>{t.revisionsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colRevision}</th>
            <th scope="col">{t.colDate}</th>
            <th scope="col">{t.colChange}</th>
            <th scope="col">{t.colReason}</th>
            <th scope="col">{t.colBy}</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision, index) => (
            <tr>
              <th scope="row">{revision.revision.number}</th>
              <td>{formatDate(revision.revision.revisedAt, locale)}</td>
              <td>{revisionChange(revisions[index - 1], revision, locale)}</td>
              {/* The secretariat records its reasons in Danish: marked so, for readers and screen readers. */}
              <td lang="da">{revision.revision.reason}</td>
              <td>{revision.revision.revisedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The chart's input: observations, baseline, target, projection, breaks and the series notes' year bands. */
/** The linked activities' periods on the chart's time axis (cancelled ones left out; an open period runs a month). */
function activityPeriods(activities: readonly Activity[]): NonNullable<ProgressChartInput['activities']> {
  return activities
    .filter((activity) => activity.status !== 'cancelled')
    .map((activity) => {
      const from = fractionalYear(activity.periodStart);
      const to = activity.periodEnd === null ? from + 1 / 12 : fractionalYear(activity.periodEnd) + 1 / 365;
      return { from, to, label: `${activity.title} (${activity.bfa.short})` };
    });
}

function chartInput(
  history: TargetHistory,
  kind: IndicatorKind,
  title: string,
  locale: Locale,
  activities: readonly Activity[] = [],
): ProgressChartInput {
  const m = MESSAGES[locale];
  const target = history.current;
  const observations = history.observations;
  const latest = target.assessment?.explanation.latest ?? null;
  const projection = target.assessment?.projection ?? null;
  const years = observations.map((o) => o.year);
  return {
    locale,
    observations: observations.map((o) => ({
      year: o.year,
      value: o.value,
      lowercl: o.lowercl,
      uppercl: o.uppercl,
      series: o.seriesLabel,
    })),
    baseline: target.baseline,
    target: target.target,
    projection:
      projection === null || latest === null
        ? null
        : {
            fromYear: latest.year,
            fromValue: latest.value,
            year: projection.year,
            value: projection.cagr.value,
            interval: projectionFan(latest, projection),
          },
    breaks: observations.filter((o) => o.seriesBreak).map((o) => o.year),
    bands: yearBands(kind, Math.min(...years), Math.max(...years), locale),
    activities: activityPeriods(activities),
    yLabel: axisTitle(target.indicator.unit, pick(target.indicator, locale), locale),
    labels: { baseline: m.colBaseline, target: m.chartTarget, seriesBreak: m.chartSeriesBreak },
    title: `${title}: ${pick(target.indicator, locale)}`,
    describedBy: 'status-in-words',
    format: (v) => formatDecimal(v, locale, 2),
  };
}

/** A legend entry's symbol, drawn as the chart draws it. */
function Swatch({ children }: { children: unknown }) {
  return (
    <svg
      class="maaltal-swatch"
      width="28"
      height="16"
      viewBox="0 0 28 16"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

const SWATCH = {
  bar: <line x1="14" y1="1" x2="14" y2="15" stroke="#1a5a8a" stroke-opacity="0.45" stroke-width="6" />,
  points: (
    <>
      <line x1="2" y1="8" x2="26" y2="8" stroke="#1a5a8a" stroke-width="2" />
      <circle cx="14" cy="8" r="3.5" fill="#1a5a8a" />
    </>
  ),
  baseline: <rect x="9" y="3" width="10" height="10" fill="white" stroke="#6f6f6f" stroke-width="1.5" />,
  target: <path d="M14,1L21,8L14,15L7,8Z" fill="#2b7a3d" />,
  path: <line x1="2" y1="8" x2="26" y2="8" stroke="#6f6f6f" stroke-width="1.5" stroke-dasharray="6,4" />,
  projection: <line x1="2" y1="8" x2="26" y2="8" stroke="#1a5a8a" stroke-width="2" stroke-dasharray="2,3" />,
  fan: <rect x="2" y="2" width="24" height="12" fill="#1a5a8a" fill-opacity="0.15" />,
  break: <line x1="14" y1="1" x2="14" y2="15" stroke="#6f6f6f" stroke-dasharray="2,3" />,
  band: <rect x="2" y="1" width="24" height="14" fill="#e8e1d0" />,
  activity: <rect x="2" y="6" width="24" height="5" fill="#8a4b00" />,
};

function TargetFigure({
  input,
  notes,
  locale,
}: {
  input: ProgressChartInput;
  notes: SeriesNote[];
  locale: Locale;
}) {
  const t = TARGET_PAGE_TEXTS[locale];
  const projection = input.projection;
  const entries: [unknown, string][] = [
    [SWATCH.points, t.legendPoints],
    [SWATCH.bar, t.legendBars],
    [SWATCH.baseline, t.legendBaseline],
    [SWATCH.target, t.legendTarget],
    [SWATCH.path, t.legendPath],
    ...(projection === null ? [] : [[SWATCH.projection, t.legendProjection] as [unknown, string]]),
    ...(projection?.interval == null ? [] : [[SWATCH.fan, t.legendFan] as [unknown, string]]),
    ...(input.breaks.length === 0 ? [] : [[SWATCH.break, t.legendBreak] as [unknown, string]]),
    ...input.bands.map((b): [unknown, string] => [SWATCH.band, t.legendBand(b.label, b.from, b.to)]),
    ...((input.activities ?? []).length === 0
      ? []
      : [[SWATCH.activity, t.legendActivities] as [unknown, string]]),
  ];
  return (
    <figure class="maaltal-chart">
      {raw(progressChartAtTwoWidths(input))}
      <figcaption>
        <p class="maaltal-legend-title">{t.legendTitle}</p>
        <ul class="maaltal-legend">
          {entries.map(([swatch, text]) => (
            <li>
              <Swatch>{swatch}</Swatch>
              <span>{text}</span>
            </li>
          ))}
        </ul>
        {notes.length === 0 ? null : (
          <>
            <p class="maaltal-legend-title">{t.seriesNotesTitle}</p>
            <ul class="maaltal-series-notes">
              {notes.map((note) => (
                <li>{note.text[locale]}</li>
              ))}
            </ul>
          </>
        )}
      </figcaption>
    </figure>
  );
}

/** The responsible BFA, with a link to the source about it in the reference data when there is one. */
function Owner({ target, url, locale }: { target: Target; url: string | null; locale: Locale }) {
  const owner = target.owner;
  if (owner === null) return <p>{MESSAGES[locale].noOwner}</p>;
  return (
    <p>
      {`${pick(owner, locale)} (${owner.short})`}
      {url === null ? null : (
        <>
          {' · '}
          <a href={url} rel="external">
            {TARGET_PAGE_TEXTS[locale].bfaSource(owner.short)}
          </a>
        </>
      )}
    </p>
  );
}

/** The address of the source on a target's BFA in the reference data, if it is a web address. */
async function bfaUrl(store: Store, target: Target): Promise<string | null> {
  if (target.owner === null) return null;
  const bfa = await findBfa(store.db, target.owner.code);
  return bfa !== undefined && /^https?:\/\//.test(bfa.sourceUrl) ? bfa.sourceUrl : null;
}

/** The target's chart as a file of its own: the title above, the series notes and the source below. */
async function targetChartFile(store: Store, idText: string, format: 'svg' | 'png', locale: Locale) {
  const id = parseOrThrow(targetIdSchema, idText, 'Invalid target id', { fieldName: () => 'id' });
  const [history, activities] = await Promise.all([
    showTarget(store.db, id),
    listActivities(store.db, ANONYMOUS, { target: id }),
  ]);
  const target = history.current;
  const years = history.observations.map((o) => o.year);
  if (years.length === 0) throw notFound(`Target ${id} has no published observations to draw`);
  const kind = indicatorKindOf(target.indicator.dataSource);
  const title = targetTitle(target, locale);
  const notes = seriesNotesFor(kind, Math.min(...years), Math.max(...years)).map((note) => note.text[locale]);
  const source = sourceName(target.indicator.dataSource, locale);
  return chartFileOf(
    {
      title: `${title}: ${pick(target.indicator, locale)}`,
      chart: progressChartSvg(chartInput(history, kind, title, locale, activities), WIDE_LAYOUT),
      notes: [
        statusInWords(target, locale),
        ...notes,
        TARGET_PAGE_TEXTS[locale].chartSource(source, absoluteUrl(localePath(locale, `/maaltal/${id}`))),
      ],
    },
    format,
    `maaltal-${id}`,
  );
}

export function targetPageRoutes(store: Store): Hono {
  const app = new Hono();
  const page = async (locale: Locale, path: string, idText: string) => {
    const t = MESSAGES[locale];
    const id = parseOrThrow(targetIdSchema, idText, 'Invalid target id', { fieldName: () => 'id' });
    const [history, demo, activities] = await Promise.all([
      showTarget(store.db, id),
      holdsDemoData(store.db),
      listActivities(store.db, ANONYMOUS, { target: id }),
    ]);
    const target = history.current;
    const owner = await bfaUrl(store, target);
    const assessment = target.assessment;
    const kind = indicatorKindOf(target.indicator.dataSource);
    const title = targetTitle(target, locale);
    const headline = headlineOf(assessment);
    const observations = history.observations;
    const years = observations.map((o) => o.year);
    const seriesNotes =
      years.length === 0 ? [] : seriesNotesFor(kind, Math.min(...years), Math.max(...years));
    const notes = locale === 'en' ? target.indicator.methodBreakNotesEn : target.indicator.methodBreakNotesDa;
    const branch = target.branchGroup;
    return (
      <Layout locale={locale} path={path} title={title} demo={demo}>
        <p class="maaltal-note">
          <a href={localePath(locale, `/maal/${target.goal.code}`)}>{pick(target.goal, locale)}</a>
          {branch === null ? null : (
            <>
              {' · '}
              <a href={localePath(locale, `/branche/${branch.code}`)}>{pick(branch, locale)}</a>
            </>
          )}
        </p>
        <h1>{title}</h1>
        <p class="font-lead">{pick(target.indicator, locale)}</p>
        <div class={`maaltal-status maaltal-status-${headline.kind}`}>
          <h2>{headline[locale]}</h2>
          {assessment?.uncertain ? <p class="maaltal-ci">{t.uncertainExplanation}</p> : null}
          <p id="status-in-words">{statusInWords(target, locale)}</p>
        </div>
        {observations.length === 0 ? null : (
          <TargetFigure
            input={chartInput(history, kind, title, locale, activities)}
            notes={seriesNotes}
            locale={locale}
          />
        )}
        <h2>{t.activitiesTitle}</h2>
        {activities.length === 0 ? (
          <p>{t.noActivities}</p>
        ) : (
          <ActivityTable
            activities={activities}
            locale={locale}
            caption={TARGET_PAGE_TEXTS[locale].activitiesCaption(activities.length)}
          />
        )}
        {assessment === null ? null : <WhyStatus target={target} assessment={assessment} locale={locale} />}
        <h2>{t.observationsTitle}</h2>
        {observations.length === 0 ? (
          <p>{t.noObservation}</p>
        ) : (
          <ObservationTable observations={observations} target={target} kind={kind} locale={locale} />
        )}
        {assessment?.explanation.leftOut.map((note) => (
          <p class="maaltal-note">{note[locale]}</p>
        ))}
        {notes === '' ? null : <p class="maaltal-note">{notes}</p>}
        <p class="maaltal-note">
          {t.dataSource}: {sourceName(target.indicator.dataSource, locale)}
        </p>
        <h2>{TARGET_PAGE_TEXTS[locale].revisionsTitle}</h2>
        <RevisionTable revisions={history.revisions} locale={locale} />
        <h2>{t.ownerTitle}</h2>
        <Owner target={target} url={owner} locale={locale} />
        <h2>{t.targetDownloads}</h2>
        <ul class="maaltal-downloads">
          <li>
            <a href={`/api/v1/targets/${id}/observations.csv?lang=${locale}`} download>
              {t.downloadObservationsCsv}
            </a>
          </li>
          <li>
            <a href={`/api/v1/targets/${id}/observations.xlsx?lang=${locale}`} download>
              {t.downloadObservationsXlsx}
            </a>
          </li>
          <li>
            <a href={`/api/v1/targets/${id}`}>{t.downloadTargetJson}</a>
          </li>
          {observations.length === 0 ? null : (
            <>
              <li>
                <a href={`${localePath(locale, `/maaltal/${id}`)}?format=svg`} download>
                  {TARGET_PAGE_TEXTS[locale].chartSvg}
                </a>
              </li>
              <li>
                <a href={`${localePath(locale, `/maaltal/${id}`)}?format=png`} download>
                  {TARGET_PAGE_TEXTS[locale].chartPng}
                </a>
              </li>
            </>
          )}
          <li>
            <a href={`/api/v1/targets/${id}/assessment`}>{t.downloadAssessmentJson}</a>
          </li>
        </ul>
      </Layout>
    );
  };
  for (const locale of ['da', 'en'] as const) {
    app.get(localePath(locale, '/maaltal/:id'), requires('public'), async (c) => {
      const format = chartFormatOf(c.req.query('format'));
      const id = c.req.param('id') ?? '';
      if (format === null) return c.html(await page(locale, c.req.path, id));
      const file = await targetChartFile(store, id, format, locale);
      return c.body(file.body, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
      });
    });
  }
  return app;
}
