// The accident statistics API: every measure as JSON, CSV, JSON lines and XLSX, with a 400 naming any bad parameter.
// CSV and JSON lines are streamed row by row; XLSX (built in memory) is refused above its own row limit.
// CSV and XLSX come in the machine form (codes, every digit) unless `lang=da|en` asks for the reader's form (the
// pages link it): Danish or English column names and labels, numbers rounded as the explorer shows them.
// Unsuppressed values and the fatal-accident case list need the `data.unsuppressed` permission (data stewards).
import { Hono } from 'hono';
import type { Store } from '../db/connect.js';
import { AppError } from '../errors.js';
import { demand, requires } from '../web/authorize.js';
import { csvStream, jsonLinesStream, localCsvStream } from '../web/csv.js';
import { downloadLocale } from '../web/download-table.js';
import { toLocalXlsx } from '../web/xlsx.js';
import { answerMeasure, EMPTY_COLUMNS, MEASURES, type MeasureName } from './accidents.service.js';
import { accidentTable, downloadRows, metaLines, toXlsx } from './downloads.js';
import { fatalCases } from './fatal-cases.repository.js';
import { parametersOf, parametersWithout, parseFilters } from './query.js';
import type { AccidentStatistics } from './statistics.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_NAME = /^([a-z-]+?)(?:\.(json|jsonl|csv|xlsx))?$/;

export function accidentRoutes(store: Store, statistics: AccidentStatistics): Hono {
  const app = new Hono();

  app.get('/api/v1/accidents/fatal-cases', requires('data.unsuppressed'), async (c) => {
    const filters = parseFilters(parametersOf(new URL(c.req.url)));
    c.header('Cache-Control', 'private, no-store');
    return c.json({ rows: await fatalCases(store.db, filters) });
  });

  app.get('/api/v1/accidents/:file', requires('public'), async (c) => {
    const match = FILE_NAME.exec(c.req.param('file'));
    const measure = match?.[1] as MeasureName | undefined;
    if (match === null || measure === undefined || !MEASURES.includes(measure)) return c.notFound();
    const format = match[2] ?? 'json';
    const [withoutLang, langText] = parametersWithout(parametersOf(new URL(c.req.url)), 'lang');
    const lang = downloadLocale(langText);
    const [raw, unsuppressedText] = parametersWithout(withoutLang, 'unsuppressed');
    const unsuppressed = unsuppressedText === 'true';
    if (unsuppressedText !== undefined && unsuppressedText !== 'true' && unsuppressedText !== 'false') {
      throw new AppError('invalid_input', 'Invalid accident statistics query', [
        { field: 'unsuppressed', message: `"${unsuppressedText}" is not one of true, false` },
      ]);
    }
    if (unsuppressed) demand(c, 'data.unsuppressed');
    const answer = await answerMeasure(store.db, statistics, measure, raw, { unsuppressed });
    c.header('Cache-Control', unsuppressed ? 'private, no-store' : 'public, max-age=60');
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="maaltal-ulykker-${measure}.csv"`);
      const stream =
        lang === null
          ? csvStream(downloadRows(answer.rows, answer.meta), EMPTY_COLUMNS[measure])
          : localCsvStream(accidentTable(answer, EMPTY_COLUMNS[measure], lang), lang);
      return c.body(stream as ReadableStream);
    }
    if (format === 'jsonl') {
      c.header('Content-Type', 'application/jsonl; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="maaltal-ulykker-${measure}.jsonl"`);
      return c.body(jsonLinesStream(downloadRows(answer.rows, answer.meta)) as ReadableStream);
    }
    if (format === 'xlsx' && answer.rows.length > statistics.settings.queryBudget.maxXlsxRows) {
      const limit = statistics.settings.queryBudget.maxXlsxRows;
      throw new AppError('too_large', `An XLSX download holds at most ${limit} rows`, [
        {
          field: 'format',
          message: `${answer.rows.length} rows: download them as CSV (${measure}.csv), or narrow the query`,
          messageDa: `${answer.rows.length} rækker: hent dem som CSV (${measure}.csv), eller afgræns forespørgslen`,
        },
      ]);
    }
    if (format === 'xlsx') {
      c.header('Content-Type', XLSX_TYPE);
      c.header('Content-Disposition', `attachment; filename="maaltal-ulykker-${measure}.xlsx"`);
      return c.body(
        lang === null
          ? await toXlsx(downloadRows(answer.rows, answer.meta), answer.meta, EMPTY_COLUMNS[measure])
          : await toLocalXlsx(accidentTable(answer, EMPTY_COLUMNS[measure], lang), metaLines(answer.meta)),
      );
    }
    return c.json(answer);
  });

  return app;
}
