// Progress toward a target (METHODS §7): the Statistics Canada / Open SDG CAGR ratio, with uncertainty and projection.
import { excludesNoChange, newcombeDifferenceOfProportionsCi, rateRatioExactCi } from './change.js';
import { resolveConfidence, zValue } from './confidence.js';
import { type Estimate, type Overrides, withDefaults } from './inputs.js';
import { message, type ProgressMessage, type ProgressStatus } from './progress-messages.js';
import { StatsInputError } from './stats-input-error.js';

export type Polarity = 'lower_is_better' | 'higher_is_better';
/** What the values are; decides which significance test applies when counts are given. */
export type MeasureKind = 'proportion' | 'rate' | 'other';

export interface ProgressObservation {
  year: number;
  value: number | null;
  lowercl?: number | null | undefined;
  uppercl?: number | null | undefined;
  /** True on the first point of a new series after a method break. */
  seriesBreak?: boolean | undefined;
  /** Numerator behind the value (events, or respondents answering yes); enables exact change tests. */
  count?: number | null | undefined;
  /** Denominator behind the value (population, person-years or respondents). */
  n?: number | null | undefined;
}

export interface ProgressSettings {
  /** R at or above this is on track. */
  onTrackRatio: number;
  /** R at or above this (and below onTrackRatio) needs acceleration. */
  needsAccelerationRatio: number;
  /** R at or above this (and below needsAccelerationRatio) is limited progress; below it, deterioration. */
  limitedProgressRatio: number;
  /** Without a target: annual change in the desired direction at or above this is on track. */
  noTargetOnTrackCagr: number;
  noTargetNeedsAccelerationCagr: number;
  noTargetLimitedCagr: number;
  /** Growth rates are undefined at 0, so a 0 is replaced by this (and the explanation says so). */
  zeroReplacement: number;
  /** Level of the supplied confidence limits and of the change tests. */
  confidence: number;
}

export const DEFAULT_PROGRESS_SETTINGS: Readonly<ProgressSettings> = Object.freeze({
  onTrackRatio: 0.95,
  needsAccelerationRatio: 0.6,
  limitedProgressRatio: 0,
  noTargetOnTrackCagr: 0.015,
  noTargetNeedsAccelerationCagr: 0.005,
  noTargetLimitedCagr: 0,
  zeroReplacement: 0.001,
  confidence: 0.95,
});

export interface ProgressInput {
  observations: readonly ProgressObservation[];
  /** Baseline year; value defaults to the observation of that year. */
  baseline: { year: number; value?: number | null | undefined };
  target?: { year: number; value: number } | null | undefined;
  polarity: Polarity;
  measure?: MeasureKind | undefined;
  settings?: Overrides<ProgressSettings> | undefined;
}

export interface ProgressPoint {
  year: number;
  value: number;
  lowercl: number | null;
  uppercl: number | null;
}

/** The status the method gives for one possible latest value. */
export interface Assessment {
  value: number;
  status: ProgressStatus;
  /** R; null without a target (or when the required change is zero). */
  r: number | null;
  /** Observed compound annual growth rate, base → this value. */
  observedCagr: number;
}

export interface CategoryRange {
  atLowerLimit: Assessment;
  atUpperLimit: Assessment;
  worst: ProgressStatus;
  best: ProgressStatus;
}

export type SignificanceMethod =
  | 'newcombe'
  | 'rate_ratio_exact'
  | 'ci_overlap'
  | 'baseline_outside_latest_ci'
  | 'latest_outside_baseline_ci'
  | 'not_assessed';

export interface Significance {
  method: SignificanceMethod;
  significant: boolean | null;
  /** Interval of the change (difference for Newcombe, ratio for the rate test) where one was computed. */
  interval: Estimate | null;
}

/** What the projection can say about meeting the target (see `projectionVerdict`). */
export type ProjectionVerdict = 'would_meet' | 'would_miss' | 'cannot_tell';

export interface Projection {
  year: number;
  /**
   * The base → latest CAGR carried forward. `lowercl`/`uppercl`: the same projection with the latest value at its
   * lower and upper confidence limit (null without a CI); they carry only the latest value's uncertainty.
   */
  cagr: {
    value: number;
    annualRate: number;
    meetsTarget: boolean;
    lowercl: number | null;
    uppercl: number | null;
  };
  /** Whether the target would be met if the trend continues; never 'would_meet' for an uncertain status. */
  verdict: ProjectionVerdict;
  /** Log-linear least squares through the comparable points; needs at least 3 of them. */
  logLinear: {
    value: number;
    annualRate: number;
    weighted: boolean;
    points: number;
    meetsTarget: boolean;
  } | null;
}

export const PROGRESS_METHOD = 'statcan_opensdg_cagr';
export const PROGRESS_METHOD_NAME =
  'Statistics Canada / Open SDG compound annual growth rate ratio (after Eurostat)';

export interface ProgressExplanation {
  method: typeof PROGRESS_METHOD;
  methodName: typeof PROGRESS_METHOD_NAME;
  variant: 'target_ratio' | 'no_target_cagr';
  polarity: Polarity;
  measure: MeasureKind;
  baseline: ProgressPoint | null;
  latest: ProgressPoint | null;
  target: { year: number; value: number } | null;
  requiredCagr: number | null;
  observedCagr: number | null;
  r: number | null;
  /** R with the latest value at its lower and at its upper confidence limit, smallest first. */
  rRange: [low: number, high: number] | null;
  range: CategoryRange | null;
  thresholds: ProgressSettings;
  significance: Significance;
  projection: Projection | null;
  seriesBreaks: number[];
  /** Why the status is what it is. */
  reasons: ProgressMessage[];
  /** What to keep in mind when reading it. */
  caveats: ProgressMessage[];
}

/**
 * What a headline may say: the status when the data can tell; 'uncertain' when the change from the baseline is not
 * significant, or when it is but the latest value's interval spans more than one category; 'untested' when there
 * is no interval or count to test it with (the status rests on the figures alone). `progress-headline.ts` puts it
 * in words.
 */
export type HeadlineKind = ProgressStatus | 'uncertain' | 'untested';

export interface ProgressResult {
  status: ProgressStatus;
  headline: HeadlineKind;
  uncertain: boolean;
  r: number | null;
  range: CategoryRange | null;
  projection: Projection | null;
  explanation: ProgressExplanation;
}

/** Worst to best, for ordering the category range. */
const STATUS_RANK: readonly ProgressStatus[] = [
  'deterioration',
  'limited_progress',
  'needs_acceleration',
  'on_track',
  'achieved',
];

/** A trend line through two points is just the CAGR again. */
const MIN_POINTS_FOR_FIT = 3;

const NOT_ASSESSED: Significance = { method: 'not_assessed', significant: null, interval: null };

/** Compound annual growth rate (b/a)^(1/years) − 1 of positive values. */
export function cagr(from: number, to: number, years: number): number {
  return (to / from) ** (1 / years) - 1;
}

function resolveSettings(overrides: Overrides<ProgressSettings> | undefined): ProgressSettings {
  const settings = withDefaults(DEFAULT_PROGRESS_SETTINGS, overrides);
  for (const [key, value] of Object.entries(settings)) {
    if (!Number.isFinite(value))
      throw new StatsInputError(`settings.${key}`, `must be a finite number, got ${value}`);
  }
  if (
    !(settings.onTrackRatio >= settings.needsAccelerationRatio) ||
    !(settings.needsAccelerationRatio >= settings.limitedProgressRatio)
  ) {
    throw new StatsInputError(
      'settings',
      'ratio thresholds must satisfy onTrack ≥ needsAcceleration ≥ limitedProgress',
    );
  }
  if (
    !(settings.noTargetOnTrackCagr >= settings.noTargetNeedsAccelerationCagr) ||
    !(settings.noTargetNeedsAccelerationCagr >= settings.noTargetLimitedCagr)
  ) {
    throw new StatsInputError(
      'settings',
      'CAGR thresholds must satisfy onTrack ≥ needsAcceleration ≥ limited',
    );
  }
  if (!(settings.zeroReplacement > 0)) {
    throw new StatsInputError('settings.zeroReplacement', 'must be greater than zero');
  }
  return { ...settings, confidence: resolveConfidence(settings.confidence) };
}

function checkInput(input: ProgressInput): void {
  if (input.polarity !== 'lower_is_better' && input.polarity !== 'higher_is_better') {
    throw new StatsInputError(
      'polarity',
      `must be 'lower_is_better' or 'higher_is_better', got ${input.polarity}`,
    );
  }
  if (!Number.isInteger(input.baseline.year))
    throw new StatsInputError('baseline.year', 'must be a whole year');
  if (input.target) {
    if (!Number.isInteger(input.target.year))
      throw new StatsInputError('target.year', 'must be a whole year');
    if (!Number.isFinite(input.target.value))
      throw new StatsInputError('target.value', 'must be a finite number');
    if (input.target.year <= input.baseline.year) {
      throw new StatsInputError('target.year', 'must be after the baseline year');
    }
  }
  const seen = new Set<number>();
  input.observations.forEach((obs, i) => {
    if (!Number.isInteger(obs.year))
      throw new StatsInputError(`observations[${i}].year`, 'must be a whole year');
    if (seen.has(obs.year))
      throw new StatsInputError(`observations[${i}].year`, `duplicate year ${obs.year}`);
    seen.add(obs.year);
    if (obs.value !== null && !Number.isFinite(obs.value)) {
      throw new StatsInputError(`observations[${i}].value`, 'must be a finite number or null');
    }
    const { lowercl, uppercl, count, n } = obs;
    if (lowercl != null && uppercl != null && lowercl > uppercl) {
      throw new StatsInputError(`observations[${i}].lowercl`, 'must not exceed uppercl');
    }
    if (count != null && !(count >= 0)) throw new StatsInputError(`observations[${i}].count`, 'must be ≥ 0');
    if (n != null && !(n > 0)) throw new StatsInputError(`observations[${i}].n`, 'must be > 0');
    if (input.measure === 'proportion' && count != null && n != null && count > n) {
      throw new StatsInputError(`observations[${i}].count`, 'must not exceed n for a proportion');
    }
  });
}

/** Collects caveats while the assessment runs, once per code. */
class Notes {
  readonly reasons: ProgressMessage[] = [];
  readonly caveats: ProgressMessage[] = [];
  reason(note: ProgressMessage): void {
    this.reasons.push(note);
  }
  caveat(note: ProgressMessage): void {
    if (!this.caveats.some((c) => c.code === note.code)) this.caveats.push(note);
  }
}

/** The pieces of one assessment that all status evaluations share. */
interface Context {
  input: ProgressInput;
  settings: ProgressSettings;
  /** +1 when higher is better, −1 when lower is better: sign · CAGR is the change in the desired direction. */
  sign: 1 | -1;
  base: ProgressPoint;
  target: { year: number; value: number } | null;
  notes: Notes;
}

function positive(value: number, ctx: Context): number {
  if (value !== 0) return value;
  ctx.notes.caveat(message('zero_replaced', { replacement: ctx.settings.zeroReplacement }));
  return ctx.settings.zeroReplacement;
}

function targetMet(value: number, ctx: Context): boolean {
  if (ctx.target === null) return false;
  return ctx.sign > 0 ? value >= ctx.target.value : value <= ctx.target.value;
}

type Thresholds = readonly [onTrack: number, needsAcceleration: number, limited: number];

function ratioThresholds(s: ProgressSettings): Thresholds {
  return [s.onTrackRatio, s.needsAccelerationRatio, s.limitedProgressRatio];
}

function cagrThresholds(s: ProgressSettings): Thresholds {
  return [s.noTargetOnTrackCagr, s.noTargetNeedsAccelerationCagr, s.noTargetLimitedCagr];
}

function classify(score: number, thresholds: Thresholds): ProgressStatus {
  const [onTrack, needsAcceleration, limited] = thresholds;
  if (score >= onTrack) return 'on_track';
  if (score >= needsAcceleration) return 'needs_acceleration';
  if (score >= limited) return 'limited_progress';
  return 'deterioration';
}

function requiredCagr(ctx: Context): number | null {
  if (ctx.target === null) return null;
  return cagr(
    positive(ctx.base.value, ctx),
    positive(ctx.target.value, ctx),
    ctx.target.year - ctx.base.year,
  );
}

function assess(value: number, year: number, ctx: Context): Assessment {
  const observedCagr = cagr(positive(ctx.base.value, ctx), positive(value, ctx), year - ctx.base.year);
  const required = requiredCagr(ctx);
  if (required === null) {
    const status = classify(ctx.sign * observedCagr, cagrThresholds(ctx.settings));
    return { value, observedCagr, r: null, status };
  }
  const r = required === 0 ? null : (ctx.sign * observedCagr) / Math.abs(required);
  let status: ProgressStatus;
  if (targetMet(value, ctx)) status = 'achieved';
  // Target equal to the baseline and not met: the value has moved away from it.
  else if (r === null) status = 'deterioration';
  else status = classify(r, ratioThresholds(ctx.settings));
  return { value, observedCagr, r, status };
}

/** The threshold a status was decided against (deterioration: below the limited-progress threshold). */
function thresholdOf(status: ProgressStatus, thresholds: Thresholds): number {
  const [onTrack, needsAcceleration, limited] = thresholds;
  if (status === 'on_track') return onTrack;
  if (status === 'needs_acceleration') return needsAcceleration;
  return limited;
}

/** A status whose change is not significant is explained without naming its category (the range does that). */
function explainUncertainStatus(assessment: Assessment, latest: ProgressPoint, ctx: Context): void {
  const { notes, target } = ctx;
  const { status, r } = assessment;
  if (target === null) {
    notes.reason(message('cagr_uncertain', { cagr: ctx.sign * assessment.observedCagr }));
  } else if (status === 'achieved') {
    notes.reason(
      message('target_reached_uncertain', { year: latest.year, value: latest.value, target: target.value }),
    );
  } else if (r === null) {
    notes.reason(message('required_change_zero_uncertain', { target: target.value }));
  } else {
    notes.reason(message('ratio_uncertain', { r }));
  }
}

function explainStatus(assessment: Assessment, latest: ProgressPoint, ctx: Context): void {
  const { settings, notes, target } = ctx;
  const { status, r } = assessment;
  if (target === null) {
    const threshold = thresholdOf(status, cagrThresholds(settings));
    notes.reason(message('cagr_status', { cagr: ctx.sign * assessment.observedCagr, status, threshold }));
  } else if (status === 'achieved') {
    notes.reason(
      message('target_achieved', { year: latest.year, value: latest.value, target: target.value }),
    );
  } else if (r === null) {
    notes.reason(message('required_change_zero', { target: target.value }));
  } else {
    notes.reason(
      message('ratio_status', { r, status, threshold: thresholdOf(status, ratioThresholds(settings)) }),
    );
  }
}

function categoryRange(latest: ProgressPoint, ctx: Context): CategoryRange | null {
  if (latest.lowercl === null || latest.uppercl === null) return null;
  const atLowerLimit = assess(latest.lowercl, latest.year, ctx);
  const atUpperLimit = assess(latest.uppercl, latest.year, ctx);
  const [worst, best] = [atLowerLimit.status, atUpperLimit.status].sort(
    (a, b) => STATUS_RANK.indexOf(a) - STATUS_RANK.indexOf(b),
  ) as [ProgressStatus, ProgressStatus];
  return { atLowerLimit, atUpperLimit, worst, best };
}

function rangeOfR(range: CategoryRange | null): [number, number] | null {
  const low = range?.atLowerLimit.r;
  const high = range?.atUpperLimit.r;
  if (low == null || high == null) return null;
  return [Math.min(low, high), Math.max(low, high)];
}

function hasCounts(
  obs: ProgressObservation | undefined,
): obs is ProgressObservation & { count: number; n: number } {
  return obs !== undefined && typeof obs.count === 'number' && typeof obs.n === 'number';
}

/**
 * Is the change from the baseline significant (§6)? Counts give exact tests: Newcombe for proportions, the exact
 * conditional rate ratio for rates. Otherwise confidence intervals are compared: non-overlapping intervals mean a
 * significant change. That is conservative (overlapping 95 % intervals can still differ significantly), which errs
 * towards "uncertain" rather than a confident headline the data cannot support. With only one interval, the other
 * value is treated as fixed.
 */
function significance(
  base: ProgressPoint,
  baseObs: ProgressObservation | undefined,
  latest: ProgressPoint,
  latestObs: ProgressObservation,
  ctx: Context,
): Significance {
  const options = { confidence: ctx.settings.confidence };
  const measure = ctx.input.measure ?? 'other';
  if (hasCounts(baseObs) && hasCounts(latestObs) && measure !== 'other') {
    const counts = { x1: latestObs.count, n1: latestObs.n, x2: baseObs.count, n2: baseObs.n };
    if (measure === 'proportion') {
      const interval = newcombeDifferenceOfProportionsCi(counts, options);
      return { method: 'newcombe', significant: excludesNoChange(interval, 0), interval };
    }
    const interval = rateRatioExactCi(counts, options);
    return { method: 'rate_ratio_exact', significant: excludesNoChange(interval, 1), interval };
  }
  const outside = (value: number, l: number, u: number) => value < l || value > u;
  if (base.lowercl !== null && base.uppercl !== null && latest.lowercl !== null && latest.uppercl !== null) {
    ctx.notes.caveat(message('ci_overlap_conservative', {}));
    const significant = latest.uppercl < base.lowercl || latest.lowercl > base.uppercl;
    return { method: 'ci_overlap', significant, interval: null };
  }
  if (latest.lowercl !== null && latest.uppercl !== null) {
    const significant = outside(base.value, latest.lowercl, latest.uppercl);
    return { method: 'baseline_outside_latest_ci', significant, interval: null };
  }
  if (base.lowercl !== null && base.uppercl !== null) {
    const significant = outside(latest.value, base.lowercl, base.uppercl);
    return { method: 'latest_outside_baseline_ci', significant, interval: null };
  }
  ctx.notes.caveat(message('significance_not_assessed', {}));
  return NOT_ASSESSED;
}

/** Weighted least squares of ln(value) on year; returns intercept at `centre` and slope. */
function logLinearFit(points: readonly { year: number; logValue: number; weight: number }[], centre: number) {
  let sw = 0;
  let st = 0;
  let sy = 0;
  for (const p of points) {
    sw += p.weight;
    st += p.weight * (p.year - centre);
    sy += p.weight * p.logValue;
  }
  const meanT = st / sw;
  const meanY = sy / sw;
  let stt = 0;
  let sty = 0;
  for (const p of points) {
    const dt = p.year - centre - meanT;
    stt += p.weight * dt * dt;
    sty += p.weight * dt * (p.logValue - meanY);
  }
  const slope = sty / stt;
  return { slope, intercept: meanY - slope * meanT };
}

/** The CAGR projection of a latest value: its own base → value CAGR carried forward to the target year. */
function extrapolate(value: number, year: number, targetYear: number, ctx: Context): number {
  const rate = cagr(positive(ctx.base.value, ctx), positive(value, ctx), year - ctx.base.year);
  return positive(value, ctx) * (1 + rate) ** (targetYear - year);
}

/**
 * If the trend continues, is the target met? Not for an uncertain or untested status (the trend itself is in
 * doubt); otherwise at both ends of the interval (or at the value, without one), else the figures cannot tell.
 */
function projectionVerdict(cagrProjection: Projection['cagr'], headline: HeadlineKind, ctx: Context) {
  if (headline === 'uncertain' || headline === 'untested') return 'cannot_tell';
  const { value, lowercl, uppercl } = cagrProjection;
  const ends = lowercl === null || uppercl === null ? [value] : [lowercl, uppercl];
  const met = ends.filter((v) => targetMet(v, ctx)).length;
  return met === ends.length ? 'would_meet' : met === 0 ? 'would_miss' : 'cannot_tell';
}

/** The base → latest CAGR carried forward from the latest value, with its interval from the latest CI. */
function cagrProjection(last: ProgressPoint, latest: Assessment, targetYear: number, ctx: Context) {
  const value = positive(last.value, ctx) * (1 + latest.observedCagr) ** (targetYear - last.year);
  const hasCi = last.lowercl !== null && last.uppercl !== null;
  const limit = (v: number | null) =>
    v === null || !hasCi ? null : extrapolate(v, last.year, targetYear, ctx);
  if (hasCi) ctx.notes.caveat(message('projection_interval', {}));
  return {
    value,
    annualRate: latest.observedCagr,
    meetsTarget: targetMet(value, ctx),
    lowercl: limit(last.lowercl),
    uppercl: limit(last.uppercl),
  };
}

/**
 * Log-linear least squares through the comparable points, weighted by inverse variance of ln(value) when every
 * point has an interval. That variance comes from the interval by the delta method, ((upper − lower) /
 * (2z·value))², which also works when a lower limit is 0.
 */
function logLinearProjection(points: readonly ProgressPoint[], targetYear: number, ctx: Context) {
  if (points.length < MIN_POINTS_FOR_FIT) return null;
  const z = zValue(ctx.settings.confidence);
  const variances = points.map((p) =>
    p.lowercl === null || p.uppercl === null
      ? Number.NaN
      : ((p.uppercl - p.lowercl) / (2 * z * positive(p.value, ctx))) ** 2,
  );
  const weighted = variances.every((v) => Number.isFinite(v) && v > 0);
  if (!weighted) ctx.notes.caveat(message('projection_unweighted', {}));
  const fit = logLinearFit(
    points.map((p, i) => ({
      year: p.year,
      logValue: Math.log(positive(p.value, ctx)),
      weight: weighted ? 1 / (variances[i] ?? 1) : 1,
    })),
    ctx.base.year,
  );
  const value = Math.exp(fit.intercept + fit.slope * (targetYear - ctx.base.year));
  const annualRate = Math.exp(fit.slope) - 1;
  return { value, annualRate, weighted, points: points.length, meetsTarget: targetMet(value, ctx) };
}

/**
 * Projection to the target year: the CAGR projection with its interval (the latest value's confidence limits
 * projected the same way, the what-if of the category range), the verdict on the target, and with 3+ points a
 * log-linear fit.
 */
function projection(
  points: readonly ProgressPoint[],
  latest: Assessment,
  headline: HeadlineKind,
  ctx: Context,
): Projection | null {
  const { target } = ctx;
  const last = points.at(-1);
  if (target === null || last === undefined) return null;
  const cagrPart = cagrProjection(last, latest, target.year, ctx);
  return {
    year: target.year,
    cagr: cagrPart,
    verdict: projectionVerdict(cagrPart, headline, ctx),
    logLinear: logLinearProjection(points, target.year, ctx),
  };
}

/**
 * Never compare across a method break: the baseline and the latest value must be in the same series. With
 * comparable measurements between the baseline and the break there is still no status (METHODS §7, decided in
 * ARCHITECTURE): it would stop at the break and be read as one of the newest value; the caveat says so.
 */
function seriesBreakReason(
  seriesBreaks: readonly number[],
  valued: readonly ValuedObservation[],
  base: ProgressPoint,
  latest: ProgressPoint,
  notes: Notes,
): ProgressMessage | null {
  const year = seriesBreaks.find((y) => y > base.year && y <= latest.year);
  if (year === undefined) return null;
  const before = valued.filter((o) => o.year > base.year && o.year < year).at(-1);
  if (before !== undefined) {
    notes.caveat(
      message('series_break_comparable_before', {
        year,
        baselineYear: base.year,
        lastComparableYear: before.year,
      }),
    );
  }
  return message('series_break', { year, baselineYear: base.year, latestYear: latest.year });
}

function toPoint(obs: ValuedObservation): ProgressPoint {
  return { year: obs.year, value: obs.value, lowercl: obs.lowercl ?? null, uppercl: obs.uppercl ?? null };
}

type ValuedObservation = ProgressObservation & { value: number };

function hasValue(obs: ProgressObservation): obs is ValuedObservation {
  return obs.value !== null;
}

/**
 * The baseline point, and the observation behind it when its CI and counts describe that point. A supplied
 * baseline value that differs from the observation wins (baselines are fixed in policy documents), but then the
 * observation's uncertainty no longer applies.
 */
function resolveBaseline(
  input: ProgressInput,
  valued: readonly ValuedObservation[],
  notes: Notes,
): { point: ProgressPoint; observation: ValuedObservation | undefined } | null {
  const { year, value } = input.baseline;
  const observation = valued.find((o) => o.year === year);
  if (value === undefined || value === null || value === observation?.value) {
    return observation === undefined ? null : { point: toPoint(observation), observation };
  }
  if (!Number.isFinite(value)) throw new StatsInputError('baseline.value', 'must be a finite number');
  if (observation !== undefined) {
    notes.caveat(message('baseline_value_override', { year, observed: observation.value, used: value }));
  }
  return { point: { year, value, lowercl: null, uppercl: null }, observation: undefined };
}

/**
 * Assesses progress from a baseline toward a target (or, without a target, by the annual change in the desired
 * direction). Returns the status, R and its range over the latest value's confidence interval, whether the change
 * is significant, projections, and an explanation with stable codes and Danish/English texts.
 */
export function progress(input: ProgressInput): ProgressResult {
  checkInput(input);
  const settings = resolveSettings(input.settings);
  const notes = new Notes();
  const valued = input.observations.filter(hasValue).sort((a, b) => a.year - b.year);
  const seriesBreaks = input.observations
    .filter((o) => o.seriesBreak === true)
    .map((o) => o.year)
    .sort((a, b) => a - b);
  const target = input.target ?? null;
  const latestObs = valued.at(-1);
  const explanation = emptyExplanation(input, settings, notes, seriesBreaks, latestObs);
  const insufficient = (reason: ProgressMessage): ProgressResult => {
    notes.reason(reason);
    const status = 'insufficient_data';
    return {
      status,
      headline: status,
      uncertain: false,
      r: null,
      range: null,
      projection: null,
      explanation,
    };
  };

  const baseline = resolveBaseline(input, valued, notes);
  if (baseline === null) return insufficient(message('no_baseline', { year: input.baseline.year }));
  const base = baseline.point;
  explanation.baseline = base;
  if (latestObs === undefined || latestObs.year <= base.year) {
    return insufficient(message('too_few_observations', { baselineYear: base.year }));
  }
  const broken = seriesBreakReason(seriesBreaks, valued, base, toPoint(latestObs), notes);
  if (broken !== null) return insufficient(broken);
  const comparable = [base, ...valued.filter((o) => o.year > base.year).map(toPoint)];
  const negative = [...comparable, ...(target === null ? [] : [target])].find((p) => p.value < 0);
  if (negative !== undefined) {
    return insufficient(message('negative_value', { year: negative.year, value: negative.value }));
  }
  const sign = input.polarity === 'higher_is_better' ? 1 : -1;
  const ctx: Context = { input, settings, sign, base, target, notes };
  return assessComparable(ctx, comparable, baseline.observation, latestObs, explanation);
}

/** The explanation before anything is assessed: method, settings, breaks and the latest point. */
function emptyExplanation(
  input: ProgressInput,
  settings: ProgressSettings,
  notes: Notes,
  seriesBreaks: number[],
  latestObs: ValuedObservation | undefined,
): ProgressExplanation {
  const target = input.target ?? null;
  return {
    method: PROGRESS_METHOD,
    methodName: PROGRESS_METHOD_NAME,
    variant: target === null ? 'no_target_cagr' : 'target_ratio',
    polarity: input.polarity,
    measure: input.measure ?? 'other',
    baseline: null,
    latest: latestObs === undefined ? null : toPoint(latestObs),
    target,
    requiredCagr: null,
    observedCagr: null,
    r: null,
    rRange: null,
    range: null,
    thresholds: settings,
    significance: NOT_ASSESSED,
    projection: null,
    seriesBreaks,
    reasons: notes.reasons,
    caveats: notes.caveats,
  };
}

/**
 * The status of comparable points (baseline first, latest last): R and its range, the significance test that
 * decides the headline (status, 'uncertain' or 'untested'), the reasons worded to match, and the projection.
 */
function assessComparable(
  ctx: Context,
  comparable: readonly ProgressPoint[],
  baseObs: ValuedObservation | undefined,
  latestObs: ValuedObservation,
  explanation: ProgressExplanation,
): ProgressResult {
  const { notes, target, base } = ctx;
  const latest = toPoint(latestObs);
  const point = assess(latest.value, latest.year, ctx);
  if (target === null) notes.caveat(message('no_target', {}));
  else if (point.status !== 'achieved' && latest.year >= target.year) {
    notes.caveat(message('target_year_passed', { year: target.year }));
  }
  const range = categoryRange(latest, ctx);
  if (range !== null && range.worst !== range.best) {
    notes.caveat(message('category_range', { worst: range.worst, best: range.best }));
  }
  const test = significance(base, baseObs, latest, latestObs, ctx);
  const uncertain = test.significant === false;
  if (uncertain) notes.caveat(message('change_not_significant', { method: test.method }));
  if (uncertain) explainUncertainStatus(point, latest, ctx);
  else explainStatus(point, latest, ctx);
  // A significant change still cannot name one category when the latest value's interval spans several.
  const spans = range !== null && range.worst !== range.best;
  const headline: HeadlineKind =
    uncertain || (test.significant === true && spans)
      ? 'uncertain'
      : test.significant === null
        ? 'untested'
        : point.status;
  const projected = projection(comparable, point, headline, ctx);
  const assessed: Partial<ProgressExplanation> = {
    requiredCagr: requiredCagr(ctx),
    observedCagr: point.observedCagr,
    r: point.r,
    rRange: rangeOfR(range),
    range,
    significance: test,
    projection: projected,
  };
  Object.assign(explanation, assessed);
  return { status: point.status, headline, uncertain, r: point.r, range, projection: projected, explanation };
}
