// The target page (/maaltal/:id, /en/maaltal/:id): the observations with their intervals, the path to the target
// and the projection in a chart; the status in words; "why this status?" with the whole explanation; the
// measurements as a table; the owner BFA; downloads.
import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import {
  formatDecimal,
  formatInterval,
  formatNumber,
  formatPercent,
  formatValue,
  type Locale,
} from '../format.js';
import { type ProgressPoint, type Projection, rangePhrase } from '../stats/index.js';
import { parseOrThrow } from '../validation.js';
import { requires } from '../web/authorize.js';
import { progressChartSvg } from '../web/charts.js';
import { localePath, MESSAGES, type Messages, pick } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { headlineOf, projectionWords } from './status-words.js';
import type { Observation, Target, TargetAssessment } from './targets.model.js';
import { targetIdSchema } from './targets.schemas.js';
import { showTarget } from './targets.service.js';

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

/** "8,3 % (2030; interval 2,7–23,6) · 8,9 %": the CAGR projection with its interval, then the log-linear fit. */
function projectionDetail(projection: Projection, unit: string, locale: Locale): string {
  const { value, lowercl, uppercl } = projection.cagr;
  const interval = lowercl === null ? '' : `; interval ${formatInterval(lowercl, uppercl, unit, locale)}`;
  const fit =
    projection.logLinear === null ? '' : ` · ${formatValue(projection.logLinear.value, unit, locale)}`;
  return `${formatValue(value, unit, locale)} (${projection.year}${interval})${fit}`;
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

const percentOf = (rate: number | null, locale: Locale) =>
  rate === null ? '–' : formatPercent(rate * 100, locale, 2);

function Why({
  target,
  assessment,
  t,
  locale,
}: {
  target: Target;
  assessment: TargetAssessment;
  t: Messages;
  locale: Locale;
}) {
  const e = assessment.explanation;
  const unit = target.indicator.unit;
  const value = (v: number | null | undefined) => formatValue(v, unit, locale);
  const significance =
    e.significance.significant === null
      ? t.whyNotAssessed
      : e.significance.significant
        ? t.whySignificant
        : t.whyNotSignificant;
  return (
    <details class="maaltal-why">
      <summary>{t.whyTitle}</summary>
      <p>{t.whyIntro}</p>
      <dl>
        <dt>{t.whyBaseline}</dt>
        <dd>{e.baseline === null ? '–' : `${value(e.baseline.value)} (${e.baseline.year})`}</dd>
        <dt>{t.whyLatest}</dt>
        <dd>
          {e.latest === null
            ? '–'
            : `${value(e.latest.value)} (${e.latest.year})${
                e.latest.lowercl === null
                  ? ''
                  : `, ${t.ciLabel} ${formatInterval(e.latest.lowercl, e.latest.uppercl, unit, locale)}`
              }`}
        </dd>
        <dt>{t.whyTarget}</dt>
        <dd>{e.target === null ? '–' : `${value(e.target.value)} (${e.target.year})`}</dd>
        <dt>{t.whyRequired}</dt>
        <dd>{percentOf(e.requiredCagr, locale)}</dd>
        <dt>{t.whyObserved}</dt>
        <dd>{percentOf(e.observedCagr, locale)}</dd>
        <dt>{t.whyRatio}</dt>
        <dd>{e.r === null ? '–' : formatDecimal(e.r, locale, 3)}</dd>
        {e.rRange === null ? null : (
          <>
            <dt>{t.whyRatioRange}</dt>
            <dd>
              {formatDecimal(e.rRange[0], locale, 3)} – {formatDecimal(e.rRange[1], locale, 3)}
              {e.range === null ? '' : ` (${rangePhrase(e.range.worst, e.range.best)[locale]})`}
            </dd>
          </>
        )}
        <dt>{t.whyThresholds}</dt>
        <dd>
          {t.whyThresholdsText(
            formatDecimal(e.thresholds.onTrackRatio, locale, 2),
            formatDecimal(e.thresholds.needsAccelerationRatio, locale, 2),
          )}
        </dd>
        <dt>{t.whySignificance}</dt>
        <dd>{significance}</dd>
        {e.projection === null ? null : (
          <>
            <dt>{t.whyProjection}</dt>
            <dd>{projectionDetail(e.projection, unit, locale)}</dd>
          </>
        )}
        {e.seriesBreaks.length === 0 ? null : (
          <>
            <dt>{t.whyBreaks}</dt>
            <dd>{e.seriesBreaks.join(', ')}</dd>
          </>
        )}
        <dt>{t.whyMethod}</dt>
        <dd>{e.methodName}</dd>
      </dl>
      <h3>{t.whyReasons}</h3>
      <ul>
        {e.reasons.map((reason) => (
          <li>{reason[locale]}</li>
        ))}
      </ul>
      {e.caveats.length === 0 ? null : (
        <>
          <h3>{t.whyCaveats}</h3>
          <ul>
            {e.caveats.map((caveat) => (
              <li>{caveat[locale]}</li>
            ))}
          </ul>
        </>
      )}
      {e.leftOut.length === 0 ? null : (
        <>
          <h3>{t.whyLeftOut}</h3>
          <ul>
            {e.leftOut.map((note) => (
              <li>{note[locale]}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

function ObservationTable({
  observations,
  unit,
  t,
  locale,
}: {
  observations: Observation[];
  unit: string;
  t: Messages;
  locale: Locale;
}) {
  return (
    <div class="table-wrapper">
      <table class="table table--compact">
        <caption>{t.observationsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colYear}</th>
            <th scope="col" class="num">
              {t.colValue}
            </th>
            <th scope="col" class="num">
              {t.colCi}
            </th>
            <th scope="col" class="num">
              {t.colRespondents}
            </th>
            <th scope="col">{t.colSeries}</th>
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
              <td class="num">{formatNumber(o.respondents ?? o.denominator, locale)}</td>
              <td>
                {o.seriesLabel}
                {o.seriesBreak ? ` (${t.seriesBreak})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function targetPageRoutes(store: Store): Hono {
  const app = new Hono();
  const page = async (locale: Locale, path: string, idText: string) => {
    const t = MESSAGES[locale];
    const id = parseOrThrow(targetIdSchema, idText, 'Invalid target id', { fieldName: () => 'id' });
    const [history, demo] = await Promise.all([showTarget(store.db, id), holdsDemoData(store.db)]);
    const target = history.current;
    const assessment = target.assessment;
    const unit = target.indicator.unit;
    const title = targetTitle(target, locale);
    const words = statusInWords(target, locale);
    const headline = headlineOf(assessment);
    const latest = assessment?.explanation.latest ?? null;
    const projection = assessment?.projection ?? null;
    const observations = history.observations;
    const chart =
      observations.length === 0
        ? null
        : progressChartSvg({
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
            yLabel: pick(target.indicator, locale),
            labels: {
              baseline: t.colBaseline,
              target: t.chartTarget,
              requiredPath: t.chartRequiredPath,
              projection: t.chartProjection,
              seriesBreak: t.chartSeriesBreak,
            },
            title: `${title}: ${pick(target.indicator, locale)}`,
            describedBy: 'status-in-words',
            format: (v) => formatDecimal(v, locale, 1),
          });
    const notes = locale === 'en' ? target.indicator.methodBreakNotesEn : target.indicator.methodBreakNotesDa;
    return (
      <Layout locale={locale} path={path} title={title} demo={demo}>
        <p class="maaltal-note">
          <a href={localePath(locale, `/maal/${target.goal.code}`)}>{pick(target.goal, locale)}</a>
        </p>
        <h1>{title}</h1>
        <p class="font-lead">{pick(target.indicator, locale)}</p>
        <div class={`maaltal-status maaltal-status-${headline.kind}`}>
          <h2>{headline[locale]}</h2>
          {assessment?.uncertain ? <p class="maaltal-ci">{t.uncertainExplanation}</p> : null}
          <p id="status-in-words">{words}</p>
        </div>
        {chart === null ? null : (
          <figure class="maaltal-chart">
            {raw(chart)}
            <figcaption>
              {t.chartRequiredPath}. {projection === null ? '' : `${t.chartProjection}.`}
              {projection?.cagr.lowercl == null ? '' : ` ${t.chartProjectionInterval}.`}
            </figcaption>
          </figure>
        )}
        {assessment === null ? null : <Why target={target} assessment={assessment} t={t} locale={locale} />}
        <h2>{t.observationsTitle}</h2>
        {observations.length === 0 ? (
          <p>{t.noObservation}</p>
        ) : (
          <ObservationTable observations={observations} unit={unit} t={t} locale={locale} />
        )}
        {assessment?.explanation.leftOut.map((note) => (
          <p class="maaltal-note">{note[locale]}</p>
        ))}
        {notes === '' ? null : <p class="maaltal-note">{notes}</p>}
        <p class="maaltal-note">
          {t.dataSource}: {target.indicator.dataSource}
        </p>
        <h2>{t.ownerTitle}</h2>
        <p>{target.owner === null ? t.noOwner : `${pick(target.owner, locale)} (${target.owner.short})`}</p>
        <h2>{t.activitiesTitle}</h2>
        <p>{t.noActivities}</p>
        <h2>{t.targetDownloads}</h2>
        <ul class="maaltal-downloads">
          <li>
            <a href={`/api/v1/targets/${id}/observations.csv`} download>
              {t.downloadObservationsCsv}
            </a>
          </li>
          <li>
            <a href={`/api/v1/targets/${id}/observations.xlsx`} download>
              {t.downloadObservationsXlsx}
            </a>
          </li>
          <li>
            <a href={`/api/v1/targets/${id}`}>{t.downloadTargetJson}</a>
          </li>
          <li>
            <a href={`/api/v1/targets/${id}/assessment`}>{t.downloadAssessmentJson}</a>
          </li>
        </ul>
      </Layout>
    );
  };
  app.get('/maaltal/:id', requires('public'), async (c) =>
    c.html(await page('da', c.req.path, c.req.param('id'))),
  );
  app.get('/en/maaltal/:id', requires('public'), async (c) =>
    c.html(await page('en', c.req.path, c.req.param('id'))),
  );
  return app;
}
