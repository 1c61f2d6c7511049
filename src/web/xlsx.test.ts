// XLSX downloads: a large workbook is written in a worker thread and reads back exactly as one written here.
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { buildXlsx, toLocalXlsx, toXlsx, XLSX_WORKER_ROWS } from './xlsx.js';

const sheetValues = async (bytes: Uint8Array, name: string) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const values: unknown[][] = [];
  workbook.getWorksheet(name)?.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  return values;
};

it('writes a large workbook in a worker thread with the same sheets as one written here', async () => {
  const rows = Array.from({ length: XLSX_WORKER_ROWS + 500 }, (_, i) => ({
    year: 2000 + (i % 25),
    branch: `gren-${i}`,
    count: i % 7 === 0 ? null : i,
    value: i / 3,
  }));
  const about: [string, string][] = [
    ['Metode', 'Byar'],
    ['Kilde / source', 'ulykker.csv'],
  ];
  const content = { rows, about, fallbackColumns: [] };
  const [fromWorker, here] = await Promise.all([toXlsx(rows, about, []), buildXlsx(content)]);
  const data = await sheetValues(fromWorker, 'Data');
  expect(data).toEqual(await sheetValues(here, 'Data'));
  expect(data).toHaveLength(rows.length + 1);
  expect(data[0]).toEqual(['year', 'branch', 'count', 'value']);
  expect(await sheetValues(fromWorker, 'Metadata')).toEqual(about);
}, 30_000);

it('writes the reader’s workbook in a worker thread too: its names, every digit, the page’s decimals shown', async () => {
  const records = Array.from({ length: XLSX_WORKER_ROWS + 10 }, (_, i) => [
    2000 + (i % 25),
    'Søfart',
    i / 3,
    null,
  ]);
  const table = { headers: ['År', 'Branche', 'Værdi', 'Bemærkning'], decimals: [0, undefined, 1, undefined] };
  const bytes = await toLocalXlsx({ ...table, records }, [['Metode', 'Byar']]);
  const data = await sheetValues(bytes, 'Data');
  expect(data[0]).toEqual(table.headers);
  expect(data[2]).toEqual([2001, 'Søfart', 1 / 3]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  const sheet = workbook.getWorksheet('Data');
  expect([1, 2, 3].map((column) => sheet?.getColumn(column).numFmt)).toEqual(['0', undefined, '0.0']);
}, 30_000);
