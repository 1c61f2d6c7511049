import { describe, expect, it } from 'vitest';
import { BYAR_MIN_COUNT, byarsCountCi, pheRate, poissonExactCountCi } from './rate.js';

const inputError = (field: string) => expect.objectContaining({ name: 'StatsInputError', field });
const Z95 = 1.959963984540054;

describe('pheRate', () => {
  it('uses exact limits below 10 events: 0 events give [0, 3.688879] (95 %) and [0, 6.907755] (99.8 %)', () => {
    const at95 = pheRate({ x: 0, n: 1 }, { multiplier: 1 });
    const at998 = pheRate({ x: 0, n: 1 }, { confidence: 0.998, multiplier: 1 });
    expect(at95.lowercl).toBe(0);
    expect(at95.uppercl).toBeCloseTo(3.688879, 6);
    expect(at998.uppercl).toBeCloseTo(6.907755, 6);
  });

  it('switches to Byar at exactly 10 events', () => {
    expect(BYAR_MIN_COUNT).toBe(10);
    const x = 10;
    const byarLower = x * (1 - 1 / (9 * x) - Z95 / (3 * Math.sqrt(x))) ** 3;
    const byarUpper = (x + 1) * (1 - 1 / (9 * (x + 1)) + Z95 / (3 * Math.sqrt(x + 1))) ** 3;
    const rate = pheRate({ x, n: 1000 }, { multiplier: 1000 });
    expect(rate.lowercl).toBeCloseTo(byarLower, 12);
    expect(rate.uppercl).toBeCloseTo(byarUpper, 12);
    // At 9 events the exact limit is used, which differs from Byar's.
    const nine = pheRate({ x: 9, n: 1000 }, { multiplier: 1000 });
    expect(nine.lowercl).not.toBeCloseTo(9 * (1 - 1 / 81 - Z95 / 9) ** 3, 4);
  });

  it('defaults to per 100,000 and scales by the multiplier', () => {
    expect(pheRate({ x: 50, n: 200_000 }).value).toBeCloseTo(25, 12);
    expect(pheRate({ x: 50, n: 200_000 }, { multiplier: 10_000 }).value).toBeCloseTo(2.5, 12);
  });

  it('returns nulls for missing input and throws for impossible input', () => {
    expect(pheRate({ x: 4, n: null })).toEqual({ value: null, lowercl: null, uppercl: null });
    expect(pheRate({ x: undefined, n: 10 })).toEqual({ value: null, lowercl: null, uppercl: null });
    expect(() => pheRate({ x: -1, n: 10 })).toThrow(inputError('x'));
    expect(() => pheRate({ x: 1, n: 0 })).toThrow(inputError('n'));
    expect(() => pheRate({ x: 1, n: 10 }, { confidence: 2 })).toThrow(inputError('confidence'));
  });
});

describe('byarsCountCi', () => {
  it("returns null where Byar's lower limit is undefined (0 events) or negative (1 event at 99.8 %)", () => {
    expect(byarsCountCi({ x: 0 }).lowercl).toBeNull();
    expect(byarsCountCi({ x: 1 }, { confidence: 0.998 }).lowercl).toBeNull();
    expect(byarsCountCi({ x: 1 }, { confidence: 0.95 }).lowercl).toBeGreaterThan(0);
  });

  it('returns nulls for a missing count and throws for a negative one', () => {
    expect(byarsCountCi({ x: null }).value).toBeNull();
    expect(() => byarsCountCi({ x: -3 })).toThrow(inputError('x'));
  });
});

describe('poissonExactCountCi', () => {
  it('uses the exact limits at any count, unlike pheRate', () => {
    const exact = poissonExactCountCi({ x: 50 });
    const phe = pheRate({ x: 50, n: 1 }, { multiplier: 1 });
    expect(exact.value).toBe(50);
    expect(exact.lowercl).not.toBeCloseTo(phe.lowercl ?? 0, 6);
    expect(exact.uppercl).not.toBeCloseTo(phe.uppercl ?? 0, 6);
  });
});
