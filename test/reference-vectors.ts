// Test helper: the reference vectors of METHODS (copied from the shared reference into test/fixtures) and how
// a result is matched against one within its tolerance.
import { expect } from 'vitest';
import { z } from 'zod';
import fixture from './fixtures/stats-public.json' with { type: 'json' };

export const vectorSchema = z.object({
  id: z.string(),
  method: z.string(),
  inputs: z.record(z.string(), z.unknown()),
  confidence: z.number(),
  multiplier: z.number().nullable(),
  expected: z.record(z.string(), z.number().nullable()),
  tolerance_rel: z.number().optional(),
  tolerance_abs: z.number().optional(),
});
export type Vector = z.output<typeof vectorSchema>;

export const vectors = z.object({ vectors: z.array(vectorSchema) }).parse(fixture).vectors;
export const NEGATIVE_CONTROL = 'byar_descTools_variant_NOT_PHE';
export const positives = vectors.filter((v) => v.method !== NEGATIVE_CONTROL);
export const negatives = vectors.filter((v) => v.method === NEGATIVE_CONTROL);

export type Outputs = Readonly<Record<string, number | null>>;

/** |actual − expected| measured the way the vector asks: absolute, or relative to |expected|. */
export function deviation(vector: Vector, actual: number, expected: number): number {
  if (vector.tolerance_abs !== undefined) return Math.abs(actual - expected);
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

export function tolerance(vector: Vector): number {
  const value = vector.tolerance_abs ?? vector.tolerance_rel;
  if (value === undefined) throw new Error(`${vector.id} has no tolerance`);
  return value;
}

export function expectMatches(vector: Vector, actual: Outputs): void {
  for (const [key, expected] of Object.entries(vector.expected)) {
    const got = actual[key];
    const label = `${vector.id} ${key}`;
    if (expected === null) {
      expect(got, label).toBeNull();
    } else {
      expect(got, label).toBeTypeOf('number');
      expect(deviation(vector, got ?? Number.NaN, expected), label).toBeLessThanOrEqual(tolerance(vector));
    }
  }
}
