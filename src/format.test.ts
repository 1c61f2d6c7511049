// Numbers as people read them: Danish and English separators, and a true minus sign (U+2212) for negatives.
import { describe, expect, it } from 'vitest';
import { formatDecimal, formatInterval, formatNumber, formatPercent, formatValue } from './format.js';

const MINUS = '\u2212';

describe('number formatting', () => {
  it('writes Danish and English separators', () => {
    expect(formatNumber(12345.678, 'da', 1)).toBe('12.345,7');
    expect(formatNumber(12345.678, 'en', 1)).toBe('12,345.7');
    expect(formatPercent(12.3, 'da')).toBe('12,3\u00a0%');
    expect(formatPercent(12.3, 'en')).toBe('12.3%');
  });

  it('writes negative numbers with a minus sign, not a hyphen', () => {
    expect(formatNumber(-1234.5, 'da', 1)).toBe(`${MINUS}1.234,5`);
    expect(formatNumber(-1234.5, 'en', 1)).toBe(`${MINUS}1,234.5`);
    expect(formatDecimal(-5.0444, 'da', 3)).toBe(`${MINUS}5,044`);
    expect(formatPercent(-3.62, 'da', 2)).toBe(`${MINUS}3,62\u00a0%`);
    expect(formatPercent(-3.62, 'en', 2)).toBe(`${MINUS}3.62%`);
    expect(formatValue(-0.5, 'per_10000', 'da')).toBe(`${MINUS}0,5`);
    expect(formatInterval(-1.25, 2.5, 'percent', 'en')).toBe(`${MINUS}1.3–2.5`);
  });

  it('writes no sign on a value that rounds to zero', () => {
    expect(formatNumber(-0.01, 'da', 1)).toBe('0,0');
    expect(formatDecimal(-0.0001, 'en', 2)).toBe('0');
    expect(formatPercent(-0, 'da', 1)).toBe('0,0\u00a0%');
  });
});
