// "Download everything": one zip per national goal (/maal/:code/data.zip) and one for the whole site (/data.zip),
// in Danish and English (/en/…). Each holds the targets, every measurement behind them (a year not published is a
// line saying hidden), for accidents the overview's and explorer's tables, a JSON file with every digit, and a
// read-me with the sources, the loaded data files, the method and the caveats. Everything is read the way the
// pages read it: targets through the publication rule, accident figures through the disclosure gate.
import { strToU8, type Zippable, zipSync } from 'fflate';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { EMPTY_COLUMNS } from '../accidents/accidents.service.js';
import { accidentTable } from '../accidents/downloads.js';
import { statisticsFor } from '../accidents/series.js';
import type { Store } from '../db/connect.js';
import { dataVersion } from '../db/meta.js';
import { DEMO_LABEL_DA, DEMO_LABEL_EN } from '../demo/demo.generator.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { notFound } from '../errors.js';
import type { Locale } from '../format.js';
import { latestImportDate, listBatches } from '../imports/imports.repository.js';
import { listGoals } from '../reference/reference.repository.js';
import { presentObservation, presentTarget } from '../targets/targets.presenter.js';
import { listTargets, showTarget } from '../targets/targets.service.js';
import { requires } from '../web/authorize.js';
import { localCsv } from '../web/csv.js';
import {
  type ObservationLine,
  observationColumns,
  observationLines,
  sharedDecimals,
} from '../web/download-observations.js';
import { localTable } from '../web/download-table.js';
import { SITE_DOWNLOAD_TEXTS } from './site-downloads.texts.js';
import { readme, type ZipContent, type ZipScope } from './site-downloads-readme.js';
import { type AccidentTableKey, accidentTables, targetColumns } from './site-downloads-tables.js';

/** The national goal whose zip also holds the accident tables (reference/data/goals.json). */
const ACCIDENT_GOAL = 'accidents';

/** The kinds of import behind targets and their survey measurements (another goal's zip names only these). */
const TARGET_KINDS = ['observations', 'targets'];

/** A line of the JSON file: a published measurement with every digit, or a year left out (hidden). */
function jsonLine(line: ObservationLine) {
  if (line.observation !== null) return { targetId: line.target.id, ...presentObservation(line.observation) };
  return { targetId: line.target.id, year: line.leftOut?.year, hidden: true, note: line.leftOut };
}

/** Everything a zip holds, read as the pages read it. */
async function gather(store: Store, goal: ZipScope['goal']): Promise<ZipContent> {
  const listed = await listTargets(store.db, goal === null ? {} : { goal: goal.code });
  const histories = [];
  for (const target of listed) histories.push(await showTarget(store.db, target.id));
  const withAccidents = goal === null || goal.code === ACCIDENT_GOAL;
  const data = withAccidents ? await statisticsFor(store.db).current() : null;
  const [batches, demo, version, asOf] = await Promise.all([
    listBatches(store.db),
    holdsDemoData(store.db),
    dataVersion(store.db),
    latestImportDate(store.db),
  ]);
  return {
    targets: histories.map((history) => history.current),
    lines: histories.flatMap((history) => observationLines(history.current, history.observations)),
    accidents: data === null ? [] : accidentTables(data),
    batches: batches
      .filter((batch) => batch.status === 'committed')
      .filter((batch) => withAccidents || TARGET_KINDS.includes(batch.kind))
      .map(({ id, kind, fileName, sourceLabel, importedAt, rowCount }) => ({
        id,
        kind,
        fileName,
        sourceLabel,
        importedAt,
        rowCount: Number(rowCount),
      })),
    demo,
    version,
    asOf: asOf ?? null,
  };
}

function dataJson(content: ZipContent, scope: ZipScope): string {
  const accidents: Partial<Record<AccidentTableKey, unknown>> = {};
  for (const { key, answer } of content.accidents) accidents[key] = answer;
  const meta = {
    scope: scope.goal === null ? 'site' : 'goal',
    goal: scope.goal?.code ?? null,
    dataVersion: content.version,
    asOf: content.asOf,
    precision: 'Every digit; the CSV files round as the pages show.',
    ...(content.demo ? { demo: true, demoLabel: { da: DEMO_LABEL_DA, en: DEMO_LABEL_EN } } : { demo: false }),
  };
  return JSON.stringify(
    {
      meta,
      targets: content.targets.map(presentTarget),
      observations: content.lines.map(jsonLine),
      accidents,
    },
    null,
    2,
  );
}

/** The zip's files in the reader's language, each CSV in the reader's form. */
export function zipFiles(content: ZipContent, scope: ZipScope): Record<string, string> {
  const { locale } = scope;
  const t = SITE_DOWNLOAD_TEXTS[locale];
  const files: Record<string, string> = {
    [t.readme]: readme(content, scope),
    [t.targetsFile]: localCsv(localTable(content.targets, targetColumns(content.targets), locale), locale),
    [t.observationsFile]: localCsv(
      localTable(
        content.lines,
        observationColumns(sharedDecimals(content.targets.map((t) => t.indicator.unit))),
        locale,
      ),
      locale,
    ),
  };
  for (const { key, answer } of content.accidents)
    files[t.accidentFiles[key]] = localCsv(accidentTable(answer, EMPTY_COLUMNS.rates, locale), locale);
  files[t.jsonFile] = dataJson(content, scope);
  return files;
}

/**
 * The files zipped, dated by the newest import so that the same data give the same bytes. Marked as made on Unix
 * (readable files): Info-ZIP's unzip otherwise reads the UTF-8 name LÆSMIG.txt as an old DOS code page.
 */
function zipOf(files: Record<string, string>, asOf: string | null): Uint8Array<ArrayBuffer> {
  const mtime = asOf === null ? new Date('2026-01-01T00:00:00Z') : new Date(asOf);
  const zippable: Zippable = {};
  for (const [name, text] of Object.entries(files))
    zippable[name] = [strToU8(text), { mtime, os: 3, attrs: 0o644 << 16 }];
  return zipSync(zippable, { level: 9 });
}

async function answerZip(c: Context, store: Store, locale: Locale, code: string | null) {
  const t = SITE_DOWNLOAD_TEXTS[locale];
  let goal: ZipScope['goal'] = null;
  if (code !== null) {
    goal = (await listGoals(store.db)).find((g) => g.code === code) ?? null;
    if (goal === null) throw notFound(`No national goal "${code}"`);
  }
  const scope: ZipScope = { locale, goal };
  const content = await gather(store, goal);
  const name = t.zipName(goal === null ? t.siteScope : t.goalScope(goal.code));
  c.header('Content-Type', 'application/zip');
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  return c.body(zipOf(zipFiles(content, scope), content.asOf));
}

export function siteDownloadRoutes(store: Store): Hono {
  const app = new Hono();
  app.get('/data.zip', requires('public'), (c) => answerZip(c, store, 'da', null));
  app.get('/en/data.zip', requires('public'), (c) => answerZip(c, store, 'en', null));
  app.get('/maal/:code/data.zip', requires('public'), (c) => answerZip(c, store, 'da', c.req.param('code')));
  app.get('/en/maal/:code/data.zip', requires('public'), (c) =>
    answerZip(c, store, 'en', c.req.param('code')),
  );
  return app;
}
