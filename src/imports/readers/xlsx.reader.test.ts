import { copyFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { appError, fixture, issueOf, readAll, useTempDir } from '../../../test/imports/reader-testing.js';
import { readXlsx } from './xlsx.reader.js';

const temp = useTempDir();

/** Writes a one-off workbook for a test: each sheet given as rows of cell values. */
async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(sheetName);
    for (const row of rows) sheet.addRow(row);
  }
  const path = temp(name, '');
  await book.xlsx.writeFile(path);
  return path;
}

/** A zip written by hand (workbook.xml first, absolute targets, both compression methods): not exceljs's layout. */
function handMadeZip(parts: Record<string, string>, declared: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  Object.entries(parts).forEach(([name, text], index) => {
    const data = Buffer.from(text);
    const deflate = index % 2 === 0;
    const stored = deflate ? deflateRawSync(data) : data;
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(declared[name] ?? data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, stored);
    directory.push(central, fileName);
    offset += local.length + fileName.length + stored.length;
  });
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The sheet first: handMadeZip deflates every other part, starting with the first. */
const bombParts = (sheet: string) => ({
  'xl/worksheets/data.xml': sheet,
  'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="Ark" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`,
});

describe('readXlsx', () => {
  it('stops at the first cell beyond the header, before building a 16,384-cell row (a minute of work)', async () => {
    const path = await workbook('bred.xlsx', {
      Data: [['år', 'værdi'], Array.from({ length: 16_384 }, (_, i) => i)],
    });
    const error = await appError(readXlsx(path).then(readAll));
    expect(error.issues[0]).toMatchObject({ field: 'columns', row: 2, column: 'C' });
    expect(error.issues[0]?.messageDa).toBe(
      'arket "Data": cellen C2 har en værdi, men ingen kolonne i overskriftsrækken (A–B)',
    );
  });

  it('refuses a zip bomb from its directory: a large part packed far tighter than any workbook', async () => {
    const huge = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(12 * 1024 * 1024)}</t></is></c></row></sheetData></worksheet>`;
    const path = temp('bombe.xlsx', handMadeZip(bombParts(huge)));
    const error = await appError(readXlsx(path).then(readAll));
    expect(error.code).toBe('too_large');
    expect(error.issues[0]?.message).toMatch(
      /xl\/worksheets\/data\.xml unpacks \d+ times larger than it is packed/,
    );
  });

  it('stops unpacking a part that unpacks to more than its directory declares', async () => {
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>år</t></is></c></row><row r="2"><c r="A2"><v>2024</v></c></row></sheetData></worksheet>`;
    const path = temp('lyver.xlsx', handMadeZip(bombParts(sheet), { 'xl/worksheets/data.xml': 40 }));
    const error = await appError(readXlsx(path).then(readAll));
    expect(error.code).toBe('too_large');
    expect(error.issues[0]?.messageDa).toMatch(/fylder mere udpakket end de 40 byte, den angiver/);
  });

  it('reads the first sheet with its header on row 3: numbers, text, dates, empty cells', async () => {
    const table = await readXlsx(fixture('observations.xlsx'), { headerRow: 3 });
    expect(table.settings).toEqual({
      format: 'xlsx',
      sheet: 'Observationer',
      sheets: ['Observationer', 'Ulykker'],
      headerRow: 3,
    });
    expect(table.columns).toEqual(['Indikator', 'Branchegruppe', 'År', 'Andel', 'Antal svar', 'Opdateret']);
    expect(await readAll(table)).toEqual([
      { row: 4, values: ['Højt tempo', 'Færdiggørelse af byggeri', 2021, 34.2, 512, '2022-03-01'] },
      { row: 5, values: ['Højt tempo', 'Bygge og anlæg', 2023, 29.8, 431, '2024-03-15'] },
      { row: 6, values: ['Mobning', 'Døgninstitutioner og hjemmepleje', 2023, null, 1204, '2024-03-15'] },
    ]);
  });

  it('reads another sheet by name, ignoring case as Excel does', async () => {
    const table = await readXlsx(fixture('observations.xlsx'), { sheet: 'ulykker' });
    expect(table.settings).toMatchObject({ sheet: 'Ulykker', headerRow: 1 });
    expect(table.columns).toEqual(['Registreringsår', 'Branchegruppe', 'Anmeldte ulykker', 'Dødsulykker']);
    expect(await readAll(table)).toEqual([
      { row: 2, values: [2022, 'Bygge og anlæg', 4210, 9] },
      { row: 3, values: [2023, 'Bygge og anlæg', 4105, 7] },
    ]);
  });

  it('can read its rows twice', async () => {
    const table = await readXlsx(fixture('observations.xlsx'), { headerRow: 3 });
    expect(await readAll(table)).toEqual(await readAll(table));
  });

  it('takes the header from the first non-empty row at or after headerRow and keeps its span', async () => {
    const path = await workbook('offset.xlsx', {
      Ark1: [[], [null, 'branche', 'antal'], [null, 'A', 3], [], [null, 'F', true], [null, 'N']],
    });
    const table = await readXlsx(path);
    expect(table.settings.headerRow).toBe(2);
    expect(table.columns).toEqual(['branche', 'antal']);
    expect(await readAll(table)).toEqual([
      { row: 3, values: ['A', 3] },
      { row: 5, values: ['F', 'TRUE'] },
      { row: 6, values: ['N', null] },
    ]);
  });

  it('refuses a formula, naming sheet, row and cell', async () => {
    const table = await readXlsx(fixture('formula.xlsx'));
    const issue = await issueOf(readAll(table));
    expect(issue).toMatchObject({ field: 'value', file: 'formula.xlsx', row: 3, column: 'D (Rate)' });
    expect(issue.message).toContain('sheet "Data", cell D3');
    expect(issue.messageDa).toContain('arket "Data", celle D3: indeholder en formel (=B3/C3*1000)');
    expect(issue.message).toContain('=B3/C3*1000');
  });

  it('refuses an unknown sheet, listing the sheets there are', async () => {
    const issue = await issueOf(readXlsx(fixture('observations.xlsx'), { sheet: 'Data' }));
    expect(issue).toMatchObject({ field: 'sheet', file: 'observations.xlsx' });
    expect(issue.message).toContain('"Observationer", "Ulykker"');
  });

  it('refuses a truncated workbook, a file that is not a zip and an empty file', async () => {
    expect(await issueOf(readXlsx(fixture('truncated.xlsx')))).toMatchObject({
      field: 'file',
      file: 'truncated.xlsx',
      message: expect.stringContaining('truncated'),
    });
    const renamed = temp('renamed.xlsx', '');
    copyFileSync(fixture('observations-da.csv'), renamed);
    expect(await issueOf(readXlsx(renamed))).toMatchObject({ message: expect.stringContaining('not a zip') });
    expect(await issueOf(readXlsx(temp('nothing.xlsx', '')))).toMatchObject({ message: 'is empty' });
  });

  it('refuses an empty sheet and a sheet with nothing at or after the header row', async () => {
    const path = await workbook('empty-sheet.xlsx', { Data: [['a'], [1]], Tom: [] });
    expect(await issueOf(readXlsx(path, { sheet: 'Tom' }))).toMatchObject({
      field: 'sheet',
      message: 'sheet "Tom" is empty',
    });
    expect(await issueOf(readXlsx(path, { headerRow: 5 }))).toMatchObject({ field: 'sheet', row: 5 });
  });

  it('refuses a header with a gap or a repeated name', async () => {
    const path = await workbook('bad-header.xlsx', {
      Ark1: [
        ['branche', null, 'år', 'år'],
        ['A', 1, 2022, 2023],
      ],
    });
    expect((await appError(readXlsx(path))).issues).toEqual([
      {
        field: 'header',
        message: 'the column has no name',
        messageDa: 'kolonnen har intet navn',
        file: 'bad-header.xlsx',
        row: 1,
        column: 'B',
      },
      expect.objectContaining({ field: 'header', row: 1, column: 'år' }),
    ]);
  });

  it('refuses a value outside the header, and an Excel error value', async () => {
    const outside = await workbook('outside.xlsx', {
      Ark1: [
        ['a', 'b'],
        [1, 2],
        [3, 4, 'note'],
      ],
    });
    expect(await issueOf(readAll(readXlsx(outside)))).toMatchObject({
      field: 'columns',
      row: 3,
      column: 'C',
    });
    const errors = await workbook('errors.xlsx', { Ark1: [['a'], [{ error: '#DIV/0!' }]] });
    expect(await issueOf(readAll(readXlsx(errors)))).toMatchObject({
      field: 'value',
      row: 2,
      column: 'A (a)',
      message: expect.stringContaining('#DIV/0!'),
    });
  });

  it('reads a workbook laid out unlike exceljs: parts in any order, absolute targets, built-in date format', async () => {
    const path = temp(
      'hand-made.xlsx',
      handMadeZip({
        'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets><sheet name="Ark 1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/worksheets/data.xml': `<worksheet xmlns="${MAIN}"><sheetData>
          <row r="1"><c r="A1" t="inlineStr"><is><t>dato</t></is></c><c r="B1" t="inlineStr"><is><t>antal</t></is></c></row>
          <row r="2"><c r="A2" s="1"><v>45292</v></c><c r="B2"><v>7</v></c></row>
          <row r="3"><c r="A3" s="1"><v>45293</v></c><c r="B3"><f t="shared" si="0"/><v>8</v></c></row>
        </sheetData></worksheet>`,
        'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`,
        'xl/styles.xml': `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      }),
    );
    const table = await readXlsx(path);
    expect(table.settings).toMatchObject({ sheet: 'Ark 1', sheets: ['Ark 1'] });
    expect(table.columns).toEqual(['dato', 'antal']);
    const rows: unknown[] = [];
    const issue = await issueOf(
      (async () => {
        for await (const row of table.rows) rows.push(row);
      })(),
    );
    expect(rows).toEqual([{ row: 2, values: ['2024-01-01', 7] }]);
    // A cell sharing another cell's formula has no formula text of its own, and is refused all the same.
    expect(issue).toMatchObject({ field: 'value', row: 3, column: 'B (antal)' });
    expect(issue.message).toContain('contains a formula');
  });
});
