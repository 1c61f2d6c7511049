// The mapping's shaping of a table: periods read as years, rows kept by a filter, labels turned into codes, and a
// wide table turned long, each refusing a column the file does not have.
import { describe, expect, it } from 'vitest';
import type { Mapping } from './mapping.js';
import { shapeTable, WIDE_VALUE, WIDE_YEAR, yearOfPeriod } from './mapping-shape.js';
import type { OpenedTable, RawRow } from './readers/table.js';

const table = (columns: string[], rows: (string | number | null)[][]): OpenedTable => ({
  settings: { format: 'csv' },
  columns,
  rows: {
    async *[Symbol.asyncIterator]() {
      let row = 1;
      for (const values of rows) yield { row: ++row, values };
    },
  },
});

const rowsOf = async (opened: OpenedTable) => {
  const rows: RawRow[] = [];
  for await (const row of opened.rows) rows.push(row);
  return rows;
};

const mapping = (extra: Partial<Mapping>): Mapping => ({ columns: {}, constants: {}, ...extra });

describe('shapeTable', () => {
  it.each([
    ['2014', 2014],
    ['2005M08', 2005],
    ['2013K4', 2013],
    ['2013Q4', 2013],
    ['2014-01', 2014],
    ['2014H1', 2014],
  ])('reads the period %s as the year %d', (period, year) => {
    expect(yearOfPeriod(period)).toBe(year);
  });

  it.each(['14', 'år 2014', '2014/15', '20141'])('reads %j as no period', (text) => {
    expect(yearOfPeriod(text)).toBeUndefined();
  });

  it('keeps rows by a filter, maps labels to codes and reads a period column as the year', async () => {
    const shaped = shapeTable(
      table(
        ['BRANCHE', 'KØN', 'TID', 'INDHOLD'],
        [
          ['Kontor', 'I alt', '2021M01', 5],
          ['Kontor', 'Mænd', '2021M01', 3],
          ['Engros', 'Kvinder', '2022K4', 7],
          ['Ukendt', 'I alt', '2023Q1', 9],
        ],
      ),
      mapping({
        columns: { branch: 'BRANCHE', employed: 'INDHOLD' },
        where: { køn: ['I alt', 'Kvinder'] },
        values: { branch: { Kontor: 'kontor', Engros: 'engros' } },
        period: 'TID',
      }),
      'f.csv',
    );
    expect(shaped.mapping?.columns).toEqual({ branch: 'BRANCHE', employed: 'INDHOLD', year: 'TID' });
    expect(await rowsOf(shaped.table)).toEqual([
      { row: 2, values: ['kontor', 'I alt', 2021, 5] },
      { row: 4, values: ['engros', 'Kvinder', 2022, 7] },
      { row: 5, values: ['Ukendt', 'I alt', 2023, 9] },
    ]);
  });

  it('turns a wide table long: one row per year column, the source row number kept', async () => {
    const shaped = shapeTable(
      table(['Branche', '2021', '2022'], [['kontor', 1200, '..']]),
      mapping({ columns: { branch: 'Branche' }, wide: { value: 'employed' } }),
      'f.csv',
    );
    expect(shaped.table.columns).toEqual(['Branche', WIDE_YEAR, WIDE_VALUE]);
    expect(shaped.mapping?.columns).toEqual({ branch: 'Branche', year: WIDE_YEAR, employed: WIDE_VALUE });
    expect(await rowsOf(shaped.table)).toEqual([
      { row: 2, values: ['kontor', 2021, 1200] },
      { row: 2, values: ['kontor', 2022, '..'] },
    ]);
  });

  it('names a column the file does not have, and a wide table without year columns', () => {
    const opened = table(['Branche', 'Antal'], []);
    expect(() => shapeTable(opened, mapping({ where: { Køn: 'I alt' } }), 'f.csv')).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({ field: 'where.Køn', messageDa: expect.stringContaining('"Køn"') }),
        ],
      }),
    );
    expect(() => shapeTable(opened, mapping({ wide: { value: 'employed' } }), 'f.csv')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'wide' })] }),
    );
    expect(() => shapeTable(opened, mapping({ values: { branch: { A: 'a' } } }), 'f.csv')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'values.branch' })] }),
    );
  });
});
