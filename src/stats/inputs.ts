// Shared input handling for the statistics core: the result shape, "missing means null" and "impossible means throw".
import { StatsInputError } from './stats-input-error.js';

/** A value that may be absent. NaN is treated as absent too, because upstream data often encodes NA that way. */
export type Maybe<T> = T | null | undefined;

/** Point estimate with its confidence limits; null wherever PHEindicatormethods would return NA. */
export type Estimate = {
  value: number | null;
  lowercl: number | null;
  uppercl: number | null;
};

/** Options shared by the interval functions; confidence may be a fraction (0.95) or a percentage (95). */
export interface CiOptions {
  confidence?: Maybe<number>;
  multiplier?: Maybe<number>;
}

/** Lower and upper limit on the scale of the statistic, before any multiplier. */
export interface Limits {
  lower: number | null;
  upper: number | null;
}

/** Partial settings as they arrive from configuration or JSON, where an absent key may also be undefined. */
export type Overrides<T> = { [K in keyof T]?: T[K] | undefined };

/** Defaults overlaid with the overrides that are actually given (an undefined override keeps the default). */
export function withDefaults<T extends object>(
  defaults: Readonly<T>,
  overrides: Overrides<T> | undefined,
): T {
  const merged = { ...defaults };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  return merged;
}

export function nullEstimate(): Estimate {
  return { value: null, lowercl: null, uppercl: null };
}

export function isPresent(value: Maybe<number>): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

/** Infinite or NaN results are "not defined": they must surface as null, never as NaN or Infinity in JSON. */
export function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

export function scale(value: number | null, factor: number): number | null {
  return value === null ? null : finiteOrNull(value * factor);
}

export function estimate(value: number | null, limits: Limits, factor: number): Estimate {
  return {
    value: scale(value, factor),
    lowercl: scale(limits.lower, factor),
    uppercl: scale(limits.upper, factor),
  };
}

export function requireFinite(field: string, value: number): number {
  if (!Number.isFinite(value)) throw new StatsInputError(field, `must be a finite number, got ${value}`);
  return value;
}

export function requireNonNegative(field: string, value: number): number {
  requireFinite(field, value);
  if (value < 0) throw new StatsInputError(field, `must be greater than or equal to zero, got ${value}`);
  return value;
}

export function requirePositive(field: string, value: number): number {
  requireFinite(field, value);
  if (value <= 0) throw new StatsInputError(field, `must be greater than zero, got ${value}`);
  return value;
}

/** A missing multiplier falls back to the method's default; a given one must be a positive finite number. */
export function resolveMultiplier(multiplier: Maybe<number>, fallback: number): number {
  return isPresent(multiplier) ? requirePositive('multiplier', multiplier) : fallback;
}

/** Arrays of strata must line up position by position, as in PHEindicatormethods. */
export function requireSameLength(field: string, values: readonly unknown[], expected: number): void {
  if (values.length !== expected) {
    throw new StatsInputError(
      field,
      `must have ${expected} elements (one per stratum), got ${values.length}`,
    );
  }
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
