import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';
import { describeEachDialect, type TestStore } from '../../test/databases.js';
import { expectAppError } from '../../test/errors.js';
import type { TempFiles } from '../../test/imports/files.js';
import { writeAccidentsCsv } from '../../test/imports/generate-accidents.js';
import { useImportWorkspace } from '../../test/imports/workspace.js';
import { dumpDatabase } from '../../test/seed.js';
import { type DatabaseConfig, parseDatabaseSetting } from '../config.js';
import { inTransaction, openStore } from '../db/connect.js';
import { takeImportTurn } from '../db/dialect.js';
import type { AppError } from '../errors.js';
import { rollbackImport, runImport } from './imports.service.js';
import type { ImportKind } from './kinds/index.js';

const actor = { user: 'datastewart', now: () => new Date('2026-03-01T09:00:00Z') };

const OBSERVATIONS_DA = [
  'Indikator;Branchegruppe;År;Andel;Antal svar;Nedre;Øvre;Kilde',
  'kemi-udsat;Anlægsarbejde;2027;31,5;612;27,9;35,3;"NOA-L; 2027"',
  'kemi-udsat;Færdiggørelse af byggeri;2027;18,2;540;15,1;21,7;NOA-L',
  'fysisk-belastning;Butikker;2027;40,1;800;36,7;43,5;NOA-L',
].join('\r\n');

const ACCIDENTS = [
  'sagsnummer,registreringsdato,ulykkesdato,branchekode,alder,køn,fraværsdage,skadetype,kontaktform,dødsulykke',
  'A-1,2024-03-07,2024-03-01,412000,23,M,5,Sår,Skåret,nej',
  'A-2,2024-04-11,2024-04-10,432100,58,K,0,Forstuvning,Fald,nej',
  'A-3,12-05-2024,10-05-2024,101110,41,M,,Brud,Klemt,ja',
].join('\n');

describeEachDialect('imports', (dialect) => {
  const workspace = useImportWorkspace(dialect);
  let store: TestStore;
  let files: TempFiles;
  beforeAll(() => {
    ({ store, files } = workspace);
  });

  const run = (file: string, kind: ImportKind, options: Record<string, unknown> = {}) =>
    runImport(store, file, { kind, ...options }, actor);

  it('imports a Danish Excel-style CSV (Windows-1252, semicolons, decimal commas) with provenance', async () => {
    const file = files.write('målinger.csv', OBSERVATIONS_DA, 'latin1');
    const report = await run(file, 'observations', { source: 'NOA-L 2027' });
    expect(report).toMatchObject({
      rows: 3,
      dryRun: false,
      settings: { format: 'csv', encoding: 'windows-1252', delimiter: ';', decimalComma: true },
    });
    const batch = await store.db
      .selectFrom('importBatch')
      .selectAll()
      .where('id', '=', report.batchId ?? 0)
      .executeTakeFirstOrThrow();
    expect(batch).toMatchObject({
      kind: 'observations',
      fileName: 'målinger.csv',
      rowCount: 3,
      sourceLabel: 'NOA-L 2027',
      importedBy: 'datastewart',
      importedAt: '2026-03-01T09:00:00.000Z',
      status: 'committed',
      sha256: report.sha256,
    });
    expect(batch.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(batch.settings)).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    const rows = await store.db
      .selectFrom('observation')
      .select(['scopeKey', 'value', 'respondents', 'lowercl', 'uppercl', 'source'])
      .where('batchId', '=', report.batchId)
      .orderBy('value')
      .execute();
    expect(rows).toEqual([
      {
        scopeKey: 'branch:faerdiggoerelse-af-byggeri',
        value: 18.2,
        respondents: 540,
        lowercl: 15.1,
        uppercl: 21.7,
        source: 'NOA-L',
      },
      {
        scopeKey: 'branch:anlaegsarbejde',
        value: 31.5,
        respondents: 612,
        lowercl: 27.9,
        uppercl: 35.3,
        source: 'NOA-L; 2027',
      },
      {
        scopeKey: 'branch:butikker',
        value: 40.1,
        respondents: 800,
        lowercl: 36.7,
        uppercl: 43.5,
        source: 'NOA-L',
      },
    ]);

    const again = await expectAppError(run(file, 'observations'));
    expect(again.code).toBe('conflict');
    expect(again.issues[0]?.message).toContain(`identical to batch ${report.batchId}`);

    const rollback = await rollbackImport(store, report.batchId ?? 0, actor, 'wrong wave');
    expect(rollback).toEqual({ batchId: report.batchId, removed: 3, restored: 0 });
    expect(
      await store.db.selectFrom('observation').select('id').where('batchId', '=', report.batchId).execute(),
    ).toEqual([]);
    const rolledBack = await store.db
      .selectFrom('importBatch')
      .selectAll()
      .where('id', '=', report.batchId ?? 0)
      .executeTakeFirstOrThrow();
    expect(rolledBack).toMatchObject({
      status: 'rolled_back',
      rolledBackBy: 'datastewart',
      rollbackReason: 'wrong wave',
    });
    await expect(rollbackImport(store, report.batchId ?? 0, actor, '')).rejects.toMatchObject({
      code: 'conflict',
    });

    const reimported = await run(file, 'observations');
    expect(reimported.rows).toBe(3);
    expect(reimported.batchId).not.toBe(report.batchId);
    await rollbackImport(store, reimported.batchId ?? 0, actor, 'clean up');
  });

  it('lets only one of two simultaneous imports of the same file land', async () => {
    const file = files.write('samtidig.csv', ACCIDENTS.replaceAll('A-', 'S-'));
    const results = await Promise.allSettled([run(file, 'accidents'), run(file, 'accidents')]);
    const landed = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(landed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.reason).toMatchObject({ code: 'conflict' });
    const batches = await store.db
      .selectFrom('importBatch')
      .select('id')
      .where('fileName', '=', 'samtidig.csv')
      .execute();
    expect(batches).toHaveLength(1);
    await rollbackImport(store, batches[0]?.id ?? 0, actor, '');
  });

  it('rolls back exactly one batch, leaving the others', async () => {
    const first = await run(files.write('a.csv', ACCIDENTS), 'accidents');
    const second = await run(files.write('b.csv', ACCIDENTS.replaceAll('A-', 'B-')), 'accidents');
    await rollbackImport(store, first.batchId ?? 0, actor, '');
    const left = await store.db
      .selectFrom('accident')
      .select(['caseId', 'batchId'])
      .where('caseId', 'not like', 'DEMO-%')
      .orderBy('caseId')
      .execute();
    expect(left).toEqual([
      { caseId: 'B-1', batchId: second.batchId },
      { caseId: 'B-2', batchId: second.batchId },
      { caseId: 'B-3', batchId: second.batchId },
    ]);
    await rollbackImport(store, second.batchId ?? 0, actor, '');
  });

  it('checks a mapping file’s constants like cells: names of fields, values of their type and range', async () => {
    const noYear = 'Indikator;Branchegruppe;Andel\nkemi-udsat;Butikker;12,5\n';
    const noValue = 'Indikator;Branchegruppe;År\nkemi-udsat;Butikker;2027\n';
    const cases: [string, string, Record<string, unknown>, RegExp][] = [
      ['abc.csv', noYear, { year: 'abc' }, /constants\.year: "abc" is not a (whole )?number/],
      ['old.csv', noYear, { year: 1899 }, /constants\.year: 1899 is below 1990/],
      ['nan.csv', noValue, { value: 'NaN' }, /constants\.value: "NaN" is not a number/],
      ['neg.csv', noValue, { value: -5 }, /constants\.value: -5 is below 0/],
      [
        'typo.csv',
        noValue,
        { vaule: 5 },
        /constants\.vaule: "vaule" is not a field of observations \(its fields: /,
      ],
    ];
    for (const [name, content, constants, message] of cases) {
      const attempt = run(files.write(name, content), 'observations', {
        mapping: { columns: {}, constants },
      });
      await expect(attempt, name).rejects.toMatchObject({ code: 'invalid_input' });
      const error = (await attempt.catch((e: unknown) => e)) as AppError;
      expect(error.oneLine(), name).toMatch(message);
    }
    const accidents = 'sagsnummer,registreringsdato,branchekode\nK-1,2024-03-07,412000\n';
    const attempt = run(files.write('konst.csv', accidents), 'accidents', {
      mapping: { columns: {}, constants: { fatal: 'måske', age: 'gammel' } },
    });
    const error = (await attempt.catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => i.field)).toEqual(['constants.fatal', 'constants.age']);
    expect(error.issues[0]?.messageDa).toMatch(/er hverken ja eller nej/);
    const ok = await run(files.write('ok.csv', noYear), 'observations', {
      mapping: { columns: {}, constants: { year: 2027, source: 'NOA-L' } },
    });
    expect(ok.rows).toBe(1);
    await rollbackImport(store, ok.batchId ?? 0, actor, '');
  });

  it('reads thousands by the file’s convention, never a denominator a thousand times too small', async () => {
    const stored = async (batchId: number | null) =>
      (
        await store.db
          .selectFrom('employment')
          .select('employed')
          .where('batchId', '=', batchId ?? 0)
          .execute()
      ).map((row) => Number(row.employed));
    const danish = await run(
      files.write('dk.csv', 'Branchegruppe;År;Beskæftigede\nButikker;2031;12.345\nEngros;2031;9.876\n'),
      'employment',
    );
    expect(await stored(danish.batchId)).toEqual([12345, 9876]);
    await rollbackImport(store, danish.batchId ?? 0, actor, '');
    const english = await run(
      files.write('en.csv', 'branch_group,year,employed\nButikker,2031,"12,345"\nEngros,2031,"9,876"\n'),
      'employment',
    );
    expect(await stored(english.batchId)).toEqual([12345, 9876]);
    await rollbackImport(store, english.batchId ?? 0, actor, '');
    // A file that writes both conventions is refused at the cells that break the one it follows.
    const mixed = await expectAppError(
      run(
        files.write('mix.csv', 'Branchegruppe;År;Beskæftigede\nButikker;2031;12,5\nEngros;2031;12.5\n'),
        'employment',
      ),
    );
    expect(mixed.issues[0]).toMatchObject({
      row: 3,
      column: 'Beskæftigede',
      message: '"12.5" is not a number',
    });
  });

  it('refuses a file that changes while it is imported, and takes the same file once it is whole', async () => {
    const file = path.join(files.dir, 'skrives.csv');
    await writeAccidentsCsv(file, 12_000, 7);
    const original = readFileSync(file);
    let changed = false;
    const attempt = run(file, 'accidents', {
      onProgress: () => {
        if (changed) return;
        changed = true;
        appendFileSync(file, 'Z-1,2024-03-07,2024-03-01,412000,23,M,5,Sår,Hånd,Fald,nej\n');
      },
    });
    const error = await expectAppError(attempt);
    expect(error.code).toBe('conflict');
    expect(error.issues[0]?.messageDa).toMatch(/blev ændret, mens den blev læst/);
    writeFileSync(file, original);
    const report = await run(file, 'accidents');
    expect(report.rows).toBe(12_000);
    await rollbackImport(store, report.batchId ?? 0, actor, '');
  });

  it('lets one import run at a time: a second waits its turn, then is refused as another import running', async () => {
    const other = await openStore(parseDatabaseSetting(store.setting, 'DATABASE_URL') as DatabaseConfig);
    let release = () => {};
    let holding = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const taken = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const first = inTransaction(other.db, async (tx) => {
      await takeImportTurn(tx);
      holding();
      await held;
    });
    try {
      await taken;
      const error = await expectAppError(
        run(files.write('vent.csv', ACCIDENTS.replaceAll('A-', 'V-')), 'accidents'),
      );
      expect(error.code).toBe('conflict');
      expect(error.exitCode).toBe(75);
      expect(error.issues[0]?.messageDa).toBe('en anden import er i gang: prøv igen, når den er færdig');
    } finally {
      release();
      await first;
      await other.close();
    }
    const after = await run(files.write('vent2.csv', ACCIDENTS.replaceAll('A-', 'W-')), 'accidents');
    expect(after.rows).toBe(3);
    await rollbackImport(store, after.batchId ?? 0, actor, '');
  }, 30_000);

  it('skips and counts missing-value markers and JSON-stat nulls, and imports the rest', async () => {
    const statbank = await run(
      files.write(
        'statbank.csv',
        'Branchegruppe;År;Beskæftigede\nButikker;2032;1.200\nEngros;2032;..\nKontor;2032;:\n',
      ),
      'employment',
    );
    expect(statbank).toMatchObject({ rows: 1, skipped: 2 });
    await rollbackImport(store, statbank.batchId ?? 0, actor, '');
    const jsonStat = {
      version: '2.0',
      class: 'dataset',
      id: ['branche', 'tid'],
      size: [2, 1],
      dimension: {
        branche: { category: { index: ['butikker', 'engros'] } },
        tid: { category: { index: ['2032'] } },
      },
      value: [null, 830],
    };
    const cube = await run(files.write('nuller.json', JSON.stringify(jsonStat)), 'employment', {
      mapping: { columns: { branch: 'branche', year: 'tid', employed: 'value' }, constants: {} },
    });
    expect(cube).toMatchObject({ rows: 1, skipped: 1 });
    await rollbackImport(store, cube.batchId ?? 0, actor, '');
  });

  it('maps industry codes to branch groups and derives age bands and severity for accidents', async () => {
    const report = await run(files.write('ulykker.csv', ACCIDENTS.replaceAll('A-', 'C-')), 'accidents');
    const rows = await store.db
      .selectFrom('accident')
      .innerJoin('branchGroup', 'branchGroup.id', 'accident.branchGroupId')
      .select([
        'caseId',
        'branchGroup.code',
        'ageBand',
        'sex',
        'severity',
        'fatal',
        'registrationYear',
        'accidentDate',
      ])
      .where('batchId', '=', report.batchId ?? 0)
      .orderBy('caseId')
      .execute();
    expect(rows).toEqual([
      {
        caseId: 'C-1',
        code: 'opfoerelse-og-nedrivning-af-byggeri',
        ageBand: '15-24',
        sex: 'M',
        severity: 'serious',
        fatal: 0,
        registrationYear: 2024,
        accidentDate: '2024-03-01',
      },
      {
        caseId: 'C-2',
        code: 'faerdiggoerelse-af-byggeri',
        ageBand: '55-64',
        sex: 'K',
        severity: 'minor',
        fatal: 0,
        registrationYear: 2024,
        accidentDate: '2024-04-10',
      },
      {
        caseId: 'C-3',
        code: 'slagterier',
        ageBand: '35-44',
        sex: 'M',
        severity: 'fatal',
        fatal: 1,
        registrationYear: 2024,
        accidentDate: '2024-05-10',
      },
    ]);
    await rollbackImport(store, report.batchId ?? 0, actor, '');
  });

  it('replaces stored rows only with --replace, and a rollback restores them', async () => {
    const demo = await store.db
      .selectFrom('observation')
      .innerJoin('indicator', 'indicator.id', 'observation.indicatorId')
      .select(['observation.id', 'value'])
      .where('indicator.code', '=', 'kemi-udsat')
      .where('scopeKey', '=', 'branch:anlaegsarbejde')
      .where('year', '=', 2025)
      .executeTakeFirstOrThrow();
    const file = files.write(
      'rettelse.csv',
      'indicator,branch_group,year,value\nkemi-udsat,anlaegsarbejde,2025,12.5\n',
    );
    const refused = await expectAppError(run(file, 'observations'));
    expect(refused.issues[0]).toMatchObject({ row: 2, message: expect.stringContaining('--replace') });

    const before = await dumpDatabase(store.db);
    const report = await run(file, 'observations', { replace: true });
    expect(report.replaced).toBe(1);
    const now = await store.db
      .selectFrom('observation')
      .innerJoin('indicator', 'indicator.id', 'observation.indicatorId')
      .select(['value'])
      .where('indicator.code', '=', 'kemi-udsat')
      .where('scopeKey', '=', 'branch:anlaegsarbejde')
      .where('year', '=', 2025)
      .execute();
    expect(now).toEqual([{ value: 12.5 }]);
    await rollbackImport(store, report.batchId ?? 0, actor, '');
    const restored = await store.db
      .selectFrom('observation')
      .select(['id', 'value'])
      .where('id', '=', demo.id)
      .execute();
    expect(restored).toEqual([{ id: demo.id, value: demo.value }]);
    const after = await dumpDatabase(store.db);
    expect(after.observation).toEqual(before.observation);
  });

  it('revises targets in bulk, keeping history; rollback removes exactly those revisions', async () => {
    const csv = [
      'target_id;target_value;status;reason',
      '1;6,0;adopted;Evaluering 2024',
      '2;4,8;adopted;Evaluering 2024',
    ].join('\n');
    const before = await store.db
      .selectFrom('targetRevision')
      .select(['targetId', 'revision'])
      .where('targetId', 'in', [1, 2])
      .execute();
    const report = await run(files.write('maaltal.csv', csv), 'targets');
    expect(report.rows).toBe(2);
    const added = await store.db
      .selectFrom('targetRevision')
      .select(['targetId', 'targetValue', 'reason', 'revisedBy'])
      .where('batchId', '=', report.batchId ?? 0)
      .orderBy('targetId')
      .execute();
    expect(added).toEqual([
      { targetId: 1, targetValue: 6, reason: 'Evaluering 2024', revisedBy: 'datastewart' },
      { targetId: 2, targetValue: 4.8, reason: 'Evaluering 2024', revisedBy: 'datastewart' },
    ]);
    await rollbackImport(store, report.batchId ?? 0, actor, '');
    const after = await store.db
      .selectFrom('targetRevision')
      .select(['targetId', 'revision'])
      .where('targetId', 'in', [1, 2])
      .execute();
    expect(after).toEqual(before);

    const bad = await expectAppError(
      run(
        files.write('maaltal-fejl.csv', 'target_id;target_year;reason\n1;2030;ok\n3;2019;fejl\n'),
        'targets',
      ),
    );
    expect(bad.issues[0]).toMatchObject({
      row: 3,
      field: 'targetYear',
      message: expect.stringContaining('after the baseline year'),
    });
  });

  it('names every accident already stored, with its row, when the unique case number refuses the first', async () => {
    const header = ACCIDENTS.split('\n')[0];
    const line = (id: string) => `${id},2024-03-07,2024-03-01,412000,23,M,5,Sår,Skåret,nej`;
    await run(
      files.write('foerste.csv', [header, line('S-1'), line('S-2'), line('S-3')].join('\n')),
      'accidents',
    );
    const before = await dumpDatabase(store.db);
    const rows = [...Array.from({ length: 2100 }, (_, i) => line(`T-${i}`)), line('S-3'), line('S-1')];
    const error = await expectAppError(
      run(files.write('anden.csv', [header, ...rows].join('\n')), 'accidents'),
    );
    expect(error.issues.map((issue) => [issue.row, issue.message])).toEqual([
      [2102, 'this row is already in the database (use --replace to replace the stored row)'],
      [2103, 'this row is already in the database (use --replace to replace the stored row)'],
    ]);
    expect(await dumpDatabase(store.db)).toEqual(before);
  });

  it('finds duplicates across chunks of a large file', async () => {
    const header = ACCIDENTS.split('\n')[0];
    const rows = Array.from(
      { length: 2500 },
      (_, i) => `L-${i + 1},2024-03-07,2024-03-01,412000,23,M,5,Sår,Skåret,nej`,
    );
    rows.push('L-3,2024-03-07,2024-03-01,412000,23,M,5,Sår,Skåret,nej');
    const before = await dumpDatabase(store.db);
    const error = await expectAppError(
      run(files.write('stor.csv', [header, ...rows].join('\n')), 'accidents'),
    );
    expect(error.issues).toEqual([
      {
        field: 'sagsnummer',
        file: 'stor.csv',
        row: 2502,
        message: 'duplicates an earlier row of this file',
        messageDa: 'er en gentagelse af en tidligere række i filen',
      },
    ]);
    expect(await dumpDatabase(store.db)).toEqual(before);
  });

  it('writes nothing on a dry run, and reports what it would do', async () => {
    const before = await dumpDatabase(store.db);
    const report = await run(files.write('tør.csv', OBSERVATIONS_DA, 'latin1'), 'observations', {
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, batchId: null, rows: 3 });
    expect(await dumpDatabase(store.db)).toEqual(before);
  });

  describe('bad input: a clear error naming file, row and column, and the database unchanged', () => {
    const header = 'indicator;branch;year;value;count;n;lower;upper;source';
    const good = 'kemi-udsat;anlaegsarbejde;2028;30,5;180;600;27;34;NOA-L';
    const obs = (...rows: string[]) => [header, ...rows].join('\n');
    const acc = (...rows: string[]) => [ACCIDENTS.split('\n')[0], ...rows].join('\n');
    const wide = `indicator;branch;year;value\n${Array.from({ length: 10_000 }, (_, i) => i).join(';')}\n`;
    const actHeader =
      'BFA;Titel;Type;Branchegrupper;Måltal;Start;Slut;Planlagte deltagere;Omkostning (kr.);Pulje;Status;Noter';
    const actGood =
      'hfk;Løfteteknik i butikken (importtest);Kursus;Butikker;10;01-03-2024;30-06-2024;40;12.500;;Planlagt;Noter';
    const act = (...rows: string[]) => [actHeader, ...rows].join('\n');

    type Case = {
      name: string;
      kind: ImportKind;
      file: string;
      content: string | Buffer;
      encoding?: 'utf8' | 'latin1';
      expect: { field?: string | RegExp; row?: number; column?: string; message: RegExp; messageDa?: RegExp };
      options?: Record<string, unknown>;
    };
    const cases: Case[] = [
      {
        name: 'UTF-16 text',
        kind: 'observations',
        file: 'utf16.csv',
        content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(obs(good), 'utf16le')]),
        expect: { message: /./ },
      },
      {
        name: 'missing required column',
        kind: 'observations',
        file: 'missing.csv',
        content: 'indicator;branch;value\nkemi-udsat;anlaegsarbejde;3',
        expect: { field: 'year', row: 1, message: /no column for the required field/ },
      },
      {
        name: 'text in a number column',
        kind: 'observations',
        file: 'text.csv',
        content: obs(good.replace('30,5', 'tredive')),
        expect: {
          field: 'value',
          row: 2,
          column: 'value',
          message: /"tredive" is not a number/,
          messageDa: /^"tredive" er ikke et tal$/,
        },
      },
      {
        name: 'negative count',
        kind: 'observations',
        file: 'negative.csv',
        content: obs(good.replace(';180;', ';-180;')),
        expect: { field: 'count', row: 2, column: 'count', message: /below 0/ },
      },
      {
        name: 'n smaller than count',
        kind: 'observations',
        file: 'n.csv',
        content: obs(good.replace(';180;600;', ';700;600;')),
        expect: { field: 'count', row: 2, column: 'count', message: /exceeds the number of respondents/ },
      },
      {
        name: 'unknown branch code',
        kind: 'observations',
        file: 'branch.csv',
        content: obs(good, good.replace('anlaegsarbejde', 'rumfart').replace('2028', '2029')),
        expect: {
          field: 'branch',
          row: 3,
          column: 'branch',
          message: /unknown branch group "rumfart"/,
          messageDa: /^ukendt branchegruppe "rumfart"$/,
        },
      },
      {
        name: 'unknown indicator',
        kind: 'observations',
        file: 'indicator.csv',
        content: obs(good.replace('kemi-udsat', 'lykke')),
        expect: { field: 'indicator', row: 2, column: 'indicator', message: /unknown indicator "lykke"/ },
      },
      {
        name: 'duplicate rows in the file',
        kind: 'observations',
        file: 'dup.csv',
        content: obs(good, good),
        expect: {
          field: 'indicator+branch+year',
          row: 3,
          message: /duplicates row 2/,
          messageDa: /^er en gentagelse af række 2$/,
        },
      },
      {
        name: 'row already stored',
        kind: 'observations',
        file: 'stored.csv',
        content: obs(good.replace('2028', '2025')),
        expect: {
          row: 2,
          message: /already in the database/,
          messageDa:
            /^rækken findes allerede i databasen \(brug --replace for at erstatte den gemte række\)$/,
        },
      },
      {
        name: 'share above 100',
        kind: 'observations',
        file: 'share.csv',
        content: obs(good.replace('30,5;180;600;27;34', '130;180;600;127;134')),
        expect: { field: 'value', row: 2, column: 'value', message: /must be 0–100/ },
      },
      {
        name: 'lower limit above the value',
        kind: 'observations',
        file: 'ci.csv',
        content: obs(good.replace(';27;34;', ';31;34;')),
        expect: {
          field: 'lowercl',
          row: 2,
          column: 'lower',
          message: /above the value/,
          // Danish shows the numbers as the file writes them.
          messageDa: /^31 er større end værdien 30,5$/,
        },
      },
      {
        name: 'year out of range',
        kind: 'observations',
        file: 'year.csv',
        content: obs(good.replace('2028', '1850')),
        expect: { field: 'year', row: 2, column: 'year', message: /below 1990/ },
      },
      {
        name: 'respondents not whole',
        kind: 'observations',
        file: 'whole.csv',
        content: obs(good.replace(';600;', ';600,5;')),
        expect: { field: 'respondents', row: 2, column: 'n', message: /not a whole number/ },
      },
      {
        name: 'formula in a text cell',
        kind: 'observations',
        file: 'formula.csv',
        content: obs(good.replace('NOA-L', '=HYPERLINK("x")')),
        expect: { field: 'source', row: 2, column: 'source', message: /formula/ },
      },
      {
        name: 'formula-looking branch',
        kind: 'observations',
        file: 'formula2.csv',
        content: obs(good.replace('anlaegsarbejde', '+cmd|calc')),
        expect: { field: 'branch', row: 2, column: 'branch', message: /formula/ },
      },
      {
        name: 'empty file',
        kind: 'observations',
        file: 'empty.csv',
        content: '',
        expect: { message: /empty/i },
      },
      {
        name: 'only a header',
        kind: 'observations',
        file: 'header.csv',
        content: `${header}\n`,
        expect: { field: 'file', message: /no data rows/ },
      },
      {
        name: 'ragged row (too many fields)',
        kind: 'observations',
        file: 'ragged.csv',
        content: obs(good, `${good};extra`),
        expect: { row: 3, message: /./ },
      },
      {
        name: 'ragged row (too few fields)',
        kind: 'observations',
        file: 'short.csv',
        content: obs(good, 'kemi-udsat;anlaegsarbejde;2029'),
        expect: { row: 3, message: /./ },
      },
      {
        name: 'a 10,000-column row',
        kind: 'observations',
        file: 'wide.csv',
        content: wide,
        expect: { row: 2, message: /./ },
      },
      {
        name: 'unterminated quote',
        kind: 'observations',
        file: 'quote.csv',
        content: obs(good, 'kemi-udsat;"anlaegsarbejde;2029;3;1;2;1;4;x'),
        expect: { message: /./ },
      },
      {
        name: 'a binary file named .csv',
        kind: 'observations',
        file: 'binary.csv',
        content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x08, 0, 0, 0, 0, 0]),
        expect: { message: /./ },
      },
      {
        name: 'truncated XLSX',
        kind: 'observations',
        file: 'broken.xlsx',
        content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0, 0x21, 0]),
        expect: { message: /./ },
      },
      {
        name: 'duplicate header names',
        kind: 'observations',
        file: 'dupheader.csv',
        content: 'indicator;year;year;value\nkemi-udsat;2028;2028;3',
        expect: { message: /./ },
      },
      {
        name: 'series break after an earlier year of the same series',
        kind: 'observations',
        file: 'break.csv',
        content:
          'indicator;branch;year;value;series;databrud\nkemi-udsat;butikker;2027;20;NOA-L;nej\nkemi-udsat;butikker;2029;19;NOA-L;ja\n',
        expect: { field: 'seriesBreak', row: 3, column: 'databrud', message: /already has 2027/ },
      },
      {
        name: 'a year before the series break of its series',
        kind: 'observations',
        file: 'break2.csv',
        content:
          'indicator;branch;year;value;series;databrud\nkemi-udsat;butikker;2029;20;NOA-L;ja\nkemi-udsat;butikker;2027;19;NOA-L;nej\n',
        expect: { field: 'year', row: 3, column: 'year', message: /before the series break in 2029/ },
      },
      {
        name: 'CPR column',
        kind: 'accidents',
        file: 'cpr.csv',
        content: ACCIDENTS.replace('sagsnummer', 'CPR'),
        expect: { field: 'columns', column: 'CPR', message: /personal data/ },
      },
      {
        name: 'name column',
        kind: 'accidents',
        file: 'navn.csv',
        content: ACCIDENTS.replace('sagsnummer', 'Navn'),
        expect: { field: 'columns', column: 'Navn', message: /personal data/ },
      },
      {
        name: 'CPR-like value',
        kind: 'accidents',
        file: 'cprvalue.csv',
        content: acc('010180-1234,2024-03-07,2024-03-01,412000,23,M,5,Sår,Skåret,nej'),
        expect: { field: 'caseId', row: 2, column: 'sagsnummer', message: /CPR/ },
      },
      {
        name: 'cprnummer column',
        kind: 'accidents',
        file: 'cprnummer.csv',
        content: ACCIDENTS.replace('sagsnummer', 'sagsnummer,cprnummer').replace(/\n(A-\d)/g, '\n$1,x'),
        expect: { field: 'columns', column: 'cprnummer', message: /personal data/ },
      },
      {
        name: 'fødselsdag column',
        kind: 'accidents',
        file: 'foedsel.csv',
        content: ACCIDENTS.replace('sagsnummer', 'sagsnummer,Fødselsdag').replace(/\n(A-\d)/g, '\n$1,x'),
        expect: { field: 'columns', column: 'Fødselsdag', message: /personal data/ },
      },
      {
        name: 'CPR number in free text',
        kind: 'accidents',
        file: 'fritekst.csv',
        content: acc(
          'D-11,2024-03-07,2024-03-01,412000,23,M,5,"faldt, tilskadekomne 010203-1234 på stige",Skåret,nej',
        ),
        expect: { field: 'injuryType', row: 2, column: 'skadetype', message: /CPR/ },
      },
      {
        name: 'two headers for one field',
        kind: 'observations',
        file: 'aar.csv',
        content: 'Indikator;Branchegruppe;År;aar;Andel\nkemi-udsat;Butikker;2027;2028;12,5\n',
        expect: { field: 'columns', column: 'aar', message: /"År" and "aar" both mean the same field/ },
      },
      {
        name: 'invalid date',
        kind: 'accidents',
        file: 'date.csv',
        content: acc('D-1,2024-02-30,2024-02-01,412000,23,M,5,Sår,Skåret,nej'),
        expect: {
          field: 'registrationDate',
          row: 2,
          column: 'registreringsdato',
          message: /not a valid date/,
        },
      },
      {
        name: 'accident after registration',
        kind: 'accidents',
        file: 'order.csv',
        content: acc('D-2,2024-03-01,2024-03-07,412000,23,M,5,Sår,Skåret,nej'),
        expect: {
          field: 'accidentDate',
          row: 2,
          column: 'ulykkesdato',
          message: /after the registration date/,
        },
      },
      {
        name: 'accident date in year 1',
        kind: 'accidents',
        file: 'year1.csv',
        content: acc('D-8,2024-03-07,0001-03-01,412000,23,M,5,Sår,Skåret,nej'),
        expect: {
          field: 'accidentDate',
          row: 2,
          column: 'ulykkesdato',
          message: /outside the years data may hold/,
        },
      },
      {
        name: 'registration date in 1899',
        kind: 'accidents',
        file: 'year1899.csv',
        content: acc('D-9,31-12-1899,,412000,23,M,5,Sår,Skåret,nej'),
        expect: {
          field: 'registrationDate',
          row: 2,
          column: 'registreringsdato',
          message: /outside the years data may hold \(1990–2100\)/,
          messageDa: /^31-12-1899 ligger uden for de år, data kan gælde \(1990–2100\)$/,
        },
      },
      {
        name: 'dates in 2999',
        kind: 'accidents',
        file: 'year2999.csv',
        content: acc('D-10,2999-03-07,2999-03-01,412000,23,M,5,Sår,Skåret,nej'),
        expect: {
          field: 'registrationDate',
          row: 2,
          column: 'registreringsdato',
          message: /outside the years/,
        },
      },
      {
        name: 'unknown industry code',
        kind: 'accidents',
        file: 'nace.csv',
        content: acc('D-3,2024-03-07,2024-03-01,123456,23,M,5,Sår,Skåret,nej'),
        expect: {
          field: 'industryCode',
          row: 2,
          column: 'branchekode',
          message: /"123456" is not a code of DB07/,
        },
      },
      {
        name: 'phone number as industry code',
        kind: 'accidents',
        file: 'tlf.csv',
        content: acc('D-12,2024-03-07,2024-03-01,tlf 4711 2233,23,M,5,Sår,Skåret,nej'),
        expect: { field: 'industryCode', row: 2, column: 'branchekode', message: /is not an industry code/ },
      },
      {
        name: 'date as industry code',
        kind: 'accidents',
        file: 'datokode.csv',
        content: acc('D-13,2024-03-07,2024-03-01,2024-01-02,23,M,5,Sår,Skåret,nej'),
        expect: {
          field: 'industryCode',
          row: 2,
          column: 'branchekode',
          message: /is not an industry code/,
          messageDa: /^"2024-01-02" er ikke en branchekode \(skriv den som 47\.11\.10/,
        },
      },
      {
        // Accident records keep such a code (accidents/industry-codes.test.ts); a branch target's figure cannot.
        name: 'DB07 code without a branch group, for an observation',
        kind: 'observations',
        file: 'umappet.csv',
        content: 'indicator;branchekode;year;value\nkemi-udsat;32.11.00;2028;30,5\n',
        expect: { field: 'industryCode', row: 2, column: 'branchekode', message: /maps to no branch group/ },
      },
      {
        name: 'age out of range',
        kind: 'accidents',
        file: 'age.csv',
        content: acc('D-4,2024-03-07,2024-03-01,412000,7,M,5,Sår,Skåret,nej'),
        expect: { field: 'age', row: 2, column: 'alder', message: /below 13/ },
      },
      {
        name: 'unknown sex',
        kind: 'accidents',
        file: 'sex.csv',
        content: acc('D-5,2024-03-07,2024-03-01,412000,23,X,5,Sår,Skåret,nej'),
        expect: { field: 'sex', row: 2, column: 'køn', message: /not K\/M/ },
      },
      {
        name: 'unknown flag',
        kind: 'accidents',
        file: 'flag.csv',
        content: acc('D-6,2024-03-07,2024-03-01,412000,23,M,5,Sår,Skåret,måske'),
        expect: { field: 'fatal', row: 2, column: 'dødsulykke', message: /not ja\/nej/ },
      },
      {
        name: 'duplicate case id',
        kind: 'accidents',
        file: 'case.csv',
        content: acc(
          'D-7,2024-03-07,2024-03-01,412000,23,M,5,Sår,Skåret,nej',
          'D-7,2024-03-08,2024-03-01,412000,23,M,5,Sår,Skåret,nej',
        ),
        expect: { row: 3, message: /duplicates row 2/ },
      },
      {
        name: 'recognised above reported',
        kind: 'diseases',
        file: 'aes.csv',
        content: 'år,aes_gruppe,sygdomstype,anmeldte,anerkendte\n2023,Bygge,Hørenedsættelse,10,12\n',
        expect: { field: 'recognised', row: 2, column: 'anerkendte', message: /exceeds the reported/ },
      },
      {
        name: 'workplaces of an unknown branch group',
        kind: 'workplaces',
        file: 'arbejdspladser-branche.csv',
        content: 'Branchegruppe;År;Antal arbejdspladser\nButikker;2024;1200\nMånebaser;2024;3\n',
        expect: {
          field: 'branch',
          row: 3,
          column: 'Branchegruppe',
          message: /unknown branch group "Månebaser"/,
          messageDa: /ukendt branchegruppe "Månebaser"/,
        },
      },
      {
        name: 'negative workplace count',
        kind: 'workplaces',
        file: 'arbejdspladser-negativ.csv',
        content: 'Branchegruppe;År;Arbejdspladser\nButikker;2024;-5\n',
        expect: { field: 'workplaces', row: 2, column: 'Arbejdspladser', message: /below 0/ },
      },
      {
        name: 'workplaces counted twice for one branch group and year',
        kind: 'workplaces',
        file: 'arbejdspladser-dublet.csv',
        content: 'branch_group,year,workplaces\nbutikker,2024,1200\nButikker,2024,1300\n',
        expect: { row: 3, message: /duplicates row 2/ },
      },
      {
        name: 'activities: UTF-16 text',
        kind: 'activities',
        file: 'aktiviteter-utf16.csv',
        content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(act(actGood), 'utf16le')]),
        expect: { message: /./ },
      },
      {
        name: 'activities: missing required column',
        kind: 'activities',
        file: 'aktiviteter-kolonne.csv',
        content: 'BFA;Titel;Type;Start;Status\nhfk;A;Kursus;2024-01-01;Planlagt\n',
        expect: { field: 'branches', row: 1, message: /no column for the required field/ },
      },
      {
        name: 'activities: text in a number column',
        kind: 'activities',
        file: 'aktiviteter-tekst.csv',
        content: act(actGood.replace(';40;', ';fyrre;')),
        expect: {
          field: 'plannedParticipants',
          row: 2,
          column: 'Planlagte deltagere',
          message: /"fyrre" is not a number/,
          messageDa: /^"fyrre" er ikke et tal$/,
        },
      },
      {
        name: 'activities: negative count',
        kind: 'activities',
        file: 'aktiviteter-negativ.csv',
        content: act(actGood.replace(';40;', ';-40;')),
        expect: { field: 'plannedParticipants', row: 2, column: 'Planlagte deltagere', message: /below 0/ },
      },
      {
        name: 'activities: unknown BFA',
        kind: 'activities',
        file: 'aktiviteter-bfa.csv',
        content: act(actGood, actGood.replace('hfk;', 'xyz;')),
        expect: {
          field: 'bfa',
          row: 3,
          column: 'BFA',
          message: /^unknown BFA "xyz"$/,
          messageDa: /^ukendt BFA "xyz"$/,
        },
      },
      {
        name: 'activities: unknown type',
        kind: 'activities',
        file: 'aktiviteter-type.csv',
        content: act(actGood.replace(';Kursus;', ';Foredrag;')),
        expect: {
          field: 'type',
          row: 2,
          column: 'Type',
          message: /"Foredrag" is not one of Virksomhedsbesøg/,
        },
      },
      {
        name: 'activities: branch group of another BFA',
        kind: 'activities',
        file: 'aktiviteter-branche.csv',
        content: act(actGood.replace(';Butikker;', ';Anlægsarbejde;')),
        expect: {
          field: 'branches',
          row: 2,
          column: 'Branchegrupper',
          message: /"anlaegsarbejde" is not a branch group of BFA HFK/,
          messageDa: /^"anlaegsarbejde" er ikke en branchegruppe under BFA HFK$/,
        },
      },
      {
        name: 'activities: target of another BFA',
        kind: 'activities',
        file: 'aktiviteter-maaltal.csv',
        content: act(actGood.replace(';10;', ';1;')),
        expect: { field: 'targets', row: 2, column: 'Måltal', message: /target 1 is not BFA HFK's/ },
      },
      {
        name: 'activities: end before start',
        kind: 'activities',
        file: 'aktiviteter-periode.csv',
        content: act(actGood.replace('30-06-2024', '28-02-2024')),
        expect: {
          field: 'end',
          row: 2,
          column: 'Slut',
          message: /before it starts/,
          messageDa: /^slutter \(28-02-2024\) før den starter \(01-03-2024\)$/,
        },
      },
      {
        name: 'activities: unknown funding pool',
        kind: 'activities',
        file: 'aktiviteter-pulje.csv',
        content: act(actGood.replace(';12.500;;', ';12.500;Pulje uden navn;')),
        expect: { field: 'pool', row: 2, column: 'Pulje', message: /unknown funding pool "Pulje uden navn"/ },
      },
      {
        name: 'activities: duplicate rows in the file',
        kind: 'activities',
        file: 'aktiviteter-dublet.csv',
        content: act(actGood, actGood.replace('01-03-2024', '2024-03-01')),
        expect: {
          field: 'BFA+Titel+Start',
          row: 3,
          message: /duplicates row 2/,
          messageDa: /^er en gentagelse af række 2$/,
        },
      },
      {
        name: 'activities: formula in a text cell',
        kind: 'activities',
        file: 'aktiviteter-formel.csv',
        content: act(actGood.replace(';Noter', ';=HYPERLINK("x")')),
        expect: { field: 'notes', row: 2, column: 'Noter', message: /formula/ },
      },
      {
        name: 'activities: formula-looking title',
        kind: 'activities',
        file: 'aktiviteter-formel2.csv',
        content: act(actGood.replace('Løfteteknik i butikken (importtest)', '+cmd|calc')),
        expect: { field: 'title', row: 2, column: 'Titel', message: /formula/ },
      },
      {
        name: 'activities: CPR number in the notes',
        kind: 'activities',
        file: 'aktiviteter-cpr.csv',
        content: act(actGood.replace(';Noter', ';ringede til 010203-1234 om kurset')),
        expect: { field: 'notes', row: 2, column: 'Noter', message: /CPR/ },
      },
      {
        name: 'activities: CPR column',
        kind: 'activities',
        file: 'aktiviteter-cprkolonne.csv',
        content: act(actGood).replace(';Noter\n', ';CPR\n'),
        expect: { field: 'columns', column: 'CPR', message: /personal data/ },
      },
      {
        name: 'activities: invalid date',
        kind: 'activities',
        file: 'aktiviteter-dato.csv',
        content: act(actGood.replace('01-03-2024', '30-02-2024')),
        expect: { field: 'start', row: 2, column: 'Start', message: /not a valid date/ },
      },
      {
        name: 'activities: a date in 1899',
        kind: 'activities',
        file: 'aktiviteter-1899.csv',
        content: act(actGood.replace('01-03-2024', '01-03-1899')),
        expect: { field: 'start', row: 2, column: 'Start', message: /outside the years data may hold/ },
      },
      {
        name: 'activities: only a header',
        kind: 'activities',
        file: 'aktiviteter-overskrift.csv',
        content: `${actHeader}\n`,
        expect: { field: 'file', message: /no data rows/ },
      },
      {
        name: 'activities: ragged row',
        kind: 'activities',
        file: 'aktiviteter-ujaevn.csv',
        content: act(actGood, `${actGood.replace('importtest', 'anden')};ekstra`),
        expect: { row: 3, message: /./ },
      },
      {
        name: 'activities: unterminated quote',
        kind: 'activities',
        file: 'aktiviteter-citat.csv',
        content: act(actGood, 'hfk;"Ergonomi;Kursus;Butikker;;2024-01-01;;;;;Planlagt;'),
        expect: { message: /./ },
      },
      {
        name: 'activities: truncated XLSX',
        kind: 'activities',
        file: 'aktiviteter.xlsx',
        content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0, 0x21, 0]),
        expect: { message: /./ },
      },
      {
        name: 'activities: two headers for one field',
        kind: 'activities',
        file: 'aktiviteter-overskrifter.csv',
        content: act(actGood).replace(';Måltal;', ';Måltal;maaltal;').replace(';10;', ';10;10;'),
        expect: {
          field: 'columns',
          column: 'maaltal',
          message: /"Måltal" and "maaltal" both mean the same field/,
        },
      },
      {
        name: 'mapping names a missing column',
        kind: 'employment',
        file: 'mapped.csv',
        content: 'x,y,z\n1,2,3\n',
        options: { mapping: { columns: { employed: 'Beskæftigede i alt' }, constants: {} } },
        expect: { field: 'employed', message: /"Beskæftigede i alt"/ },
      },
    ];

    it('has at least 30 cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(30);
    });

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const before = await dumpDatabase(store.db);
      const file = files.write(c.file, c.content, c.encoding ?? 'utf8');
      const error = await expectAppError(run(file, c.kind, c.options ?? {}));
      expect(['invalid_input', 'conflict']).toContain(error.code);
      const issue = error.issues.find((i) =>
        c.expect.field === undefined
          ? true
          : typeof c.expect.field === 'string'
            ? i.field === c.expect.field
            : c.expect.field.test(i.field),
      );
      expect(issue, JSON.stringify(error.issues)).toBeDefined();
      expect(issue?.file).toBe(c.file);
      expect(issue?.message).toMatch(c.expect.message);
      if (c.expect.messageDa !== undefined) expect(issue?.messageDa).toMatch(c.expect.messageDa);
      // Every problem comes in Danish too (the editor area shows it), and the Danish is not the English.
      for (const each of error.issues) {
        expect(each.messageDa, JSON.stringify(each)).toEqual(expect.any(String));
        expect(each.messageDa?.trim(), JSON.stringify(each)).not.toBe('');
        expect(each.messageDa, JSON.stringify(each)).not.toBe(each.message);
      }
      if (c.expect.row !== undefined) expect(issue?.row).toBe(c.expect.row);
      if (c.expect.column !== undefined) expect(issue?.column).toBe(c.expect.column);
      expect(await dumpDatabase(store.db)).toEqual(before);

      // The same through the command line: a non-zero exit, the file and row named, nothing written.
      const argv = ['import', file, '--kind', c.kind, '--database', store.setting];
      if (c.options?.mapping !== undefined) {
        argv.push('--mapping', files.write(`${c.file}.mapping.json`, JSON.stringify(c.options.mapping)));
      }
      const result = await cli(argv);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(c.file);
      if (c.expect.row !== undefined) expect(result.stderr).toContain(`row ${c.expect.row}`);
      expect(await dumpDatabase(store.db)).toEqual(before);
    });
  });
});
