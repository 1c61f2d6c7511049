// The `activities` import kind on both databases: a BFA's own spreadsheet (Danish CSV, XLSX, English headers) becomes
// draft activities with their branch groups and targets; every bad value is named by row, field and column in Danish
// and English with nothing written; repeated and stored activities, dry runs, rollback, and a BFA editor's upload
// limited to their own BFA.
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { cli } from '../../../test/cli.js';
import { describeEachDialect, type TestStore } from '../../../test/databases.js';
import { expectAppError } from '../../../test/errors.js';
import type { TempFiles } from '../../../test/imports/files.js';
import { useImportWorkspace } from '../../../test/imports/workspace.js';
import { dataVersion } from '../../db/meta.js';
import type { Issue } from '../../errors.js';
import { activityState } from '../../work/activities.model.js';
import { getActivity } from '../../work/activities.service.js';
import { historyOf } from '../../work/versioned.js';
import { type ImportOptions, rollbackImport, runImport } from '../imports.service.js';

const actor = { user: 'datastewart', now: () => new Date('2026-03-01T09:00:00Z') };
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/imports/${name}`, import.meta.url));

const POOL = 'Testpulje til aktivitetsimport';
const CAMPAIGN = 'Testkampagne til aktivitetsimport';
const TSTJ_CAMPAIGN = 'Testkampagne for TSTJ';

const HEADER =
  'BFA;Titel;Type;Branchegrupper;Underbrancher;Måltal;Start;Slut;Planlagte deltagere;Omkostning (kr.);Pulje;Kampagne;Status';

describeEachDialect('activities import', (dialect) => {
  const workspace = useImportWorkspace(dialect);
  let store: TestStore;
  let files: TempFiles;
  let poolId = 0;
  let campaignId = 0;
  const bfaIds = new Map<string, number>();

  beforeAll(async () => {
    ({ store, files } = workspace);
    const editable = {
      publishedAt: null,
      createdAt: '2026-01-01T00:00:00Z',
      createdBy: 'test',
      updatedAt: '2026-01-01T00:00:00Z',
      updatedBy: 'test',
    };
    const campaign = {
      description: '',
      channels: '[]',
      periodStart: '2024-01-01',
      periodEnd: null,
      reachedPeople: null,
      reachedWorkplaces: null,
      impressions: null,
      reachNote: '',
      ...editable,
    };
    for (const bfa of await store.db.selectFrom('bfa').select(['id', 'code']).execute())
      bfaIds.set(bfa.code, bfa.id);
    poolId = (
      await store.db
        .insertInto('fundingPool')
        .values({
          name: POOL,
          legalBasis: 'Akt 1 2026',
          amountDkk: 1_000_000,
          periodStart: '2024-01-01',
          periodEnd: '2026-12-31',
          purpose: '',
          ...editable,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    campaignId = (
      await store.db
        .insertInto('campaign')
        .values({ bfaId: null, title: CAMPAIGN, ...campaign })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await store.db
      .insertInto('campaign')
      .values({ bfaId: bfaIds.get('tstj') ?? 0, title: TSTJ_CAMPAIGN, ...campaign })
      .execute();
  });

  const run = (file: string, options: Partial<ImportOptions> = {}) =>
    runImport(store, file, { kind: 'activities', ...options }, actor);

  const counts = async () => {
    const count = async (
      table: 'workActivity' | 'workActivityBranch' | 'workActivityTarget' | 'recordVersion',
    ) =>
      Number(
        (
          await store.db
            .selectFrom(table)
            .select(({ fn }) => fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      activities: await count('workActivity'),
      branches: await count('workActivityBranch'),
      targets: await count('workActivityTarget'),
      versions: await count('recordVersion'),
      batches: (await store.db.selectFrom('importBatch').select('id').execute()).length,
    };
  };

  const activitiesOf = (batchId: number | null) =>
    store.db
      .selectFrom('workActivity as a')
      .innerJoin('bfa', 'bfa.id', 'a.bfaId')
      .select([
        'a.id',
        'bfa.code as bfa',
        'a.title',
        'a.activityType',
        'a.periodStart',
        'a.periodEnd',
        'a.plannedWorkplaces',
        'a.plannedParticipants',
        'a.reachedWorkplaces',
        'a.reachedParticipants',
        'a.costDkk',
        'a.fundingPoolId',
        'a.campaignId',
        'a.status',
        'a.notes',
        'a.published',
        'a.version',
        'a.createdBy',
        'a.updatedBy',
        'a.batchId',
      ])
      .where('a.batchId', '=', batchId ?? -1)
      .orderBy('a.id')
      .execute();

  /** Each activity's title with its branch links (group/sub-branch codes) and its targets' scope keys. */
  const linksOf = async (batchId: number | null) => {
    const branches = await store.db
      .selectFrom('workActivityBranch as l')
      .innerJoin('workActivity as a', 'a.id', 'l.activityId')
      .innerJoin('branchGroup as g', 'g.id', 'l.branchGroupId')
      .leftJoin('subBranch as s', 's.id', 'l.subBranchId')
      .select(['a.title', 'g.code as group', 's.code as sub'])
      .where('a.batchId', '=', batchId ?? -1)
      .orderBy('a.id')
      .orderBy('g.code')
      .execute();
    const targets = await store.db
      .selectFrom('workActivityTarget as l')
      .innerJoin('workActivity as a', 'a.id', 'l.activityId')
      .innerJoin('target as t', 't.id', 'l.targetId')
      .select(['a.title', 't.scopeKey'])
      .where('a.batchId', '=', batchId ?? -1)
      .orderBy('a.id')
      .orderBy('t.scopeKey')
      .execute();
    return {
      branches: branches.map((row) => `${row.title}: ${row.group}${row.sub === null ? '' : `/${row.sub}`}`),
      targets: targets.map((row) => `${row.title}: ${row.scopeKey}`),
    };
  };

  it('loads a Danish CSV (Windows-1252, semicolons, Danish dates and amounts) as draft activities with their links', async () => {
    const versionBefore = await dataVersion(store.db);
    const report = await run(fixture('activities-da.csv'));
    expect(report).toMatchObject({
      rows: 4,
      dryRun: false,
      settings: { format: 'csv', encoding: 'windows-1252', delimiter: ';', decimalComma: true },
    });
    const common = { published: 0, version: 1, createdBy: 'datastewart', updatedBy: 'datastewart' };
    const stored = await activitiesOf(report.batchId);
    expect(stored.map(({ id: _, ...row }) => row)).toEqual([
      {
        bfa: 'ba',
        title: 'Stilladsdialog på byggepladsen',
        activityType: 'dialogue_meeting',
        periodStart: '2024-03-01',
        periodEnd: '2024-06-30',
        plannedWorkplaces: 40,
        plannedParticipants: 120,
        reachedWorkplaces: 35,
        reachedParticipants: 98,
        costDkk: 12500,
        fundingPoolId: poolId,
        campaignId: null,
        status: 'done',
        notes: 'Møder med sjak og formænd',
        batchId: report.batchId,
        ...common,
      },
      {
        bfa: 'hfk',
        title: 'Psykisk arbejdsmiljø i finanssektoren',
        activityType: 'course',
        periodStart: '2024-09-01',
        periodEnd: null,
        plannedWorkplaces: null,
        plannedParticipants: 60,
        reachedWorkplaces: null,
        reachedParticipants: null,
        costDkk: 7250,
        fundingPoolId: null,
        campaignId,
        status: 'planned',
        notes: '',
        batchId: report.batchId,
        ...common,
      },
      {
        bfa: 'industri',
        title: 'Værktøjskasse om støj',
        activityType: 'guidance_material',
        periodStart: '2024-05-15',
        periodEnd: '2024-12-31',
        plannedWorkplaces: null,
        plannedParticipants: null,
        reachedWorkplaces: null,
        reachedParticipants: null,
        costDkk: null,
        fundingPoolId: null,
        campaignId: null,
        status: 'running',
        notes: 'Notat med "citat"; og semikolon',
        batchId: report.batchId,
        ...common,
      },
      {
        bfa: 'voa',
        title: 'Netværk for arbejdsmiljørepræsentanter',
        activityType: 'network',
        periodStart: '2024-02-01',
        periodEnd: '2024-11-30',
        plannedWorkplaces: 15,
        plannedParticipants: null,
        reachedWorkplaces: 12,
        reachedParticipants: null,
        costDkk: 0,
        fundingPoolId: null,
        campaignId: null,
        status: 'cancelled',
        notes: '',
        batchId: report.batchId,
        ...common,
      },
    ]);
    expect(await linksOf(report.batchId)).toEqual({
      branches: [
        'Stilladsdialog på byggepladsen: anlaegsarbejde',
        'Stilladsdialog på byggepladsen: faerdiggoerelse-af-byggeri',
        'Psykisk arbejdsmiljø i finanssektoren: kontor/pengeinstitut-og-finansieringsvirksomhed',
        // "Plast, glas og beton" holds a comma of its own and is still one branch group.
        'Værktøjskasse om støj: metal-og-maskiner',
        'Værktøjskasse om støj: plast-glas-og-beton',
        'Netværk for arbejdsmiljørepræsentanter: daginstitutioner',
      ],
      targets: [
        'Stilladsdialog på byggepladsen: branch:anlaegsarbejde|accidents',
        'Stilladsdialog på byggepladsen: branch:faerdiggoerelse-af-byggeri|accidents',
        'Psykisk arbejdsmiljø i finanssektoren: branch:kontor/pengeinstitut-og-finansieringsvirksomhed|psychosocial/high-demands-low-influence',
        'Værktøjskasse om støj: branch:metal-og-maskiner|accidents',
        'Værktøjskasse om støj: branch:metal-og-maskiner|ergonomic',
      ],
    });
    // Version 1 of each is kept, in the shape the activity pages keep every later version in.
    for (const { id } of stored) {
      const history = await historyOf(store.db, 'work_activity', id);
      const activity = await getActivity(store.db, { kind: 'cli', label: 'test' }, id);
      expect(history).toEqual([
        {
          version: 1,
          state: activityState(activity),
          savedAt: '2026-03-01T09:00:00.000Z',
          savedBy: 'datastewart',
        },
      ]);
    }
    // One audit event for the import, and the public pages' cache is told.
    const audit = await store.db
      .selectFrom('auditEvent')
      .select(['action', 'actorLabel'])
      .where('entity', '=', 'import_batch')
      .where('entityId', '=', String(report.batchId))
      .execute();
    expect(audit).toEqual([{ action: 'import', actorLabel: 'datastewart' }]);
    expect(await dataVersion(store.db)).not.toBe(versionBefore);
    await rollbackImport(store, report.batchId ?? 0, actor, 'test');
  });

  it('loads an XLSX workbook with date and number cells', async () => {
    const file = `${files.dir}/aktiviteter.xlsx`;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Aktiviteter');
    sheet.addRow([...HEADER.split(';'), 'Noter']);
    sheet.addRow([
      'BFA TSTJ',
      'Sikker kørsel i landbruget',
      'Virksomhedsbesøg',
      'Landbrug, skovbrug og fiskeri; Slagterier',
      null,
      '18;19',
      new Date(Date.UTC(2025, 0, 6)),
      new Date(Date.UTC(2025, 5, 30)),
      250,
      48000,
      poolId,
      null,
      'I gang',
      'Besøg på gårde',
    ]);
    sheet.addRow([
      'hfk',
      'Ergonomi i butikker',
      'course',
      'butikker',
      null,
      10,
      '2025-02-01',
      null,
      30,
      1234.0,
    ]);
    sheet.getCell('M3').value = 'planned';
    await workbook.xlsx.writeFile(file);
    const report = await run(file);
    expect(report).toMatchObject({ rows: 2, settings: { format: 'xlsx', sheet: 'Aktiviteter' } });
    const stored = await activitiesOf(report.batchId);
    expect(
      stored.map((row) => [row.bfa, row.activityType, row.periodStart, row.periodEnd, row.status]),
    ).toEqual([
      ['tstj', 'workplace_visit', '2025-01-06', '2025-06-30', 'running'],
      ['hfk', 'course', '2025-02-01', null, 'planned'],
    ]);
    expect(stored.map((row) => [row.plannedParticipants, row.costDkk, row.fundingPoolId])).toEqual([
      [250, 48000, poolId],
      [30, 1234, null],
    ]);
    expect(await linksOf(report.batchId)).toEqual({
      branches: [
        'Sikker kørsel i landbruget: landbrug-skovbrug-og-fiskeri',
        'Sikker kørsel i landbruget: slagterier',
        'Ergonomi i butikker: butikker',
      ],
      targets: [
        'Sikker kørsel i landbruget: branch:landbrug-skovbrug-og-fiskeri|accidents',
        'Sikker kørsel i landbruget: branch:landbrug-skovbrug-og-fiskeri|chemical',
        'Ergonomi i butikker: branch:butikker|ergonomic',
      ],
    });
    await rollbackImport(store, report.batchId ?? 0, actor, 'test');
  });

  it('reads English headers, codes and a comma-separated file', async () => {
    const file = files.write(
      'activities-en.csv',
      [
        'bfa,title,activity_type,branch_groups,sub_branches,targets,start_date,end_date,planned_workplaces,cost_dkk,funding_pool,campaign,status,notes',
        `ba,Safe scaffolds,workplace_visit,anlaegsarbejde,,"1,4",2025-03-01,2025-03-31,12,1500.5e1,${poolId},${campaignId},done,English notes`,
      ].join('\n'),
    );
    const report = await run(file);
    const [stored] = await activitiesOf(report.batchId);
    expect(stored).toMatchObject({
      bfa: 'ba',
      activityType: 'workplace_visit',
      plannedWorkplaces: 12,
      costDkk: 15005,
      fundingPoolId: poolId,
      campaignId,
      status: 'done',
    });
    expect((await linksOf(report.batchId)).targets).toEqual([
      'Safe scaffolds: branch:anlaegsarbejde|accidents',
      'Safe scaffolds: branch:opfoerelse-og-nedrivning-af-byggeri|accidents',
    ]);
    await rollbackImport(store, report.batchId ?? 0, actor, 'test');
  });

  it('names every bad value with its row, field and column, in Danish and English, and writes nothing', async () => {
    const before = await counts();
    const file = files.write(
      'fejl.csv',
      [
        HEADER,
        'xyz;A;Kursus;Butikker;;;2024-01-01;;;;;;Planlagt',
        'hfk;B;Foredrag;Butikker;;;2024-01-01;;;;;;Planlagt',
        'hfk;C;Kursus;Butikker, Anlægsarbejde;;;2024-01-01;;;;;;Planlagt',
        'hfk;D;Kursus;Butikker;;1;2024-01-01;;;;;;Planlagt',
        'hfk;E;Kursus;Butikker;;;01-06-2024;31-05-2024;;;;;Planlagt',
        'hfk;F;Kursus;Butikker;;;2024-01-01;;-5;;;;Planlagt',
        'hfk;G;Kursus;Butikker;;;2024-01-01;;;;Ingen sådan pulje;;Planlagt',
        'hfk;H;Kursus;Butikker;;;2024-01-01;;;;;Ukendt kampagne;Planlagt',
        `hfk;I;Kursus;Butikker;;;2024-01-01;;;;;${TSTJ_CAMPAIGN};Planlagt`,
        'hfk;J;Kursus;Kontor;Rumfart;;2024-01-01;;;;;;Planlagt',
        'hfk;K;Kursus;Butikker;;;2024-01-01;;;12,5;;;Planlagt',
        'hfk;L;Kursus;Butikker;;999;2024-01-01;;;;;;Måske',
        'hfk;M;Kursus;Månebaser;;;2024-01-01;;;;;;Planlagt',
        'hfk;N;Kursus;Butikker;;;2024-13-01;;;;;;Planlagt',
        'hfk;;Kursus;Butikker;;;2024-01-01;;;;;;Planlagt',
        'hfk;P;Kursus;Butikker;;x7;2024-01-01;;;;;;Planlagt',
      ].join('\n'),
    );
    const error = await expectAppError(run(file));
    expect(error.code).toBe('invalid_input');
    const expected: [number, string, string, RegExp, RegExp][] = [
      [2, 'bfa', 'BFA', /^unknown BFA "xyz"$/, /^ukendt BFA "xyz"$/],
      [3, 'type', 'Type', /^"Foredrag" is not one of Virksomhedsbesøg, /, /^"Foredrag" er ikke en af /],
      [
        4,
        'branches',
        'Branchegrupper',
        /^"anlaegsarbejde" is not a branch group of BFA HFK$/,
        /^"anlaegsarbejde" er ikke en branchegruppe under BFA HFK$/,
      ],
      [5, 'targets', 'Måltal', /^target 1 is not BFA HFK's/, /^måltal nr\. 1 hører ikke under BFA HFK/],
      [
        6,
        'end',
        'Slut',
        /^ends \(31-05-2024\) before it starts \(01-06-2024\)$/,
        /^slutter \(31-05-2024\) før den starter \(01-06-2024\)$/,
      ],
      [7, 'plannedParticipants', 'Planlagte deltagere', /^-5 is below 0$/, /^-5 er mindre end 0$/],
      [
        8,
        'pool',
        'Pulje',
        /^unknown funding pool "Ingen sådan pulje"$/,
        /^ukendt pulje "Ingen sådan pulje"$/,
      ],
      [
        9,
        'campaign',
        'Kampagne',
        /^unknown campaign "Ukendt kampagne"$/,
        /^ukendt kampagne "Ukendt kampagne"$/,
      ],
      [
        10,
        'campaign',
        'Kampagne',
        /belongs to another BFA than BFA HFK/,
        /hører til en anden BFA end BFA HFK/,
      ],
      [
        11,
        'subBranches',
        'Underbrancher',
        /^"Rumfart" is not a sub-branch/,
        /^"Rumfart" er ikke en underbranche/,
      ],
      [12, 'cost', 'Omkostning (kr.)', /^12,5 is not whole kroner$/, /^12,5 er ikke hele kroner$/],
      [13, 'targets', 'Måltal', /^target 999 does not exist$/, /^måltal nr\. 999 findes ikke$/],
      [13, 'status', 'Status', /^"Måske" is not one of Planlagt, I gang/, /^"Måske" er ikke en af Planlagt/],
      [
        14,
        'branches',
        'Branchegrupper',
        /^unknown branch group "Månebaser"$/,
        /^ukendt branchegruppe "Månebaser"$/,
      ],
      [15, 'start', 'Start', /not a valid date/, /er ikke en gyldig dato/],
      [16, 'title', 'Titel', /^is required$/, /^skal udfyldes$/],
      [17, 'targets', 'Måltal', /^"x7" is not a target number$/, /^"x7" er ikke et måltalsnummer$/],
    ];
    const found = (row: number, field: string) =>
      error.issues.find((each: Issue) => each.row === row && each.field === field);
    for (const [row, field, column, message, messageDa] of expected) {
      const problem = found(row, field);
      expect(problem, `row ${row} ${field}: ${JSON.stringify(error.issues)}`).toMatchObject({
        file: 'fejl.csv',
        column,
      });
      expect(problem?.message).toMatch(message);
      expect(problem?.messageDa).toMatch(messageDa);
    }
    // Nothing else is reported: each row's problem and only that.
    expect(error.issues).toHaveLength(expected.length);
    expect(await counts()).toEqual(before);
  });

  it('finds an activity repeated in the file by BFA, title and start date, naming both rows', async () => {
    const before = await counts();
    const file = files.write(
      'gentaget.csv',
      [
        HEADER,
        'hfk;Ergonomi i butikker;Kursus;Butikker;;;2024-01-01;;;;;;Planlagt',
        'hfk;Ergonomi i butikker;Kursus;Butikker;;;2024-02-01;;;;;;Planlagt',
        'BFA HFK;Ergonomi i butikker;Dialogmøde;Butikker;;;01-01-2024;;;;;;I gang',
      ].join('\n'),
    );
    const error = await expectAppError(run(file));
    expect(error.issues).toMatchObject([
      {
        file: 'gentaget.csv',
        row: 4,
        field: 'BFA+Titel+Start',
        message: 'duplicates row 2',
        messageDa: 'er en gentagelse af række 2',
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses an activity already stored, and refuses --replace: stored activities are never replaced', async () => {
    const first = await run(fixture('activities-da.csv'));
    const before = await counts();
    const again = files.write(
      'igen.csv',
      [HEADER, 'ba;Stilladsdialog på byggepladsen;Kursus;Anlægsarbejde;;;1.3.2024;;;;;;Planlagt'].join('\n'),
    );
    const stored = await expectAppError(run(again));
    expect(stored.issues).toMatchObject([
      {
        row: 2,
        field: 'BFA+Titel+Start',
        message: 'an activity of this BFA with this title and start date is already stored',
        messageDa: 'der findes allerede en aktivitet for denne BFA med samme titel og startdato',
      },
    ]);
    const replace = await expectAppError(run(again, { replace: true }));
    expect(replace.code).toBe('invalid_input');
    expect(replace.issues).toMatchObject([
      { field: 'replace', file: 'igen.csv', message: expect.stringMatching(/never replaced by an import/) },
    ]);
    expect(replace.issues[0]?.messageDa).toMatch(/erstattes aldrig ved import/);
    expect(await counts()).toEqual(before);
    await rollbackImport(store, first.batchId ?? 0, actor, 'test');
  });

  it('writes nothing on a dry run, and reports what it would do', async () => {
    const before = await counts();
    const report = await run(fixture('activities-da.csv'), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, batchId: null, rows: 4 });
    expect(await counts()).toEqual(before);
  });

  it('validates in a worker thread as large files are, to the same result', async () => {
    const report = await run(fixture('activities-da.csv'), { validateInWorker: true });
    expect((await activitiesOf(report.batchId)).map((row) => row.title)).toHaveLength(4);
    expect((await linksOf(report.batchId)).branches).toHaveLength(6);
    await rollbackImport(store, report.batchId ?? 0, actor, 'test');
  });

  it('rolls back exactly the batch: its activities, their links and saved versions; not once one was changed', async () => {
    const before = await counts();
    const report = await run(fixture('activities-da.csv'));
    expect(await counts()).toEqual({
      activities: before.activities + 4,
      branches: before.branches + 6,
      targets: before.targets + 5,
      versions: before.versions + 4,
      batches: before.batches + 1,
    });
    const rolled = await rollbackImport(store, report.batchId ?? 0, actor, 'wrong file');
    expect(rolled).toEqual({ batchId: report.batchId, removed: 4, restored: 0 });
    expect(await counts()).toEqual({ ...before, batches: before.batches + 1 });

    const second = await run(fixture('activities-da.csv'));
    const [edited] = await activitiesOf(second.batchId);
    await store.db
      .updateTable('workActivity')
      .set({ version: 2 })
      .where('id', '=', edited?.id ?? 0)
      .execute();
    const refused = await expectAppError(rollbackImport(store, second.batchId ?? 0, actor, 'too late'));
    expect(refused.code).toBe('conflict');
    expect(refused.issues[0]?.message).toBe(
      `activities ${edited?.id} were changed, published or given evidence since this import`,
    );
    expect(await activitiesOf(second.batchId)).toHaveLength(4);
    await store.db
      .updateTable('workActivity')
      .set({ version: 1 })
      .where('id', '=', edited?.id ?? 0)
      .execute();
    await rollbackImport(store, second.batchId ?? 0, actor, 'test');
  });

  it('limited to one BFA (a BFA editor’s upload), refuses every row of another BFA by row and field', async () => {
    const before = await counts();
    const hfk = bfaIds.get('hfk') ?? 0;
    const rows = [
      'ba;Stilladser;Kursus;Anlægsarbejde;;;2024-01-01;;;;;;Planlagt',
      'hfk;Ergonomi i butikker;Kursus;Butikker;;;2024-01-01;;;;;;Planlagt',
      'industri;Støj;Kursus;Metal og maskiner;;;2024-01-01;;;;;;Planlagt',
      'BFA HFK;Ergonomi i engros;Kursus;Engros;;;2024-01-01;;;;;;Planlagt',
    ];
    const mixed = files.write('blandet.csv', [HEADER, ...rows].join('\n'));
    const error = await expectAppError(run(mixed, { onlyBfa: hfk }));
    expect(error.issues.map((each) => [each.row, each.field, each.column])).toEqual([
      [2, 'bfa', 'BFA'],
      [4, 'bfa', 'BFA'],
    ]);
    expect(error.issues[0]).toMatchObject({
      message: '"ba" is not your BFA: you may import activities of BFA HFK only',
      messageDa: '"ba" er ikke din BFA: du må kun importere aktiviteter for BFA HFK',
    });
    expect(await counts()).toEqual(before);

    const own = files.write('egne.csv', [HEADER, rows[1], rows[3]].join('\n'));
    const report = await run(own, { onlyBfa: hfk });
    expect((await activitiesOf(report.batchId)).map((row) => row.bfa)).toEqual(['hfk', 'hfk']);
    await rollbackImport(store, report.batchId ?? 0, actor, 'test');
  });

  it('takes a limit to one BFA only for kinds whose rows belong to a BFA', async () => {
    const file = files.write('beskaeftigelse.csv', 'branchegruppe;år;beskæftigede\nButikker;2031;1000\n');
    await expect(
      runImport(store, file, { kind: 'employment', onlyBfa: bfaIds.get('hfk') ?? 0 }, actor),
    ).rejects.toThrow(/belong to no BFA/);
  });

  it('imports through the command line, where --replace is refused too', async () => {
    const before = await counts();
    const db = ['--database', store.setting];
    const file = fixture('activities-da.csv');
    const refused = await cli(['import', file, '--kind', 'activities', '--replace', ...db]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('activities-da.csv');
    expect(refused.stderr).toMatch(/never replaced by an import/);
    const imported = await cli(['import', file, '--kind', 'activities', ...db]);
    expect(imported.stdout).toMatch(/Imported 4 rows of activities from activities-da\.csv as batch \d+/);
    expect(imported.code).toBe(0);
    expect((await counts()).activities).toBe(before.activities + 4);
    const batch = Number(/as batch (\d+)/.exec(imported.stdout)?.[1]);
    await rollbackImport(store, batch, actor, 'test');
    expect((await counts()).activities).toBe(before.activities);
  });
});
