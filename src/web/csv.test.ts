// CSV downloads never carry text a spreadsheet would run as a formula, whole or streamed; numbers stay numbers.
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { csvStream, toCsv } from './csv.js';

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
