// METHODS §9 end to end, on both databases: a survey observation with fewer respondents than the minimum is
// imported and stored, but no public page, API answer, download or CLI listing shows it, and no status is
// computed from it; the assessment's explanation names the year and the rule. A data steward sees it flagged.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerFor } from '../../test/accounts.js';
import { cli } from '../../test/cli.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { type TempFiles, tempFiles } from '../../test/imports/files.js';
import { seedStore } from '../../test/seed.js';
import { createApp } from '../web/app.js';
import { DEFAULT_SURVEY_SETTINGS } from './survey-settings.js';

let steward: Record<string, string> = {};
const YEAR = 2026;
const MIN = DEFAULT_SURVEY_SETTINGS.publication.minRespondents;
const NOTE_DA = `${YEAR}: færre end ${MIN} svarpersoner – ikke offentliggjort og ikke brugt i vurderingen`;
const NOTE_EN = `${YEAR}: fewer than ${MIN} respondents – not published and not used in the assessment`;

/** The public outputs that must not change when the small observation arrives. */
const UNCHANGED = [
  '/',
  '/en',
  '/maaltal',
  '/en/maaltal',
  '/api/v1/targets',
  '/api/v1/targets/1',
  '/api/v1/targets/1/observations.csv',
  '/api/v1/goals',
];

type Json = Record<string, unknown>;

describeEachDialect('unpublished survey observations', (dialect) => {
  let store: TestStore;
  let files: TempFiles;
  let app: ReturnType<typeof createApp>;
  let db: string[];
  const before = new Map<string, string>();
  let target: { indicator: { code: string }; branchGroup: { code: string }; goal: { code: string } };
  let assessmentBefore: { data: Json };
  let importOutput: string;

  const text = async (path: string, headers: Record<string, string> = {}) =>
    (await app.request(path, { headers })).text();
  const cliOut = async (...argv: string[]) => {
    const result = await cli([...argv, ...db]);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };
  const publicPaths = () => [
    ...UNCHANGED,
    `/maal/${target.goal.code}`,
    `/en/maal/${target.goal.code}`,
    `/branche/${target.branchGroup.code}`,
    `/en/branche/${target.branchGroup.code}`,
    `/api/v1/branches/${target.branchGroup.code}`,
  ];
  const cliCommands = () => [
    ['targets', 'list'],
    ['targets', 'list', '--json'],
    ['targets', 'show', '1', '--json'],
  ];
  const xlsxRows = async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await app.request('/api/v1/targets/1/observations.xlsx')).arrayBuffer());
    const sheet = workbook.getWorksheet('Data');
    const rows: unknown[] = [];
    sheet?.eachRow((row) => {
      rows.push(row.values);
    });
    return { rows, about: workbook.getWorksheet('Metadata')?.getColumn(2).values ?? [] };
  };

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    files = tempFiles();
    db = ['--database', store.setting];
    app = createApp(store, { logError: () => {} });
    steward = await bearerFor(store, 'steward');
    target = (JSON.parse(await text('/api/v1/targets/1')) as { data: typeof target }).data;
    for (const path of [...publicPaths(), '/maaltal/1', '/en/maaltal/1']) before.set(path, await text(path));
    for (const argv of cliCommands()) before.set(argv.join(' '), await cliOut(...argv));
    before.set('xlsx', JSON.stringify((await xlsxRows()).rows));
    assessmentBefore = JSON.parse(await text('/api/v1/targets/1/assessment'));
    // A wave far on the wrong side of the target, from 20 respondents: it would decide the status if it counted.
    const file = files.write(
      'lille-celle.csv',
      [
        'indikator;branchegruppe;år;andel;antal_svar;nedre;øvre;serie;kilde',
        `${target.indicator.code};${target.branchGroup.code};${YEAR};88,8;20;67,2;96,9;NOA-L;NOA-L ${YEAR}`,
      ].join('\n'),
    );
    // The CLI's clock (2026-01-02) is before the demo batch, so the overview's "last updated" stays as it was.
    importOutput = await cliOut('import', file, '--kind', 'observations');
  });
  afterAll(async () => {
    files?.remove();
    await store?.destroy();
  });

  it('imports and stores the observation', async () => {
    expect(importOutput).toContain('Imported 1 rows of observations');
    const stored = await store.db
      .selectFrom('observation')
      .select(['value', 'respondents'])
      .where('year', '=', YEAR)
      .execute();
    expect(stored).toEqual([{ value: 88.8, respondents: 20 }]);
  });

  it('leaves every public page, API answer and download as it was', async () => {
    for (const path of publicPaths()) expect(await text(path), path).toBe(before.get(path));
    expect(JSON.stringify((await xlsxRows()).rows)).toBe(before.get('xlsx'));
    expect((await xlsxRows()).about).toContain(`${NOTE_DA} / ${NOTE_EN}`);
  });

  it('leaves the CLI listings and the public JSON as they were', async () => {
    for (const argv of cliCommands())
      expect(await cliOut(...argv), argv.join(' ')).toBe(before.get(argv.join(' ')));
  });

  it('computes the status without the point and names the year left out and why', async () => {
    const after = JSON.parse(await text('/api/v1/targets/1/assessment'));
    const leftOut = [
      {
        year: YEAR,
        code: 'below_min_respondents',
        params: { year: YEAR, minRespondents: MIN },
        da: NOTE_DA,
        en: NOTE_EN,
      },
    ];
    expect(after.data.explanation.leftOut).toEqual(leftOut);
    expect(after.data.explanation.latest.year).toBe(2025);
    const explanationBefore = assessmentBefore.data.explanation as Json;
    expect(after).toEqual({
      ...assessmentBefore,
      data: { ...assessmentBefore.data, explanation: { ...explanationBefore, leftOut } },
    });
  });

  it('says on the target page which year is not published, and nothing more', async () => {
    for (const [path, note, heading] of [
      ['/maaltal/1', NOTE_DA, 'Målinger, der ikke offentliggøres'],
      ['/en/maaltal/1', NOTE_EN, 'Measurements not published'],
    ] as const) {
      const html = await text(path);
      expect(html).not.toContain(`<th scope="row">${YEAR}</th>`);
      const withoutNotes = html
        .replace(`<h3>${heading}</h3><ul><li>${note}</li></ul>`, '')
        .replace(`<p class="maaltal-note">${note}</p>`, '');
      expect(withoutNotes).toBe(before.get(path));
    }
  });

  it('shows the point to a data steward (not a viewer), flagged and never cached', async () => {
    const path = '/api/v1/targets/1?unsuppressed=true';
    expect((await app.request(path)).status).toBe(401);
    expect(
      (await app.request(path, { headers: { authorization: 'Bearer wrong-token-0000000' } })).status,
    ).toBe(401);
    expect((await app.request('/api/v1/targets/1?unsuppressed=yes')).status).toBe(400);
    expect((await app.request(path, { headers: await bearerFor(store, 'viewer') })).status).toBe(403);
    const response = await app.request(path, { headers: steward });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = (await response.json()) as {
      meta: unknown;
      data: { observations: { published: boolean }[]; latest: { year: number } };
    };
    expect(body.meta).toMatchObject({ unsuppressed: true });
    const flagged = body.data.observations.filter((o) => !o.published);
    expect(flagged).toEqual([
      expect.objectContaining({
        year: YEAR,
        value: 88.8,
        lowercl: 67.2,
        uppercl: 96.9,
        respondents: 20,
        published: false,
        warning: {
          da: `Ikke offentliggjort: 20 svarpersoner, færre end ${MIN}. Kun til datafolk; indgår ikke i vurderingen.`,
          en: `Not published: 20 respondents, fewer than ${MIN}. For data stewards only; not used in the assessment.`,
        },
      }),
    ]);
    expect(body.data.latest.year).toBe(2025);
    // The steward's answer did not end up in the public cache.
    expect((await app.request(path)).status).toBe(401);
    expect(await text('/api/v1/targets/1')).toBe(before.get('/api/v1/targets/1'));
  });

  it('flags the point in the operator view of `maaltal targets show`', async () => {
    const shown = await cliOut('targets', 'show', '1');
    const line = shown.split('\n').find((l) => l.startsWith(`  ${YEAR}`));
    expect(line).toContain('n=20');
    expect(line).toContain('[IKKE OFFENTLIGGJORT / NOT PUBLISHED]');
    expect(shown).toContain(`! Ikke offentliggjort: 20 svarpersoner, færre end ${MIN}.`);
    expect(shown).toContain(`  - (udeladt) ${NOTE_DA}`);
  });
});
