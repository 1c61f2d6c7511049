// The editor area's audit trail: a page with a plain GET filter form and the newest rows, and the same rows as a
// CSV download (Danish: `;`-separated with a BOM, so Danish Excel opens it as it is).
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { type Context, Hono } from 'hono';
import type { Store } from '../db/connect.js';
import { AppError, type Issue } from '../errors.js';
import type { Locale } from '../format.js';
import { requires } from '../web/authorize.js';
import { localePath } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import {
  type AuditFilter,
  type AuditRow,
  DEFAULT_LIST_LIMIT,
  eachAuditRow,
  listAudit,
  parseAuditFilter,
  stableJson,
} from './audit.service.js';
import { AUDIT_TEXTS } from './audit.texts.js';

type Texts = (typeof AUDIT_TEXTS)[Locale];
type FilterField = 'user' | 'entity' | 'action' | 'from' | 'to';

const FILTER_FIELDS: readonly FilterField[] = ['user', 'entity', 'action', 'from', 'to'];
const DATE_FIELDS: readonly FilterField[] = ['from', 'to'];
const CSV_COLUMNS = [
  'id',
  'at',
  'actorKind',
  'actorId',
  'actorLabel',
  'requestId',
  'clientAddress',
  'action',
  'entity',
  'entityId',
  'before',
  'after',
  'hash',
] as const;

/** `YYYY-MM-DD HH:MM` (UTC) of an ISO-8601 time. */
const minute = (at: string) => at.slice(0, 16).replace('T', ' ');
const jsonText = (value: unknown) => (value === null ? '' : stableJson(value));

/** The query string of a filter, for the CSV link (empty values left out). */
function filterQuery(filter: AuditFilter): string {
  const entries = Object.entries(filter).filter(([, value]) => value !== undefined && value !== '');
  const query = new URLSearchParams(entries.map(([key, value]): [string, string] => [key, String(value)]));
  return query.size === 0 ? '' : `?${query}`;
}

function FilterInput(props: { field: FilterField; value: string; issue: Issue | undefined; locale: Locale }) {
  const t = AUDIT_TEXTS[props.locale];
  const { field, issue } = props;
  const isDate = DATE_FIELDS.includes(field);
  const described = [isDate ? `${field}-hint` : '', issue === undefined ? '' : `${field}-error`]
    .join(' ')
    .trim();
  return (
    <div class={`form-group${issue === undefined ? '' : ' form-error'}`}>
      <label class="form-label" for={field}>
        {t[field]}
      </label>
      {isDate ? (
        <span class="form-hint" id={`${field}-hint`}>
          {t.dateHint}
        </span>
      ) : null}
      {issue === undefined ? null : (
        <span class="form-error-message" id={`${field}-error`}>
          <span class="sr-only">{t.errorPrefix} </span>
          {props.locale === 'da' ? (issue.messageDa ?? issue.message) : issue.message}
        </span>
      )}
      <input
        class="form-input"
        id={field}
        name={field}
        type="text"
        value={props.value}
        inputmode={isDate ? 'numeric' : undefined}
        aria-describedby={described === '' ? undefined : described}
        aria-invalid={issue === undefined ? undefined : 'true'}
      />
    </div>
  );
}

function FilterForm(props: { locale: Locale; query: Record<string, string>; issues: Issue[] }) {
  const t = AUDIT_TEXTS[props.locale];
  return (
    <form method="get" action={localePath(props.locale, '/redaktion/log')}>
      <h2>{t.filterHeading}</h2>
      {FILTER_FIELDS.map((field) => (
        <FilterInput
          field={field}
          value={props.query[field] ?? ''}
          issue={props.issues.find((issue) => issue.field === field)}
          locale={props.locale}
        />
      ))}
      <button class="button button-primary" type="submit">
        {t.show}
      </button>
    </form>
  );
}

function AuditTable({ rows, t }: { rows: AuditRow[]; t: Texts }) {
  const headers = [
    t.col.at,
    t.col.actorLabel,
    t.col.action,
    t.col.entity,
    t.col.entityId,
    t.col.clientAddress,
  ];
  return (
    // Wider than a narrow screen: the scrolling region takes keyboard focus and is named for screen readers.
    <section class="table-wrapper" tabindex={0} aria-label={t.title}>
      <table class="table table--compact table--responsive-headers">
        <thead>
          <tr>
            <th scope="col">{t.col.id}</th>
            {headers.map((header) => (
              <th scope="col">{header}</th>
            ))}
            <th scope="col">{t.col.before}</th>
            <th scope="col">{t.col.after}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <td data-title={t.col.id}>{row.id}</td>
              <td data-title={t.col.at}>{minute(row.at)}</td>
              <td data-title={t.col.actorLabel}>
                {row.actorLabel} ({t.kind[row.actorKind]})
              </td>
              <td data-title={t.col.action}>{row.action}</td>
              <td data-title={t.col.entity}>{row.entity}</td>
              <td data-title={t.col.entityId}>{row.entityId ?? '–'}</td>
              <td data-title={t.col.clientAddress}>{row.clientAddress}</td>
              <td data-title={t.col.before}>
                {row.before === null ? '–' : <code>{jsonText(row.before)}</code>}
              </td>
              <td data-title={t.col.after}>
                {row.after === null ? '–' : <code>{jsonText(row.after)}</code>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface PageState {
  locale: Locale;
  path: string;
  query: Record<string, string>;
  issues: Issue[];
  filter: AuditFilter | undefined;
  rows: AuditRow[];
}

function Results({ state, t }: { state: PageState; t: Texts }) {
  if (state.filter === undefined) return null;
  const limit = state.filter.limit ?? DEFAULT_LIST_LIMIT;
  const csv = `${localePath(state.locale, '/redaktion/log.csv')}${filterQuery({ ...state.filter, limit: undefined })}`;
  return (
    <>
      <p>
        <a href={csv}>{t.download}</a>
      </p>
      {state.rows.length === 0 ? (
        <p>{t.noRows}</p>
      ) : (
        <>
          <p>
            {t.shown(state.rows.length)} {state.rows.length === limit ? t.truncated(limit) : ''}
          </p>
          <AuditTable rows={state.rows} t={t} />
        </>
      )}
    </>
  );
}

function AuditPage({ state }: { state: PageState }) {
  const t = AUDIT_TEXTS[state.locale];
  return (
    <Layout locale={state.locale} path={state.path} title={t.title} demo={false}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {state.issues.length === 0 ? null : (
        <div class="alert alert-error" role="alert">
          <p class="alert-text">{t.problem}</p>
        </div>
      )}
      <FilterForm locale={state.locale} query={state.query} issues={state.issues} />
      <Results state={state} t={t} />
    </Layout>
  );
}

/** The filter of the query, or the problems with it (shown beside their fields). */
function readFilter(query: Record<string, string>): { filter?: AuditFilter; issues: Issue[] } {
  try {
    return { filter: parseAuditFilter(query), issues: [] };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'invalid_input') throw error;
    return { issues: error.issues };
  }
}

async function page(c: Context, store: Store, locale: Locale) {
  const query = c.req.query();
  const { filter, issues } = readFilter(query);
  const rows = filter === undefined ? [] : await listAudit(store.db, filter);
  c.header('Cache-Control', 'private, no-store');
  const state: PageState = { locale, path: c.req.path, query, issues, filter, rows };
  return c.html(<AuditPage state={state} />, filter === undefined ? 400 : 200);
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) is led by an apostrophe. */
const safeCell = (value: string | number | null) =>
  typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? '');

async function* csvRecords(store: Store, filter: AuditFilter): AsyncGenerator<(string | number)[]> {
  for await (const row of eachAuditRow(store.db, filter)) {
    const cells = { ...row, before: jsonText(row.before), after: jsonText(row.after) };
    yield CSV_COLUMNS.map((column) => safeCell(cells[column]));
  }
}

function csv(c: Context, store: Store, locale: Locale) {
  const filter = parseAuditFilter(c.req.query());
  const t = AUDIT_TEXTS[locale];
  const stringifier = stringify({
    header: true,
    columns: CSV_COLUMNS.map((column) => t.col[column]),
    delimiter: locale === 'da' ? ';' : ',',
    bom: true,
  });
  c.header('Cache-Control', 'private, no-store');
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${t.fileName}"`);
  const records = Readable.from(csvRecords(store, filter));
  // A query failing while the rows stream (the database gone midway) ends the download, not the process.
  records.on('error', (error) => stringifier.destroy(error));
  return c.body(Readable.toWeb(records.pipe(stringifier)) as ReadableStream);
}

export function auditRoutes(store: Store): Hono {
  const app = new Hono();
  for (const locale of ['da', 'en'] as const) {
    const base = localePath(locale, '/redaktion/log');
    app.get(base, requires('audit.read'), (c) => page(c, store, locale));
    app.get(`${base}.csv`, requires('audit.read'), (c) => csv(c, store, locale));
  }
  return app;
}
