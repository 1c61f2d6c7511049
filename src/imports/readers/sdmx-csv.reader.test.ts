import { describe, expect, it } from 'vitest';
import { fixture, issueOf, readAll, useTempDir } from '../../../test/imports/reader-testing.js';
import { openTable } from './open-table.js';
import { isSdmxCsvHeader, readSdmxCsv } from './sdmx-csv.reader.js';

const temp = useTempDir();

describe('readSdmxCsv', () => {
  it('reads SDMX-CSV 1.0: columns as in the file, dimensions and dataflow from the header and first row', async () => {
    const table = await readSdmxCsv(fixture('sdmx-1.csv'));
    expect(table.settings).toEqual({
      format: 'sdmx-csv',
      encoding: 'utf-8',
      bom: false,
      delimiter: ',',
      decimalComma: false,
      headerRow: 1,
      dimensions: ['FREQ', 'NACE_R2', 'GEO', 'TIME_PERIOD'],
      title: 'ESTAT:HSW_N2_01(1.0)',
    });
    expect(table.columns).toEqual([
      'DATAFLOW',
      'FREQ',
      'NACE_R2',
      'GEO',
      'TIME_PERIOD',
      'OBS_VALUE',
      'OBS_FLAG',
    ]);
    expect(await readAll(table)).toEqual([
      { row: 2, values: ['ESTAT:HSW_N2_01(1.0)', 'A', 'F', 'DK', '2021', '2.9', null] },
      { row: 3, values: ['ESTAT:HSW_N2_01(1.0)', 'A', 'F', 'DK', '2022', '3.4', 'p'] },
      { row: 4, values: ['ESTAT:HSW_N2_01(1.0)', 'A', 'C', 'DK', '2022', '1.1', null] },
    ]);
  });

  it.each(['STRUCTURE[;]', 'STRUCTURE[|]'])('reads SDMX-CSV 3.0 whose first column is %s', async (first) => {
    const path = temp(
      `sdmx-3-${first.length}.csv`,
      [
        `${first},STRUCTURE_ID,ACTION,FREQ,NACE_R2,GEO,TIME_PERIOD,OBS_VALUE`,
        'dataflow,ESTAT:HSW_N2_01(1.0),I,A,F,DK,2022,3.4',
        'dataflow,ESTAT:HSW_N2_01(1.0),I,A,C,DK,2022,1.1',
      ].join('\n'),
    );
    const table = await openTable(path);
    expect(table.settings).toMatchObject({
      format: 'sdmx-csv',
      delimiter: ',',
      dimensions: ['FREQ', 'NACE_R2', 'GEO', 'TIME_PERIOD'],
      title: 'ESTAT:HSW_N2_01(1.0)',
    });
    expect((await readAll(table)).map((row) => row.values.slice(4))).toEqual([
      ['F', 'DK', '2022', '3.4'],
      ['C', 'DK', '2022', '1.1'],
    ]);
  });

  it('reads SDMX-CSV 2.0 with STRUCTURE, STRUCTURE_ID and ACTION', async () => {
    const table = await readSdmxCsv(fixture('sdmx-2.csv'));
    expect(table.settings).toMatchObject({
      format: 'sdmx-csv',
      dimensions: ['FREQ', 'NACE_R2', 'GEO', 'TIME_PERIOD'],
      title: 'ESTAT:HSW_N2_01(1.0)',
    });
    expect(table.columns.slice(0, 3)).toEqual(['STRUCTURE', 'STRUCTURE_ID', 'ACTION']);
    expect(await readAll(table)).toEqual([
      { row: 2, values: ['dataflow', 'ESTAT:HSW_N2_01(1.0)', 'I', 'A', 'F', 'DK', '2021', '2.9', 'A'] },
      { row: 3, values: ['dataflow', 'ESTAT:HSW_N2_01(1.0)', 'I', 'A', 'F', 'DK', '2022', null, 'M'] },
    ]);
  });

  it('reads headers and codes with labels ("FREQ: Frequency")', async () => {
    const path = temp(
      'labels.csv',
      'DATAFLOW,FREQ: Frequency,GEO: Geopolitical entity,TIME_PERIOD: Time,OBS_VALUE: Observation value\n' +
        'ESTAT:HSW_N2_01(1.0): Accidents at work,A: Annual,DK: Denmark,2022,3.4\n',
    );
    const table = await readSdmxCsv(path);
    expect(table.settings.dimensions).toEqual(['FREQ', 'GEO', 'TIME_PERIOD']);
    expect(table.settings.title).toBe('ESTAT:HSW_N2_01(1.0)');
    expect(table.columns[1]).toBe('FREQ: Frequency');
  });

  it('refuses a file that is not SDMX-CSV when that format is forced', async () => {
    const issue = await issueOf(readSdmxCsv(fixture('employment-utf8-bom.csv')));
    expect(issue).toMatchObject({ field: 'header', file: 'employment-utf8-bom.csv', row: 1, column: '1' });
    expect(issue.message).toContain('DATAFLOW');
  });

  it('recognises SDMX-CSV headers', () => {
    expect(isSdmxCsvHeader(['DATAFLOW', 'FREQ'])).toBe(true);
    expect(isSdmxCsvHeader(['STRUCTURE', 'STRUCTURE_ID'])).toBe(true);
    expect(isSdmxCsvHeader(['branche'])).toBe(false);
    expect(isSdmxCsvHeader(undefined)).toBe(false);
  });
});
