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

export interface Projection {
  year: number;
  cagr: { value: number; annualRate: number; meetsTarget: boolean };
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

export interface ProgressResult {
  status: ProgressStatus;
  /** What a headline may say: 'uncertain' instead of the status when the change is not significant. */
  headline: ProgressStatus | 'uncertain';
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

/**
 * Projection to the target year: the base → latest CAGR carried forward from the latest value, and with 3+ points
 * a log-linear fit weighted by inverse variance of ln(value). That variance comes from the interval by the delta
 * method, ((upper − lower) / (2z·value))², which also works when a lower limit is 0.
 */
function projection(points: readonly ProgressPoint[], latest: Assessment, ctx: Context): Projection | null {
  const { target } = ctx;
  if (target === null) return null;
  const last = points.at(-1);
  if (last === undefined) return null;
  const extrapolated = positive(last.value, ctx) * (1 + latest.observedCagr) ** (target.year - last.year);
  const result: Projection = {
    year: target.year,
    cagr: { value: extrapolated, annualRate: latest.observedCagr, meetsTarget: targetMet(extrapolated, ctx) },
    logLinear: null,
  };
  if (points.length < MIN_POINTS_FOR_FIT) return result;
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
  const value = Math.exp(fit.intercept + fit.slope * (target.year - ctx.base.year));
  result.logLinear = {
    value,
    annualRate: Math.exp(fit.slope) - 1,
    weighted,
    points: points.length,
    meetsTarget: targetMet(value, ctx),
  };
  return result;
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
  const explanation: ProgressExplanation = {
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
  const latest = toPoint(latestObs);
  // Never compare across a method break: the baseline and the latest value must be in the same series.
  const breakYear = seriesBreaks.find((year) => year > base.year && year <= latest.year);
  if (breakYear !== undefined) {
    return insufficient(
      message('series_break', { year: breakYear, baselineYear: base.year, latestYear: latest.year }),
    );
  }
  const comparable = [base, ...valued.filter((o) => o.year > base.year).map(toPoint)];
  const negative = [...comparable, ...(target === null ? [] : [target])].find((p) => p.value < 0);
  if (negative !== undefined) {
    return insufficient(message('negative_value', { year: negative.year, value: negative.value }));
  }

  const sign = input.polarity === 'higher_is_better' ? 1 : -1;
  const ctx: Context = { input, settings, sign, base, target, notes };
  const point = assess(latest.value, latest.year, ctx);
  explainStatus(point, latest, ctx);
  if (target === null) notes.caveat(message('no_target', {}));
  else if (point.status !== 'achieved' && latest.year >= target.year) {
    notes.caveat(message('target_year_passed', { year: target.year }));
  }
  const range = categoryRange(latest, ctx);
  if (range !== null && range.worst !== range.best) {
    notes.caveat(message('category_range', { worst: range.worst, best: range.best }));
  }
  const test = significance(base, baseline.observation, latest, latestObs, ctx);
  const uncertain = test.significant === false;
  if (uncertain) notes.caveat(message('change_not_significant', { method: test.method }));
  const projected = projection(comparable, point, ctx);

  explanation.requiredCagr = requiredCagr(ctx);
  explanation.observedCagr = point.observedCagr;
  explanation.r = point.r;
  explanation.rRange = rangeOfR(range);
  explanation.range = range;
  explanation.significance = test;
  explanation.projection = projected;
  return {
    status: point.status,
    headline: uncertain ? 'uncertain' : point.status,
    uncertain,
    r: point.r,
    range,
    projection: projected,
    explanation,
  };
}
