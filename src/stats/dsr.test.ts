import { describe, expect, it } from 'vitest';
import { calculateDsr, calculateDsrNonindependent, DSR_MIN_TOTAL_COUNT } from './dsr.js';
import { ESP2013, ESP2013_AGEBANDS } from './esp2013.js';

const inputError = (field: string) => expect.objectContaining({ name: 'StatsInputError', field });
const n = [636, 558, 609, 543, 384, 594, 669, 843, 660, 576, 606, 522, 426, 273, 300, 288, 153, 123, 207];
const x = [12, 4, 3, 2, 3, 4, 8, 2, 2, 3, 4, 5, 6, 8, 5, 6, 5, 5, 4];

describe('ESP 2013', () => {
  it('has 19 bands summing to 100,000', () => {
    expect(ESP2013).toHaveLength(19);
    expect(ESP2013_AGEBANDS).toHaveLength(19);
    expect(ESP2013.reduce((a, b) => a + b, 0)).toBe(100_000);
  });
});

describe('calculateDsr', () => {
  it('uses ESP 2013 when no standard population is given', () => {
    expect(calculateDsr({ x, n })).toEqual(calculateDsr({ x, n, stdpop: ESP2013 }));
  });

  it('computes value and Dobson limits by the METHODS §3 formulas', () => {
    const w = [1, 3];
    const result = calculateDsr({ x: [20, 30], n: [1000, 2000], stdpop: w }, { multiplier: 1 });
    const value = (20 / 1000 + (30 * 3) / 2000) / 4;
    const variance = (20 * (1 / 1000) ** 2 + 30 * (3 / 2000) ** 2) / 16;
    const z = 1.959963984540054;
    const byarUpper = 51 * (1 - 1 / (9 * 51) + z / (3 * Math.sqrt(51))) ** 3;
    expect(result.value).toBeCloseTo(value, 15);
    expect(result.uppercl).toBeCloseTo(value + Math.sqrt(variance / 50) * (byarUpper - 50), 15);
    expect(result.total_count).toBe(50);
    expect(result.total_pop).toBe(3000);
  });

  it(`reports NA below a total of ${DSR_MIN_TOTAL_COUNT} events but keeps the totals`, () => {
    const result = calculateDsr({ x: [4, 5], n: [100, 100], stdpop: [1, 1] });
    expect(result).toEqual({ value: null, lowercl: null, uppercl: null, total_count: 9, total_pop: 200 });
    expect(calculateDsr({ x: [4, 6], n: [100, 100], stdpop: [1, 1] }).value).not.toBeNull();
  });

  it('counts a missing stratum count as 0', () => {
    const withNull = calculateDsr({ x: [null, ...x.slice(1)], n });
    const withZero = calculateDsr({ x: [0, ...x.slice(1)], n });
    expect(withNull).toEqual(withZero);
  });

  it('returns NA values when a population is missing', () => {
    const result = calculateDsr({ x, n: [null, ...n.slice(1)] });
    expect(result.value).toBeNull();
    expect(result.total_pop).toBeNull();
  });

  it('throws for impossible input', () => {
    expect(() => calculateDsr({ x: [1, 2], n: [10] })).toThrow(inputError('n'));
    expect(() => calculateDsr({ x, n })).not.toThrow();
    expect(() => calculateDsr({ x: [1, 2], n: [10, 20] })).toThrow(inputError('stdpop'));
    expect(() => calculateDsr({ x: [1, -2], n: [10, 20], stdpop: [1, 1] })).toThrow(inputError('x[1]'));
    expect(() => calculateDsr({ x: [1, 2], n: [10, 0], stdpop: [1, 1] })).toThrow(inputError('n[1]'));
    expect(() => calculateDsr({ x: [1, 2], n: [10, 5], stdpop: [1, -1] })).toThrow(inputError('stdpop[1]'));
  });
});

describe('calculateDsrNonindependent', () => {
  it('equals the independent DSR when every person has exactly one event', () => {
    const independent = calculateDsr({ x, n }, { confidence: 0.998 });
    const persons = calculateDsrNonindependent(
      { n, persons_by_event_frequency: { 1: x } },
      { confidence: 0.998 },
    );
    expect(persons).toEqual({
      value: independent.value,
      lowercl: independent.lowercl,
      uppercl: independent.uppercl,
      total_count: independent.total_count,
    });
  });

  it('keeps the rate but widens the interval when the same events come from repeat persons', () => {
    const half = x.map((v) => v / 2);
    const independent = calculateDsr({ x: half.map((v) => v * 2), n });
    const repeated = calculateDsrNonindependent({ n, persons_by_event_frequency: { 2: half } });
    expect(repeated.value).toBeCloseTo(independent.value ?? 0, 9);
    expect(repeated.total_count).toBe(independent.total_count);
    expect(repeated.lowercl).toBeLessThan(independent.lowercl ?? 0);
    expect(repeated.uppercl).toBeGreaterThan(independent.uppercl ?? 0);
  });

  it('rejects event-frequency keys that are not positive numbers', () => {
    expect(() => calculateDsrNonindependent({ n, persons_by_event_frequency: { once: x } })).toThrow(
      inputError('persons_by_event_frequency'),
    );
    expect(() => calculateDsrNonindependent({ n, persons_by_event_frequency: { 0: x } })).toThrow(
      inputError('persons_by_event_frequency'),
    );
    expect(() => calculateDsrNonindependent({ n, persons_by_event_frequency: { 1: [1, 2] } })).toThrow(
      inputError('persons_by_event_frequency.1'),
    );
  });
});
