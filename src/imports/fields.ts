// Column mapping and cell parsing shared by every import kind: Danish/English header names, decimal commas,
// dates, flags, and the refusals that protect the database (formula-looking text, personal identifiers).
import type { RawValue } from './readers/table.js';
import { bilingual, type Text } from './texts.js';

export type FieldType = 'text' | 'code' | 'integer' | 'number' | 'year' | 'date' | 'flag' | 'sex';

export interface FieldSpec {
  /** The field's name in Måltal (and in mapping files). */
  name: string;
  type: FieldType;
  required: boolean;
  /** Header names that mean this field, Danish and English; compared after normalisation. */
  aliases: string[];
  /** For numbers: the smallest allowed value; for years and dates: the earliest year. */
  min?: number;
  max?: number;
}

/** Lower case, æøå spelled out, accents and punctuation folded to `_`: "Antal svar" → "antal_svar". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Columns that hold personal identifiers: a file with one is refused whole, before anything is read. Compared
 *  on the header normalised and without separators ("CPR-nummer", "cpr_nr", "Fødselsdag" → cprnummer, cprnr,
 *  foedselsdag). */
const PERSONAL_HEADERS = new Set([
  'personnummer',
  'personnr',
  'navn',
  'fornavn',
  'efternavn',
  'mellemnavn',
  'fuldenavn',
  'fuldtnavn',
  'name',
  'firstname',
  'lastname',
  'middlename',
  'fullname',
  'surname',
  'givenname',
  'adresse',
  'address',
  'email',
  'mail',
  'telefon',
  'telefonnummer',
  'telefonnr',
  'tlf',
  'tlfnr',
  'mobil',
  'mobilnummer',
  'phone',
  'phonenumber',
  'mobile',
  'dob',
]);
const PERSONAL_STEMS = /cpr|^foedsels|^birth|^dateofbirth/;

export function isPersonalHeader(header: string): boolean {
  const compact = normaliseHeader(header).replace(/_/g, '');
  return PERSONAL_HEADERS.has(compact) || PERSONAL_STEMS.test(compact);
}

/** A Danish CPR number as written on its own (DDMMYY-NNNN, with or without the dash). */
const CPR_PATTERN = /^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}-?\d{4}$/;
/** A CPR number inside text: six digits that make a date, then four more after a dash, a space or nothing. */
const CPR_IN_TEXT = /(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[- ]?\d{4}(?!\d)/g;

export function looksLikeCpr(text: string): boolean {
  // A CPR number has ten digits: shorter text (most cells) cannot hold one.
  if (text.length < 10) return false;
  if (CPR_PATTERN.test(text.trim())) return true;
  for (const match of text.matchAll(CPR_IN_TEXT))
    if (validDay(2000, Number(match[2]), Number(match[1]))) return true;
  return false;
}

/** A negative number as written in a file (`-5`, `-5,3`, `-1.234,5`): the one text starting with `-` that is safe. */
const NEGATIVE_NUMBER = /^-\d+(?:[.,]\d+)*$/;

/** Text that spreadsheet programs would run as a formula (CSV injection); never stored. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+@\t\r]/.test(text) || (text.startsWith('-') && !NEGATIVE_NUMBER.test(text));
}

/** The missing-value markers statistics offices write in place of a figure (StatBank's "..", Eurostat's ":"). */
const MISSING_MARKERS = new Set(['..', '...', ':']);

export function isMissingMarker(value: RawValue): boolean {
  return typeof value === 'string' && MISSING_MARKERS.has(value.trim());
}

/** A parsed cell, or why it cannot be parsed (in English and Danish). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: Text };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (en: string, da: string): Parsed<never> => ({ ok: false, message: bilingual(en, da) });

/** Cell text, trimmed; null for empty cells. */
export function cellText(value: RawValue): string | null {
  if (value === null) return null;
  const text = typeof value === 'number' ? String(value) : value.trim();
  return text === '' ? null : text;
}

/**
 * A number as written in Danish or English files: "12,5", "12.5", "1.234,5" (decimal comma with thousands
 * dots) and "1,234.5". `decimalComma` says which the file uses; a lone separator follows it.
 */
export function parseNumber(value: RawValue, decimalComma: boolean): Parsed<number> {
  if (typeof value === 'number')
    return Number.isFinite(value) ? ok(value) : fail('is not a finite number', 'er ikke et endeligt tal');
  const text = cellText(value);
  if (text === null) return fail('is empty', 'er tom');
  const compact = text.replace(/[\s\u00a0]/g, '');
  let normalised: string;
  if (decimalComma) {
    if (!/^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(compact))
      return fail(`"${text}" is not a number`, `"${text}" er ikke et tal`);
    normalised = compact.replace(/\./g, '').replace(',', '.');
  } else {
    if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][-+]?\d+)?$/.test(compact))
      return fail(`"${text}" is not a number`, `"${text}" er ikke et tal`);
    normalised = compact.replace(/,/g, '');
  }
  const number = Number(normalised);
  return Number.isFinite(number) ? ok(number) : fail(`"${text}" is not a number`, `"${text}" er ikke et tal`);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0) + (leap ? 1 : 0);
}

/** Plain ISO dates are by far the most common: checked without regular expressions or Date objects. */
function isoDate(text: string): string | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  return validDay(year, month, day) ? text : undefined;
}

export function parseDate(value: RawValue): Parsed<string> {
  const text = cellText(value);
  if (text === null) return fail('is empty', 'er tom');
  const iso = isoDate(text);
  if (iso !== undefined) return ok(iso);
  // ISO (2024-03-07) or Danish (07-03-2024, 7.3.2024, 07/03/2024).
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  if (match !== null) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
    if (match === null)
      return fail(
        `"${text}" is not a date (use YYYY-MM-DD or DD-MM-YYYY)`,
        `"${text}" er ikke en dato (skriv ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ)`,
      );
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (!validDay(year, month, day))
    return fail(`"${text}" is not a valid date`, `"${text}" er ikke en gyldig dato`);
  return ok(
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  );
}

const TRUE_WORDS = new Set(['1', 'ja', 'j', 'yes', 'y', 'true', 'sand', 'x']);
const FALSE_WORDS = new Set(['0', 'nej', 'n', 'no', 'false', 'falsk']);

export function parseFlag(value: RawValue): Parsed<boolean> {
  const text = cellText(value)?.toLowerCase();
  if (text === undefined) return fail('is empty', 'er tom');
  if (TRUE_WORDS.has(text)) return ok(true);
  if (FALSE_WORDS.has(text)) return ok(false);
  return fail(`"${text}" is not ja/nej (yes/no, 1/0)`, `"${text}" er hverken ja eller nej (eller 1/0)`);
}

/** K (kvinde/female) or M (mand/male). */
export function parseSex(value: RawValue): Parsed<'K' | 'M'> {
  const text = cellText(value)?.toLowerCase();
  if (text === undefined) return fail('is empty', 'er tom');
  if (['k', 'kvinde', 'kvinder', 'f', 'female', 'woman', 'women', '2'].includes(text)) return ok('K');
  if (['m', 'mand', 'maend', 'mænd', 'male', 'man', 'men', '1'].includes(text)) return ok('M');
  return fail(`"${text}" is not K/M (kvinde/mand)`, `"${text}" er ikke K/M (kvinde/mand)`);
}

/** Parse one cell by its field's type and range; null for an empty optional cell. */
export function parseField(
  spec: FieldSpec,
  value: RawValue,
  decimalComma: boolean,
): Parsed<string | number | boolean | null> {
  const text = cellText(value);
  if (text === null) return spec.required ? fail('is required', 'skal udfyldes') : ok(null);
  if (
    typeof value === 'string' &&
    spec.type !== 'number' &&
    spec.type !== 'integer' &&
    looksLikeFormula(text)
  ) {
    return fail(
      `"${text}" looks like a spreadsheet formula and is not accepted`,
      `"${text}" ligner en regnearksformel og accepteres ikke`,
    );
  }
  switch (spec.type) {
    case 'text':
    case 'code':
      if (looksLikeFormula(text))
        return fail(
          `"${text}" looks like a spreadsheet formula and is not accepted`,
          `"${text}" ligner en regnearksformel og accepteres ikke`,
        );
      if (looksLikeCpr(text))
        return fail(
          'looks like a CPR number; personal identifiers are not accepted',
          'ligner et CPR-nummer; personnumre og andre personoplysninger accepteres ikke',
        );
      return ok(text);
    case 'number':
    case 'integer':
    case 'year': {
      const parsed = parseNumber(value, decimalComma);
      if (!parsed.ok) return parsed;
      if (spec.type !== 'number' && !Number.isInteger(parsed.value))
        return fail(`"${text}" is not a whole number`, `"${text}" er ikke et helt tal`);
      if (spec.min !== undefined && parsed.value < spec.min)
        return fail(`${text} is below ${spec.min}`, `${text} er mindre end ${spec.min}`);
      if (spec.max !== undefined && parsed.value > spec.max)
        return fail(`${text} is above ${spec.max}`, `${text} er større end ${spec.max}`);
      return parsed;
    }
    case 'date': {
      const parsed = parseDate(value);
      if (!parsed.ok) return parsed;
      const year = Number(parsed.value.slice(0, 4));
      if ((spec.min !== undefined && year < spec.min) || (spec.max !== undefined && year > spec.max))
        return fail(
          `${text} is outside the years data may hold (${spec.min ?? '…'}–${spec.max ?? '…'})`,
          `${text} ligger uden for de år, data kan gælde (${spec.min ?? '…'}–${spec.max ?? '…'})`,
        );
      return parsed;
    }
    case 'flag':
      return parseFlag(value);
    case 'sex':
      return parseSex(value);
  }
}

/** Distinct texts remembered per column: most columns repeat a few hundred values over a million rows (dates: a few
 * thousand). */
const MEMO_LIMIT = 16_384;

/**
 * One column's parser, compiled once per file: `parseField` for this field, remembering the result for each distinct
 * text (parsing is pure), so a repeated value costs one map look-up. A column whose values rarely repeat (a case
 * number) stops filling the memo at MEMO_LIMIT entries, and after as many misses more is parsed cell by cell.
 */
export function compileField(
  spec: FieldSpec,
  decimalComma: boolean,
): (value: RawValue) => Parsed<string | number | boolean | null> {
  const memo = new Map<string, Parsed<string | number | boolean | null>>();
  // Once full, texts missed since (a column of unique values) skip the look-up: the memo keeps only what it has.
  let misses = 0;
  return (value) => {
    if (typeof value !== 'string' || misses > MEMO_LIMIT) return parseField(spec, value, decimalComma);
    let parsed = memo.get(value);
    if (parsed === undefined) {
      parsed = parseField(spec, value, decimalComma);
      if (memo.size < MEMO_LIMIT) memo.set(value, parsed);
      else misses++;
    }
    return parsed;
  };
}
