// CSV downloads never carry text a spreadsheet would run as a formula, whole or streamed; numbers stay numbers.
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { formatNumber } from '../format.js';
import { csvStream, localCsv, localCsvStream, toCsv } from './csv.js';
import { downloadLocale, type LocalTable } from './download-table.js';

const rows = [
  { source: '=HYPERLINK("http://evil.example")', caseId: "-2+3+cmd|' /C calc'!A0", value: -5, note: null },
  { source: '@SUM(A1)', caseId: '+45 12', value: 1.5, note: '\tindrykket' },
  { source: 'Arbejdstilsynet', caseId: 'AT-1', value: 0, note: 'almindelig' },
];

const expected = [
  ['source', 'caseId', 'value', 'note'],
  ['\'=HYPERLINK("http://evil.example")', "'-2+3+cmd|' /C calc'!A0", '-5', ''],
  ["'@SUM(A1)", "'+45 12", '1.5', "'\tindrykket"],
  ['Arbejdstilsynet', 'AT-1', '0', 'almindelig'],
];

it('leads formula-shaped text with an apostrophe and leaves numbers alone', async () => {
  expect(parse(toCsv(rows, []))).toEqual(expected);
  let streamed = '';
  for await (const chunk of csvStream(rows, []) as unknown as AsyncIterable<Uint8Array>)
    streamed += Buffer.from(chunk).toString('utf8');
  expect(streamed).toBe(toCsv(rows, []));
});

// The reader's form, as Danish Excel reads a CSV file: a byte-order mark says UTF-8, `;` splits the fields (the
// Danish list separator), and a field of digits with a decimal comma is a number; text led by = + - @ would run.
const table = (records: (string | number | null)[][]): LocalTable => ({
  headers: ['Branche', 'Værdi', 'Ændring', 'Kilde'],
  decimals: [undefined, 1, 1, undefined],
  records,
});
const records = [
  ['Bygge og anlæg', 12.345678901234567, -0.98765, '=HYPERLINK("http://evil.example")'],
  ['Søfart; havne', 1234.56, null, '-2+3+cmd'],
  ['Grønne erhverv "øst"', 0.04, -0.04, 'Arbejdstilsynet'],
];

/** Cells as Danish Excel takes them: digits with an optional decimal comma (and sign) are numbers. */
function asDanishExcel(text: string): (string | number)[][] {
  expect(text.charCodeAt(0), 'a byte-order mark').toBe(0xfeff);
  const rows = parse(text.slice(1), { delimiter: ';' }) as string[][];
  return rows.map((row) =>
    row.map((cell) => (/^-?\d+(,\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : cell)),
  );
}

it('writes the Danish form Danish Excel opens: BOM, `;`, decimal commas, rounded numbers, æøå intact', async () => {
  const text = localCsv(table(records), 'da');
  expect(text.split('\r\n')[0]).toBe('\ufeffBranche;Værdi;Ændring;Kilde');
  expect(asDanishExcel(text)).toEqual([
    ['Branche', 'Værdi', 'Ændring', 'Kilde'],
    ['Bygge og anlæg', 12.3, -1, '\'=HYPERLINK("http://evil.example")'],
    ['Søfart; havne', 1234.6, '', "'-2+3+cmd"],
    ['Grønne erhverv "øst"', 0, 0, 'Arbejdstilsynet'],
  ]);
  // The rounding is the page's (format.ts), digit for digit, with the hyphen-minus a spreadsheet reads as a sign
  // where the page writes a typographic minus; no number is led by an apostrophe, and none rounds to "-0,0".
  const page = (value: number) => formatNumber(value, 'da', 1).replace('\u2212', '-');
  expect(text).toContain(`;${page(12.345678901234567)};${page(-0.98765)};`);
  expect(text).toContain(';12,3;-1,0;');
  expect(text).toContain(';0,0;0,0;');
  let streamed = '';
  for await (const chunk of localCsvStream(table(records), 'da') as unknown as AsyncIterable<Uint8Array>)
    streamed += Buffer.from(chunk).toString('utf8');
  expect(streamed).toBe(localCsv(table(records), 'da'));
});

it('writes the English form with commas and decimal points, also with a BOM', () => {
  const text = localCsv(table(records), 'en');
  expect(text.startsWith('\ufeffBranche,Værdi,Ændring,Kilde\r\n')).toBe(true);
  expect(parse(text, { bom: true })).toEqual([
    ['Branche', 'Værdi', 'Ændring', 'Kilde'],
    ['Bygge og anlæg', '12.3', '-1.0', '\'=HYPERLINK("http://evil.example")'],
    ['Søfart; havne', '1234.6', '', "'-2+3+cmd"],
    ['Grønne erhverv "øst"', '0.0', '0.0', 'Arbejdstilsynet'],
  ]);
});

it('writes the header of an empty table, and refuses an unknown language', () => {
  expect(localCsv(table([]), 'da')).toBe('\ufeffBranche;Værdi;Ændring;Kilde\r\n');
  expect(downloadLocale(undefined)).toBeNull();
  expect(downloadLocale('en')).toBe('en');
  expect(() => downloadLocale('de')).toThrow(/Invalid query parameters/);
});
