// Every import format end to end, on both databases: what lands, and how it was read.
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, type TestStore } from '../../test/databases.js';
import type { TempFiles } from '../../test/imports/files.js';
import { useImportWorkspace } from '../../test/imports/workspace.js';
import { rollbackImport, runImport } from './imports.service.js';
import type { Mapping } from './mapping.js';

const actor = { user: 'test', now: () => new Date('2026-04-01T12:00:00Z') };

const JSON_STAT = {
  version: '2.0',
  class: 'dataset',
  label: 'Beskæftigede efter branche og tid',
  source: 'Danmarks Statistik',
  id: ['BRANCHE07', 'Tid'],
  size: [3, 2],
  dimension: {
    BRANCHE07: {
      label: 'branche',
      category: {
        index: ['410000', '420000', '862000'],
        label: {
          '410000': 'Opførelse af bygninger',
          '420000': 'Anlægsarbejder',
          '862000': 'Læger og tandlæger',
        },
      },
    },
    Tid: {
      label: 'tid',
      category: { index: { '2030': 0, '2031': 1 }, label: { '2030': '2030', '2031': '2031' } },
    },
  },
  value: [75100, 76200, 35300, null, 50100, 50900],
  status: { '3': '..' },
};

const PX = [
  'CHARSET="ANSI";',
  'AXIS-VERSION="2010";',
  'CODEPAGE="windows-1252";',
  'LANGUAGE="da";',
  'MATRIX="RAS300";',
  'TITLE="Beskæftigede efter branche og tid, "',
  '"ultimo november";',
  'CONTENTS="Beskæftigede";',
  'UNITS="antal";',
  'STUB="branche";',
  'HEADING="tid";',
  'VALUES("branche")="Opførelse af bygninger","Færdiggørelse af byggeri",',
  '"Hospitaler";',
  'CODES("branche")="412000","432100","861000";',
  'VALUES("tid")="2030","2031";',
  'DATA=',
  '75100 76200',
  '95300 ".."',
  '150200 151000;',
].join('\r\n');

const SDMX = [
  'DATAFLOW,FREQ,NACE_R2,GEO,TIME_PERIOD,OBS_VALUE,OBS_FLAG',
  'ESTAT:HSW_N2_01(1.0),A,F41,DK,2030,2.9,',
  'ESTAT:HSW_N2_01(1.0),A,F42,DK,2030,3.4,p',
].join('\n');

async function xlsx(file: string, secondValue: number | string = 32100.5) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Forside').getCell('A1').value = 'Beskæftigelse 2030 – demo';
  const sheet = workbook.addWorksheet('Data');
  sheet.getCell('A1').value = 'Beskæftigede efter branchegruppe';
  sheet.addRow([]);
  sheet.getRow(3).values = ['Branchegruppe', 'År', 'Køn', 'Beskæftigede'];
  sheet.getRow(4).values = ['Anlægsarbejde', 2030, 'Kvinder', 3100];
  sheet.getRow(5).values = ['Anlægsarbejde', 2030, 'Mænd', secondValue];
  sheet.getRow(6).values = ['Frisører og anden personlig pleje', 2030, 'i alt', 30500];
  await workbook.xlsx.writeFile(file);
}

describeEachDialect('import formats', (dialect) => {
  const workspace = useImportWorkspace(dialect);
  let store: TestStore;
  let files: TempFiles;
  beforeAll(() => {
    ({ store, files } = workspace);
  });

  const employment = (batchId: number | null) =>
    store.db
      .selectFrom('employment')
      .innerJoin('branchGroup', 'branchGroup.id', 'employment.branchGroupId')
      .select(['branchGroup.code', 'year', 'sex', 'employed'])
      .where('batchId', '=', batchId ?? -1)
      .orderBy('branchGroup.code')
      .orderBy('year')
      .orderBy('sex')
      .execute();

  it('XLSX: a chosen sheet with its header on row 3', async () => {
    const file = `${files.dir}/beskaeftigelse.xlsx`;
    await xlsx(file);
    const report = await runImport(
      store,
      file,
      { kind: 'employment', sheet: 'Data', mapping: { columns: {}, constants: {}, headerRow: 3 } },
      actor,
    );
    expect(report.settings).toMatchObject({ format: 'xlsx', sheet: 'Data', sheets: ['Forside', 'Data'] });
    expect(await employment(report.batchId)).toEqual([
      { code: 'anlaegsarbejde', year: 2030, sex: 'K', employed: 3100 },
      { code: 'anlaegsarbejde', year: 2030, sex: 'M', employed: 32100.5 },
      { code: 'frisoerer-og-anden-personlig-pleje', year: 2030, sex: 'all', employed: 30500 },
    ]);
    await rollbackImport(store, report.batchId ?? 0, actor, '');
  });

  it('XLSX: problems name the sheet, row and column', async () => {
    const file = `${files.dir}/fejl.xlsx`;
    await xlsx(file, 'mange');
    const mapping: Mapping = { columns: {}, constants: {}, headerRow: 3 };
    const error = await runImport(store, file, { kind: 'employment', sheet: 'Data', mapping }, actor).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'invalid_input',
      issues: [
        {
          field: 'employed',
          sheet: 'Data',
          row: 5,
          column: 'Beskæftigede',
          message: '"mange" is not a number',
        },
      ],
    });
  });

  it('JSON-stat 2.0 as Statistics Denmark serves it, with a mapping file and an unpublished cell', async () => {
    const file = files.write('ras.json', JSON.stringify(JSON_STAT));
    const mapping: Mapping = {
      columns: { industryCode: 'BRANCHE07', year: 'Tid', employed: 'value' },
      constants: { source: 'DST' },
    };
    const report = await runImport(store, file, { kind: 'employment', mapping }, actor);
    expect(report).toMatchObject({ rows: 5, skipped: 1, settings: { format: 'json-stat' } });
    expect(await employment(report.batchId)).toEqual([
      { code: 'anlaegsarbejde', year: 2030, sex: 'all', employed: 35300 },
      { code: 'laeger-tandlaeger-og-dyrlaeger', year: 2030, sex: 'all', employed: 50100 },
      { code: 'laeger-tandlaeger-og-dyrlaeger', year: 2031, sex: 'all', employed: 50900 },
      { code: 'opfoerelse-og-nedrivning-af-byggeri', year: 2030, sex: 'all', employed: 75100 },
      { code: 'opfoerelse-og-nedrivning-af-byggeri', year: 2031, sex: 'all', employed: 76200 },
    ]);
    await rollbackImport(store, report.batchId ?? 0, actor, '');
  });

  it('PX with CODEPAGE windows-1252, multi-line values and a ".." marker', async () => {
    const file = files.write('ras300.px', PX, 'latin1');
    const mapping: Mapping = {
      columns: { industryCode: 'branche', year: 'tid', employed: 'value' },
      constants: {},
    };
    const report = await runImport(store, file, { kind: 'employment', mapping }, actor);
    expect(report).toMatchObject({ rows: 5, skipped: 1, settings: { format: 'px' } });
    expect(await employment(report.batchId)).toEqual([
      { code: 'faerdiggoerelse-af-byggeri', year: 2030, sex: 'all', employed: 95300 },
      { code: 'hospitaler', year: 2030, sex: 'all', employed: 150200 },
      { code: 'hospitaler', year: 2031, sex: 'all', employed: 151000 },
      { code: 'opfoerelse-og-nedrivning-af-byggeri', year: 2030, sex: 'all', employed: 75100 },
      { code: 'opfoerelse-og-nedrivning-af-byggeri', year: 2031, sex: 'all', employed: 76200 },
    ]);
    await rollbackImport(store, report.batchId ?? 0, actor, '');
  });

  it('SDMX-CSV with NACE codes and a fixed indicator', async () => {
    const file = files.write('estat.csv', SDMX);
    const mapping: Mapping = {
      columns: { industryCode: 'NACE_R2', year: 'TIME_PERIOD', value: 'OBS_VALUE' },
      constants: { indicator: 'ulykke-fravaer', source: 'Eurostat' },
    };
    const report = await runImport(store, file, { kind: 'observations', mapping }, actor);
    expect(report.settings.format).toBe('sdmx-csv');
    const rows = await store.db
      .selectFrom('observation')
      .select(['scopeKey', 'year', 'value', 'source'])
      .where('batchId', '=', report.batchId ?? -1)
      .orderBy('scopeKey')
      .execute();
    expect(rows).toEqual([
      { scopeKey: 'branch:anlaegsarbejde', year: 2030, value: 3.4, source: 'Eurostat' },
      { scopeKey: 'branch:opfoerelse-og-nedrivning-af-byggeri', year: 2030, value: 2.9, source: 'Eurostat' },
    ]);
    await rollbackImport(store, report.batchId ?? 0, actor, '');
  });

  it('CSV: UTF-8 with BOM and tabs, Danish letters intact', async () => {
    const file = files.write(
      'beskæftigelse.tsv',
      'branchegruppe\tår\tbeskæftigede\nFærdiggørelse af byggeri\t2031\t96000\nDøgninstitutioner og hjemmepleje\t2031\t191000\n',
      'utf8-bom',
    );
    const report = await runImport(store, file, { kind: 'employment' }, actor);
    expect(report.settings).toMatchObject({ format: 'csv', encoding: 'utf-8', bom: true, delimiter: '\t' });
    expect((await employment(report.batchId)).map((row) => row.code)).toEqual([
      'doegninstitutioner-og-hjemmepleje',
      'faerdiggoerelse-af-byggeri',
    ]);
    await rollbackImport(store, report.batchId ?? 0, actor, '');
  });
});
