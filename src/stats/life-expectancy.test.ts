import { describe, expect, it } from 'vitest';
import { pheLifeExpectancy } from './life-expectancy.js';

const inputError = (field: string) => expect.objectContaining({ name: 'StatsInputError', field });
const startage = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
const pops = [
  7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209, 56416, 46411, 39820, 37978,
  37039, 33288, 23306, 11936, 11936,
];
const deaths = [17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937];
const table = { startage, pops, deaths };

describe('pheLifeExpectancy', () => {
  it('falls with age and has a wider interval at 99.8 %', () => {
    const atBirth = pheLifeExpectancy(table);
    const at65 = pheLifeExpectancy({ ...table, le_age: 65 });
    expect(atBirth.value).toBeGreaterThan(at65.value ?? Number.POSITIVE_INFINITY);
    const wide = pheLifeExpectancy({ ...table, le_age: 65 }, { confidence: 0.998 });
    expect(wide.lowercl).toBeLessThan(at65.lowercl ?? 0);
    expect(wide.uppercl).toBeGreaterThan(at65.uppercl ?? 0);
    expect(wide.value).toBe(at65.value);
  });

  it.each([
    ['a population of 0', { pops: pops.map((p, i) => (i === 3 ? 0 : p)) }],
    ['more deaths than population', { deaths: deaths.map((d, i) => (i === 3 ? 50_000 : d)) }],
    ['a total population of at most 5,000', { pops: pops.map(() => 250) }],
    ['no deaths in the open age band', { deaths: deaths.map((d, i) => (i === 19 ? 0 : d)) }],
    ['a missing count', { deaths: deaths.map((d, i) => (i === 3 ? null : d)) }],
  ])('is NA with %s', (_label, change) => {
    expect(pheLifeExpectancy({ ...table, ...change })).toEqual({ value: null, lowercl: null, uppercl: null });
  });

  it('suppresses the value but keeps the limits when the 95 % interval is wider than 20 years', () => {
    const result = pheLifeExpectancy({ ...table, deaths: deaths.map((d, i) => (i === 19 ? 1 : d)) });
    expect(result.value).toBeNull();
    expect(result.lowercl).not.toBeNull();
    expect(result.uppercl).not.toBeNull();
  });

  it('throws for impossible input', () => {
    expect(() => pheLifeExpectancy({ ...table, le_age: 3 })).toThrow(inputError('le_age'));
    expect(() => pheLifeExpectancy({ ...table, startage: startage.map((a) => a + 1) })).toThrow(
      inputError('startage'),
    );
    expect(() => pheLifeExpectancy({ ...table, deaths: deaths.map((d, i) => (i === 2 ? -1 : d)) })).toThrow(
      inputError('deaths[2]'),
    );
    expect(() => pheLifeExpectancy({ ...table, pops: pops.slice(1) })).toThrow(inputError('pops'));
  });
});
