// Locale-aware formatting of numbers, percentages and dates (Danish: 12,3 %; English: 12.3%).
export type Locale = 'da' | 'en';

const LOCALE_TAG: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}:${decimals}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE_TAG[locale], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: 'negative',
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** Negative numbers take the minus sign (U+2212), not the hyphen Intl writes; a value rounding to 0 has none. */
const withMinus = (text: string) => text.replace('-', '\u2212');

export function formatNumber(value: number | null | undefined, locale: Locale, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return withMinus(numberFormat(locale, decimals).format(value));
}

/** Up to `maxDecimals` decimals, without trailing zeros (1.500 / 1,027). */
export function formatDecimal(value: number | null | undefined, locale: Locale, maxDecimals = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const format = new Intl.NumberFormat(LOCALE_TAG[locale], {
    maximumFractionDigits: maxDecimals,
    signDisplay: 'negative',
  });
  return withMinus(format.format(value));
}

/** A value already on the percent scale (12.3 → "12,3 %"). */
export function formatPercent(value: number | null | undefined, locale: Locale, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const number = formatNumber(value, locale, decimals);
  // Danish style puts a (non-breaking) space before the sign; English does not.
  return locale === 'da' ? `${number}\u00a0%` : `${number}%`;
}

/** A value in the indicator's unit. */
export function formatValue(value: number | null | undefined, unit: string, locale: Locale): string {
  if (unit === 'percent') return formatPercent(value, locale);
  if (unit === 'count') return formatNumber(value, locale, 0);
  return formatNumber(value, locale, 1);
}

export function formatInterval(
  lower: number | null | undefined,
  upper: number | null | undefined,
  unit: string,
  locale: Locale,
): string {
  if (lower === null || lower === undefined || upper === null || upper === undefined) return '';
  const digits = unit === 'count' ? 0 : 1;
  return `${formatNumber(lower, locale, digits)}–${formatNumber(upper, locale, digits)}`;
}

/** An amount in kroner as the pages show it: "1.234.567 kr." / "DKK 1,234,567"; nothing is "–". */
export function formatDkk(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const number = formatNumber(value, locale, 0);
  return locale === 'da' ? `${number} kr.` : `DKK ${number}`;
}

export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    dateStyle: 'long',
    timeZone: 'Europe/Copenhagen',
  }).format(date);
}
