// The council's recommendations and their follow-up: the public list and page (/anbefalinger), the API
// (/api/v1/recommendations, its CSV/XLSX with one row per follow-up item), and the secretariat's editor area
// (/redaktion/anbefalinger: an overview with the overdue items flagged, forms that keep what was typed and, on a
// conflict, name the fields someone else changed). Overdue depends on the day, so these answers are never cached.
import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { can } from '../auth/policy.js';
import type { Store } from '../db/connect.js';
import type { FollowUpStatus } from '../db/schema.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { toAppError } from '../errors.js';
import { formatDate, type Locale } from '../format.js';
import { principalOf, requires } from '../web/authorize.js';
import { localCsv, toCsv } from '../web/csv.js';
import { type DownloadColumn, downloadLocale, localTable, yesNo } from '../web/download-table.js';
import { Entered, EnteredIn } from '../web/entered-text.js';
import { CsrfField, type FieldProblems, problemsOf, textOf } from '../web/forms.js';
import { localePath } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { auditContextOf } from '../web/sessions.js';
import { toLocalXlsx, toXlsx } from '../web/xlsx.js';
import {
  ITEM_FORM_FIELDS,
  idOf,
  isWebAddress,
  LIMITS,
  openedVersionOf,
  RECOMMENDATION_FORM_FIELDS,
} from './recommendations.schemas.js';
import {
  addFollowUpItem,
  createRecommendation,
  dayOf,
  type FollowUpItem,
  getFollowUpItem,
  getRecommendation,
  type HistoryEntry,
  listRecommendations,
  type Recommendation,
  type RecommendationDetail,
  setRecommendationPublished,
  updateFollowUpItem,
  updateRecommendation,
} from './recommendations.service.js';
import {
  FIELD_LABELS,
  FOLLOW_UP_STATUSES,
  formatSavedAt,
  RECOMMENDATION_TEXTS,
  STATUS_LABELS,
} from './recommendations.texts.js';

/** The form a re-shown page's problems and typed values belong to ('recommendation', 'publish', 'new-item' or an
 *  item's id), and the version its hidden field carries (after a conflict: the one stored now). */
interface FormState {
  form: string;
  problems: FieldProblems;
  values: Record<string, string>;
  version?: number;
  conflict: boolean;
}

const NO_FORM: FormState = { form: '', problems: {}, values: {}, conflict: false };

// --- small parts -----------------------------------------------------------------------------------------------

/** Plain text as paragraphs: an empty line starts a new one, a line break stays a line break (all escaped). The
 *  secretariat writes it in Danish: marked so on English pages. */
function Paragraphs({ text, locale }: { text: string; locale: Locale }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  if (paragraphs.length === 0) return null;
  return (
    <Entered locale={locale} block>
      {paragraphs.map((paragraph) => (
        <p>{paragraph.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br />, line]))}</p>
      ))}
    </Entered>
  );
}

/** The fields whose values the secretariat writes (in Danish). */
const ENTERED_FIELDS = new Set(['topic', 'body', 'addressee', 'answerText', 'action', 'owner']);

/** A saved value in words: statuses and flags named, dates formatted, nothing as "(empty)", entered text marked. */
function shownValue(field: string, value: unknown, locale: Locale): Child {
  const t = RECOMMENDATION_TEXTS[locale];
  if (value === null || value === undefined || value === '') return t.empty;
  if (field === 'status') return STATUS_LABELS[locale][value as FollowUpStatus] ?? String(value);
  if (field === 'published') return value === true ? t.publishedYes : t.publishedNo;
  if (['issuedOn', 'answerOn', 'dueOn'].includes(field) && typeof value === 'string')
    return formatDate(value, locale);
  if (ENTERED_FIELDS.has(field)) return <Entered locale={locale}>{String(value)}</Entered>;
  return String(value);
}

/** A record's saved versions; the wrapper scrolls, so it is focusable and named by the caption (`id`). */
function HistoryTable({
  entries,
  locale,
  caption,
  id,
}: {
  entries: HistoryEntry[];
  locale: Locale;
  caption: Child;
  id: string;
}) {
  const t = RECOMMENDATION_TEXTS[locale];
  const labels = FIELD_LABELS[locale];
  return (
    <section class="table-wrapper" tabindex={0} aria-labelledby={id}>
      <table class="table table--compact">
        <caption class="sr-only" id={id}>
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.colVersion}</th>
            <th scope="col">{t.colSaved}</th>
            <th scope="col">{t.colBy}</th>
            <th scope="col">{t.colChanges}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr>
              <th scope="row">{entry.version}</th>
              <td>{formatSavedAt(entry.savedAt, locale)}</td>
              <td>{entry.savedBy ?? t.secretariat}</td>
              <td>
                {entry.version === 1 ? (
                  t.created
                ) : (
                  <ul class="nobullet-list">
                    {entry.changes.map((change) => (
                      <li>
                        {labels[change.field] ?? change.field}:{' '}
                        {shownValue(change.field, change.from, locale)}
                        {' → '}
                        {shownValue(change.field, change.to, locale)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A record's history, folded (it opens without JavaScript); `title` is the page's own word for the record, or
 *  with `entered` the text the secretariat wrote (marked Danish on English pages). */
function History({
  title,
  entered,
  id,
  entries,
  locale,
}: {
  title: string;
  entered: boolean;
  id: string;
  entries: HistoryEntry[];
  locale: Locale;
}) {
  const t = RECOMMENDATION_TEXTS[locale];
  const named = (text: (what: string) => string) =>
    entered ? <EnteredIn locale={locale} text={text} value={title} /> : text(title);
  return (
    <details class="maaltal-why">
      <summary>{named((what) => `${t.historyOf(what)} (${t.versions(entries.length)})`)}</summary>
      <HistoryTable entries={entries} locale={locale} caption={named(t.historyOf)} id={id} />
    </details>
  );
}

function DueDate({ item, locale }: { item: FollowUpItem; locale: Locale }) {
  return (
    <>
      {formatDate(item.dueOn, locale)}
      {item.overdue ? (
        <>
          <br />
          <strong>{RECOMMENDATION_TEXTS[locale].overdueFlag}</strong>
        </>
      ) : null}
    </>
  );
}

/** The follow-up items; `label` names the focusable, scrolling wrapper (the heading above the table). */
function ItemsTable({
  items,
  locale,
  label,
  topic,
}: {
  items: FollowUpItem[];
  locale: Locale;
  label: string;
  topic?: (item: FollowUpItem) => Child;
}) {
  const t = RECOMMENDATION_TEXTS[locale];
  return (
    <section class="table-wrapper" tabindex={0} aria-label={label}>
      <table class="table table--compact table--responsive-headers">
        <thead>
          <tr>
            {topic === undefined ? null : <th scope="col">{t.colTopic}</th>}
            <th scope="col">{t.colAction}</th>
            <th scope="col">{t.colOwner}</th>
            <th scope="col">{t.colDue}</th>
            <th scope="col">{t.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr id={`item-${item.id}`}>
              {topic === undefined ? null : <td data-title={t.colTopic}>{topic(item)}</td>}
              <td data-title={t.colAction}>
                <Entered locale={locale}>{item.action}</Entered>
              </td>
              <td data-title={t.colOwner}>
                <Entered locale={locale}>{item.owner}</Entered>
              </td>
              <td data-title={t.colDue}>
                <DueDate item={item} locale={locale} />
              </td>
              <td data-title={t.colStatus}>{STATUS_LABELS[locale][item.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const answerWords = (rec: Recommendation, locale: Locale) =>
  rec.answerOn === null
    ? RECOMMENDATION_TEXTS[locale].awaiting
    : RECOMMENDATION_TEXTS[locale].answered(formatDate(rec.answerOn, locale));

const progressWords = (rec: Recommendation, locale: Locale) =>
  RECOMMENDATION_TEXTS[locale].progress(rec.progress.done, rec.progress.dropped, rec.progress.total);

/** The list of recommendations: topic (linked), issued, addressee, answer, follow-up, overdue; drafts marked. */
function RecommendationTable({
  recs,
  locale,
  href,
  editor,
}: {
  recs: Recommendation[];
  locale: Locale;
  href: (id: number) => string;
  editor: boolean;
}) {
  const t = RECOMMENDATION_TEXTS[locale];
  return (
    <section class="table-wrapper" tabindex={0} aria-label={editor ? t.editorTitle : t.title}>
      <table class="table table--compact table--responsive-headers">
        <thead>
          <tr>
            <th scope="col">{t.colTopic}</th>
            <th scope="col">{t.colIssued}</th>
            <th scope="col">{t.colAddressee}</th>
            <th scope="col">{t.colAnswer}</th>
            <th scope="col">{t.colProgress}</th>
            <th scope="col">{t.colOverdue}</th>
            {editor ? <th scope="col">{t.colPublished}</th> : null}
          </tr>
        </thead>
        <tbody>
          {recs.map((rec) => (
            <tr>
              <td data-title={t.colTopic}>
                <a href={href(rec.id)}>
                  <Entered locale={locale}>{rec.topic}</Entered>
                </a>
                {!editor && !rec.published ? <span class="maaltal-ci">{t.draft}</span> : null}
              </td>
              <td data-title={t.colIssued}>{formatDate(rec.issuedOn, locale)}</td>
              <td data-title={t.colAddressee}>
                <Entered locale={locale}>{rec.addressee}</Entered>
              </td>
              <td data-title={t.colAnswer}>{answerWords(rec, locale)}</td>
              <td data-title={t.colProgress}>{progressWords(rec, locale)}</td>
              <td data-title={t.colOverdue}>
                {rec.overdueCount > 0 ? (
                  <strong>{t.overdueCount(rec.overdueCount)}</strong>
                ) : (
                  t.overdueCount(0)
                )}
              </td>
              {editor ? (
                <td data-title={t.colPublished}>{rec.published ? t.publishedYes : t.publishedNo}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Downloads({ locale }: { locale: Locale }) {
  const t = RECOMMENDATION_TEXTS[locale];
  return (
    <>
      <h2>{t.downloads}</h2>
      <ul class="maaltal-downloads">
        <li>
          <a href={`/api/v1/recommendations.csv?lang=${locale}`}>{t.csv}</a>
        </li>
        <li>
          <a href={`/api/v1/recommendations.xlsx?lang=${locale}`}>{t.xlsx}</a>
        </li>
      </ul>
    </>
  );
}

// --- the public pages ------------------------------------------------------------------------------------------

/** Cache-Control for these answers: overdue changes with the day, which no data version follows. */
function noStore(c: Context): void {
  c.header('Cache-Control', principalOf(c).kind === 'anonymous' ? 'no-store' : 'private, no-store');
}

async function listPage(c: Context, store: Store, locale: Locale) {
  const t = RECOMMENDATION_TEXTS[locale];
  const today = new Date();
  const [recs, demo] = await Promise.all([
    listRecommendations(store.db, principalOf(c), today),
    holdsDemoData(store.db),
  ]);
  noStore(c);
  return c.html(
    <Layout locale={locale} path={c.req.path} title={t.title} demo={demo} description={t.intro}>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      {recs.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p>{t.overdueSummary(recs.reduce((sum, rec) => sum + rec.overdueCount, 0))}</p>
          <RecommendationTable
            recs={recs}
            locale={locale}
            href={(id) => localePath(locale, `/anbefalinger/${id}`)}
            editor={false}
          />
          <p class="maaltal-note">{t.today(formatDate(dayOf(today), locale))}</p>
        </>
      )}
      <Downloads locale={locale} />
    </Layout>,
  );
}

/** The recommendation's text, the answer, the follow-up items and every saved version (public and editor pages). */
function DetailSections({ rec, locale }: { rec: RecommendationDetail; locale: Locale }) {
  const t = RECOMMENDATION_TEXTS[locale];
  const safeUrl = rec.answerUrl !== null && isWebAddress(rec.answerUrl) ? rec.answerUrl : null;
  return (
    <>
      <p>
        {`${FIELD_LABELS[locale].issuedOn}: ${formatDate(rec.issuedOn, locale)}. ${FIELD_LABELS[locale].addressee}: `}
        <Entered locale={locale}>{rec.addressee}</Entered>.
        {rec.published ? null : <strong> {t.draft}</strong>}
      </p>
      <h2>{t.recommendation}</h2>
      <Paragraphs text={rec.body} locale={locale} />
      <h2>{t.answer}</h2>
      {rec.answerOn === null ? (
        <p>
          <EnteredIn locale={locale} text={t.noAnswer} value={rec.addressee} />
        </p>
      ) : (
        <>
          <p>
            <EnteredIn
              locale={locale}
              text={(addressee) => t.answerFrom(addressee, formatDate(rec.answerOn ?? '', locale))}
              value={rec.addressee}
            />
          </p>
          <Paragraphs text={rec.answerText} locale={locale} />
          {safeUrl === null ? null : (
            <p>
              <a href={safeUrl} rel="noopener noreferrer">
                {t.answerLink}
              </a>
            </p>
          )}
        </>
      )}
      <h2>{t.followUp}</h2>
      <p>{t.overdueSummary(rec.overdueCount)}</p>
      {rec.items.length === 0 ? (
        <p>{t.noItems}</p>
      ) : (
        <ItemsTable items={rec.items} locale={locale} label={t.followUp} />
      )}
      <h2>{t.history}</h2>
      <History
        title={t.recommendation}
        entered={false}
        id="history-recommendation"
        entries={rec.history}
        locale={locale}
      />
      {rec.items.map((item) => (
        <History
          title={item.action}
          entered={true}
          id={`history-item-${item.id}`}
          entries={item.history}
          locale={locale}
        />
      ))}
    </>
  );
}

async function detailPage(c: Context, store: Store, locale: Locale) {
  const t = RECOMMENDATION_TEXTS[locale];
  const [rec, demo] = await Promise.all([
    getRecommendation(store.db, principalOf(c), idOf(c.req.param('id')), new Date()),
    holdsDemoData(store.db),
  ]);
  noStore(c);
  return c.html(
    <Layout locale={locale} path={c.req.path} title={rec.topic} demo={demo}>
      <p>
        <a href={localePath(locale, '/anbefalinger')}>{t.backToList}</a>
      </p>
      <h1>
        <Entered locale={locale}>{rec.topic}</Entered>
      </h1>
      <DetailSections rec={rec} locale={locale} />
    </Layout>,
  );
}

// --- the editor area -------------------------------------------------------------------------------------------

const editorBase = (locale: Locale) => localePath(locale, '/redaktion/anbefalinger');

async function overviewPage(c: Context, store: Store, locale: Locale) {
  const t = RECOMMENDATION_TEXTS[locale];
  const today = new Date();
  const recs = await listRecommendations(store.db, principalOf(c), today);
  const overdue = recs.flatMap((rec) => rec.items.filter((item) => item.overdue));
  const topicOf = new Map(recs.map((rec) => [rec.id, rec.topic]));
  const base = editorBase(locale);
  c.header('Cache-Control', 'private, no-store');
  return c.html(
    <Layout locale={locale} path={c.req.path} title={t.editorTitle} demo={false}>
      <h1>{t.editorTitle}</h1>
      <p>{t.editorIntro}</p>
      {can(principalOf(c), 'secretariat.write') ? (
        <p>
          <a class="button button-primary" href={`${base}/ny`}>
            {t.newRecommendation}
          </a>
        </p>
      ) : null}
      <p>
        <strong>{t.overdueSummary(overdue.length)}</strong>
      </p>
      {recs.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <RecommendationTable recs={recs} locale={locale} href={(id) => `${base}/${id}`} editor={true} />
      )}
      <h2>{t.overdueItems}</h2>
      {overdue.length === 0 ? (
        <p>{t.overdueSummary(0)}</p>
      ) : (
        <ItemsTable
          items={overdue}
          locale={locale}
          label={t.overdueItems}
          topic={(item) => (
            <a href={`${base}/${item.recommendationId}#item-${item.id}`}>
              <Entered locale={locale}>{topicOf.get(item.recommendationId)}</Entered>
            </a>
          )}
        />
      )}
      <p class="maaltal-note">{t.today(formatDate(dayOf(today), locale))}</p>
    </Layout>,
  );
}

/** A labelled input or text area; its problem (if any) between label and input, named by aria-describedby. */
function Input(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  problem: string | undefined;
  type?: string | undefined;
  hint?: string | undefined;
  rows?: number | undefined;
  maxlength?: number | undefined;
  required?: boolean | undefined;
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.problem ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    class: 'form-input',
    id: props.id,
    name: props.name,
    maxlength: props.maxlength,
    required: props.required,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': props.problem ? 'true' : undefined,
  };
  return (
    <div class={props.problem ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <span class="form-hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.problem ? (
        <span class="form-error-message" id={`${props.id}-error`}>
          {props.problem}
        </span>
      ) : null}
      {props.rows === undefined ? (
        <input {...common} type={props.type ?? 'text'} value={props.value} />
      ) : (
        <textarea {...common} rows={props.rows}>
          {props.value}
        </textarea>
      )}
    </div>
  );
}

function StatusSelect({
  id,
  value,
  problem,
  locale,
}: {
  id: string;
  value: string;
  problem: string | undefined;
  locale: Locale;
}) {
  return (
    <div class={problem ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={id}>
        {FIELD_LABELS[locale].status}
      </label>
      {problem ? (
        <span class="form-error-message" id={`${id}-error`}>
          {problem}
        </span>
      ) : null}
      <select
        class="form-select"
        id={id}
        name="status"
        aria-describedby={problem ? `${id}-error` : undefined}
      >
        {FOLLOW_UP_STATUSES.map((status) => (
          <option value={status} selected={value === status}>
            {STATUS_LABELS[locale][status]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The form's problems at its top (dkfds error summary), each naming its field and linked to it where it has one. */
function Problems({
  state,
  prefix,
  fields,
  locale,
}: {
  state: FormState;
  prefix: string;
  fields: readonly string[];
  locale: Locale;
}) {
  const t = RECOMMENDATION_TEXTS[locale];
  const entries = Object.entries(state.problems);
  if (entries.length === 0) return null;
  const labels = FIELD_LABELS[locale];
  return (
    <div class="alert alert-error" role="alert">
      <div class="alert-body">
        <p class="alert-heading">{t.problems}</p>
        {state.conflict ? <p class="alert-text">{t.conflict}</p> : null}
        <ul class="alert-text nobullet-list">
          {entries.map(([field, message]) => {
            const text = field === '_form' ? message : `${labels[field] ?? field}: ${message}`;
            return <li>{fields.includes(field) ? <a href={`#${prefix}${field}`}>{text}</a> : text}</li>;
          })}
        </ul>
      </div>
    </div>
  );
}

type InputOptions = { type?: string; hint?: string; rows?: number; required?: boolean };

/** The inputs of one form: each with its field's label, typed value, problem and length limit; `prefix` keeps
 *  their ids unique on the page. */
function inputsOf<Name extends string>(state: FormState, prefix: string, locale: Locale) {
  const labels = FIELD_LABELS[locale];
  return (name: Name, options: InputOptions = {}) => (
    <Input
      id={`${prefix}${name}`}
      name={name}
      label={labels[name] ?? name}
      value={state.values[name] ?? ''}
      problem={state.problems[name]}
      maxlength={(LIMITS as Record<string, number>)[name]}
      {...options}
    />
  );
}

/** A form's first parts: the CSRF field, the version it saves over (when it has one) and its problems. */
function FormHead(props: Parameters<typeof Problems>[0]) {
  return (
    <>
      <CsrfField />
      {props.state.version === undefined ? null : (
        <input type="hidden" name="version" value={String(props.state.version)} />
      )}
      <Problems {...props} />
    </>
  );
}

/** The state of one form on the page: its own problems and typed values if it was the one sent, else the record's. */
function formOf(state: FormState, form: string, stored: Record<string, string>, version?: number): FormState {
  const own: FormState =
    state.form === form ? state : { form, problems: {}, values: stored, conflict: false };
  const shown = own.version ?? version;
  return shown === undefined ? own : { ...own, version: shown };
}

const recommendationValues = (rec?: Recommendation): Record<string, string> => ({
  topic: rec?.topic ?? '',
  body: rec?.body ?? '',
  issuedOn: rec?.issuedOn ?? '',
  addressee: rec?.addressee ?? '',
  answerOn: rec?.answerOn ?? '',
  answerText: rec?.answerText ?? '',
  answerUrl: rec?.answerUrl ?? '',
});

function RecommendationForm({
  state,
  action,
  submit,
  locale,
}: {
  state: FormState;
  action: string;
  submit: string;
  locale: Locale;
}) {
  const t = RECOMMENDATION_TEXTS[locale];
  const input = inputsOf<(typeof RECOMMENDATION_FORM_FIELDS)[number]>(state, 'rec-', locale);
  return (
    <form method="post" action={action}>
      <FormHead state={state} prefix="rec-" fields={RECOMMENDATION_FORM_FIELDS} locale={locale} />
      {input('topic', { required: true })}
      {input('body', { rows: 8, hint: t.hintBody, required: true })}
      {input('issuedOn', { type: 'date', required: true })}
      {input('addressee', { hint: t.hintAddressee, required: true })}
      {input('answerOn', { type: 'date', hint: t.hintAnswer })}
      {input('answerText', { rows: 5 })}
      {input('answerUrl', { type: 'url', hint: t.hintUrl })}
      <button class="button button-primary" type="submit">
        {submit}
      </button>
    </form>
  );
}

function ItemForm({
  state,
  prefix,
  action,
  submit,
  locale,
}: {
  state: FormState;
  prefix: string;
  action: string;
  submit: string;
  locale: Locale;
}) {
  const input = inputsOf<'action' | 'owner' | 'dueOn'>(state, prefix, locale);
  return (
    <form method="post" action={action}>
      <FormHead state={state} prefix={prefix} fields={ITEM_FORM_FIELDS} locale={locale} />
      {input('action', { rows: 3, required: true })}
      {input('owner', { required: true })}
      {input('dueOn', { type: 'date', required: true })}
      <StatusSelect
        id={`${prefix}status`}
        value={state.values.status ?? 'open'}
        problem={state.problems.status}
        locale={locale}
      />
      <button class="button button-secondary" type="submit">
        {submit}
      </button>
    </form>
  );
}

/** A recommendation in the secretariat's editor, with what the last post left in its forms. */
interface EditorProps {
  rec: RecommendationDetail;
  state: FormState;
  locale: Locale;
}

function PublishForm({ rec, state, locale }: EditorProps) {
  const t = RECOMMENDATION_TEXTS[locale];
  const form = formOf(state, 'publish', {}, rec.version);
  return (
    <form method="post" action={`${editorBase(locale)}/${rec.id}/offentliggoer`}>
      <CsrfField />
      <input type="hidden" name="version" value={String(form.version)} />
      <input type="hidden" name="published" value={rec.published ? '0' : '1'} />
      <Problems state={form} prefix="" fields={[]} locale={locale} />
      <p>{t.publishIntro(rec.published)}</p>
      <button class="button button-secondary" type="submit">
        {rec.published ? t.unpublish : t.publish}
      </button>
    </form>
  );
}

const itemValues = (item: FollowUpItem): Record<string, string> => ({
  action: item.action,
  owner: item.owner,
  dueOn: item.dueOn,
  status: item.status,
});

/** The secretariat's forms on a recommendation: publication, the text and answer, each item, a new item. */
function EditorForms({ rec, state, locale }: EditorProps) {
  const t = RECOMMENDATION_TEXTS[locale];
  const base = editorBase(locale);
  return (
    <>
      <h2>{t.publication}</h2>
      <PublishForm rec={rec} state={state} locale={locale} />
      <h2>{t.edit}</h2>
      <RecommendationForm
        state={formOf(state, 'recommendation', recommendationValues(rec), rec.version)}
        action={`${base}/${rec.id}`}
        submit={t.save}
        locale={locale}
      />
      {rec.items.length === 0 ? null : <h2>{t.editItems}</h2>}
      {rec.items.map((item) => (
        <section aria-labelledby={`edit-item-${item.id}`}>
          <h3 id={`edit-item-${item.id}`}>
            <EnteredIn locale={locale} text={t.editItem} value={item.action} />
          </h3>
          <ItemForm
            state={formOf(state, String(item.id), itemValues(item), item.version)}
            prefix={`item-${item.id}-`}
            action={localePath(locale, `/redaktion/opfoelgning/${item.id}`)}
            submit={t.saveItem}
            locale={locale}
          />
        </section>
      ))}
      <h2>{t.addItem}</h2>
      <ItemForm
        state={formOf(state, 'new-item', { status: 'open' })}
        prefix="new-item-"
        action={`${base}/${rec.id}/opfoelgning`}
        submit={t.addItem}
        locale={locale}
      />
    </>
  );
}

async function editorPage(
  c: Context,
  store: Store,
  locale: Locale,
  id: number,
  state: FormState,
  status: 200 | 400 | 409 = 200,
) {
  const t = RECOMMENDATION_TEXTS[locale];
  const principal = principalOf(c);
  const rec = await getRecommendation(store.db, principal, id, new Date());
  c.header('Cache-Control', 'private, no-store');
  return c.html(
    <Layout locale={locale} path={c.req.path} title={rec.topic} demo={false}>
      <p>
        <a href={editorBase(locale)}>{t.backToList}</a>
        {rec.published ? (
          <>
            {' · '}
            <a href={localePath(locale, `/anbefalinger/${rec.id}`)}>{t.publicPage}</a>
          </>
        ) : null}
      </p>
      <h1>
        <Entered locale={locale}>{rec.topic}</Entered>
      </h1>
      {can(principal, 'secretariat.write') ? null : <p>{t.readOnly}</p>}
      <DetailSections rec={rec} locale={locale} />
      {can(principal, 'secretariat.write') ? <EditorForms rec={rec} state={state} locale={locale} /> : null}
    </Layout>,
    status,
  );
}

function newPage(c: Context, locale: Locale, state: FormState, status: 200 | 400 = 200) {
  const t = RECOMMENDATION_TEXTS[locale];
  c.header('Cache-Control', 'private, no-store');
  return c.html(
    <Layout locale={locale} path={c.req.path} title={t.newRecommendation} demo={false}>
      <p>
        <a href={editorBase(locale)}>{t.backToList}</a>
      </p>
      <h1>{t.newRecommendation}</h1>
      {can(principalOf(c), 'secretariat.write') ? (
        <RecommendationForm state={state} action={editorBase(locale)} submit={t.create} locale={locale} />
      ) : (
        <p>{t.readOnly}</p>
      )}
    </Layout>,
    status,
  );
}

// --- form posts ------------------------------------------------------------------------------------------------

const valuesOf = (form: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(fields.map((field) => [field, textOf(form, field)]));

/** The state a failed post shows again: problems by field, what was typed, and after a conflict no version of its
 *  own (the page puts the stored one in the hidden field, so that saving again overwrites knowingly). */
function failedState(
  error: unknown,
  locale: Locale,
  form: string,
  values: Record<string, string>,
  typedVersion: string,
): { state: FormState; status: 400 | 409 } {
  const problems = problemsOf(error, locale);
  if (toAppError(error)?.code === 'not_found') throw error;
  const conflict = toAppError(error)?.code === 'conflict';
  const opened = /^\d{1,9}$/.test(typedVersion) ? Number(typedVersion) : undefined;
  const state: FormState = { form, problems, values, conflict };
  if (!conflict && opened !== undefined) state.version = opened;
  return { state, status: conflict ? 409 : 400 };
}

function editorRoutes(app: Hono, store: Store, locale: Locale): void {
  const base = editorBase(locale);
  const now = () => new Date();
  app.get(base, requires('drafts.read'), (c) => overviewPage(c, store, locale));
  app.get(`${base}/ny`, requires('drafts.read'), (c) =>
    newPage(c, locale, {
      form: 'recommendation',
      problems: {},
      values: recommendationValues(),
      conflict: false,
    }),
  );
  app.get(`${base}/:id`, requires('drafts.read'), (c) =>
    editorPage(c, store, locale, idOf(c.req.param('id')), NO_FORM),
  );
  app.post(base, requires('secretariat.write'), async (c) => {
    const values = valuesOf(await c.req.parseBody(), RECOMMENDATION_FORM_FIELDS);
    try {
      const id = await createRecommendation(store.db, auditContextOf(c), values, now());
      return c.redirect(`${base}/${id}`, 303);
    } catch (error) {
      return newPage(
        c,
        locale,
        { form: 'recommendation', problems: problemsOf(error, locale), values, conflict: false },
        400,
      );
    }
  });
  app.post(`${base}/:id`, requires('secretariat.write'), async (c) => {
    const id = idOf(c.req.param('id'));
    const form = await c.req.parseBody();
    const values = valuesOf(form, RECOMMENDATION_FORM_FIELDS);
    try {
      await updateRecommendation(
        store.db,
        auditContextOf(c),
        id,
        openedVersionOf(form.version),
        values,
        now(),
      );
      return c.redirect(`${base}/${id}`, 303);
    } catch (error) {
      const { state, status } = failedState(error, locale, 'recommendation', values, textOf(form, 'version'));
      return editorPage(c, store, locale, id, state, status);
    }
  });
  app.post(`${base}/:id/offentliggoer`, requires('secretariat.write'), async (c) => {
    const id = idOf(c.req.param('id'));
    const form = await c.req.parseBody();
    try {
      const version = openedVersionOf(form.version);
      await setRecommendationPublished(
        store.db,
        auditContextOf(c),
        id,
        version,
        textOf(form, 'published') !== '0',
        now(),
      );
      return c.redirect(`${base}/${id}`, 303);
    } catch (error) {
      const { state, status } = failedState(error, locale, 'publish', {}, textOf(form, 'version'));
      return editorPage(c, store, locale, id, state, status);
    }
  });
  app.post(`${base}/:id/opfoelgning`, requires('secretariat.write'), async (c) => {
    const id = idOf(c.req.param('id'));
    const values = valuesOf(await c.req.parseBody(), ITEM_FORM_FIELDS);
    try {
      const itemId = await addFollowUpItem(store.db, auditContextOf(c), id, values, now());
      return c.redirect(`${base}/${id}#item-${itemId}`, 303);
    } catch (error) {
      const { state, status } = failedState(error, locale, 'new-item', values, '');
      return editorPage(c, store, locale, id, state, status);
    }
  });
  app.post(localePath(locale, '/redaktion/opfoelgning/:id'), requires('secretariat.write'), async (c) => {
    const itemId = idOf(c.req.param('id'));
    const item = await getFollowUpItem(store.db, principalOf(c), itemId, now());
    const form = await c.req.parseBody();
    const values = valuesOf(form, ITEM_FORM_FIELDS);
    try {
      await updateFollowUpItem(
        store.db,
        auditContextOf(c),
        itemId,
        openedVersionOf(form.version),
        values,
        now(),
      );
      return c.redirect(`${base}/${item.recommendationId}#item-${itemId}`, 303);
    } catch (error) {
      const { state, status } = failedState(error, locale, String(itemId), values, textOf(form, 'version'));
      return editorPage(c, store, locale, item.recommendationId, state, status);
    }
  });
}

// --- the API and its downloads ---------------------------------------------------------------------------------

/** Text a spreadsheet would run as a formula is led by an apostrophe (in the CSV and the workbook alike). */
const safe = (text: string | null): string | null =>
  text !== null && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;

interface Line {
  rec: Recommendation;
  item: FollowUpItem | null;
}

const linesOf = (recs: Recommendation[]): Line[] =>
  recs.flatMap<Line>((rec) =>
    rec.items.length === 0 ? [{ rec, item: null }] : rec.items.map((item) => ({ rec, item })),
  );

const label = (field: string) => ({
  da: FIELD_LABELS.da[field] ?? field,
  en: FIELD_LABELS.en[field] ?? field,
});

const DOWNLOAD_COLUMNS: DownloadColumn<Line>[] = [
  { header: { da: 'Anbefaling nr.', en: 'Recommendation no.' }, cell: (l) => l.rec.id, decimals: 0 },
  { header: label('topic'), cell: (l) => safe(l.rec.topic) },
  { header: label('issuedOn'), cell: (l) => l.rec.issuedOn },
  { header: label('addressee'), cell: (l) => safe(l.rec.addressee) },
  { header: label('answerOn'), cell: (l) => l.rec.answerOn },
  { header: label('answerUrl'), cell: (l) => safe(l.rec.answerUrl) },
  { header: label('published'), cell: (l, locale) => yesNo(l.rec.published, locale) },
  { header: { da: 'Punkt nr.', en: 'Item no.' }, cell: (l) => l.item?.id, decimals: 0 },
  { header: label('action'), cell: (l) => safe(l.item?.action ?? null) },
  { header: label('owner'), cell: (l) => safe(l.item?.owner ?? null) },
  { header: label('dueOn'), cell: (l) => l.item?.dueOn },
  { header: label('status'), cell: (l, locale) => (l.item ? STATUS_LABELS[locale][l.item.status] : null) },
  {
    header: { da: 'Frist overskredet', en: 'Overdue' },
    cell: (l, locale) => (l.item ? yesNo(l.item.overdue, locale) : null),
  },
];

/** The machine form (no `lang`): codes, ISO dates, true/false. */
const machineRow = ({ rec, item }: Line) => ({
  recommendationId: rec.id,
  topic: safe(rec.topic),
  issuedOn: rec.issuedOn,
  addressee: safe(rec.addressee),
  answerOn: rec.answerOn,
  answerUrl: safe(rec.answerUrl),
  published: rec.published,
  itemId: item?.id ?? null,
  action: safe(item?.action ?? null),
  owner: safe(item?.owner ?? null),
  dueOn: item?.dueOn ?? null,
  status: item?.status ?? null,
  overdue: item === null ? null : item.overdue,
});
const MACHINE_COLUMNS = Object.keys(machineRow({ rec: { id: 0 } as Recommendation, item: null }));

const fileName = (locale: Locale) =>
  locale === 'da' ? 'anbefalinger-opfoelgning' : 'recommendations-follow-up';

async function download(c: Context, store: Store, kind: 'csv' | 'xlsx') {
  const lang = downloadLocale(c.req.query('lang'));
  const today = new Date();
  const lines = linesOf(await listRecommendations(store.db, principalOf(c), today));
  noStore(c);
  c.header('Content-Disposition', `attachment; filename="${fileName(lang ?? 'en')}.${kind}"`);
  if (kind === 'csv') {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    if (lang === null) return c.body(toCsv(lines.map(machineRow), MACHINE_COLUMNS));
    return c.body(localCsv(localTable(lines, DOWNLOAD_COLUMNS, lang), lang));
  }
  const about: [string, string][] = [
    ['Emne / topic', `${RECOMMENDATION_TEXTS.da.title} / ${RECOMMENDATION_TEXTS.en.title}`],
    ['Frister vurderet pr. / due dates as of', dayOf(today)],
    [
      'Frist overskredet / overdue',
      'Frist før denne dag, status Åben eller I gang / due before this day, status open or in progress',
    ],
    ['Kilde / source', 'Måltal'],
  ];
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  if (lang === null) return c.body(await toXlsx(lines.map(machineRow), about, MACHINE_COLUMNS));
  return c.body(await toLocalXlsx(localTable(lines, DOWNLOAD_COLUMNS, lang), about));
}

const jsonBody = async (c: Context): Promise<unknown> => c.req.json().catch(() => undefined);

/** A request body's `version` apart from the fields it changes. */
function withoutVersion(body: unknown): { version: unknown; fields: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { version: undefined, fields: body };
  const { version, ...fields } = body as Record<string, unknown>;
  return { version, fields };
}

function apiRoutes(app: Hono, store: Store): void {
  app.get('/api/v1/recommendations', requires('public'), async (c) => {
    const today = new Date();
    const recs = await listRecommendations(store.db, principalOf(c), today);
    noStore(c);
    const overdue = recs.reduce((sum, rec) => sum + rec.overdueCount, 0);
    return c.json({ data: recs, meta: { count: recs.length, overdue, today: dayOf(today) } });
  });
  app.get('/api/v1/recommendations.csv', requires('public'), (c) => download(c, store, 'csv'));
  app.get('/api/v1/recommendations.xlsx', requires('public'), (c) => download(c, store, 'xlsx'));
  app.get('/api/v1/recommendations/:id', requires('public'), async (c) => {
    const today = new Date();
    const rec = await getRecommendation(store.db, principalOf(c), idOf(c.req.param('id')), today);
    noStore(c);
    return c.json({ data: rec, meta: { today: dayOf(today) } });
  });
  app.post('/api/v1/recommendations', requires('secretariat.write'), async (c) => {
    const id = await createRecommendation(store.db, auditContextOf(c), await jsonBody(c), new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json({ id }, 201);
  });
  app.put('/api/v1/recommendations/:id', requires('secretariat.write'), async (c) => {
    const id = idOf(c.req.param('id'));
    const { version, fields } = withoutVersion(await jsonBody(c));
    const now = new Date();
    await updateRecommendation(store.db, auditContextOf(c), id, openedVersionOf(version), fields, now);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ data: await getRecommendation(store.db, principalOf(c), id, now) });
  });
  app.post('/api/v1/recommendations/:id/follow-up', requires('secretariat.write'), async (c) => {
    const id = idOf(c.req.param('id'));
    const itemId = await addFollowUpItem(store.db, auditContextOf(c), id, await jsonBody(c), new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json({ id: itemId }, 201);
  });
  app.put('/api/v1/follow-up/:id', requires('secretariat.write'), async (c) => {
    const itemId = idOf(c.req.param('id'));
    const { version, fields } = withoutVersion(await jsonBody(c));
    const now = new Date();
    await updateFollowUpItem(store.db, auditContextOf(c), itemId, openedVersionOf(version), fields, now);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ data: await getFollowUpItem(store.db, principalOf(c), itemId, now) });
  });
}

export function recommendationRoutes(store: Store): Hono {
  const app = new Hono();
  for (const locale of ['da', 'en'] as const) {
    app.get(localePath(locale, '/anbefalinger'), requires('public'), (c) => listPage(c, store, locale));
    app.get(localePath(locale, '/anbefalinger/:id'), requires('public'), (c) => detailPage(c, store, locale));
    editorRoutes(app, store, locale);
  }
  apiRoutes(app, store);
  return app;
}
