import { describe, expect, it } from 'vitest';
import { excludesNoChange, newcombeDifferenceOfProportionsCi, rateRatioExactCi } from './change.js';

const inputError = (field: string) => expect.objectContaining({ name: 'StatsInputError', field });

describe('newcombeDifferenceOfProportionsCi', () => {
  it('contains 0 for equal proportions and excludes it for clearly different ones', () => {
    const same = newcombeDifferenceOfProportionsCi({ x1: 30, n1: 100, x2: 60, n2: 200 });
    expect(same.value).toBeCloseTo(0, 15);
    expect(excludesNoChange(same, 0)).toBe(false);
    const different = newcombeDifferenceOfProportionsCi({ x1: 60, n1: 100, x2: 30, n2: 100 });
    expect(excludesNoChange(different, 0)).toBe(true);
  });

  it('names the offending proportion in errors', () => {
    expect(() => newcombeDifferenceOfProportionsCi({ x1: 3, n1: 2, x2: 1, n2: 2 })).toThrow(inputError('x1'));
    expect(() => newcombeDifferenceOfProportionsCi({ x1: 1, n1: 2, x2: 1, n2: 0 })).toThrow(inputError('n2'));
  });

  it('returns nulls when any count is missing', () => {
    expect(newcombeDifferenceOfProportionsCi({ x1: 1, n1: 2, x2: null, n2: 2 }).value).toBeNull();
  });
});

describe('rateRatioExactCi (exact conditional binomial)', () => {
  // References: Clopper–Pearson limits on x1 | x1 + x2 mapped to the ratio, computed with scipy.stats.beta;
  // they equal R's poisson.test(c(x1, x2), c(n1, n2)).
  it.each([
    [{ x1: 20, n1: 1000, x2: 10, n2: 1000 }, 0.95, 2, 0.8935088903846908, 4.784552440338102],
    [{ x1: 5, n1: 2000, x2: 12, n2: 1500 }, 0.998, 0.3125, 0.03809079645342514, 1.6473446322358707],
    [{ x1: 0, n1: 100, x2: 4, n2: 100 }, 0.95, 0, 0, 1.5148668593658703],
  ])('%j at %s', (input, confidence, value, lower, upper) => {
    const result = rateRatioExactCi(input, { confidence });
    expect(result.value).toBeCloseTo(value, 12);
    expect(result.lowercl).toBeCloseTo(lower, 10);
    expect(result.uppercl).toBeCloseTo(upper, 10);
  });

  it('leaves the upper limit open (null) when the second count is 0, and is NA without events', () => {
    const result = rateRatioExactCi({ x1: 10, n1: 100, x2: 0, n2: 100 });
    expect(result.value).toBeNull();
    expect(result.uppercl).toBeNull();
    expect(result.lowercl).toBeGreaterThan(1);
    expect(excludesNoChange(result, 1)).toBe(true);
    expect(rateRatioExactCi({ x1: 0, n1: 100, x2: 0, n2: 100 }).value).toBeNull();
  });

  it('throws for negative counts and non-positive person-time', () => {
    expect(() => rateRatioExactCi({ x1: -1, n1: 100, x2: 0, n2: 100 })).toThrow(inputError('x1'));
    expect(() => rateRatioExactCi({ x1: 1, n1: 100, x2: 0, n2: 0 })).toThrow(inputError('n2'));
  });
});
