import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excludesNoChange, rateRatioExactCi } from './change.js';
import {
  betaCdf,
  comparePairsOfRates,
  compareWithBenchmark,
  holmAdjust,
  poissonRatesPValue,
} from './rate-comparison.js';

const inputError = (field: string) => expect.objectContaining({ name: 'StatsInputError', field });

describe('poissonRatesPValue (exact conditional test of two rates)', () => {
  // By hand: with x1 + x2 = N events and equal rates, x1 ~ Binomial(N, n1 / (n1 + n2)); p = 2 × the smaller tail.
  it.each([
    // N = 10, π0 = 1/2: P(X ≤ 2) = (1 + 10 + 45) / 1024.
    [{ x1: 2, n1: 1, x2: 8, n2: 1 }, (2 * 56) / 1024],
    // N = 4, π0 = 1/4: P(X ≥ 3) = 4 · (1/4)³ · (3/4) + (1/4)⁴ = 13/256.
    [{ x1: 3, n1: 1, x2: 1, n2: 3 }, (2 * 13) / 256],
    // N = 5, π0 = 1/2: P(X ≤ 0) = 1/32.
    [{ x1: 0, n1: 1, x2: 5, n2: 1 }, 2 / 32],
    // N = 10: P(X ≤ 0) = 1/1024.
    [{ x1: 0, n1: 7, x2: 10, n2: 7 }, 2 / 1024],
    // Equal counts on equal person-time: both tails exceed 1/2, so p is capped at 1.
    [{ x1: 5, n1: 1000, x2: 5, n2: 1000 }, 1],
  ])('%j → %s', (input, expected) => {
    expect(poissonRatesPValue(input)).toBeCloseTo(expected, 11);
  });

  it('keeps its precision for large counts and tiny p-values', () => {
    // References: the binomial tails summed term by term in log space (Python, math.lgamma).
    const large = poissonRatesPValue({ x1: 20_050, n1: 100_000, x2: 21_000, n2: 105_000 }) as number;
    expect(large).toBeCloseTo(0.804152698367664, 9);
    const tiny = poissonRatesPValue({ x1: 44, n1: 35_990, x2: 114, n2: 491_633 }) as number;
    expect(tiny / 1.0453874690985224e-15).toBeCloseTo(1, 8);
  });

  it('is below 1 − confidence exactly when the exact rate-ratio interval excludes 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        (x1, x2, n1, n2) => {
          fc.pre(x1 + x2 > 0);
          const input = { x1, n1, x2, n2 };
          const p = poissonRatesPValue(input) as number;
          fc.pre(Math.abs(p - 0.05) > 1e-9);
          expect(p < 0.05).toBe(excludesNoChange(rateRatioExactCi(input), 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is null without events or with a missing count, and names impossible input', () => {
    expect(poissonRatesPValue({ x1: 0, n1: 10, x2: 0, n2: 10 })).toBeNull();
    expect(poissonRatesPValue({ x1: null, n1: 10, x2: 1, n2: 10 })).toBeNull();
    expect(() => poissonRatesPValue({ x1: -1, n1: 10, x2: 1, n2: 10 })).toThrow(inputError('x1'));
    expect(() => poissonRatesPValue({ x1: 1, n1: 10, x2: 1, n2: 0 })).toThrow(inputError('n2'));
  });
});

describe('betaCdf', () => {
  it('inverts the beta quantile function', () => {
    // Beta(1, 1) is uniform; Beta(2, 1) has F(x) = x²; Beta(1, 3) has F(x) = 1 − (1 − x)³.
    expect(betaCdf(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(betaCdf(0.5, 2, 1)).toBeCloseTo(0.25, 12);
    expect(betaCdf(0.2, 1, 3)).toBeCloseTo(1 - 0.8 ** 3, 12);
    expect(betaCdf(0, 2, 3)).toBe(0);
    expect(betaCdf(1, 2, 3)).toBe(1);
  });
});

describe('holmAdjust', () => {
  it('multiplies the i-th smallest by m − i + 1 and keeps the adjusted values monotone', () => {
    // Sorted: 0.005 × 4 = 0.02, 0.01 × 3 = 0.03, 0.03 × 2 = 0.06, 0.04 × 1 = 0.04 → raised to 0.06.
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    const expected = [0.03, 0.06, 0.06, 0.02];
    for (const [i, value] of adjusted.entries()) expect(value).toBeCloseTo(expected[i] as number, 15);
  });

  it('caps at 1 and leaves untested pairs out of m', () => {
    const adjusted = holmAdjust([null, 0.02, 0.6]);
    expect(adjusted[0]).toBeNull();
    expect(adjusted[1]).toBeCloseTo(0.04, 15);
    expect(adjusted[2]).toBeCloseTo(0.6, 15);
    expect(holmAdjust([0.4, 0.5, 0.9])).toEqual([1, 1, 1]);
  });
});

describe('compareWithBenchmark', () => {
  it('says higher or lower only when the whole interval lies on one side of the benchmark', () => {
    expect(compareWithBenchmark({ lowercl: 12, uppercl: 15 }, 10)).toBe('higher');
    expect(compareWithBenchmark({ lowercl: 5, uppercl: 9.9 }, 10)).toBe('lower');
    expect(compareWithBenchmark({ lowercl: 9, uppercl: 11 }, 10)).toBe('similar');
    expect(compareWithBenchmark({ lowercl: 10, uppercl: 11 }, 10)).toBe('similar');
    expect(compareWithBenchmark({ lowercl: null, uppercl: 11 }, 10)).toBeNull();
    expect(compareWithBenchmark({ lowercl: 9, uppercl: 11 }, null)).toBeNull();
  });
});

describe('comparePairsOfRates', () => {
  it('tests every pair once and adjusts the p-values by Holm', () => {
    const pairs = comparePairsOfRates([
      { x: 2, n: 1 },
      { x: 8, n: 1 },
      { x: 3, n: 1 },
    ]);
    expect(pairs.map((pair) => [pair.first, pair.second])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    // By hand: A–B p = 112/1024; A–C N = 5, P(X ≤ 2) = 1/2 → 1; B–C N = 11, P(X ≥ 8) = 232/2048 → 464/2048.
    const [ab, ac, bc] = pairs;
    expect(ab?.pValue).toBeCloseTo(0.109375, 11);
    expect(ac?.pValue).toBeCloseTo(1, 11);
    expect(bc?.pValue).toBeCloseTo(0.2265625, 11);
    // Holm: 0.109375 × 3, 0.2265625 × 2, then 1.
    expect(ab?.pAdjusted).toBeCloseTo(0.328125, 10);
    expect(bc?.pAdjusted).toBeCloseTo(0.453125, 10);
    expect(ac?.pAdjusted).toBeCloseTo(1, 10);
    expect(ab?.ratio.value).toBeCloseTo(0.25, 15);
    expect(pairs.map((pair) => pair.significant)).toEqual([false, false, false]);
  });

  it('calls a pair significant when its adjusted p-value is below 1 − confidence', () => {
    const [pair] = comparePairsOfRates([
      { x: 0, n: 7 },
      { x: 10, n: 7 },
    ]);
    expect(pair?.pAdjusted).toBeCloseTo(2 / 1024, 11);
    expect(pair?.significant).toBe(true);
  });

  it('gives no figure for a pair with a group that must not be compared, and leaves it out of m', () => {
    const pairs = comparePairsOfRates([{ x: 0, n: 7 }, null, { x: 10, n: 7 }]);
    const withHidden = pairs.filter((pair) => pair.first === 1 || pair.second === 1);
    expect(withHidden).toHaveLength(2);
    for (const pair of withHidden) {
      expect(pair.ratio).toEqual({ value: null, lowercl: null, uppercl: null });
      expect(pair.pValue).toBeNull();
      expect(pair.pAdjusted).toBeNull();
      expect(pair.significant).toBeNull();
    }
    // The one testable pair is not adjusted for the two that could not be tested.
    const tested = pairs.find((pair) => pair.first === 0 && pair.second === 2);
    expect(tested?.pAdjusted).toBeCloseTo(2 / 1024, 11);
  });
});
