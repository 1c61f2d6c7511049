import { describe, expect, it } from 'vitest';
import { calculateIsRate, calculateIsRatio } from './isr.js';
import { pheRate } from './rate.js';

const inputError = (field: string) => expect.objectContaining({ name: 'StatsInputError', field });
const reference = { x_ref: [100, 300], n_ref: [10_000, 10_000] };

describe('calculateIsRatio', () => {
  it('is observed / expected with the Poisson limits of the observed count', () => {
    const input = { x: [4, 20], n: [1000, 1000], ...reference };
    const result = calculateIsRatio(input);
    const expected = 0.01 * 1000 + 0.03 * 1000;
    expect(result.expected).toBeCloseTo(expected, 12);
    expect(result.observed).toBe(24);
    const count = pheRate({ x: 24, n: 1 }, { multiplier: 1 });
    expect(result.value).toBeCloseTo(24 / expected, 12);
    expect(result.lowercl).toBeCloseTo((count.lowercl ?? 0) / expected, 12);
    expect(result.uppercl).toBeCloseTo((count.uppercl ?? 0) / expected, 12);
  });

  it('scales by refvalue (100 for the SMR convention)', () => {
    const input = { x: [4, 20], n: [1000, 1000], ...reference };
    expect(calculateIsRatio({ ...input, refvalue: 100 }).value).toBeCloseTo(
      (calculateIsRatio(input).value ?? 0) * 100,
      10,
    );
  });

  it('returns NA ratios, keeping the observed count, when a population is missing', () => {
    const result = calculateIsRatio({ x: [4, 20], n: [1000, null], ...reference });
    expect(result).toEqual({ value: null, lowercl: null, uppercl: null, observed: 24, expected: null });
  });

  it('throws for impossible input', () => {
    expect(() => calculateIsRatio({ x: [1], n: [10, 10], ...reference })).toThrow(inputError('n'));
    expect(() => calculateIsRatio({ x: [1, 1], n: [10, -10], ...reference })).toThrow(inputError('n[1]'));
    expect(() => calculateIsRatio({ x: [1, 1], n: [10, 10], x_ref: [1, 1], n_ref: [0, 5] })).toThrow(
      inputError('n_ref[0]'),
    );
    expect(() => calculateIsRatio({ x: [1, 1], n: [10, 10], ...reference, refvalue: 0 })).toThrow(
      inputError('refvalue'),
    );
  });
});

describe('calculateIsRate', () => {
  it('is the ratio times the reference rate per multiplier', () => {
    const input = { x: [4, 20], n: [1000, 1000], ...reference };
    const ratio = calculateIsRatio(input, { confidence: 0.998 });
    const rate = calculateIsRate(input, { confidence: 0.998, multiplier: 1000 });
    expect(rate.ref_rate).toBeCloseTo(20, 12);
    expect(rate.value).toBeCloseTo((ratio.value ?? 0) * 20, 10);
    expect(rate.uppercl).toBeCloseTo((ratio.uppercl ?? 0) * 20, 10);
  });
});
