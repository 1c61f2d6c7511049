import { describe, expect, it } from 'vitest';
import { clopperPearsonProportionCi, pheProportion, wilsonProportionCi } from './proportion.js';

const inputError = (field: string) => expect.objectContaining({ name: 'StatsInputError', field });

describe('wilsonProportionCi / pheProportion', () => {
  it('follows the Wilson formula of METHODS §1', () => {
    const z = 1.959963984540054;
    const [x, n] = [7, 40];
    const root = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
    const result = pheProportion({ x, n }, { confidence: 0.95, multiplier: 100 });
    expect(result.value).toBeCloseTo(17.5, 12);
    expect(result.lowercl).toBeCloseTo(((2 * x + z * z - root) / (2 * (n + z * z))) * 100, 12);
    expect(result.uppercl).toBeCloseTo(((2 * x + z * z + root) / (2 * (n + z * z))) * 100, 12);
  });

  it('gives the same result for the PHE name and the Wilson name', () => {
    expect(pheProportion({ x: 3, n: 9 })).toEqual(wilsonProportionCi({ x: 3, n: 9 }));
  });

  it('keeps the limits inside [0, 1] at x = 0 and x = n', () => {
    expect(wilsonProportionCi({ x: 0, n: 25 }).lowercl).toBe(0);
    expect(wilsonProportionCi({ x: 25, n: 25 }).uppercl).toBe(1);
  });

  it('gives [0, 1] × multiplier at confidence 1', () => {
    expect(wilsonProportionCi({ x: 4, n: 10 }, { confidence: 1, multiplier: 100 })).toEqual({
      value: 40,
      lowercl: 0,
      uppercl: 100,
    });
  });

  it('accepts weighted (non-integer) counts', () => {
    const result = pheProportion({ x: 12.4, n: 30.2 });
    expect(result.value).toBeCloseTo(12.4 / 30.2, 14);
  });

  it('reads 95 and 99.8 as percentages', () => {
    expect(pheProportion({ x: 5, n: 60 }, { confidence: 95 })).toEqual(
      pheProportion({ x: 5, n: 60 }, { confidence: 0.95 }),
    );
    expect(pheProportion({ x: 5, n: 60 }, { confidence: 99.8 })).toEqual(
      pheProportion({ x: 5, n: 60 }, { confidence: 0.998 }),
    );
  });

  it.each([[{ x: null, n: 10 }], [{ x: 3, n: undefined }], [{ x: Number.NaN, n: 10 }], [{}]])(
    'returns nulls for missing input %j',
    (input) => {
      expect(pheProportion(input)).toEqual({ value: null, lowercl: null, uppercl: null });
    },
  );

  it.each([
    [{ x: 11, n: 10 }, 'x'],
    [{ x: -1, n: 10 }, 'x'],
    [{ x: 0, n: 0 }, 'n'],
    [{ x: 0, n: -5 }, 'n'],
    [{ x: Number.POSITIVE_INFINITY, n: 10 }, 'x'],
  ])('throws for impossible input %j', (input, field) => {
    expect(() => pheProportion(input)).toThrow(inputError(field));
  });

  it.each([0, -0.95, 1.2, 101, Number.NaN])('throws for confidence %s', (confidence) => {
    expect(() => pheProportion({ x: 1, n: 2 }, { confidence })).toThrow(inputError('confidence'));
  });

  it.each([0, -1])('throws for multiplier %s', (multiplier) => {
    expect(() => pheProportion({ x: 1, n: 2 }, { multiplier })).toThrow(inputError('multiplier'));
  });
});

describe('clopperPearsonProportionCi', () => {
  it('is at least as wide as Wilson (it is conservative)', () => {
    const exact = clopperPearsonProportionCi({ x: 12, n: 80 });
    const wilson = wilsonProportionCi({ x: 12, n: 80 });
    expect(exact.lowercl).toBeLessThan(wilson.lowercl ?? 0);
    expect(exact.uppercl).toBeGreaterThan(wilson.uppercl ?? 1);
  });

  it('pins the limit at the edge for x = 0 and x = n', () => {
    expect(clopperPearsonProportionCi({ x: 0, n: 30 }).lowercl).toBe(0);
    expect(clopperPearsonProportionCi({ x: 30, n: 30 }).uppercl).toBe(1);
  });

  it('rejects x > n and returns nulls for missing n', () => {
    expect(() => clopperPearsonProportionCi({ x: 31, n: 30 })).toThrow(inputError('x'));
    expect(clopperPearsonProportionCi({ x: 3, n: null }).value).toBeNull();
  });
});
