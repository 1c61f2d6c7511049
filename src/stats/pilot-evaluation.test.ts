// Pilot evaluation by difference in differences (METHODS §10): the worked example, a significant effect, the weak
// approximation with its conservative Wilson range, the ratio of rate ratios, and paired panels (refused without
// unit data, compared unit by unit with them). Expected values computed by hand (Python) from the formulas.
import { describe, expect, it } from 'vitest';
import { isBatchError, runBatch } from './batch.js';
import { didProportions, didRates } from './pilot-evaluation.js';
import { StatsInputError } from './stats-input-error.js';

const cells = (i0: [number, number], i1: [number, number], c0: [number, number], c1: [number, number]) => ({
  x_i0: i0[0],
  n_i0: i0[1],
  x_i1: i1[0],
  n_i1: i1[1],
  x_c0: c0[0],
  n_c0: c0[1],
  x_c1: c1[0],
  n_c1: c1[1],
});

describe('difference in differences of shares', () => {
  it('reproduces the worked example: −0.08, 95 % CI −0.20185 … 0.04185, not significant', () => {
    const result = didProportions(cells([60, 200], [40, 200], [58, 200], [54, 200]));
    expect(result.value).toBeCloseTo(-0.08, 12);
    expect(result.lowercl).toBeCloseTo(-0.20185, 5);
    expect(result.uppercl).toBeCloseTo(0.04185, 5);
    expect(result.significant).toBe(false);
    expect(result.formula).toBe('did_proportions_normal');
    expect(result.weakApproximation).toBe(false);
    expect(result.conservative).toBeNull();
  });

  it('finds a significant effect when the interval excludes 0, and scales by the multiplier', () => {
    const result = didProportions(cells([60, 200], [20, 200], [58, 200], [56, 200]), { multiplier: 100 });
    expect(result.value).toBeCloseTo(-19, 10);
    expect(result.lowercl).toBeCloseTo(-30.65726, 4);
    expect(result.uppercl).toBeCloseTo(-7.34274, 4);
    expect(result.significant).toBe(true);
  });

  it('says the approximation is weak for a sample under 30 and adds the conservative Wilson range', () => {
    const result = didProportions(cells([8, 20], [2, 20], [9, 25], [8, 25]));
    expect(result.value).toBeCloseTo(-0.26, 12);
    expect(result.lowercl).toBeCloseTo(-0.62362, 5);
    expect(result.weakApproximation).toBe(true);
    expect(result.conservative?.lowercl).toBeCloseTo(-0.89897, 5);
    expect(result.conservative?.uppercl).toBeCloseTo(0.46499, 5);
    expect(didProportions(cells([0, 200], [4, 200], [58, 200], [54, 200])).weakApproximation).toBe(true);
  });

  it('refuses paired samples without the per-unit data, naming the problem', () => {
    expect(() =>
      didProportions({ ...cells([60, 200], [40, 200], [58, 200], [54, 200]), paired: true }),
    ).toThrow(StatsInputError);
    expect(() =>
      didProportions({ ...cells([60, 200], [40, 200], [58, 200], [54, 200]), paired: true }),
    ).toThrow(/paired samples .* are not independent.*units_i and units_c/);
  });

  it('compares paired panels by the mean change per unit when the units are given', () => {
    const result = didProportions({
      paired: true,
      units_i: [
        [1, 0],
        [1, 1],
        [0, 0],
        [1, 0],
        [1, 0],
      ],
      units_c: [
        [1, 1],
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ],
    });
    expect(result.formula).toBe('did_paired_mean_change');
    expect(result.value).toBeCloseTo(-0.6, 12);
    expect(result.lowercl).toBeCloseTo(-1.38399, 5);
    expect(result.uppercl).toBeCloseTo(0.18399, 5);
    expect(result.weakApproximation).toBe(true);
  });

  it('refuses impossible cells and gives null without all four', () => {
    expect(() => didProportions(cells([210, 200], [40, 200], [58, 200], [54, 200]))).toThrow(/x_i0/);
    expect(didProportions({ x_i0: 1, n_i0: 2 }).value).toBeNull();
  });
});

describe('ratio of rate ratios', () => {
  it('is (r_i1/r_i0)/(r_c1/r_c0) with a log-scale interval: 0.6, 0.31954 … 1.12661, not significant', () => {
    const result = didRates(cells([50, 1000], [30, 1000], [40, 1000], [40, 1000]));
    expect(result.value).toBeCloseTo(0.6, 12);
    expect(result.lowercl).toBeCloseTo(0.31954, 5);
    expect(result.uppercl).toBeCloseTo(1.12661, 5);
    expect(result.significant).toBe(false);
    expect(result.formula).toBe('did_log_rate_ratio');
  });

  it('has no estimate with a zero count, and refuses paired samples', () => {
    expect(didRates(cells([0, 1000], [30, 1000], [40, 1000], [40, 1000])).value).toBeNull();
    expect(() =>
      didRates({ ...cells([50, 1000], [30, 1000], [40, 1000], [40, 1000]), paired: true }),
    ).toThrow(/paired samples/);
  });
});

describe('maaltal stats --batch methods did_proportions and did_rates', () => {
  it('answers value, lowercl and uppercl like the other methods, with significance and the weak flag', () => {
    const [proportions, rates, paired, multiplied] = runBatch([
      { method: 'did_proportions', inputs: cells([60, 200], [40, 200], [58, 200], [54, 200]) },
      { method: 'did_rates', inputs: cells([50, 1000], [30, 1000], [40, 1000], [40, 1000]) },
      {
        method: 'did_proportions',
        inputs: { ...cells([60, 200], [40, 200], [58, 200], [54, 200]), paired: true },
      },
      { method: 'did_rates', inputs: cells([50, 1000], [30, 1000], [40, 1000], [40, 1000]), multiplier: 100 },
    ]);
    expect(proportions).toMatchObject({ significant: 0, weak_approximation: 0, conservative_lowercl: null });
    expect((proportions as { value: number }).value).toBeCloseTo(-0.08, 12);
    expect((rates as { uppercl: number }).uppercl).toBeCloseTo(1.12661, 5);
    expect(paired !== undefined && isBatchError(paired) && paired.error).toMatch(/^paired: paired samples/);
    expect(multiplied !== undefined && isBatchError(multiplied) && multiplied.error).toMatch(/multiplier/);
  });
});
