import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  deviation,
  expectMatches,
  NEGATIVE_CONTROL,
  negatives,
  type Outputs,
  positives,
  tolerance,
  type Vector,
  vectors,
} from '../../test/reference-vectors.js';
import { isBatchError, runBatch } from './batch.js';
import { newcombeDifferenceOfProportionsCi } from './change.js';
import { calculateDsr, calculateDsrNonindependent } from './dsr.js';
import { funnelProportionControlLimits } from './funnel.js';
import type { CiOptions, Maybe } from './inputs.js';
import { calculateIsRate, calculateIsRatio } from './isr.js';
import { pheLifeExpectancy } from './life-expectancy.js';
import { pheMean } from './mean.js';
import { clopperPearsonProportionCi, pheProportion, wilsonProportionCi } from './proportion.js';
import { byarsCountCi, pheRate, poissonExactCountCi } from './rate.js';

const num = (value: unknown): Maybe<number> => z.number().nullable().optional().parse(value);
const nums = (value: unknown): Maybe<number>[] => z.array(z.number().nullable()).parse(value);
const plain = (value: unknown): number[] => z.array(z.number()).parse(value);
const groups = (value: unknown) => z.record(z.string(), z.array(z.number().nullable())).parse(value);

// Calls the library functions directly, reading each vector's inputs by hand, so this path does not share the
// batch's schemas and dispatch.
const LIBRARY: Record<string, (i: Vector['inputs'], o: CiOptions) => Outputs> = {
  phe_proportion: (i, o) => pheProportion({ x: num(i.x), n: num(i.n) }, o),
  wilson_proportion_ci: (i, o) => wilsonProportionCi({ x: num(i.x), n: num(i.n) }, o),
  clopper_pearson_proportion_ci: (i, o) => clopperPearsonProportionCi({ x: num(i.x), n: num(i.n) }, o),
  phe_rate: (i, o) => pheRate({ x: num(i.x), n: num(i.n) }, o),
  byars_count_ci: (i, o) => byarsCountCi({ x: num(i.x) }, o),
  poisson_exact_count_ci: (i, o) => poissonExactCountCi({ x: num(i.x) }, o),
  calculate_dsr: (i, o) => calculateDsr({ x: nums(i.x), n: nums(i.n), stdpop: plain(i.stdpop) }, o),
  calculate_dsr_nonindependent: (i, o) =>
    calculateDsrNonindependent(
      {
        n: nums(i.n),
        stdpop: plain(i.stdpop),
        persons_by_event_frequency: groups(i.persons_by_event_frequency),
      },
      o,
    ),
  calculate_ISRatio: (i, o) =>
    calculateIsRatio(
      { x: nums(i.x), n: nums(i.n), x_ref: nums(i.x_ref), n_ref: nums(i.n_ref), refvalue: num(i.refvalue) },
      o,
    ),
  calculate_ISRate: (i, o) =>
    calculateIsRate({ x: nums(i.x), n: nums(i.n), x_ref: nums(i.x_ref), n_ref: nums(i.n_ref) }, o),
  phe_mean: (i, o) => pheMean({ values: nums(i.values) }, o),
  funnel_proportion_control_limits: (i, o) =>
    funnelProportionControlLimits(
      { population: num(i.population), average_proportion: num(i.average_proportion) },
      o,
    ),
  newcombe_difference_of_proportions_ci: (i, o) =>
    newcombeDifferenceOfProportionsCi({ x1: num(i.x1), n1: num(i.n1), x2: num(i.x2), n2: num(i.n2) }, o),
  phe_life_expectancy: (i, o) =>
    pheLifeExpectancy(
      {
        startage: plain(i.startage),
        pops: nums(i.pops),
        deaths: nums(i.deaths),
        le_age: num(i.le_age),
      },
      o,
    ),
};

function runLibrary(vector: Vector): Outputs {
  const call = LIBRARY[vector.method];
  if (call === undefined) throw new Error(`no library mapping for ${vector.method}`);
  return call(vector.inputs, { confidence: vector.confidence, multiplier: vector.multiplier });
}

describe('reference vectors (PHEindicatormethods v2.1.0 and others)', () => {
  it('covers every method of the fixture file', () => {
    expect(positives.length).toBeGreaterThanOrEqual(60);
    for (const vector of positives) expect(Object.keys(LIBRARY)).toContain(vector.method);
  });

  describe('through the library functions', () => {
    it.each(positives.map((v) => [v.id, v.method, v] as const))('%s %s', (_id, _method, vector) => {
      expectMatches(vector, runLibrary(vector));
    });
  });

  describe('through runBatch', () => {
    const results = runBatch(vectors.filter((v) => v.method !== NEGATIVE_CONTROL));
    it.each(positives.map((v, i) => [v.id, v.method, v, i] as const))(
      '%s %s',
      (_id, _method, vector, index) => {
        const result = results[index];
        if (result === undefined || isBatchError(result))
          throw new Error(`batch failed: ${JSON.stringify(result)}`);
        expect(Object.keys(result).sort()).toEqual(Object.keys(vector.expected).sort());
        expectMatches(vector, result);
      },
    );
  });
});

describe('every method at 99.8 % as well as 95 %', () => {
  const withLimits = positives.filter((v) => v.expected.lowercl != null && v.expected.uppercl != null);
  it.each(withLimits.map((v) => [v.id, v.method, v] as const))('%s %s', (_id, _method, vector) => {
    const [at95, at998, atPercent] = runBatch(
      [0.95, 0.998, 99.8].map((confidence) => ({ ...vector, confidence })),
    ).map((result) => {
      if (isBatchError(result)) throw new Error(result.error);
      return {
        value: result.value ?? null,
        lowercl: result.lowercl ?? null,
        uppercl: result.uppercl ?? null,
      };
    });
    expect(atPercent).toEqual(at998);
    expect(at998?.lowercl ?? Number.NEGATIVE_INFINITY).toBeLessThanOrEqual(at95?.lowercl ?? Number.NaN);
    expect(at998?.uppercl ?? Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(at95?.uppercl ?? Number.NaN);
  });
});

describe('negative controls: the DescTools "Byar" (x + 0.5 on both sides) is not ours', () => {
  it.each(negatives.map((v) => [v.id, v] as const))(
    '%s differs from phe_rate and from byars_count_ci',
    (_id, vector) => {
      const options = { confidence: vector.confidence, multiplier: vector.multiplier };
      const x = num(vector.inputs.x) ?? Number.NaN;
      const n = num(vector.inputs.n) ?? Number.NaN;
      const rate = pheRate({ x, n }, options);
      const byar = byarsCountCi(
        { x },
        { confidence: vector.confidence, multiplier: (vector.multiplier ?? 1) / n },
      );
      for (const ours of [rate, byar]) {
        for (const key of ['lowercl', 'uppercl'] as const) {
          const theirs = vector.expected[key] ?? Number.NaN;
          expect(deviation(vector, ours[key] ?? Number.NaN, theirs)).toBeGreaterThan(100 * tolerance(vector));
        }
      }
    },
  );

  it('is not a method the batch accepts', () => {
    const [result] = runBatch(negatives.slice(0, 1));
    expect(result && isBatchError(result) && result.error).toMatch(/unknown method/);
  });
});
