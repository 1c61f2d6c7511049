import { describe, expect, it } from 'vitest';
import { BATCH_METHODS, isBatchError, runBatch } from './batch.js';

describe('runBatch', () => {
  it('returns one result per request, in order, isolating bad items', () => {
    const results = runBatch([
      { method: 'phe_proportion', inputs: { x: 65, n: 100 }, confidence: 0.95, multiplier: 100 },
      { method: 'phe_proportion', inputs: { x: 101, n: 100 }, confidence: 0.95, multiplier: 100 },
      'not a request',
      { method: 'phe_rate', inputs: { x: 5, n: 100 }, confidence: 0.95, multiplier: 100 },
    ]);
    expect(results).toHaveLength(4);
    expect(results[0]).toMatchObject({ value: 65 });
    expect(results[1]).toEqual({ error: 'x: must not exceed n (101 > 100)' });
    expect(results[2] && isBatchError(results[2])).toBe(true);
    expect(results[3]).toMatchObject({ value: 5 });
  });

  it('names unknown methods and lists the known ones', () => {
    const [result] = runBatch([{ method: 'median', inputs: {} }]);
    expect(result).toEqual({ error: expect.stringContaining('unknown method "median"') });
    expect(result && isBatchError(result) && result.error).toContain('phe_rate');
  });

  it('reports schema problems with the path of the bad input', () => {
    const [wrongType, unknownKey, missingInputs] = runBatch([
      { method: 'phe_rate', inputs: { x: '5', n: 100 } },
      { method: 'calculate_dsr', inputs: { x: [20], n: [100], stdPop: [1] } },
      { method: 'phe_rate' },
    ]);
    expect(wrongType).toEqual({ error: expect.stringMatching(/^inputs\.x: /) });
    expect(unknownKey).toEqual({ error: expect.stringContaining('stdPop') });
    expect(missingInputs && isBatchError(missingInputs)).toBe(true);
  });

  it('gives nulls for missing input and defaults for a missing confidence and multiplier', () => {
    const [missing, defaults, explicit] = runBatch([
      { method: 'phe_rate', inputs: { x: null, n: 100 } },
      { method: 'phe_rate', inputs: { x: 20, n: 1000 } },
      { method: 'phe_rate', inputs: { x: 20, n: 1000 }, confidence: 0.95, multiplier: 100_000 },
    ]);
    expect(missing).toEqual({ value: null, lowercl: null, uppercl: null });
    expect(defaults).toEqual(explicit);
  });

  it('accepts confidence as a percentage', () => {
    const [fraction, percent] = runBatch([
      { method: 'phe_proportion', inputs: { x: 3, n: 40 }, confidence: 0.998 },
      { method: 'phe_proportion', inputs: { x: 3, n: 40 }, confidence: 99.8 },
    ]);
    expect(percent).toEqual(fraction);
  });

  it('rejects a multiplier where the method has none', () => {
    const [mean, ratio] = runBatch([
      { method: 'phe_mean', inputs: { values: [1, 2, 3] }, multiplier: 100 },
      { method: 'calculate_ISRatio', inputs: { x: [1], n: [1], x_ref: [1], n_ref: [1] }, multiplier: 100 },
    ]);
    expect(mean).toEqual({ error: 'multiplier: does not apply to this method' });
    expect(ratio).toEqual({ error: 'multiplier: does not apply to this method' });
  });

  it('only ever returns JSON-safe numbers', () => {
    const results = runBatch([
      { method: 'rate_ratio_exact_ci', inputs: { x1: 5, n1: 100, x2: 0, n2: 100 } },
      { method: 'byars_count_ci', inputs: { x: 0 } },
      { method: 'phe_rate', inputs: { x: 3, n: 10 }, confidence: 1 },
    ]);
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
    for (const result of results) {
      for (const value of Object.values(result)) {
        if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
      }
    }
  });

  it('knows the extension methods besides the PHE ones', () => {
    expect(BATCH_METHODS).toEqual(
      expect.arrayContaining(['clopper_pearson_proportion_ci', 'rate_ratio_exact_ci', 'phe_life_expectancy']),
    );
  });
});
