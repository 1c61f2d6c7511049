// Funding pools and reach on the web (METHODS §11). Public: the pools (/puljer, /puljer/:id) and their JSON, CSV and
// XLSX (/api/v1/funding-pools…), and the reach per BFA × branch group × year (/api/v1/reach…). Public figures use
// published pools and activities only; `drafts=1` (drafts.read) includes the drafts the reader may see and marks it.
// Days left and the burn-down depend on today, so pool answers are never kept (`no-store`): the page cache keys on the
// data version only. The editor area (/redaktion/puljer…) is the secretariat's: its overview with the flag for pools
// ending within 12 months with money or activities left, and the pool form; writes need secretariat.write.
import { type Context, Hono } from 'hono';
import { can } from '../auth/policy.js';
import type { Store } from '../db/connect.js';
import { DEMO_LABEL_DA, DEMO_LABEL_EN } from '../demo/demo.generator.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { toAppError } from '../errors.js';
import type { Locale } from '../format.js';
import { demand, principalOf, requires } from '../web/authorize.js';
import { localCsv, toCsv } from '../web/csv.js';
import { type DownloadColumn, localTable } from '../web/download-table.js';
import { type FieldProblems, problemsOf } from '../web/forms.js';
import { localePath } from '../web/i18n.js';
import { auditContextOf } from '../web/sessions.js';
import { toLocalXlsx, toXlsx } from '../web/xlsx.js';
import {
  parsePoolInput,
  parsePoolQuery,
  parsePoolUpdate,
  parseReachQuery,
  parseVersion,
  poolIdOf,
} from './funding.schemas.js';
import {
  copenhagenDate,
  createPool,
  mayWritePools,
  type PoolSummary,
  poolSummaries,
  poolSummary,
  setPoolPublished,
  shareBfas,
  updatePool,
} from './funding.service.js';
import { FUNDING_TEXTS } from './funding.texts.js';
import {
  POOL_COLUMNS,
  POOL_MACHINE_COLUMNS,
  poolAbout,
  poolLines,
  poolMachineRow,
  REACH_COLUMNS,
  REACH_MACHINE_COLUMNS,
  reachAbout,
  reachMachineRow,
} from './funding-downloads.js';
import {
  EditorOverviewPage,
  emptyPoolForm,
  type PoolForm,
  PoolFormPage,
  poolForm,
  poolInputOf,
  postedPoolForm,
} from './funding-editor.js';
import { type PageContext, PoolListPage, PoolPage } from './funding-pages.js';
import { REACH_NOTE, reachOf } from './reach.service.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `?drafts=1` is a request for drafts: refused without drafts.read (401/403), never silently ignored. */
function wantsDrafts(c: Context, value: boolean | undefined): boolean {
  if (value !== true) return false;
  demand(c, 'drafts.read');
  return true;
}

const signedIn = (c: Context) => principalOf(c).kind !== 'anonymous';

/** A page asked for with `?drafts=1` by someone not signed in: sent to sign in first, as `requires` does. */
const mustSignIn = (c: Context) => c.req.query('drafts') === '1' && principalOf(c).kind === 'anonymous';

const toLogin = (c: Context, locale: Locale) =>
  c.redirect(
    `${localePath(locale, '/redaktion/login')}?next=${encodeURIComponent(`${c.req.path}?drafts=1`)}`,
    303,
  );

/** Pool answers hold days left (today's): never kept by the page cache or the browser. */
function poolCaching(c: Context): void {
  c.header('Cache-Control', signedIn(c) ? 'private, no-store' : 'no-store');
}

function privateIfSignedIn(c: Context, drafts: boolean): void {
  if (signedIn(c) || drafts) c.header('Cache-Control', 'private, no-store');
}

const demoMeta = (demo: boolean) =>
  demo ? { demo: true, demoLabel: { da: DEMO_LABEL_DA, en: DEMO_LABEL_EN } } : { demo: false };

function poolMeta(summaries: readonly PoolSummary[], drafts: boolean, demo: boolean, today: string) {
  const t = { da: FUNDING_TEXTS.da, en: FUNDING_TEXTS.en };
  return {
    ...demoMeta(demo),
    today,
    includesDrafts: drafts && summaries.some((s) => s.includesDrafts),
    figures: drafts
      ? { da: t.da.withDrafts, en: t.en.withDrafts }
      : { da: t.da.publicOnly, en: t.en.publicOnly },
    costPerWorkplace: { da: t.da.costNote, en: t.en.costNote },
  };
}

function pageContext(c: Context, locale: Locale, drafts: boolean, demo: boolean): PageContext {
  return { locale, path: c.req.path, demo, drafts, mayAskDrafts: can(principalOf(c), 'drafts.read') };
}

function publicPages(app: Hono, store: Store, locale: Locale): void {
  const base = localePath(locale, '/puljer');
  app.get(base, requires('public'), async (c) => {
    if (mustSignIn(c)) return toLogin(c, locale);
    const drafts = wantsDrafts(c, c.req.query('drafts') === '1' || undefined);
    const [summaries, demo] = await Promise.all([
      poolSummaries(store.db, principalOf(c), new Date(), { drafts }),
      holdsDemoData(store.db),
    ]);
    poolCaching(c);
    return c.html(<PoolListPage summaries={summaries} context={pageContext(c, locale, drafts, demo)} />);
  });
  app.get(`${base}/:id`, requires('public'), async (c) => {
    if (mustSignIn(c)) return toLogin(c, locale);
    const drafts = wantsDrafts(c, c.req.query('drafts') === '1' || undefined);
    const id = poolIdOf(c.req.param('id'));
    const [summary, demo] = await Promise.all([
      poolSummary(store.db, principalOf(c), id, new Date(), { drafts }),
      holdsDemoData(store.db),
    ]);
    poolCaching(c);
    return c.html(<PoolPage summary={summary} context={pageContext(c, locale, drafts, demo)} />);
  });
}

type PoolFormProps = Parameters<typeof PoolFormPage>[0];

/** The pool form page at this request's path: a new pool's (no summary) or a stored one's. */
function poolFormPage(
  c: Context,
  locale: Locale,
  page: Omit<PoolFormProps, 'locale' | 'path'>,
  status: 200 | 400 | 409 = 200,
) {
  return c.html(<PoolFormPage locale={locale} path={c.req.path} {...page} />, status);
}

/** The pool form again with its problems (400, or 409 on a conflict with the stored version in the hidden field). */
async function formAgain(
  c: Context,
  store: Store,
  locale: Locale,
  id: number | undefined,
  form: PoolForm,
  error: unknown,
) {
  const problems: FieldProblems = problemsOf(error, locale);
  const conflict = toAppError(error)?.code === 'conflict';
  const summary =
    id === undefined
      ? undefined
      : await poolSummary(store.db, principalOf(c), id, new Date(), { drafts: true });
  const shown =
    summary === undefined || !conflict ? form : { ...form, version: String(summary.pool.version) };
  const bfas = await shareBfas(store.db);
  const page = { summary, form: shown, problems, bfas, mayWrite: true, conflict };
  return poolFormPage(c, locale, page, conflict ? 409 : 400);
}

function editorPages(app: Hono, store: Store, locale: Locale): void {
  const base = localePath(locale, '/redaktion/puljer');
  app.get(base, requires('drafts.read'), async (c) => {
    const principal = principalOf(c);
    const summaries = await poolSummaries(store.db, principal, new Date(), { drafts: true });
    poolCaching(c);
    return c.html(
      <EditorOverviewPage
        summaries={summaries}
        locale={locale}
        path={c.req.path}
        mayWrite={mayWritePools(principal)}
      />,
    );
  });
  app.get(`${base}/ny`, requires('secretariat.write'), async (c) => {
    const bfas = await shareBfas(store.db);
    const page = { summary: undefined, form: emptyPoolForm(), problems: {}, bfas, mayWrite: true };
    return poolFormPage(c, locale, page);
  });
  app.post(base, requires('secretariat.write'), async (c) => {
    const form = postedPoolForm(await c.req.parseBody(), await shareBfas(store.db));
    try {
      const input = parsePoolInput(poolInputOf(form, locale));
      const id = await createPool(store.db, auditContextOf(c), input, new Date());
      return c.redirect(`${base}/${id}`, 303);
    } catch (error) {
      return formAgain(c, store, locale, undefined, form, error);
    }
  });
  app.get(`${base}/:id`, requires('drafts.read'), async (c) => {
    const principal = principalOf(c);
    const summary = await poolSummary(store.db, principal, poolIdOf(c.req.param('id')), new Date(), {
      drafts: true,
    });
    poolCaching(c);
    const form = poolForm(summary.pool, locale);
    const page = {
      summary,
      form,
      problems: {},
      bfas: await shareBfas(store.db),
      mayWrite: mayWritePools(principal),
    };
    return poolFormPage(c, locale, page);
  });
  app.post(`${base}/:id`, requires('secretariat.write'), async (c) => {
    const id = poolIdOf(c.req.param('id'));
    const form = postedPoolForm(await c.req.parseBody(), await shareBfas(store.db));
    try {
      const version = parseVersion(form.version);
      const input = parsePoolInput(poolInputOf(form, locale));
      await updatePool(store.db, auditContextOf(c), id, version, input, new Date());
      return c.redirect(`${base}/${id}`, 303);
    } catch (error) {
      return formAgain(c, store, locale, id, form, error);
    }
  });
  app.post(`${base}/:id/offentliggoer`, requires('secretariat.write'), async (c) => {
    const id = poolIdOf(c.req.param('id'));
    const body = await c.req.parseBody();
    const version =
      typeof body.version === 'string' && body.version !== '' ? parseVersion(body.version) : null;
    await setPoolPublished(store.db, auditContextOf(c), id, body.published !== '0', new Date(), version);
    return c.redirect(`${base}/${id}`, 303);
  });
}

/** A table as the download's body: the reader's form in `lang`, else the machine form (codes, every digit). */
interface TableFile<Row> {
  rows: readonly Row[];
  columns: DownloadColumn<Row>[];
  machineRow: (row: Row) => Record<string, unknown>;
  machineColumns: string[];
  /** The XLSX's metadata sheet. */
  about: () => [string, string][];
}

async function tableFile<Row>(c: Context, format: 'csv' | 'xlsx', lang: Locale | null, file: TableFile<Row>) {
  const machine = () => file.rows.map(file.machineRow);
  if (format === 'csv') {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    if (lang === null) return c.body(toCsv(machine(), file.machineColumns));
    return c.body(localCsv(localTable(file.rows, file.columns, lang), lang));
  }
  c.header('Content-Type', XLSX_TYPE);
  if (lang === null) return c.body(await toXlsx(machine(), file.about(), file.machineColumns));
  return c.body(await toLocalXlsx(localTable(file.rows, file.columns, lang), file.about()));
}

async function poolFile(c: Context, store: Store, format: 'csv' | 'xlsx') {
  const query = parsePoolQuery(c.req.query());
  const drafts = wantsDrafts(c, query.drafts);
  const now = new Date();
  let summaries = await poolSummaries(store.db, principalOf(c), now, { drafts });
  if (query.pool !== undefined) {
    const one = summaries.filter((s) => s.pool.id === query.pool);
    // A pool the reader may not see answers like one that does not exist.
    if (one.length === 0) await poolSummary(store.db, principalOf(c), query.pool, now, { drafts });
    summaries = one;
  }
  const lines = poolLines(summaries);
  const lang = query.lang ?? null;
  const name = `${lang === 'en' ? 'funding-pools' : 'puljer'}${query.pool === undefined ? '' : `-${query.pool}`}`;
  poolCaching(c);
  c.header('Content-Disposition', `attachment; filename="${name}.${format}"`);
  return tableFile(c, format, lang, {
    rows: lines,
    columns: POOL_COLUMNS,
    machineRow: poolMachineRow,
    machineColumns: POOL_MACHINE_COLUMNS,
    about: () => poolAbout(summaries, drafts, copenhagenDate(now)),
  });
}

async function reachFile(c: Context, store: Store, format: 'csv' | 'xlsx') {
  const query = parseReachQuery(c.req.query());
  const drafts = wantsDrafts(c, query.drafts);
  const rows = await reachOf(store.db, principalOf(c), { ...query, drafts });
  const lang = query.lang ?? null;
  privateIfSignedIn(c, drafts);
  c.header(
    'Content-Disposition',
    `attachment; filename="${lang === 'en' ? 'reach' : 'raekkevidde'}.${format}"`,
  );
  return tableFile(c, format, lang, {
    rows,
    columns: REACH_COLUMNS,
    machineRow: reachMachineRow,
    machineColumns: REACH_MACHINE_COLUMNS,
    about: () => reachAbout(drafts),
  });
}

function apiRoutes(app: Hono, store: Store): void {
  app.get('/api/v1/funding-pools', requires('public'), async (c) => {
    const query = parsePoolQuery(c.req.query());
    const drafts = wantsDrafts(c, query.drafts);
    const now = new Date();
    const [summaries, demo] = await Promise.all([
      poolSummaries(store.db, principalOf(c), now, { drafts }),
      holdsDemoData(store.db),
    ]);
    poolCaching(c);
    return c.json({ data: summaries, meta: poolMeta(summaries, drafts, demo, copenhagenDate(now)) });
  });
  app.get('/api/v1/funding-pools.csv', requires('public'), (c) => poolFile(c, store, 'csv'));
  app.get('/api/v1/funding-pools.xlsx', requires('public'), (c) => poolFile(c, store, 'xlsx'));
  app.get('/api/v1/funding-pools/:id', requires('public'), async (c) => {
    const query = parsePoolQuery(c.req.query());
    const drafts = wantsDrafts(c, query.drafts);
    const now = new Date();
    const [summary, demo] = await Promise.all([
      poolSummary(store.db, principalOf(c), poolIdOf(c.req.param('id')), now, { drafts }),
      holdsDemoData(store.db),
    ]);
    poolCaching(c);
    return c.json({ data: summary, meta: poolMeta([summary], drafts, demo, copenhagenDate(now)) });
  });
  app.post('/api/v1/funding-pools', requires('secretariat.write'), async (c) => {
    const input = parsePoolInput(await c.req.json().catch(() => undefined));
    const id = await createPool(store.db, auditContextOf(c), input, new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json({ id, version: 1 }, 201);
  });
  app.put('/api/v1/funding-pools/:id', requires('secretariat.write'), async (c) => {
    const id = poolIdOf(c.req.param('id'));
    const { version, input } = parsePoolUpdate(await c.req.json().catch(() => undefined));
    await updatePool(store.db, auditContextOf(c), id, version, input, new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json({ id, version: version + 1 });
  });
  app.get('/api/v1/reach', requires('public'), async (c) => {
    const query = parseReachQuery(c.req.query());
    const drafts = wantsDrafts(c, query.drafts);
    const [rows, demo] = await Promise.all([
      reachOf(store.db, principalOf(c), { ...query, drafts }),
      holdsDemoData(store.db),
    ]);
    privateIfSignedIn(c, drafts);
    return c.json({ data: rows, meta: { ...demoMeta(demo), includesDrafts: drafts, note: REACH_NOTE } });
  });
  app.get('/api/v1/reach.csv', requires('public'), (c) => reachFile(c, store, 'csv'));
  app.get('/api/v1/reach.xlsx', requires('public'), (c) => reachFile(c, store, 'xlsx'));
}

export function fundingRoutes(store: Store): Hono {
  const app = new Hono();
  for (const locale of ['da', 'en'] as const) {
    publicPages(app, store, locale);
    editorPages(app, store, locale);
  }
  apiRoutes(app, store);
  return app;
}
