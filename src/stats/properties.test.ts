import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newcombeDifferenceOfProportionsCi, rateRatioExactCi } from './change.js';
import { calculateDsr } from './dsr.js';
import { funnelProportionControlLimits } from './funnel.js';
import type { Estimate } from './inputs.js';
import { calculateIsRatio } from './isr.js';
import { pheMean } from './mean.js';
import { clopperPearsonProportionCi, pheProportion } from './proportion.js';
import { pheRate, poissonExactCountCi } from './rate.js';

/** Seeded so a run is reproducible; a failure report includes the counterexample. */
const RUNS = { seed: 20_240_611, numRuns: 300 };
const CONFIDENCES = [0.95, 0.998] as const;

function ordered(e: Estimate): boolean {
  if (e.value === null || e.lowercl === null || e.uppercl === null) return false;
  const slack = 1e-12 * Math.max(1, Math.abs(e.value));
  return e.lowercl <= e.value + slack && e.value <= e.uppercl + slack;
}

function contains(outer: Estimate, inner: Estimate): boolean {
  if (outer.lowercl === null || outer.uppercl === null || inner.lowercl === null || inner.uppercl === null) {
    return false;
  }
  const slack = 1e-12 * Math.max(1, Math.abs(inner.uppercl));
  return outer.lowercl <= inner.lowercl + slack && outer.uppercl >= inner.uppercl - slack;
}

function width(e: Estimate): number {
  return (e.uppercl ?? Number.NaN) - (e.lowercl ?? Number.NaN);
}

/** Asserts an interval method is ordered at both levels and its 99.8 % interval contains its 95 % one. */
function checkInterval<T>(
  arbitrary: fc.Arbitrary<T>,
  method: (input: T, confidence: number) => Estimate,
): void {
  fc.assert(
    fc.property(arbitrary, (input) => {
      const [at95, at998] = CONFIDENCES.map((confidence) => method(input, confidence)) as [
        Estimate,
        Estimate,
      ];
      expect(ordered(at95), JSON.stringify(at95)).toBe(true);
      expect(ordered(at998), JSON.stringify(at998)).toBe(true);
      expect(contains(at998, at95), JSON.stringify([at998, at95])).toBe(true);
    }),
    RUNS,
  );
}

const proportion = fc
  .integer({ min: 1, max: 100_000 })
  .chain((n) => fc.record({ x: fc.integer({ min: 0, max: n }), n: fc.constant(n) }));
const rate = fc.record({
  x: fc.integer({ min: 0, max: 50_000 }),
  n: fc.integer({ min: 1, max: 10_000_000 }),
});
const strata = fc.integer({ min: 1, max: 19 }).chain((k) =>
  fc.record({
    x: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: k, maxLength: k }),
    n: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: k, maxLength: k }),
    stdpop: fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: k, maxLength: k }),
    refRate: fc.array(fc.double({ min: 0.001, max: 0.5, noNaN: true }), { minLength: k, maxLength: k }),
  }),
);

describe('every interval is ordered (lower ≤ value ≤ upper) and the 99.8 % interval contains the 95 % one', () => {
  it('Wilson proportion', () => {
    checkInterval(proportion, (input, confidence) => pheProportion(input, { confidence }));
  });
  it('Clopper–Pearson proportion', () => {
    checkInterval(proportion, (input, confidence) => clopperPearsonProportionCi(input, { confidence }));
  });
  it('rate (exact below 10, Byar from 10)', () => {
    checkInterval(rate, (input, confidence) => pheRate(input, { confidence }));
  });
  it('exact Poisson count', () => {
    checkInterval(rate, (input, confidence) => poissonExactCountCi({ x: input.x }, { confidence }));
  });
  it('directly standardised rate (when the total count is 10 or more)', () => {
    const enough = strata.filter((s) => s.x.reduce((a, b) => a + b, 0) >= 10);
    checkInterval(enough, (s, confidence) => calculateDsr(s, { confidence }));
  });
  it('indirectly standardised ratio (with at least one event)', () => {
    const withEvents = strata.filter((s) => s.x.some((x) => x > 0));
    checkInterval(withEvents, (s, confidence) =>
      calculateIsRatio(
        { x: s.x, n: s.n, x_ref: s.refRate.map((r) => r * 1_000_000), n_ref: s.refRate.map(() => 1_000_000) },
        { confidence },
      ),
    );
  });
  it('mean', () => {
    const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 });
    checkInterval(values, (v, confidence) => pheMean({ values: v }, { confidence }));
  });
  it('funnel control limits', () => {
    const funnel = fc.record({
      population: fc.integer({ min: 1, max: 1_000_000 }),
      average_proportion: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    checkInterval(funnel, (input, confidence) => funnelProportionControlLimits(input, { confidence }));
  });
  it('Newcombe difference of proportions', () => {
    const pair = fc.record({ first: proportion, second: proportion });
    checkInterval(pair, ({ first, second }, confidence) =>
      newcombeDifferenceOfProportionsCi(
        { x1: first.x, n1: first.n, x2: second.x, n2: second.n },
        { confidence },
      ),
    );
  });
  it('exact rate ratio (both counts positive)', () => {
    const positive = fc.record({
      x1: fc.integer({ min: 1, max: 5000 }),
      n1: fc.integer({ min: 1, max: 1_000_000 }),
      x2: fc.integer({ min: 1, max: 5000 }),
      n2: fc.integer({ min: 1, max: 1_000_000 }),
    });
    checkInterval(positive, (input, confidence) => rateRatioExactCi(input, { confidence }));
  });
});

describe('intervals narrow as the denominator grows at a fixed ratio', () => {
  const growth = fc.record({
    x: fc.integer({ min: 0, max: 500 }),
    extra: fc.integer({ min: 1, max: 500 }),
    factor: fc.integer({ min: 2, max: 50 }),
  });
  it.each(CONFIDENCES)('Wilson proportion at %s', (confidence) => {
    fc.assert(
      fc.property(growth, ({ x, extra, factor }) => {
        const small = pheProportion({ x, n: x + extra }, { confidence });
        const large = pheProportion({ x: x * factor, n: (x + extra) * factor }, { confidence });
        expect(width(large)).toBeLessThan(width(small));
      }),
      RUNS,
    );
  });
  it.each(CONFIDENCES)('rate at %s', (confidence) => {
    fc.assert(
      fc.property(growth, ({ x, extra, factor }) => {
        const small = pheRate({ x, n: extra }, { confidence });
        const large = pheRate({ x: x * factor, n: extra * factor }, { confidence });
        expect(width(large)).toBeLessThan(width(small));
      }),
      RUNS,
    );
  });
});
