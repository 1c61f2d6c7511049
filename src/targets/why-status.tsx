// "Why this status?" on the target page: a few plain sentences first (what is measured, how much it moved, what it
// needs to move, why the status is or is not uncertain), then the calculation as labelled terms with units, each
// linked to the method page's glossary, then the reasons and caveats in the same words. A section, not a
// <details>, so it is open on screen and in print alike.
import { formatDecimal, formatInterval, formatPercent, type Locale } from '../format.js';
import { type ProgressMessage, rangePhrase, STATUS_IN_SENTENCE } from '../stats/index.js';
import { MESSAGES, pick } from '../web/i18n.js';
import { type GlossaryId, glossaryHref, glossaryTerm } from './glossary.js';
import {
  type MessageFormat,
  sourceName,
  TARGET_PAGE_TEXTS,
  unitWords,
  valueWithUnit,
} from './target-page.texts.js';
import type { Target, TargetAssessment } from './targets.model.js';

type Explanation = TargetAssessment['explanation'];

interface Formats {
  locale: Locale;
  unit: string;
  value: (value: number) => string;
  ratio: (r: number) => string;
  /** A yearly change (a fraction) as a percentage, with its sign. */
  rate: (rate: number) => string;
}

function formatsFor(unit: string, locale: Locale): Formats {
  return {
    locale,
    unit,
    value: (value) => valueWithUnit(value, unit, locale),
    ratio: (r) => formatDecimal(r, locale, 2),
    rate: (rate) => formatPercent(rate * 100, locale, 1),
  };
}

/** The latest value's interval with its unit, or null without one. */
function latestInterval(e: Explanation, f: Formats): string | null {
  const latest = e.latest;
  if (latest === null || latest.lowercl === null || latest.uppercl === null) return null;
  const words = unitWords(f.unit, f.locale);
  const range = formatInterval(latest.lowercl, latest.uppercl, f.unit, f.locale);
  return words === '' ? range : `${range} ${words}`;
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('da') + text.slice(1);

/** How far the value moved, and how far it has to move to reach the target. */
function movementSentences(e: Explanation, f: Formats): string[] {
  const t = TARGET_PAGE_TEXTS[f.locale];
  const { baseline, latest, target } = e;
  const out: string[] = [];
  if (baseline !== null && latest !== null && latest.year !== baseline.year && e.observedCagr !== null) {
    out.push(
      latest.value === baseline.value
        ? t.whyUnchanged(baseline.year, latest.year, f.value(latest.value))
        : t.whyMoved(
            baseline.year,
            latest.year,
            latest.value < baseline.value ? t.fell : t.rose,
            f.value(baseline.value),
            f.value(latest.value),
            f.rate(Math.abs(e.observedCagr)),
          ),
    );
  }
  if (baseline !== null && target !== null && e.requiredCagr !== null && e.requiredCagr !== 0) {
    const verb = e.requiredCagr < 0 ? t.fall : t.rise;
    out.push(
      t.whyNeeds(f.value(target.value), target.year, verb, f.rate(Math.abs(e.requiredCagr)), baseline.year),
    );
    if (e.r !== null)
      out.push(
        e.r < 0
          ? t.whyWrongWay(f.ratio(e.r))
          : t.whyPace(formatPercent(e.r * 100, f.locale, 0), f.ratio(e.r)),
      );
  }
  return out;
}

/** Why the status is, or is not, uncertain: never more than the latest value's interval allows. */
function uncertaintySentences(assessment: TargetAssessment, f: Formats): string[] {
  const t = TARGET_PAGE_TEXTS[f.locale];
  const e = assessment.explanation;
  const interval = latestInterval(e, f);
  switch (assessment.headline) {
    case 'untested':
      return [t.whyUntested];
    case 'uncertain': {
      const out = [assessment.uncertain ? t.whyNotSignificant : t.whySpans];
      if (e.range !== null && interval !== null)
        out.push(t.whyRange(interval, rangePhrase(e.range.worst, e.range.best)[f.locale]));
      return out;
    }
    case 'insufficient_data':
      return [];
    default:
      return [interval === null ? t.whyCertainNoCi : t.whyCertain(interval)];
  }
}

function plainSentences(target: Target, assessment: TargetAssessment, f: Formats): string[] {
  const t = TARGET_PAGE_TEXTS[f.locale];
  const measured = t.whyMeasured(
    lowerFirst(pick(target.indicator, f.locale)),
    sourceName(target.indicator.dataSource, f.locale),
  );
  return [measured, ...movementSentences(assessment.explanation, f), ...uncertaintySentences(assessment, f)];
}

/** A reason or caveat in the page's words (values with units, minus signs, no method codes). */
function messageWords(message: ProgressMessage, f: Formats): string {
  const words = TARGET_PAGE_TEXTS[f.locale].messages[message.code];
  if (words === undefined) return message[f.locale];
  const format: MessageFormat = {
    value: f.value,
    ratio: f.ratio,
    rate: f.rate,
    status: (status) => STATUS_IN_SENTENCE[status][f.locale],
    method: (method) => TARGET_PAGE_TEXTS[f.locale].significanceMethod[method],
  };
  return words(message.params, format);
}

interface Row {
  id: GlossaryId;
  term?: string;
  value: string;
}

function projectionRows(e: Explanation, f: Formats): Row[] {
  const t = TARGET_PAGE_TEXTS[f.locale];
  const p = e.projection;
  if (p === null) return [];
  const { lowercl, uppercl } = p.cagr;
  const words = unitWords(f.unit, f.locale);
  const range = lowercl === null ? null : formatInterval(lowercl, uppercl, f.unit, f.locale);
  const interval = range === null ? '' : ` (${t.interval(words === '' ? range : `${range} ${words}`)})`;
  const rows: Row[] = [
    {
      id: 'ordliste-fremskrivning',
      term: t.termProjection,
      value: `${t.inYear(f.value(p.cagr.value), p.year)}${interval}`,
    },
  ];
  const fit = p.logLinear;
  if (fit !== null) {
    const how = fit.weighted ? t.weighted(fit.points) : t.unweighted(fit.points);
    rows.push({
      id: 'ordliste-log-lineaer-trend',
      term: t.termLogLinear,
      value: `${t.inYear(f.value(fit.value), p.year)} (${how})`,
    });
  }
  return rows;
}

function significanceValue(e: Explanation, locale: Locale): string {
  const t = TARGET_PAGE_TEXTS[locale];
  const { significant, method } = e.significance;
  const answer = significant === null ? t.notTested : significant ? t.yes : t.no;
  return method === 'not_assessed' ? answer : `${answer}. ${t.testedBy(t.significanceMethod[method])}`;
}

function rangeValue(e: Explanation, f: Formats): string | null {
  if (e.rRange === null) return null;
  const phrase = e.range === null ? '' : rangePhrase(e.range.worst, e.range.best)[f.locale];
  return TARGET_PAGE_TEXTS[f.locale].rangeValue(f.ratio(e.rRange[0]), f.ratio(e.rRange[1]), phrase);
}

/** The calculation as labelled terms; a term without a value here is left out. */
function technicalRows(e: Explanation, f: Formats): Row[] {
  const t = TARGET_PAGE_TEXTS[f.locale];
  const atYear = (point: { value: number; year: number } | null) =>
    point === null ? '–' : t.atYear(f.value(point.value), point.year);
  const perYear = (rate: number | null) => (rate === null ? '–' : t.perYear(f.rate(rate)));
  const interval = latestInterval(e, f);
  const range = rangeValue(e, f);
  const thresholds = MESSAGES[f.locale].whyThresholdsText(
    f.ratio(e.thresholds.onTrackRatio),
    f.ratio(e.thresholds.needsAccelerationRatio),
  );
  const rows: (Row | null)[] = [
    { id: 'ordliste-udgangspunkt', value: atYear(e.baseline) },
    { id: 'ordliste-seneste-maaling', value: atYear(e.latest) },
    interval === null ? null : { id: 'ordliste-konfidensinterval', term: t.termCi, value: interval },
    { id: 'ordliste-maaltal', value: atYear(e.target) },
    { id: 'ordliste-noedvendig-aendring', value: perYear(e.requiredCagr) },
    { id: 'ordliste-faktisk-aendring', value: perYear(e.observedCagr) },
    { id: 'ordliste-forholdstal-r', term: t.termRatio, value: e.r === null ? '–' : f.ratio(e.r) },
    range === null ? null : { id: 'ordliste-statusspaend', term: t.termRange, value: range },
    { id: 'ordliste-graenser', value: thresholds },
    { id: 'ordliste-signifikans', term: t.termSignificance, value: significanceValue(e, f.locale) },
    ...projectionRows(e, f),
    e.seriesBreaks.length === 0 ? null : { id: 'ordliste-databrud', value: e.seriesBreaks.join(', ') },
    { id: 'ordliste-metode', value: t.methodLine },
  ];
  return rows.filter((row): row is Row => row !== null);
}

function MessageList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
    </>
  );
}

export function WhyStatus({
  target,
  assessment,
  locale,
}: {
  target: Target;
  assessment: TargetAssessment;
  locale: Locale;
}) {
  const m = MESSAGES[locale];
  const t = TARGET_PAGE_TEXTS[locale];
  const e = assessment.explanation;
  const f = formatsFor(target.indicator.unit, locale);
  return (
    <section class="maaltal-why" id="hvorfor" aria-labelledby="hvorfor-title">
      <h2 id="hvorfor-title">{m.whyTitle}</h2>
      <div class="maaltal-why-plain">
        {plainSentences(target, assessment, f).map((sentence) => (
          <p>{sentence}</p>
        ))}
      </div>
      <h3>{t.whyTechnical}</h3>
      <dl>
        {technicalRows(e, f).map((row) => (
          <>
            <dt>
              <a href={glossaryHref(row.id, locale)}>{row.term ?? glossaryTerm(row.id, locale)}</a>
            </dt>
            <dd>{row.value}</dd>
          </>
        ))}
      </dl>
      <MessageList title={m.whyReasons} items={e.reasons.map((reason) => messageWords(reason, f))} />
      <MessageList title={m.whyCaveats} items={e.caveats.map((caveat) => messageWords(caveat, f))} />
      <MessageList title={m.whyLeftOut} items={e.leftOut.map((note) => note[locale])} />
    </section>
  );
}
