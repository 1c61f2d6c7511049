// Quantile functions of the normal, Student t, chi-square and beta distributions (thin typed wrappers over stdlib).
import betaQuantileImpl from '@stdlib/stats-base-dists-beta-quantile';
import chiSquareQuantileImpl from '@stdlib/stats-base-dists-chisquare-quantile';
import normalQuantileImpl from '@stdlib/stats-base-dists-normal-quantile';
import tQuantileImpl from '@stdlib/stats-base-dists-t-quantile';

/** Φ⁻¹(p) of the standard normal distribution. */
export function normalQuantile(p: number): number {
  return normalQuantileImpl(p, 0, 1);
}

/** Quantile of Student's t distribution with `df` degrees of freedom. */
export function tQuantile(p: number, df: number): number {
  return tQuantileImpl(p, df);
}

/** Quantile of the chi-square distribution with `df` degrees of freedom (df = 0 is the point mass at 0). */
export function chiSquareQuantile(p: number, df: number): number {
  return chiSquareQuantileImpl(p, df);
}

/** Quantile of the beta distribution with shape parameters a and b. */
export function betaQuantile(p: number, a: number, b: number): number {
  return betaQuantileImpl(p, a, b);
}
