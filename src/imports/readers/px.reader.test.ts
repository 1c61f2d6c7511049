import { describe, expect, it } from 'vitest';
import { fixture, issueOf, readAll, useTempDir } from '../../../test/imports/reader-testing.js';
import { parseList, readPx } from './px.reader.js';

const temp = useTempDir();

const utf8Px = (data: string, extra = '') =>
  [
    'CHARSET="ANSI";',
    'CODEPAGE="utf-8";',
    'TITLE="Anmeldte arbejdsulykker";',
    'HEADING="år","køn";',
    'VALUES("år")="2022","2023";',
    'VALUES("køn")="Mænd","Kvinder";',
    extra,
    `DATA=${data}`,
  ].join('\n');

describe('readPx', () => {
  it('refuses a cube of more cells than an import takes before reading its data', async () => {
    const values = (prefix: string) => Array.from({ length: 4000 }, (_, i) => `"${prefix}${i}"`).join(',');
    const file = temp(
      'bombe.px',
      [
        'CHARSET="ANSI";',
        'CODEPAGE="utf-8";',
        'TITLE="Stor";',
        'STUB="a";',
        'HEADING="b";',
        `VALUES("a")=${values('a')};`,
        `VALUES("b")=${values('b')};`,
        'DATA=1;',
      ].join('\n'),
    );
    const error = await readPx(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too_large' });
    expect(JSON.stringify(error)).toContain('16000000 cells');
  });

  it('reads a Windows-1252 StatBank file: default language, multi-line texts and lists, missing markers', async () => {
    const table = await readPx(fixture('employment.px'));
    expect(table.settings).toEqual({
      format: 'px',
      encoding: 'windows-1252',
      dimensions: ['branche', 'køn', 'tid'],
      title: 'Beskæftigede efter branche, køn og tid – ultimo november',
    });
    expect(table.columns).toEqual([
      'branche',
      'branche_label',
      'køn',
      'køn_label',
      'tid',
      'tid_label',
      'value',
      'status',
    ]);
    const rows = await readAll(table);
    expect(rows).toHaveLength(12);
    const agriculture = ['A', 'Landbrug, skovbrug og fiskeri'];
    const care = ['QB', 'Døgninstitutioner og hjemmepleje'];
    expect(rows.slice(0, 4)).toEqual([
      { row: 1, values: [...agriculture, 'M', 'Mænd', '2022', '2022', 51200, null] },
      { row: 2, values: [...agriculture, 'M', 'Mænd', '2023', '2023', 51900, null] },
      { row: 3, values: [...agriculture, 'K', 'Kvinder', '2022', '2022', 16000, null] },
      { row: 4, values: [...agriculture, 'K', 'Kvinder', '2023', '2023', null, '..'] },
    ]);
    expect(rows.slice(8)).toEqual([
      { row: 9, values: [...care, 'M', 'Mænd', '2022', '2022', 30100, null] },
      // "-" is PX's DATASYMBOLNIL: a true zero, kept as 0 (never lost as missing).
      { row: 10, values: [...care, 'M', 'Mænd', '2023', '2023', 0, null] },
      { row: 11, values: [...care, 'K', 'Kvinder', '2022', '2022', 131200, null] },
      { row: 12, values: [...care, 'K', 'Kvinder', '2023', '2023', 133000, null] },
    ]);
  });

  it('refuses a file whose declared code page its bytes do not follow, rather than read it garbled', async () => {
    const text = utf8Px('1 2 3 4;').replace('CODEPAGE="utf-8";', 'CODEPAGE="iso-8859-15";');
    const issue = await issueOf(readPx(temp('tegntabel.px', Buffer.from(text, 'utf8'))).then(readAll));
    expect(issue).toMatchObject({ field: 'encoding' });
    expect(issue.message).toMatch(/written in UTF-8, but the file reads as/);
  });

  it('reads data lines that each end with a semicolon, as Spain’s INE writes them', async () => {
    const table = await readPx(temp('ine.px', utf8Px('1 2;\n3 "-";\n')));
    expect((await readAll(table)).map((row) => row.values.slice(4))).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [0, null],
    ]);
  });

  it('reads UTF-8 with HEADING only: codes default to the texts, the last variable varies fastest', async () => {
    const table = await readPx(temp('heading.px', utf8Px('1.5 .. \n 3e2 "..."')));
    expect(table.settings).toMatchObject({ encoding: 'utf-8', dimensions: ['år', 'køn'] });
    expect(await readAll(table)).toEqual([
      { row: 1, values: ['2022', '2022', 'Mænd', 'Mænd', 1.5, null] },
      { row: 2, values: ['2022', '2022', 'Kvinder', 'Kvinder', null, '..'] },
      { row: 3, values: ['2023', '2023', 'Mænd', 'Mænd', 300, null] },
      { row: 4, values: ['2023', '2023', 'Kvinder', 'Kvinder', null, '...'] },
    ]);
  });

  it('refuses a DATA count other than the product of the value counts, saying both', async () => {
    const table = await readPx(fixture('wrong-count.px'));
    const issue = await issueOf(readAll(table));
    expect(issue).toEqual({
      field: 'value',
      file: 'wrong-count.px',
      message: 'DATA has 6 values but the variables (3 × 2 × 2) make 12 cells',
      messageDa: 'DATA har 6 værdier, men variablene (3 × 2 × 2) giver 12 celler',
    });
    const surplus = await issueOf(readAll(readPx(temp('surplus.px', utf8Px('1 2 3 4 5 6;')))));
    expect(surplus.message).toBe('DATA has 6 values but the variables (2 × 2) make 4 cells');
  });

  it('refuses a DATA token that is not a number, naming the observation and the line', async () => {
    const issue = await issueOf(readAll(readPx(temp('token.px', utf8Px('1 2\n3 n/a;')))));
    expect(issue).toMatchObject({ field: 'value', file: 'token.px', row: 4, column: 'value' });
    expect(issue.message).toContain('"n/a" on line 9');
  });

  it('refuses files missing VALUES, DATA, or both STUB and HEADING', async () => {
    const noValues = utf8Px('1 2 3 4;').replace('VALUES("køn")="Mænd","Kvinder";', '');
    expect((await issueOf(readPx(temp('no-values.px', noValues)))).message).toContain('VALUES("køn")');
    const noData = utf8Px('').replace('DATA=', '');
    expect((await issueOf(readPx(temp('no-data.px', noData)))).message).toBe('has no DATA section');
    const noVariables = utf8Px('1 2 3 4;').replace('HEADING="år","køn";', '');
    expect((await issueOf(readPx(temp('no-variables.px', noVariables)))).message).toContain(
      'neither STUB nor HEADING',
    );
  });

  it('refuses CODES that do not match VALUES, KEYS files and unknown code pages', async () => {
    const codes = await issueOf(readPx(temp('codes.px', utf8Px('1 2 3 4;', 'CODES("køn")="M";'))));
    expect(codes.message).toBe('CODES("køn") has 1 entries but VALUES("køn") has 2');
    const keys = await issueOf(readPx(temp('keys.px', utf8Px('"2022" 1 2;', 'KEYS("år")=VALUES;'))));
    expect(keys.message).toContain('KEYS');
    const codepage = await issueOf(readPx(temp('codepage.px', 'CODEPAGE="klingon";\nSTUB="a";')));
    expect(codepage).toMatchObject({ field: 'encoding' });
  });

  it('refuses a statement without a keyword, naming the line', async () => {
    const issue = await issueOf(readPx(temp('garbage.px', 'CHARSET="ANSI";\n\n12 34=5;\nDATA=1;')));
    expect(issue.message).toBe('line 3: "12 34" is not a PX keyword');
  });
});

describe('parseList', () => {
  it('splits on commas outside quotes and joins strings split over lines', () => {
    expect(parseList('"a, b","c"')).toEqual(['a, b', 'c']);
    expect(parseList('"Beskæftigede "\r\n"i alt", "x"')).toEqual(['Beskæftigede i alt', 'x']);
    expect(parseList('"a",\n"b"')).toEqual(['a', 'b']);
    expect(parseList('2010')).toEqual(['2010']);
    expect(parseList('""')).toEqual(['']);
    expect(parseList('')).toEqual([]);
  });
});
