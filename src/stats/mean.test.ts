import { describe, expect, it } from 'vitest';
import { pheMean } from './mean.js';

describe('pheMean', () => {
  it('uses the t quantile with k − 1 degrees of freedom', () => {
    const result = pheMean({ values: [1, 2, 3, 4] }, { confidence: 0.95 });
    const sd = Math.sqrt(5 / 3);
    // t(0.975; 3) = 3.182446305283709
    expect(result.value).toBe(2.5);
    expect(result.stdev).toBeCloseTo(sd, 14);
    expect(result.uppercl).toBeCloseTo(2.5 + (3.182446305283709 * sd) / 2, 12);
    expect(result.value_count).toBe(4);
    expect(result.value_sum).toBe(10);
  });

  it('has no interval for a single value', () => {
    expect(pheMean({ values: [7] })).toEqual({
      value: 7,
      lowercl: null,
      uppercl: null,
      value_sum: 7,
      value_count: 1,
      stdev: null,
    });
  });

  it('returns nulls for no values or a missing value', () => {
    expect(pheMean({ values: [] }).value).toBeNull();
    expect(pheMean({ values: [1, null, 3] }).value).toBeNull();
  });

  it('throws for infinite values', () => {
    expect(() => pheMean({ values: [1, Number.POSITIVE_INFINITY] })).toThrow(
      expect.objectContaining({ field: 'values[1]' }),
    );
  });
});
