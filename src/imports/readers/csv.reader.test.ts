import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appError, fixture, issueOf, readAll, useTempDir } from '../../../test/imports/reader-testing.js';
import { detectDelimiter, readCsv, sampleRecords, usesDecimalComma } from './csv.reader.js';

const temp = useTempDir();
const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('readCsv on realistic files', () => {
  it('reads Danish Excel CSV: Windows-1252, semicolons, decimal comma, a quoted semicolon', async () => {
    const table = await readCsv(fixture('observations-da.csv'));
    expect(table.settings).toEqual({
      format: 'csv',
      encoding: 'windows-1252',
      bom: false,
      delimiter: ';',
      decimalComma: true,
      headerRow: 1,
    });
    expect(table.columns).toEqual([
      'Indikator',
      'Branchegruppe',
      'År',
      'Andel',
      'Antal svar',
      'Nedre',
      'Øvre',
    ]);
    expect(await readAll(table)).toEqual([
      { row: 2, values: ['Højt tempo', 'Færdiggørelse af byggeri', '2021', '34,2', '512', '30,1', '38,5'] },
      { row: 3, values: ['Højt tempo', 'Bygge og anlæg; nedrivning', '2021', '29,8', '431', '25,6', '34,3'] },
      // The en dash is byte 0x96: only Windows-1252 (not ISO Latin-1) has it.
      { row: 4, values: ['Højt tempo', 'Rengøring – kontor', '2023', '31,0', '388', '26,4', '35,9'] },
      {
        row: 5,
        values: ['Mobning', 'Døgninstitutioner og hjemmepleje', '2023', '12,9', '1204', '11,0', '14,9'],
      },
      { row: 6, values: ['Mobning', 'Landbrug, skovbrug og fiskeri', '2023', null, null, null, null] },
    ]);
  });

  it('reads UTF-8 with a byte-order mark and keeps the mark out of the first column name', async () => {
    const table = await readCsv(fixture('employment-utf8-bom.csv'));
    expect(table.settings).toMatchObject({
      encoding: 'utf-8',
      bom: true,
      delimiter: ',',
      decimalComma: false,
    });
    expect(table.columns).toEqual(['branchegruppe', 'år', 'beskæftigede']);
    expect(await readAll(table)).toEqual([
      { row: 2, values: ['Landbrug, skovbrug og fiskeri', '2022', '67200'] },
      { row: 3, values: ['Bygge og anlæg', '2022', '199500'] },
      { row: 4, values: ['Døgninstitutioner og hjemmepleje', '2022', '161300'] },
    ]);
  });

  it('reads tab-separated files; a record spanning two lines keeps the line it starts on', async () => {
    const table = await readCsv(fixture('employment-tab.tsv'));
    expect(table.settings).toMatchObject({ encoding: 'utf-8', bom: false, delimiter: '\t' });
    expect(await readAll(table)).toEqual([
      { row: 2, values: ['A', '2022', '67200', null] },
      { row: 3, values: ['F', '2022', '199500', 'Omfatter også\nnedrivning'] },
      { row: 5, values: ['N', '2022', '112300', 'foreløbig'] },
    ]);
  });

  it('reads a few hundred accident records, numbering rows by line', async () => {
    const table = await readCsv(fixture('accidents.csv'));
    expect(table.columns).toHaveLength(10);
    expect(table.columns[3]).toBe('branchegruppe');
    const rows = await readAll(table);
    expect(rows).toHaveLength(300);
    expect(rows.map((row) => row.row)).toEqual(Array.from({ length: 300 }, (_, index) => index + 2));
    expect(rows.every((row) => row.values.length === 10)).toBe(true);
    expect(rows[0]?.values[0]).toBe('U00001');
    expect(rows.some((row) => row.values[3] === 'Landbrug, skovbrug og fiskeri')).toBe(true);
  });

  it('gives zero rows for a header-only file (the importer decides whether that is an error)', async () => {
    const table = await readCsv(fixture('header-only.csv'));
    expect(table.columns).toEqual(['branche', 'år', 'antal']);
    expect(table.settings.delimiter).toBe(';');
    expect(await readAll(table)).toEqual([]);
  });

  it('can read its rows twice (preview, then import)', async () => {
    const table = await readCsv(fixture('observations-da.csv'));
    expect(await readAll(table)).toEqual(await readAll(table));
  });
});

describe('readCsv dialects and options', () => {
  it('counts lines in CRLF files with CRLF inside quotes, skipping blank lines', async () => {
    const path = temp('crlf.csv', 'a,b\r\n1,"x\r\ny"\r\n\r\n2,3\r\n4,"5\n6\n7"\r\n8,9');
    expect(await readAll(readCsv(path))).toEqual([
      { row: 2, values: ['1', 'x\r\ny'] },
      { row: 5, values: ['2', '3'] },
      { row: 6, values: ['4', '5\n6\n7'] },
      { row: 9, values: ['8', '9'] },
    ]);
  });

  it('reads the header from a later row when told to', async () => {
    const path = temp('titled.csv', 'Tabel 1: Beskæftigede\n\nbranche;år\nA;2022\n');
    const table = await readCsv(path, { headerRow: 3 });
    expect(table.columns).toEqual(['branche', 'år']);
    expect(table.settings).toMatchObject({ headerRow: 3, delimiter: ';' });
    expect(await readAll(table)).toEqual([{ row: 4, values: ['A', '2022'] }]);
  });

  it('honours a forced delimiter and encoding', async () => {
    const path = temp('forced.csv', latin1('a|b;c\nø;1\n'));
    const table = await readCsv(path, { delimiter: ';', encoding: 'windows-1252' });
    expect(table.columns).toEqual(['a|b', 'c']);
    expect(await readAll(table)).toEqual([{ row: 2, values: ['ø', '1'] }]);
  });

  it('drops the unnamed, empty trailing columns Excel leaves behind', async () => {
    const path = temp('trailing.csv', 'a;b;;\n1;2;;\n3;4\n');
    const table = await readCsv(path);
    expect(table.columns).toEqual(['a', 'b']);
    expect(await readAll(table)).toEqual([
      { row: 2, values: ['1', '2'] },
      { row: 3, values: ['3', '4'] },
    ]);
  });

  it('turns to Windows-1252 when a plain-ASCII start turns out to be followed by Latin-1', async () => {
    const filler = 'A,2022\n'.repeat(12_000); // > 64 KiB of ASCII
    const path = temp(
      'late-latin1.csv',
      Buffer.concat([latin1(`branche,år\n${filler}`), latin1('Færdig,2023\n')]),
    );
    const table = await readCsv(path);
    expect(table.settings.encoding).toBe('windows-1252'); // the header's "å" is in the sample
    const ascii = temp('late-latin1-ascii.csv', latin1(`branche,aar\n${filler}Færdig,2023\n`));
    const tentative = await readCsv(ascii);
    expect(tentative.settings.encoding).toBe('utf-8');
    const rows = await readAll(tentative);
    expect(rows.at(-1)).toEqual({ row: 12_002, values: ['Færdig', '2023'] });
    expect(tentative.settings.encoding).toBe('windows-1252');
  });

  it('numbers rows by the lines a person sees, whatever mix of line endings the file has', async () => {
    const path = temp('linjeskift.csv', 'a;b\r\n1;2\r3;4\n5;"x\r\ny"\r\n7;8\r9;10\n');
    expect(await readAll(readCsv(path))).toEqual([
      { row: 2, values: ['1', '2'] },
      { row: 3, values: ['3', '4'] },
      { row: 4, values: ['5', 'x\r\ny'] },
      { row: 6, values: ['7', '8'] },
      { row: 7, values: ['9', '10'] },
    ]);
  });

  it('refuses UTF-8 letters in a file read as Windows-1252, naming the first line where they meet', async () => {
    const path = temp(
      'blandet.csv',
      Buffer.concat([latin1('skadetype;antal\nForbrænding;3\nSår;2\n'), Buffer.from('Forbrænding;4\n')]),
    );
    const issue = await issueOf(readCsv(path).then(readAll));
    expect(issue).toMatchObject({ field: 'encoding', row: 4 });
    expect(issue.messageDa).toMatch(/^blander tegnkodninger: denne linje er skrevet i UTF-8/);
    // Given the encoding, the reader takes the user's word for it.
    expect(await readAll(readCsv(path, { encoding: 'windows-1252' }))).toHaveLength(3);
  });

  it('refuses invalid UTF-8 after UTF-8 was seen, naming the line', async () => {
    const filler = 'A,2022\n'.repeat(12_000);
    const path = temp(
      'mixed.csv',
      Buffer.concat([Buffer.from(`branche,år\n${filler}`), latin1('Færdig,2023\n')]),
    );
    const table = await readCsv(path);
    expect(table.settings.encoding).toBe('utf-8');
    const issue = await issueOf(readAll(table));
    expect(issue).toMatchObject({ field: 'encoding', file: 'mixed.csv', row: 12_002 });
  });

  it('refuses a Latin-1 file read as UTF-8 on request, naming the first bad row', async () => {
    const path = temp('forced-utf8.csv', latin1('branche;antal\nA;1\nFærdiggørelse;2\n'));
    const issue = await issueOf(readCsv(path, { encoding: 'utf-8' }));
    expect(issue).toMatchObject({ field: 'encoding', file: 'forced-utf8.csv', row: 3 });
    expect(issue.message).toContain('Windows-1252');
  });

  it('uses the display name in errors', async () => {
    const issue = await issueOf(readCsv(fixture('empty.csv'), { displayName: 'upload.csv' }));
    expect(issue.file).toBe('upload.csv');
  });
});

describe('readCsv refuses bad files', () => {
  it('refuses an empty file, and one holding only blank lines', async () => {
    expect(await issueOf(readCsv(fixture('empty.csv')))).toEqual({
      field: 'file',
      message: 'is empty',
      messageDa: 'er tom',
      file: 'empty.csv',
    });
    expect(await issueOf(readCsv(temp('blank.csv', '\ufeff \r\n\r\n')))).toMatchObject({
      message: 'is empty',
    });
  });

  it('refuses a row with fewer fields than the header, saying how many', async () => {
    const table = await readCsv(fixture('ragged.csv'));
    const issue = await issueOf(readAll(table));
    expect(issue).toMatchObject({ field: 'columns', file: 'ragged.csv', row: 3, column: 'antal' });
    expect(issue.message).toContain('expected 3 fields as in the header, found 2');
    expect(issue.messageDa).toContain('forventede 3 felter som i overskriftsrækken, fandt 2');
  });

  it('refuses a row with more fields than the header, naming the first surplus field', async () => {
    const issue = await issueOf(readAll(readCsv(temp('long-row.csv', 'a,b\n1,2\n3,4,5\n'))));
    expect(issue).toMatchObject({ field: 'columns', row: 3, column: '3' });
    expect(issue.message).toContain('expected 2 fields as in the header, found 3');
  });

  it('refuses a 10,000-field row and a 10,000-column header', async () => {
    const wide = Array.from({ length: 10_000 }, (_, index) => index).join(',');
    const issue = await issueOf(readAll(readCsv(temp('wide-row.csv', `a,b,c\n1,2,3\n${wide}\n`))));
    expect(issue).toMatchObject({ field: 'columns', row: 3, column: '1001' });
    expect(issue.message).toContain('more than 1000 fields');
    const header = await issueOf(readCsv(temp('wide-header.csv', `${wide}\n${wide}\n`), { maxColumns: 500 }));
    expect(header).toMatchObject({ field: 'columns', row: 1, column: '501' });
  });

  it('refuses an unterminated quote, naming the row it opens in', async () => {
    const table = await readCsv(fixture('unterminated-quote.csv'));
    const issue = await issueOf(readAll(table));
    expect(issue).toMatchObject({ field: 'file', file: 'unterminated-quote.csv', row: 3 });
    expect(issue.message).toContain('never closed');
  });

  it('stops an unterminated quote in a large file before it swallows the rest', async () => {
    const path = temp('runaway.csv', `a,b\n1,"open\n${'x,y\n'.repeat(1_200_000)}`);
    const issue = await issueOf(readAll(readCsv(path)));
    expect(issue).toMatchObject({ field: 'file', row: 2 });
    expect(issue.message).toContain('longer than');
  });

  it('refuses duplicate and empty header names, all at once', async () => {
    const error = await appError(readCsv(fixture('duplicate-header.csv')));
    expect(error.issues).toEqual([
      {
        field: 'header',
        message: 'the column has no name',
        messageDa: 'kolonnen har intet navn',
        file: 'duplicate-header.csv',
        row: 1,
        column: '4',
      },
      {
        field: 'header',
        message: 'the column name "år" is used twice (also column 2)',
        messageDa: 'kolonnenavnet "år" bruges to gange (også kolonne 2)',
        file: 'duplicate-header.csv',
        row: 1,
        column: 'år',
      },
    ]);
  });

  it('refuses an Excel workbook renamed to .csv, and binary data', async () => {
    const renamed = await issueOf(readCsv(fixture('xlsx-renamed.csv')));
    expect(renamed).toMatchObject({ field: 'file', file: 'xlsx-renamed.csv' });
    expect(renamed.message).toContain('.xlsx');
    const binary = await issueOf(readCsv(temp('binary.csv', Buffer.from('a,b\n1,2\n3,\u0000\n'))));
    expect(binary).toMatchObject({ field: 'file', row: 3 });
    expect(binary.message).toContain('not a text file');
  });

  it('refuses UTF-16 text with advice', async () => {
    const path = temp(
      'utf16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]),
    );
    expect(await issueOf(readCsv(path))).toMatchObject({
      field: 'encoding',
      message: expect.stringContaining('UTF-8'),
    });
  });

  it('refuses a header row past the end of the file', async () => {
    const issue = await issueOf(readCsv(fixture('header-only.csv'), { headerRow: 5 }));
    expect(issue).toMatchObject({ field: 'header', row: 5 });
  });
});

describe('sniffing helpers', () => {
  it('splits a sample with quotes, doubled quotes and line breaks, dropping a cut-off last record', () => {
    const text = 'a;"b;""c"""\n"multi\nline";x\n"cut';
    expect(sampleRecords(text, ';', false)).toEqual([
      { line: 1, fields: ['a', 'b;"c"'] },
      { line: 2, fields: ['multi\nline', 'x'] },
    ]);
    expect(sampleRecords('a,b\n1,2', ',', true)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('picks the delimiter that splits the header, ignoring quoted ones', () => {
    expect(detectDelimiter('"Andel, pct";År;Antal\n1,5;2021;3\n', true)).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n', true)).toBe('\t');
    expect(detectDelimiter('a,b\n1,2\n', true)).toBe(',');
    expect(detectDelimiter('single\nvalue\n', true, 1, '.tsv')).toBe('\t');
    expect(detectDelimiter('Titel, 2023\n\nx;y\n1;2\n', true, 3)).toBe(';');
  });

  it('detects a decimal comma from sampled numbers', () => {
    expect(usesDecimalComma([['12,5', '2021', 'x']])).toBe(true);
    expect(usesDecimalComma([['1.234,5']])).toBe(true);
    expect(usesDecimalComma([['12.5', '1,5', '3.25']])).toBe(false);
    expect(usesDecimalComma([['1.234', '2021']])).toBe(false);
    // Thousands in one convention, decimals in the other: the delimiter decides (`;` → Danish decimal comma).
    expect(usesDecimalComma([['12.345', '2021']], ';')).toBe(true);
    expect(usesDecimalComma([['12,345', '2021']], ',')).toBe(false);
    expect(usesDecimalComma([['12,5', '12.345']], ';')).toBe(true);
  });
});

describe('readCsv round trip', () => {
  const field = fc.oneof(
    fc.constantFrom('', ' ', 'æøå', 'a;b', 'a,b', 'say "hi"', 'two\nlines', 'crlf\r\nline', '12,5'),
    fc.string({ maxLength: 6 }).filter((text) => !text.includes('\u0000')),
  );

  it('reads back what was written, row numbers being the lines records start on', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t'),
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.array(fc.array(field, { minLength: width, maxLength: width }), { maxLength: 8 }),
          ),
        async (delimiter, body) => {
          const width = body[0]?.length ?? 2;
          const header = Array.from({ length: width }, (_, index) => `col${index}`);
          const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
          const lines = [header, ...body].map((fields) => fields.map(quote).join(delimiter));
          const path = temp(`round-trip-${run++}.csv`, `${lines.join('\r\n')}\r\n`);
          const table = await readCsv(path, { delimiter });
          expect(table.columns).toEqual(header);
          const expected = [];
          let line = 2;
          for (const fields of body) {
            if (fields.some((text) => text.trim() !== '')) {
              expected.push({ row: line, values: fields.map((text) => (text.trim() === '' ? null : text)) });
            }
            line += 1 + fields.reduce((breaks, text) => breaks + text.split(/\r\n|\r|\n/).length - 1, 0);
          }
          expect(await readAll(table)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
