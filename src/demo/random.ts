// A seeded random source for demo data: the same seed always gives the same sequence.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Normal with the given mean and standard deviation (Box–Muller). */
  normal(mean: number, sd: number): number;
}

export function seededRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  // The first outputs of xoroshiro from a small seed are poorly mixed; skip them.
  for (let i = 0; i < 32; i++) uniformFloat64(rng);
  const next = () => uniformFloat64(rng);
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    normal: (mean, sd) => {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
