import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIDENCE, resolveConfidence, zValue } from './confidence.js';

describe('resolveConfidence', () => {
  it.each([
    [0.95, 0.95],
    [95, 0.95],
    [0.998, 0.998],
    [99.8, 0.998],
    [0.99, 0.99],
    [1, 1],
    [100, 1],
  ])('reads %s as %s', (given, fraction) => {
    expect(resolveConfidence(given)).toBeCloseTo(fraction, 15);
  });

  it('defaults to 0.95 when missing', () => {
    expect(DEFAULT_CONFIDENCE).toBe(0.95);
    expect(resolveConfidence(undefined)).toBe(0.95);
    expect(resolveConfidence(null)).toBe(0.95);
  });

  it.each([0, -0.5, 1.5, 49, 100.1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (given) => {
    expect(() => resolveConfidence(given)).toThrow(expect.objectContaining({ field: 'confidence' }));
  });
});

describe('zValue', () => {
  it('is the two-sided normal quantile', () => {
    expect(zValue(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(zValue(0.998)).toBeCloseTo(3.090232306167813, 14);
    expect(zValue(1)).toBe(Number.POSITIVE_INFINITY);
  });
});
