// The activities' routes: the public pages (/aktiviteter, one activity, its files), the API (/api/v1/activities:
// JSON, CSV, XLSX, create, update, publish) and the editor area (/redaktion/aktiviteter: list, new, edit with
// optimistic locking, publish, evidence). Danish at /…, English at /en/…. Record-level rules are the service's.
import { type Context, Hono, type Next } from 'hono';
import { can } from '../auth/policy.js';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { AppError, toAppError } from '../errors.js';
import type { Locale } from '../format.js';
import { principalOf, requires } from '../web/authorize.js';
import { localCsv, toCsv } from '../web/csv.js';
import { downloadLocale } from '../web/download-table.js';
import { type FieldProblems, problemsOf } from '../web/forms.js';
import { localePath } from '../web/i18n.js';
import { auditContextOf } from '../web/sessions.js';
import { toLocalXlsx, toXlsx } from '../web/xlsx.js';
import { aboutActivities, activityTable, MACHINE_COLUMNS, machineRows } from './activities.downloads.js';
import {
  EditActivityPage,
  EditorListPage,
  type EvidenceForms,
  NewActivityPage,
  NO_EVIDENCE_INPUT,
} from './activities.editor.js';
import {
  emptyValues,
  type FormValues,
  inputOfValues,
  valuesOfActivity,
  valuesOfForm,
  writableBfas,
} from './activities.form.js';
import { ActivityListPage, ActivityPage, type ListFilterValues } from './activities.pages.js';
import { presentActivity, presentActivityDetail, presentActivityList } from './activities.presenter.js';
import {
  activityFieldsSchema,
  activityFilterSchema,
  createActivitySchema,
  linkEvidenceSchema,
  parseActivityInput,
  updateActivitySchema,
  versionSchema,
} from './activities.schemas.js';
import {
  activityChoices,
  assertActivityWritable,
  createActivity,
  filterChoices,
  getActivity,
  listActivities,
  mayWrite,
  setPublished,
  updateActivity,
} from './activities.service.js';
import {
  addFileEvidence,
  addLinkEvidence,
  attachmentDisposition,
  evidenceFile,
  removeEvidence,
} from './evidence.js';
import { receiveEvidenceUpload } from './evidence-upload.js';

const LOCALES = ['da', 'en'] as const satisfies readonly Locale[];

const idOf = (c: Context, name = 'id') => {
  const text = c.req.param(name) ?? '';
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : -1;
};

/** A handler of `…/:id` that leaves any other word in the id's place (`/ny`, `/import`) to the routes made for it. */
const withId =
  (handler: (c: Context) => Promise<Response>) =>
  async (c: Context, next: Next): Promise<Response | undefined> => {
    if (idOf(c) > 0) return handler(c);
    await next();
    return undefined;
  };

/** Answers that depend on who asks are never kept by a shared cache. */
function privateIfSignedIn(c: Context): void {
  if (principalOf(c).kind !== 'anonymous') c.header('Cache-Control', 'private, no-store');
}

/** The filter of a query (API: every parameter must be known; `lang` is the downloads' own). */
function filterOf(query: Record<string, string>, ignore: string[] = []) {
  const given = Object.fromEntries(Object.entries(query).filter(([key]) => !ignore.includes(key)));
  return parseActivityInput(activityFilterSchema, given, 'Invalid query parameters');
}

/** The list page's filter: its own parameters only, empty ones (“Alle”) left out. */
function pageFilter(c: Context): ListFilterValues {
  const value = (name: string) => {
    const text = c.req.query(name)?.trim();
    return text === undefined || text === '' ? undefined : text;
  };
  return { bfa: value('bfa'), branch: value('branch'), status: value('status'), year: value('year') };
}

async function listPage(c: Context, store: Store, locale: Locale) {
  const principal = principalOf(c);
  const shown = pageFilter(c);
  const filter = parseActivityInput(
    activityFilterSchema,
    Object.fromEntries(Object.entries(shown).filter(([, v]) => v !== undefined)),
    'Invalid filter',
  );
  const [activities, all, choices, demo] = await Promise.all([
    listActivities(store.db, principal, filter),
    listActivities(store.db, principal, {}),
    filterChoices(store.db),
    holdsDemoData(store.db),
  ]);
  const years = new Set<number>();
  for (const activity of all) {
    const last = Number((activity.periodEnd ?? activity.periodStart).slice(0, 4));
    for (let year = Number(activity.periodStart.slice(0, 4)); year <= last; year += 1) years.add(year);
  }
  privateIfSignedIn(c);
  return c.html(
    <ActivityListPage
      locale={locale}
      path={c.req.path}
      demo={demo}
      activities={activities}
      filter={shown}
      choices={{ bfas: choices.bfas, groups: choices.groups, years: [...years].sort((a, b) => b - a) }}
    />,
  );
}

async function detailPage(c: Context, store: Store, locale: Locale) {
  const principal = principalOf(c);
  const [activity, demo] = await Promise.all([
    getActivity(store.db, principal, idOf(c)),
    holdsDemoData(store.db),
  ]);
  privateIfSignedIn(c);
  return c.html(
    <ActivityPage
      locale={locale}
      path={c.req.path}
      demo={demo}
      activity={activity}
      mayEdit={mayWrite(principal, activity)}
    />,
  );
}

async function fileAnswer(c: Context, store: Store) {
  const file = await evidenceFile(store.db, principalOf(c), idOf(c), idOf(c, 'evidenceId'));
  privateIfSignedIn(c);
  c.header('Content-Type', file.contentType);
  c.header('Content-Disposition', attachmentDisposition(file.fileName));
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Security-Policy', 'sandbox');
  return c.body(file.content);
}

function publicRoutes(app: Hono, store: Store): void {
  for (const locale of LOCALES) {
    const base = localePath(locale, '/aktiviteter');
    app.get(base, requires('public'), (c) => listPage(c, store, locale));
    app.get(
      `${base}/:id`,
      requires('public'),
      withId((c) => detailPage(c, store, locale)),
    );
    app.get(`${base}/:id/bilag/:evidenceId`, requires('public'), (c) => fileAnswer(c, store));
  }
}

/** The JSON body of an API write, or an error naming it. */
async function jsonBody(c: Context): Promise<unknown> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body;
  throw new AppError('invalid_input', 'Send one JSON object', [
    { field: '(body)', message: 'must be one JSON object', messageDa: 'skal være ét JSON-objekt' },
  ]);
}

const fileName = (lang: Locale | null, suffix: string) =>
  `${lang === 'en' ? 'maaltal-activities' : 'maaltal-aktiviteter'}${suffix}`;

function downloadRoutes(app: Hono, store: Store): void {
  const rowsFor = async (c: Context) => {
    const lang = downloadLocale(c.req.query('lang'));
    const filter = filterOf(c.req.query(), ['lang']);
    const activities = await listActivities(store.db, principalOf(c), filter);
    privateIfSignedIn(c);
    return { lang, filter, activities };
  };
  app.get('/api/v1/activities.csv', requires('public'), async (c) => {
    const { lang, activities } = await rowsFor(c);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileName(lang, '.csv')}"`);
    if (lang !== null) return c.body(localCsv(activityTable(activities, lang), lang));
    return c.body(toCsv(machineRows(activities), MACHINE_COLUMNS));
  });
  app.get('/api/v1/activities.xlsx', requires('public'), async (c) => {
    const { lang, filter, activities } = await rowsFor(c);
    const about = aboutActivities(
      filter,
      activities.length,
      activities.some((a) => a.isDemo),
    );
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="${fileName(lang, '.xlsx')}"`);
    if (lang !== null) return c.body(await toLocalXlsx(activityTable(activities, lang), about));
    return c.body(await toXlsx(machineRows(activities), about, MACHINE_COLUMNS));
  });
}

function apiRoutes(app: Hono, store: Store): void {
  app.get('/api/v1/activities', requires('public'), async (c) => {
    const filter = filterOf(c.req.query());
    const [activities, demo] = await Promise.all([
      listActivities(store.db, principalOf(c), filter),
      holdsDemoData(store.db),
    ]);
    privateIfSignedIn(c);
    return c.json(presentActivityList(activities, demo));
  });
  app.get('/api/v1/activities/:id', requires('public'), async (c) => {
    const [activity, demo] = await Promise.all([
      getActivity(store.db, principalOf(c), idOf(c)),
      holdsDemoData(store.db),
    ]);
    privateIfSignedIn(c);
    return c.json(presentActivityDetail(activity, demo));
  });
  app.post('/api/v1/activities', requires('work.write'), async (c) => {
    const input = parseActivityInput(createActivitySchema, await jsonBody(c), 'Invalid activity');
    const activity = await createActivity(store.db, auditContextOf(c), input, new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json({ id: activity.id, version: activity.version, data: presentActivity(activity) }, 201);
  });
  app.put('/api/v1/activities/:id', requires('work.write'), async (c) => {
    await assertActivityWritable(store.db, principalOf(c), idOf(c));
    const { version, ...fields } = parseActivityInput(
      updateActivitySchema,
      await jsonBody(c),
      'Invalid activity',
    );
    const activity = await updateActivity(store.db, auditContextOf(c), idOf(c), version, fields, new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json(presentActivityDetail(activity, await holdsDemoData(store.db)));
  });
  for (const [path, published] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    app.post(`/api/v1/activities/:id/${path}`, requires('work.write'), async (c) => {
      await assertActivityWritable(store.db, principalOf(c), idOf(c));
      const { version } = parseActivityInput(versionSchema, await jsonBody(c), 'Invalid request');
      const activity = await setPublished(
        store.db,
        auditContextOf(c),
        idOf(c),
        version,
        published,
        new Date(),
      );
      c.header('Cache-Control', 'private, no-store');
      return c.json(presentActivityDetail(activity, await holdsDemoData(store.db)));
    });
  }
}

/** The editor's own BFA (a BFA editor's), whose activities alone the editor list shows. */
function ownBfaOf(c: Context, choices: Awaited<ReturnType<typeof activityChoices>>) {
  const principal = principalOf(c);
  if (!((principal.kind === 'user' || principal.kind === 'token') && principal.role === 'bfa_editor'))
    return undefined;
  return choices.bfas.find((bfa) => bfa.id === principal.bfaId) ?? { code: '-', short: '-' };
}

async function editorList(c: Context, store: Store, locale: Locale) {
  const principal = principalOf(c);
  const choices = await activityChoices(store.db);
  const own = ownBfaOf(c, choices);
  const activities = (await listActivities(store.db, principal, {})).filter(
    (activity) => own === undefined || activity.bfa.code === own.code,
  );
  c.header('Cache-Control', 'private, no-store');
  return c.html(
    <EditorListPage
      locale={locale}
      path={c.req.path}
      principal={principal}
      ownBfa={own?.short}
      activities={activities}
    />,
  );
}

async function newPage(
  c: Context,
  store: Store,
  locale: Locale,
  values?: FormValues,
  problems: FieldProblems = {},
) {
  const principal = principalOf(c);
  const choices = await activityChoices(store.db);
  const first = writableBfas(choices, principal)[0]?.code ?? '';
  c.header('Cache-Control', 'private, no-store');
  return c.html(
    <NewActivityPage
      locale={locale}
      path={c.req.path}
      principal={principal}
      choices={choices}
      values={values ?? emptyValues(c.req.query('bfa') ?? first)}
      problems={problems}
    />,
    Object.keys(problems).length > 0 ? 400 : 200,
  );
}

interface EditState {
  values?: FormValues;
  problems?: FieldProblems;
  /** The fields someone else changed (a version conflict); the form then saves over the stored version. */
  conflictFields?: string[];
  evidence?: EvidenceForms;
  publishProblems?: FieldProblems;
  status?: 200 | 400 | 404 | 409 | 422;
}

async function editPage(c: Context, store: Store, locale: Locale, state: EditState = {}) {
  const principal = principalOf(c);
  const activity = await getActivity(store.db, principal, idOf(c));
  c.header('Cache-Control', 'private, no-store');
  if (!mayWrite(principal, activity)) {
    if (can(principal, 'work.write')) throw otherBfa();
    return c.redirect(localePath(locale, `/aktiviteter/${activity.id}`), 303);
  }
  const choices = await activityChoices(store.db);
  return c.html(
    <EditActivityPage
      locale={locale}
      path={c.req.path}
      principal={principal}
      choices={choices}
      activity={activity}
      values={state.values ?? valuesOfActivity(activity)}
      problems={state.problems ?? {}}
      version={activity.version}
      {...(state.conflictFields === undefined
        ? {}
        : { conflict: { stored: activity, fields: state.conflictFields } })}
      evidence={state.evidence ?? NO_EVIDENCE_INPUT}
      publishProblems={state.publishProblems ?? {}}
    />,
    state.status ?? 200,
  );
}

const otherBfa = () =>
  new AppError('forbidden', 'This activity belongs to another BFA', [
    {
      field: 'id',
      message: 'belongs to another BFA than yours',
      messageDa: 'hører til et andet BFA end dit',
    },
  ]);

const formOf = async (c: Context) => (await c.req.parseBody({ all: true })) as Record<string, unknown>;

const firstText = (form: Record<string, unknown>, name: string) => {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
};

/** The version a form names, or a problem naming the field. */
function openedVersion(form: Record<string, unknown>): number {
  return parseActivityInput(versionSchema, { version: firstText(form, 'version') }, 'Invalid version')
    .version;
}

async function createFromForm(c: Context, store: Store, locale: Locale) {
  const values = valuesOfForm(await formOf(c));
  try {
    const input = parseActivityInput(createActivitySchema, inputOfValues(values), 'Invalid activity');
    const activity = await createActivity(store.db, auditContextOf(c), input, new Date());
    return c.redirect(localePath(locale, `/redaktion/aktiviteter/${activity.id}`), 303);
  } catch (error) {
    return newPage(c, store, locale, values, problemsOf(error, locale));
  }
}

/** Saves the edit form; a version conflict re-renders it with everything typed and the stored version. */
async function saveFromForm(c: Context, store: Store, locale: Locale) {
  const form = await formOf(c);
  const values = valuesOfForm(form);
  const id = idOf(c);
  try {
    const version = openedVersion(form);
    const input = parseActivityInput(activityFieldsSchema, inputOfValues(values), 'Invalid activity');
    await updateActivity(store.db, auditContextOf(c), id, version, input, new Date());
    return c.redirect(localePath(locale, `/redaktion/aktiviteter/${id}`), 303);
  } catch (error) {
    const known = toAppError(error);
    if (known?.code === 'conflict' && !known.issues.some((issue) => issue.field === 'database')) {
      const fields = known.issues.map((issue) => issue.field);
      return editPage(c, store, locale, { values, conflictFields: fields, status: 409 });
    }
    return editPage(c, store, locale, { values, problems: problemsOf(error, locale), status: 400 });
  }
}

async function publishFromForm(c: Context, store: Store, locale: Locale, published: boolean) {
  const form = await formOf(c);
  const id = idOf(c);
  try {
    await setPublished(store.db, auditContextOf(c), id, openedVersion(form), published, new Date());
    return c.redirect(localePath(locale, `/redaktion/aktiviteter/${id}`), 303);
  } catch (error) {
    const problems = problemsOf(error, locale);
    const status = toAppError(error)?.code === 'conflict' ? 409 : 400;
    return editPage(c, store, locale, { publishProblems: problems, status });
  }
}

const renamed = (problems: FieldProblems, names: Record<string, string>): FieldProblems =>
  Object.fromEntries(Object.entries(problems).map(([field, message]) => [names[field] ?? field, message]));

async function addLinkFromForm(c: Context, store: Store, locale: Locale) {
  const form = await formOf(c);
  const typed = { title: firstText(form, 'linkTitle'), url: firstText(form, 'linkUrl') };
  try {
    const input = parseActivityInput(linkEvidenceSchema, typed, 'Invalid link');
    await addLinkEvidence(store.db, auditContextOf(c), idOf(c), input, new Date());
    return c.redirect(localePath(locale, `/redaktion/aktiviteter/${idOf(c)}#evidence-heading`), 303);
  } catch (error) {
    const linkProblems = renamed(problemsOf(error, locale), { title: 'linkTitle', url: 'linkUrl' });
    const evidence = { ...NO_EVIDENCE_INPUT, linkProblems, linkTitle: typed.title, linkUrl: typed.url };
    return editPage(c, store, locale, { evidence, status: 400 });
  }
}

/** The problems of an upload: too large is one of them here, not an error page. */
function uploadProblems(error: unknown, locale: Locale): FieldProblems {
  const known = toAppError(error);
  if (known?.code !== 'too_large') return problemsOf(error, locale);
  return Object.fromEntries(
    known.issues.map((issue) => [
      issue.field,
      locale === 'da' ? (issue.messageDa ?? issue.message) : issue.message,
    ]),
  );
}

async function addFileFromForm(c: Context, store: Store, locale: Locale) {
  const id = idOf(c);
  // Refused before the body is read when the activity is not there or not the editor's.
  await getActivity(store.db, principalOf(c), id).then((activity) => {
    if (!mayWrite(principalOf(c), activity)) throw otherBfa();
  });
  let fileTitle = '';
  try {
    const upload = await receiveEvidenceUpload(c.req.raw);
    fileTitle = upload.fields.fileTitle ?? '';
    if (upload.file === undefined)
      throw new AppError('invalid_input', 'Choose a file', [
        { field: 'file', message: 'is required', messageDa: 'skal udfyldes' },
      ]);
    const title = parseActivityInput(
      linkEvidenceSchema.pick({ title: true }),
      { title: fileTitle },
      'Invalid title',
    );
    await addFileEvidence(store.db, auditContextOf(c), id, { ...title, ...upload.file }, new Date());
    return c.redirect(localePath(locale, `/redaktion/aktiviteter/${id}#evidence-heading`), 303);
  } catch (error) {
    const fileProblems = renamed(uploadProblems(error, locale), { title: 'fileTitle' });
    const status = toAppError(error)?.code === 'too_large' ? 422 : 400;
    return editPage(c, store, locale, {
      evidence: { ...NO_EVIDENCE_INPUT, fileProblems, fileTitle },
      status,
    });
  }
}

async function removeFromForm(c: Context, store: Store, locale: Locale) {
  const id = idOf(c);
  await removeEvidence(store.db, auditContextOf(c), id, idOf(c, 'evidenceId'), new Date());
  return c.redirect(localePath(locale, `/redaktion/aktiviteter/${id}#evidence-heading`), 303);
}

function editorRoutes(app: Hono, store: Store): void {
  for (const locale of LOCALES) {
    const base = localePath(locale, '/redaktion/aktiviteter');
    app.get(base, requires('drafts.read'), (c) => editorList(c, store, locale));
    app.get(`${base}/ny`, requires('drafts.read'), (c) => newPage(c, store, locale));
    app.post(base, requires('work.write'), (c) => createFromForm(c, store, locale));
    app.get(
      `${base}/:id`,
      requires('drafts.read'),
      withId((c) => editPage(c, store, locale)),
    );
    app.post(
      `${base}/:id`,
      requires('work.write'),
      withId((c) => saveFromForm(c, store, locale)),
    );
    app.post(`${base}/:id/offentliggoer`, requires('work.write'), (c) =>
      publishFromForm(c, store, locale, true),
    );
    app.post(`${base}/:id/afpublicer`, requires('work.write'), (c) =>
      publishFromForm(c, store, locale, false),
    );
    app.post(`${base}/:id/links`, requires('work.write'), (c) => addLinkFromForm(c, store, locale));
    app.post(`${base}/:id/bilag`, requires('work.write'), (c) => addFileFromForm(c, store, locale));
    app.post(`${base}/:id/bilag/:evidenceId/slet`, requires('work.write'), (c) =>
      removeFromForm(c, store, locale),
    );
  }
}

export function activityRoutes(store: Store): Hono {
  const app = new Hono();
  downloadRoutes(app, store);
  apiRoutes(app, store);
  publicRoutes(app, store);
  editorRoutes(app, store);
  return app;
}
