import { describe, expect, it } from 'vitest';
import { betaQuantile, chiSquareQuantile, normalQuantile, tQuantile } from './distributions.js';

// Reference values computed independently with mpmath 1.3 at 40 significant digits (normal via erfinv; chi-square,
// t and beta by bisection on the regularised incomplete gamma / beta functions), rounded to the nearest double.
const NORMAL: [p: number, expected: number][] = [
  [0.975, 1.9599639845400543],
  [0.999, 3.0902323061678136],
  [0.995, 2.575829303548901],
  [0.9995, 3.290526731491895],
  [0.025, -1.9599639845400543],
  [0.001, -3.0902323061678136],
];

const CHI_SQUARE: [p: number, df: number, expected: number][] = [
  [0.025, 2, 0.05063561596857975],
  [0.975, 12, 23.336664158645338],
  [0.001, 20, 5.921040745487519],
  [0.999, 2, 13.815510557964274],
  [0.0005, 4, 0.0639220445119177],
  [0.9995, 40, 76.09460229855902],
  [0.5, 7, 6.3458111955215175],
  [0.025, 200, 162.72798250184627],
  [0.999, 1368, 1535.3554041208467],
  [0.001, 1, 1.5707971492624898e-6],
];

const STUDENT_T: [p: number, df: number, expected: number][] = [
  [0.975, 1, 12.706204736174705],
  [0.975, 7, 2.3646242515927853],
  [0.999, 7, 4.785289628638334],
  [0.975, 25, 2.0595385527532977],
  [0.999, 2, 22.327124770119877],
  [0.995, 100, 2.6258905214380177],
  [0.025, 3, -3.1824463052837095],
];

const BETA: [p: number, a: number, b: number, expected: number][] = [
  [0.025, 20, 81, 0.12665555210195586],
  [0.975, 21, 80, 0.2918426890886281],
  [0.025, 1, 30, 0.0008435709266304787],
  [0.001, 4, 17, 0.022943806082635316],
  [0.999, 5, 16, 0.5643038500183225],
  [0.5, 2.5, 7.5, 0.232878677758855],
];

const MAX_RELATIVE_ERROR = 1e-10;

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('quantile functions agree with high-precision references to better than 1e-10 relative', () => {
  it.each(NORMAL)('normal(%s)', (p, expected) => {
    expect(relativeError(normalQuantile(p), expected)).toBeLessThan(MAX_RELATIVE_ERROR);
  });
  it.each(CHI_SQUARE)('chi-square(%s; df %s)', (p, df, expected) => {
    expect(relativeError(chiSquareQuantile(p, df), expected)).toBeLessThan(MAX_RELATIVE_ERROR);
  });
  it.each(STUDENT_T)('t(%s; df %s)', (p, df, expected) => {
    expect(relativeError(tQuantile(p, df), expected)).toBeLessThan(MAX_RELATIVE_ERROR);
  });
  it.each(BETA)('beta(%s; %s, %s)', (p, a, b, expected) => {
    expect(relativeError(betaQuantile(p, a, b), expected)).toBeLessThan(MAX_RELATIVE_ERROR);
  });
});

describe('quantile edge cases the interval code relies on', () => {
  it('gives the z values of METHODS for 95 % and 99.8 %', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 15);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 15);
  });
  it('treats chi-square with 0 degrees of freedom as the point mass at 0 (exact lower limit for 0 events)', () => {
    expect(chiSquareQuantile(0.025, 0)).toBe(0);
  });
  it('reaches the ends of the support at p = 0 and p = 1', () => {
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
  });
});
