import { describe, expect, it } from 'vitest';
import { funnelProportionControlLimits } from './funnel.js';

describe('funnelProportionControlLimits', () => {
  it('is symmetric around the average inside [0, 100]', () => {
    const result = funnelProportionControlLimits({ population: 400, average_proportion: 0.3 });
    const half = 1.959963984540054 * Math.sqrt((0.3 * 0.7) / 400) * 100;
    expect(result.value).toBeCloseTo(30, 12);
    expect(result.lowercl).toBeCloseTo(30 - half, 10);
    expect(result.uppercl).toBeCloseTo(30 + half, 10);
  });

  it('clips the limits to the range of a proportion', () => {
    const result = funnelProportionControlLimits(
      { population: 2, average_proportion: 0.9 },
      { confidence: 0.998 },
    );
    expect(result.uppercl).toBe(100);
    expect(funnelProportionControlLimits({ population: 2, average_proportion: 0.05 }).lowercl).toBe(0);
  });

  it('returns nulls for missing input and throws for impossible input', () => {
    expect(funnelProportionControlLimits({ population: null, average_proportion: 0.5 }).value).toBeNull();
    expect(() => funnelProportionControlLimits({ population: 0, average_proportion: 0.5 })).toThrow(
      expect.objectContaining({ field: 'population' }),
    );
    expect(() => funnelProportionControlLimits({ population: 10, average_proportion: 1.5 })).toThrow(
      expect.objectContaining({ field: 'average_proportion' }),
    );
  });
});
