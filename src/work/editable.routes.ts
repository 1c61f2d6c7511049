// The routes every editable record of the BFAs' work shares (campaigns, pilots), for a kind described by an
// `EditableWeb`: its public list and page in Danish and English, the editor area (/redaktion/…: list, new, edit with
// optimistic locking, publish; a refused save shows the form again with what was typed beside its problems, 409 on a
// conflict with the version now stored), and the API (/api/v1/…: list, CSV and XLSX in the reader's language, one
// record, create, update). Published records for everyone; drafts for those who may read them.
import { type Context, Hono } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { AppError } from '../errors.js';
import type { Locale } from '../format.js';
import { principalOf, requires } from '../web/authorize.js';
import { localCsv, toCsv } from '../web/csv.js';
import { type DownloadColumn, downloadLocale, type LocalTable, localTable } from '../web/download-table.js';
import { localePath } from '../web/i18n.js';
import { auditContextOf } from '../web/sessions.js';
import { toLocalXlsx, toXlsx } from '../web/xlsx.js';
import { formVersion } from './editable.schemas.js';
import type { EditableService } from './editable.service.js';
import {
  type EditorKind,
  type EditorRecord,
  editorListPage,
  editPage,
  type FormState,
  freshForm,
  newRecordPage,
  refusal,
} from './editable-forms.js';

/** An id in an address: a plain whole number from 1, else -1 (which no record has: a 404). */
export const idOf = (c: Context): number => {
  const text = c.req.param('id') ?? '';
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : -1;
};

/** A posted form's text fields. */
export async function formOf(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const form: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) if (typeof value === 'string') form[name] = value;
  return form;
}

/** A JSON request body, or a 400 naming it. */
export async function jsonOf(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new AppError('invalid_input', 'The request body is not JSON', [
      { field: 'body', message: 'must be a JSON object', messageDa: 'skal være et JSON-objekt' },
    ]);
  }
}

/** Answers that may hold drafts are never kept by a shared cache. */
export function privateIfSignedIn(c: Context): void {
  if (principalOf(c).kind !== 'anonymous') c.header('Cache-Control', 'private, no-store');
}

/** How a kind's input is read from the editor's form or the API's JSON, every problem named at once. */
export interface EditableParsers<Input> {
  /** The form's fields as the schema's input (numbers as typed in the page's language). */
  fromForm: (form: Record<string, string>, locale: Locale) => Record<string, unknown>;
  input: (body: unknown) => Input;
  /** The fields and the version the editor or client opened. */
  update: (body: unknown) => { version: number; input: Input };
}

type About = readonly [string, string][];

/** A kind's downloads: the reader's columns in Danish or English, or the machine form's (`lang` left out). */
export interface EditableDownloads<T> {
  columns: readonly DownloadColumn<T>[];
  machineRow: (record: T) => object;
  machineColumns: readonly string[];
  about: About;
  fileName: (locale: Locale | null) => string;
}

/** A page as JSX renders it. */
type Page = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Everything the routes of one kind of editable record need. `D` is one record as its own page and API give it. */
export interface EditableWeb<T extends EditorRecord, D extends T, Input> extends EditorKind<T, D> {
  apiPath: string;
  service: EditableService<Input>;
  parse: EditableParsers<Input>;
  /** The public list and one record's page; a missing record or a draft the reader may not read is a 404. */
  listPage: (c: Context, store: Store, locale: Locale) => Promise<Page>;
  recordPage: (c: Context, store: Store, locale: Locale, id: number) => Promise<Page>;
  present: (record: T) => object;
  presentOne: (record: D) => object;
  downloads: EditableDownloads<T>;
}

/** The stored version after a conflict, so the next save overwrites knowingly. */
async function storedVersion<T extends EditorRecord, D extends T>(
  c: Context,
  store: Store,
  kind: EditorKind<T, D>,
  edit: { id: number; fallback: number },
): Promise<number> {
  try {
    return (await kind.get(store.db, principalOf(c), edit.id)).version;
  } catch {
    return edit.fallback;
  }
}

/** The state a refused save shows again: what was typed, its problems, and after a conflict the stored version. */
async function refusedEdit<T extends EditorRecord, D extends T>(
  c: Context,
  store: Store,
  kind: EditorKind<T, D>,
  refused: { id: number; form: Record<string, string>; error: unknown; locale: Locale },
): Promise<{ state: FormState; status: 400 | 409 }> {
  const { id, form } = refused;
  const { problems, status } = refusal(refused.error, refused.locale);
  const opened = Number(form.version) || 1;
  const version = status === 409 ? await storedVersion(c, store, kind, { id, fallback: opened }) : opened;
  return { state: { values: form, problems, version, conflict: status === 409 }, status };
}

/** The query of a download, its `lang` apart (the list's filter). */
const downloadQuery = (c: Context) => {
  const { lang: _lang, ...query } = c.req.query();
  return query;
};

/** The download formats: the reader's form of a table (Danish or English headers and numbers), or the machine's. */
const FORMATS = {
  csv: {
    type: 'text/csv; charset=utf-8',
    local: async (table: LocalTable, locale: Locale) => localCsv(table, locale),
    machine: async (rows: readonly object[], _about: About, columns: readonly string[]) =>
      toCsv(rows, columns),
  },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    local: (table: LocalTable, _locale: Locale, about: About) => toLocalXlsx(table, about),
    machine: (rows: readonly object[], about: About, columns: readonly string[]) =>
      toXlsx(rows, about, columns),
  },
} as const;

/** The routes of one kind, added to `app`. */
class EditableRoutes<T extends EditorRecord, D extends T, Input> {
  constructor(
    private readonly app: Hono,
    private readonly store: Store,
    private readonly kind: EditableWeb<T, D, Input>,
  ) {}

  /** The editor area of one locale: the list, a new record, a stored one; creating, saving and publishing. */
  editor(locale: Locale): void {
    const { app, store, kind } = this;
    const base = localePath(locale, kind.editorPath);
    app.get(base, requires('drafts.read'), async (c) => c.html(await editorListPage(c, store, locale, kind)));
    app.get(`${base}/ny`, requires('drafts.read'), async (c) =>
      c.html(await newRecordPage(c, store, locale, kind, freshForm(kind.blank, 1))),
    );
    app.get(`${base}/:id`, requires('drafts.read'), async (c) =>
      c.html(await editPage(c, store, locale, kind, { id: idOf(c) })),
    );
    this.editorCreate(locale, base);
    this.editorUpdate(locale, base);
    this.editorPublish(locale, base);
  }

  private editorCreate(locale: Locale, base: string): void {
    const { store, kind } = this;
    this.app.post(base, requires('work.write'), async (c) => {
      const form = await formOf(c);
      try {
        const input = kind.parse.input(kind.parse.fromForm(form, locale));
        const id = await kind.service.create(store.db, auditContextOf(c), input, new Date());
        return c.redirect(`${base}/${id}`, 303);
      } catch (error) {
        const { problems, status } = refusal(error, locale);
        const state = { values: form, problems, version: 1, conflict: false };
        return c.html(await newRecordPage(c, store, locale, kind, state), status);
      }
    });
  }

  private editorUpdate(locale: Locale, base: string): void {
    const { store, kind } = this;
    this.app.post(`${base}/:id`, requires('work.write'), async (c) => {
      const id = idOf(c);
      await kind.service.assertWritable(store.db, principalOf(c), id);
      const form = await formOf(c);
      try {
        const body = { ...kind.parse.fromForm(form, locale), version: formVersion(form.version ?? '') };
        const { version, input } = kind.parse.update(body);
        await kind.service.update(store.db, auditContextOf(c), id, version, input, new Date());
        return c.redirect(`${base}/${id}`, 303);
      } catch (error) {
        const { state, status } = await refusedEdit(c, store, kind, { id, form, error, locale });
        return c.html(await editPage(c, store, locale, kind, { id, state }), status);
      }
    });
  }

  private editorPublish(locale: Locale, base: string): void {
    const { store, kind } = this;
    this.app.post(`${base}/:id/offentliggoer`, requires('work.write'), async (c) => {
      const id = idOf(c);
      const form = await formOf(c);
      const version = formVersion(form.version ?? '');
      try {
        const opened = typeof version === 'number' ? version : null;
        const published = form.published !== '0';
        await kind.service.setPublished(store.db, auditContextOf(c), id, opened, published, new Date());
        return c.redirect(`${base}/${id}`, 303);
      } catch (error) {
        const { problems, status } = refusal(error, locale);
        const record = await kind.get(store.db, principalOf(c), id);
        const fresh = freshForm(kind.valuesOf(record, locale), record.version);
        const state = { ...fresh, problems, conflict: status === 409 };
        return c.html(await editPage(c, store, locale, kind, { id, state }), status);
      }
    });
  }

  /** The API: the list (filtered by its query), its downloads, one record, creating and updating. */
  api(): void {
    const { app, store, kind } = this;
    app.get(kind.apiPath, requires('public'), async (c) =>
      this.json(c, kind.list(store.db, principalOf(c), c.req.query()), (records) =>
        records.map((record) => kind.present(record)),
      ),
    );
    this.downloads();
    app.get(`${kind.apiPath}/:id`, requires('public'), async (c) =>
      this.json(c, kind.get(store.db, principalOf(c), idOf(c)), kind.presentOne),
    );
    this.apiWrites();
  }

  /** A public answer with the demo flag; private when the reader is signed in (it may hold drafts). */
  private async json<R>(c: Context, read: Promise<R>, present: (read: R) => object) {
    const [data, demo] = await Promise.all([read, holdsDemoData(this.store.db)]);
    privateIfSignedIn(c);
    return c.json({ data: present(data), meta: { demo } });
  }

  private downloads(): void {
    const { app, store, kind } = this;
    const { columns, machineRow, machineColumns, about, fileName } = kind.downloads;
    for (const [extension, format] of Object.entries(FORMATS)) {
      app.get(`${kind.apiPath}.${extension}`, requires('public'), async (c) => {
        const lang = downloadLocale(c.req.query('lang'));
        const records = await kind.list(store.db, principalOf(c), downloadQuery(c));
        privateIfSignedIn(c);
        c.header('Content-Type', format.type);
        c.header('Content-Disposition', `attachment; filename="${fileName(lang)}.${extension}"`);
        if (lang !== null) return c.body(await format.local(localTable(records, columns, lang), lang, about));
        return c.body(await format.machine(records.map(machineRow), about, machineColumns));
      });
    }
  }

  private apiWrites(): void {
    const { app, store, kind } = this;
    app.post(kind.apiPath, requires('work.write'), async (c) => {
      const input = kind.parse.input(await jsonOf(c));
      const id = await kind.service.create(store.db, auditContextOf(c), input, new Date());
      c.header('Cache-Control', 'private, no-store');
      return c.json({ id, version: 1 }, 201);
    });
    app.put(`${kind.apiPath}/:id`, requires('work.write'), async (c) => {
      await kind.service.assertWritable(store.db, principalOf(c), idOf(c));
      const { version, input } = kind.parse.update(await jsonOf(c));
      await kind.service.update(store.db, auditContextOf(c), idOf(c), version, input, new Date());
      c.header('Cache-Control', 'private, no-store');
      return c.json({ data: kind.presentOne(await kind.get(store.db, principalOf(c), idOf(c))) });
    });
  }
}

/** Every route of one kind of editable record: public pages and the editor area in both languages, and the API. */
export function editableRoutes<T extends EditorRecord, D extends T, Input>(
  store: Store,
  kind: EditableWeb<T, D, Input>,
): Hono {
  const app = new Hono();
  const routes = new EditableRoutes(app, store, kind);
  for (const locale of ['da', 'en'] as const) {
    const base = localePath(locale, kind.publicPath);
    app.get(base, requires('public'), async (c) => c.html(await kind.listPage(c, store, locale)));
    app.get(`${base}/:id`, requires('public'), async (c) =>
      c.html(await kind.recordPage(c, store, locale, idOf(c))),
    );
    routes.editor(locale);
  }
  routes.api();
  return app;
}
