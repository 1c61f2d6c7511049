// The editor area's parts every editable record shares (campaigns, pilots): fields that keep what was typed beside
// their problems, a record's form with the conflict notice, the problem summary and the version it saves over, the
// publish button, the saved versions, and the editor's three pages (the list, a new record, a stored one) of a kind
// described by an `EditorKind`.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { can, canOn, type Principal } from '../auth/policy.js';
import type { Db, Store } from '../db/connect.js';
import { toAppError } from '../errors.js';
import { formatDate, type Locale } from '../format.js';
import { principalOf } from '../web/authorize.js';
import { CsrfField, ErrorSummary, Field, type FieldProblems, problemsOf } from '../web/forms.js';
import { localePath, pick } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { type BfaRef, bfaRefs } from './campaigns.repository.js';
import type { EditorTexts } from './editable.texts.js';
import {
  Notice,
  type Publishable,
  RecordBody,
  RecordPage,
  RecordTable,
  statusColumn,
  statusText,
  type TableColumn,
} from './editable-pages.js';
import type { SavedVersion } from './versioned.js';

/** What the aria-describedby of a field names: its hint and its problem. */
const describedBy = (name: string, hint: string | undefined, problems: FieldProblems) =>
  [hint === undefined ? '' : `${name}-hint`, problems[name] === undefined ? '' : `${name}-error`]
    .filter(Boolean)
    .join(' ') || undefined;

/** The field's hint, if it has one (optional properties must be left out, not undefined). */
const hintOf = (hint: string | undefined) => (hint === undefined ? {} : { hint });

export interface InputProps {
  name: string;
  label: string;
  values: Record<string, string>;
  problems: FieldProblems;
  hint?: string;
  type?: string;
  required?: boolean;
}

/** A one-line input with its label, hint and problem, keeping what was typed. */
export function Input(props: InputProps) {
  return (
    <Field name={props.name} label={props.label} problems={props.problems} {...hintOf(props.hint)}>
      <input
        class="form-input"
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.values[props.name] ?? ''}
        required={props.required}
        aria-describedby={describedBy(props.name, props.hint, props.problems)}
        aria-invalid={props.problems[props.name] === undefined ? undefined : 'true'}
      />
    </Field>
  );
}

/** A text area with its label, hint and problem, keeping what was typed. */
export function TextArea(props: InputProps & { rows: number; maxlength: number }) {
  return (
    <Field name={props.name} label={props.label} problems={props.problems} {...hintOf(props.hint)}>
      <textarea
        class="form-input"
        id={props.name}
        name={props.name}
        rows={props.rows}
        maxlength={props.maxlength}
        aria-describedby={describedBy(props.name, props.hint, props.problems)}
        aria-invalid={props.problems[props.name] === undefined ? undefined : 'true'}
      >
        {props.values[props.name] ?? ''}
      </textarea>
    </Field>
  );
}

export type Options = readonly (readonly [string, string])[];

/** A choice among fixed values, keeping the one chosen. */
export function Select(props: InputProps & { options: Options }) {
  const chosen = props.values[props.name] ?? '';
  return (
    <Field name={props.name} label={props.label} problems={props.problems} {...hintOf(props.hint)}>
      <select
        class="form-select"
        id={props.name}
        name={props.name}
        aria-describedby={describedBy(props.name, props.hint, props.problems)}
        aria-invalid={props.problems[props.name] === undefined ? undefined : 'true'}
      >
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === chosen}>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The BFAs the principal may write for, as a select's options (with "none" first when they may write that too). */
export function bfaOptions(
  principal: Principal,
  bfas: readonly BfaRef[],
  none: string | null,
  locale: Locale,
) {
  const options: [string, string][] = bfas
    .filter((bfa) => canOn(principal, 'work.write', bfa.id))
    .map((bfa) => [bfa.code, `${bfa.short} – ${pick(bfa, locale)}`]);
  if (none !== null && canOn(principal, 'work.write', null)) options.unshift(['', none]);
  return options;
}

/** The state of an editor form: what was typed, its problems, the version it saves over, a conflict. */
export interface FormState {
  values: Record<string, string>;
  problems: FieldProblems;
  version: number;
  conflict: boolean;
}

export const freshForm = (values: Record<string, string>, version: number): FormState => ({
  values,
  problems: {},
  version,
  conflict: false,
});

/** A refused save as form problems and the status to answer with; a missing or forbidden record is no form problem. */
export function refusal(error: unknown, locale: Locale): { problems: FieldProblems; status: 400 | 409 } {
  const known = toAppError(error);
  if (known === undefined || known.code === 'not_found' || known.code === 'forbidden') throw error;
  return { problems: problemsOf(error, locale), status: known.code === 'conflict' ? 409 : 400 };
}

/** A record's form: the conflict notice, the problems, the version it saves over (a stored record's), the fields. */
export function RecordForm(props: {
  action: string;
  state: FormState;
  texts: { conflict: string; problems: string };
  submit: string;
  versioned: boolean;
  children: Child;
}) {
  return (
    <form method="post" action={props.action}>
      <CsrfField />
      {props.state.conflict ? <Notice kind="warning" text={props.texts.conflict} /> : null}
      <ErrorSummary problems={props.state.problems} title={props.texts.problems} />
      {props.versioned ? <input type="hidden" name="version" value={String(props.state.version)} /> : null}
      {props.children}
      <button class="button button-primary" type="submit">
        {props.submit}
      </button>
    </form>
  );
}

/** Every saved version: its number, when and by whom. */
export function VersionHistory(props: {
  versions: readonly SavedVersion[];
  locale: Locale;
  texts: {
    history: string;
    historyCaption: string;
    colVersion: string;
    colSavedAt: string;
    colSavedBy: string;
  };
}) {
  const t = props.texts;
  return (
    <>
      <h2>{t.history}</h2>
      <section class="table-wrapper" tabindex={0} aria-label={t.historyCaption}>
        <table class="table table--compact">
          <caption class="sr-only">{t.historyCaption}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t.colVersion}
              </th>
              <th scope="col">{t.colSavedAt}</th>
              <th scope="col">{t.colSavedBy}</th>
            </tr>
          </thead>
          <tbody>
            {[...props.versions].reverse().map((version) => (
              <tr>
                <th scope="row" class="num">
                  {String(version.version)}
                </th>
                <td>{formatDate(version.savedAt, props.locale)}</td>
                <td>{version.savedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** The publish (or back-to-draft) button of a record, saving over the version shown. */
export function PublishForm(props: {
  action: string;
  version: number;
  published: boolean;
  texts: { publication: string; publish: string; unpublish: string };
}) {
  return (
    <form method="post" action={props.action}>
      <CsrfField />
      <input type="hidden" name="version" value={String(props.version)} />
      <input type="hidden" name="published" value={props.published ? '0' : '1'} />
      <button class="button button-secondary" type="submit">
        {props.published ? props.texts.unpublish : props.texts.publish}
      </button>
    </form>
  );
}

/** The publication status: where a conflict on `published` points. */
export function PublicationStatus({ text }: { text: string }) {
  return <p id="published">{text}</p>;
}

/** A record the editor area lists and edits. */
export interface EditorRecord extends Publishable {
  id: number;
  title: string;
  description: string;
  version: number;
}

/** One kind of record in the editor area: where it is, its words, how it is read, and its form's parts. */
export interface EditorKind<T extends EditorRecord, D extends T = T> {
  /** The editor area's path in Danish (English puts /en before it), e.g. '/redaktion/kampagner'. */
  editorPath: string;
  /** The public pages' path in Danish, e.g. '/kampagner'. */
  publicPath: string;
  texts: Record<Locale, EditorTexts>;
  /** The records the principal may read, filtered by a query (the editor's list: none). */
  list: (db: Db, principal: Principal, query: Record<string, string>) => Promise<T[]>;
  /** One record the principal may read (else a 404), as its page shows it. */
  get: (db: Db, principal: Principal, id: number) => Promise<D>;
  history: (db: Db, principal: Principal, id: number) => Promise<SavedVersion[]>;
  mayWrite: (principal: Principal, record: T) => boolean;
  /** The editor table's first header and the columns between it and the status and version. */
  table: (locale: Locale) => { titleHeader: string; columns: readonly TableColumn<T>[] };
  /** A new record's form values. */
  blank: Record<string, string>;
  /** A stored record as its form shows it. */
  valuesOf: (record: T, locale: Locale) => Record<string, string>;
  /** The BFA choice for records of no BFA (the first option), or null when every record has a BFA. */
  noBfa: (locale: Locale) => string | null;
  /** The form's fields. */
  fields: (props: { state: FormState; locale: Locale; bfas: Options }) => Child;
  /** The record's facts, above its description on its page and for a reader who may not edit it. */
  facts: (props: { record: T; locale: Locale }) => Child;
  /** What follows the description there. */
  details: (props: { record: T; locale: Locale }) => Child;
}

/** What a kind's record shows on its page and to a reader who may not edit it: its facts, description and details. */
export function KindBody<T extends EditorRecord, D extends T>(props: {
  kind: EditorKind<T, D>;
  record: T;
  locale: Locale;
}) {
  const { kind, record, locale } = props;
  const shown = { record, locale };
  return (
    <RecordBody
      facts={kind.facts(shown)}
      description={record.description}
      details={kind.details(shown)}
      texts={kind.texts[locale]}
      locale={locale}
    />
  );
}

function EditorTable<T extends EditorRecord, D extends T>(props: {
  kind: EditorKind<T, D>;
  records: readonly T[];
  locale: Locale;
}) {
  const t = props.kind.texts[props.locale];
  const { titleHeader, columns } = props.kind.table(props.locale);
  const version: TableColumn<T> = {
    header: t.colVersion,
    cell: (record) => String(record.version),
    num: true,
  };
  return (
    <RecordTable
      records={props.records}
      label={t.editorTitle}
      titleHeader={titleHeader}
      columns={[...columns, statusColumn<T>(t), version]}
      base={localePath(props.locale, props.kind.editorPath)}
      locale={props.locale}
    />
  );
}

/** The editor area's list of a kind: every record the principal may read, drafts too, and "new" when they may. */
export async function editorListPage<T extends EditorRecord, D extends T>(
  c: Context,
  store: Store,
  locale: Locale,
  kind: EditorKind<T, D>,
) {
  const t = kind.texts[locale];
  const principal = principalOf(c);
  const records = await kind.list(store.db, principal, {});
  return (
    <Layout locale={locale} path={c.req.path} title={t.editorTitle} demo={false}>
      <h1>{t.editorTitle}</h1>
      <p>{t.editorIntro}</p>
      {can(principal, 'work.write') ? (
        <p>
          <a class="button button-primary" href={localePath(locale, `${kind.editorPath}/ny`)}>
            {t.newRecord}
          </a>
        </p>
      ) : null}
      {records.length === 0 ? <p>{t.none}</p> : <EditorTable kind={kind} records={records} locale={locale} />}
    </Layout>
  );
}

/** The form of a new record (for a principal who may write), with what was typed and its problems. */
export async function newRecordPage<T extends EditorRecord, D extends T>(
  c: Context,
  store: Store,
  locale: Locale,
  kind: EditorKind<T, D>,
  state: FormState,
) {
  const t = kind.texts[locale];
  const principal = principalOf(c);
  const bfas = bfaOptions(principal, await bfaRefs(store.db), kind.noBfa(locale), locale);
  return (
    <Layout locale={locale} path={c.req.path} title={t.newRecord} demo={false}>
      <p class="maaltal-note">
        <a href={localePath(locale, kind.editorPath)}>{t.editorTitle}</a>
      </p>
      <h1>{t.newRecord}</h1>
      {can(principal, 'work.write') ? (
        <RecordForm
          action={localePath(locale, kind.editorPath)}
          state={state}
          texts={t}
          submit={t.create}
          versioned={false}
        >
          {kind.fields({ state, locale, bfas })}
        </RecordForm>
      ) : (
        <p>{t.cannotCreate}</p>
      )}
    </Layout>
  );
}

/** A stored record's publication and form, for a principal who may write it. */
function EditorForms<T extends EditorRecord, D extends T>(props: {
  kind: EditorKind<T, D>;
  record: T;
  state: FormState;
  base: string;
  locale: Locale;
  principal: Principal;
  bfas: readonly BfaRef[];
}) {
  const { kind, record, state, locale } = props;
  const t = kind.texts[locale];
  const bfas = bfaOptions(props.principal, props.bfas, kind.noBfa(locale), locale);
  return (
    <>
      <h2>{t.publication}</h2>
      <PublicationStatus text={statusText(record, t, locale)} />
      <PublishForm
        action={`${props.base}/offentliggoer`}
        version={state.version}
        published={record.published}
        texts={t}
      />
      <h2>{t.about}</h2>
      <RecordForm action={props.base} state={state} texts={t} submit={t.save} versioned>
        {kind.fields({ state, locale, bfas })}
      </RecordForm>
    </>
  );
}

/** A stored record in the editor area: its forms (or what a reader sees) and its saved versions. */
export async function editPage<T extends EditorRecord, D extends T>(
  c: Context,
  store: Store,
  locale: Locale,
  kind: EditorKind<T, D>,
  edit: { id: number; state?: FormState },
) {
  const { id } = edit;
  const t = kind.texts[locale];
  const principal = principalOf(c);
  const record = await kind.get(store.db, principal, id);
  const [versions, bfas] = await Promise.all([kind.history(store.db, principal, id), bfaRefs(store.db)]);
  const base = localePath(locale, `${kind.editorPath}/${id}`);
  const state = edit.state ?? freshForm(kind.valuesOf(record, locale), record.version);
  return (
    <RecordPage
      locale={locale}
      path={c.req.path}
      demo={false}
      title={record.title}
      back={{ href: localePath(locale, kind.editorPath), text: t.editorTitle }}
      notice={null}
    >
      <p>
        <a href={localePath(locale, `${kind.publicPath}/${id}`)}>{t.publicPage}</a>
      </p>
      {kind.mayWrite(principal, record) ? (
        <EditorForms {...{ kind, record, state, base, locale, principal, bfas }} />
      ) : (
        <>
          <p id="published">{t.readOnly}</p>
          <KindBody kind={kind} record={record} locale={locale} />
        </>
      )}
      <VersionHistory versions={versions} locale={locale} texts={t} />
    </RecordPage>
  );
}
