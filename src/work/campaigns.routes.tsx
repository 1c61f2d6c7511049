// Campaigns on the web: the public list and page (/kampagner, /en/kampagner), the API (/api/v1/campaigns with CSV and
// XLSX in the reader's language), and the editor area (/redaktion/kampagner: create, edit with optimistic locking,
// publish). Published campaigns for everyone; drafts for those who may read them. The editor parts the pilots'
// routes share (forms, version history, BFA choice, period and paragraphs) are exported from here.
import { type Context, Hono } from 'hono';
import { can, canOn, type Principal } from '../auth/policy.js';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { AppError, toAppError } from '../errors.js';
import { formatDate, formatNumber, type Locale } from '../format.js';
import { principalOf, requires } from '../web/authorize.js';
import { localCsv, toCsv } from '../web/csv.js';
import { type DownloadColumn, downloadLocale, localTable, yesNo } from '../web/download-table.js';
import { Downloads } from '../web/downloads.js';
import { Entered, EnteredIn } from '../web/entered-text.js';
import { CsrfField, ErrorSummary, Field, type FieldProblems, problemsOf } from '../web/forms.js';
import { localePath, pick } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { auditContextOf } from '../web/sessions.js';
import { toLocalXlsx, toXlsx } from '../web/xlsx.js';
import { type BfaRef, bfaRefs } from './campaigns.repository.js';
import {
  campaignFromForm,
  formVersion,
  parseCampaignInput,
  parseCampaignUpdate,
} from './campaigns.schemas.js';
import {
  assertCampaignWritable,
  type Campaign,
  type CampaignDetail,
  campaignHistory,
  createCampaign,
  getCampaign,
  listCampaigns,
  mayWriteCampaign,
  setCampaignPublished,
  updateCampaign,
} from './campaigns.service.js';
import { ACTIVITY_STATUS_NAMES, CAMPAIGN_TEXTS } from './campaigns.texts.js';
import type { SavedVersion } from './versioned.js';

type Texts = (typeof CAMPAIGN_TEXTS)['da'];

// ---------------------------------------------------------------------------------------------------------------
// Parts the pilots' routes share

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

/** "1. september 2023 – 31. december 2023", or "fra 1. september 2023" while it runs. */
export function periodText(start: string, end: string | null, locale: Locale): string {
  const from = formatDate(start, locale);
  if (end === null) return locale === 'da' ? `fra ${from}` : `from ${from}`;
  return `${from} – ${formatDate(end, locale)}`;
}

/** Plain text as paragraphs: an empty line starts a new one, a single line break stays one. Escaped by JSX. The
 *  text is entered (Danish): marked so on English pages; `empty` is the page's own text. */
export function Paragraphs({ text, empty, locale }: { text: string; empty: string; locale: Locale }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  if (paragraphs.length === 0) return <p>{empty}</p>;
  return (
    <Entered locale={locale} block>
      {paragraphs.map((paragraph) => (
        <p>
          {paragraph.split('\n').map((line, i) => (
            <>
              {i === 0 ? null : <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </Entered>
  );
}

const count = (value: number | null, locale: Locale) => (value === null ? '–' : formatNumber(value, locale));

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

/** A choice among fixed values, keeping the one chosen. */
export function Select(props: InputProps & { options: readonly (readonly [string, string])[] }) {
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

/** A notice in the dkfds alert style. */
export function Notice({ kind, text }: { kind: 'warning' | 'info'; text: string }) {
  return (
    <div class={`alert alert-${kind}`} role="status">
      <div class="alert-body">
        <p class="alert-text">{text}</p>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Public pages

const bfaName = (campaign: Campaign, t: Texts) => (campaign.bfa === null ? t.council : campaign.bfa.short);

const statusText = (campaign: Campaign, t: Texts, locale: Locale) =>
  campaign.published
    ? campaign.publishedAt === null
      ? t.published
      : t.publishedOn(formatDate(campaign.publishedAt, locale))
    : t.draft;

/** The channels as the BFAs named them (Danish), or a dash. */
function Channels({ campaign, locale }: { campaign: Campaign; locale: Locale }) {
  if (campaign.channels.length === 0) return <>–</>;
  return <Entered locale={locale}>{campaign.channels.join(', ')}</Entered>;
}

function CampaignTable(props: { campaigns: readonly Campaign[]; locale: Locale; base: string }) {
  const t = CAMPAIGN_TEXTS[props.locale];
  const drafts = props.campaigns.some((campaign) => !campaign.published);
  return (
    <section class="table-wrapper" tabindex={0} aria-label={t.caption}>
      <table class="table table--compact">
        <caption class="sr-only">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colCampaign}</th>
            <th scope="col">{t.colBfa}</th>
            <th scope="col">{t.colPeriod}</th>
            <th scope="col">{t.colChannels}</th>
            <th scope="col" class="num">
              {t.colPeople}
            </th>
            <th scope="col" class="num">
              {t.colWorkplaces}
            </th>
            {drafts ? <th scope="col">{t.colStatus}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.campaigns.map((campaign) => (
            <tr>
              <th scope="row">
                <a href={`${props.base}/${campaign.id}`}>
                  <Entered locale={props.locale}>{campaign.title}</Entered>
                </a>
              </th>
              <td>{bfaName(campaign, t)}</td>
              <td>{periodText(campaign.periodStart, campaign.periodEnd, props.locale)}</td>
              <td>
                <Channels campaign={campaign} locale={props.locale} />
              </td>
              <td class="num">{count(campaign.reachedPeople, props.locale)}</td>
              <td class="num">{count(campaign.reachedWorkplaces, props.locale)}</td>
              {drafts ? <td>{campaign.published ? t.published : t.draft}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

async function listPage(c: Context, store: Store, locale: Locale) {
  const t = CAMPAIGN_TEXTS[locale];
  const [campaigns, demo] = await Promise.all([
    listCampaigns(store.db, principalOf(c)),
    holdsDemoData(store.db),
  ]);
  return (
    <Layout locale={locale} path={c.req.path} title={t.title} demo={demo}>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      {campaigns.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <CampaignTable campaigns={campaigns} locale={locale} base={localePath(locale, '/kampagner')} />
      )}
      <h2>{t.downloads}</h2>
      <Downloads locale={locale} api="/api/v1/campaigns" query="" />
    </Layout>
  );
}

function ReachFacts({ campaign, locale }: { campaign: Campaign; locale: Locale }) {
  const t = CAMPAIGN_TEXTS[locale];
  const figures: [string, number | null][] = [
    [t.colPeople, campaign.reachedPeople],
    [t.colWorkplaces, campaign.reachedWorkplaces],
    [t.colImpressions, campaign.impressions],
  ];
  if (figures.every(([, value]) => value === null) && campaign.reachNote === '') return <p>{t.noReach}</p>;
  return (
    <dl class="maaltal-facts">
      {figures.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{count(value, locale)}</dd>
        </>
      ))}
      {campaign.reachNote === '' ? null : (
        <>
          <dt>{t.reachNote}</dt>
          <dd>
            <Entered locale={locale}>{campaign.reachNote}</Entered>
          </dd>
        </>
      )}
    </dl>
  );
}

function ActivityTable({ campaign, locale }: { campaign: CampaignDetail; locale: Locale }) {
  const t = CAMPAIGN_TEXTS[locale];
  if (campaign.activities.length === 0) return <p>{t.noActivities}</p>;
  return (
    <section class="table-wrapper" tabindex={0} aria-label={t.activities}>
      <table class="table table--compact">
        <caption class="sr-only">
          <EnteredIn locale={locale} text={t.activitiesCaption} value={campaign.title} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.colActivity}</th>
            <th scope="col">{t.colBfa}</th>
            <th scope="col">{t.colPeriod}</th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col" class="num">
              {t.colWorkplaces}
            </th>
          </tr>
        </thead>
        <tbody>
          {campaign.activities.map((activity) => (
            <tr>
              <th scope="row">
                <a href={localePath(locale, `/aktiviteter/${activity.id}`)}>
                  <Entered locale={locale}>{activity.title}</Entered>
                </a>
                {activity.published ? null : <span class="maaltal-ci">{t.draft}</span>}
              </th>
              <td>{activity.bfa.short}</td>
              <td>{periodText(activity.periodStart, activity.periodEnd, locale)}</td>
              <td>{ACTIVITY_STATUS_NAMES[locale][activity.status] ?? activity.status}</td>
              <td class="num">{count(activity.reachedWorkplaces, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CampaignFacts({ campaign, locale }: { campaign: Campaign; locale: Locale }) {
  const t = CAMPAIGN_TEXTS[locale];
  return (
    <dl class="maaltal-facts">
      <dt>{t.colBfa}</dt>
      <dd>{campaign.bfa === null ? t.council : `${campaign.bfa.short} – ${pick(campaign.bfa, locale)}`}</dd>
      <dt>{t.colPeriod}</dt>
      <dd>{periodText(campaign.periodStart, campaign.periodEnd, locale)}</dd>
      <dt>{t.colChannels}</dt>
      <dd>
        <Channels campaign={campaign} locale={locale} />
      </dd>
      <dt>{t.colStatus}</dt>
      <dd>{statusText(campaign, t, locale)}</dd>
    </dl>
  );
}

async function campaignPage(c: Context, store: Store, locale: Locale) {
  const t = CAMPAIGN_TEXTS[locale];
  const [campaign, demo] = await Promise.all([
    getCampaign(store.db, principalOf(c), idOf(c)),
    holdsDemoData(store.db),
  ]);
  privateIfSignedIn(c);
  return (
    <Layout locale={locale} path={c.req.path} title={campaign.title} demo={demo}>
      <p class="maaltal-note">
        <a href={localePath(locale, '/kampagner')}>{t.allCampaigns}</a>
      </p>
      <h1>
        <Entered locale={locale}>{campaign.title}</Entered>
      </h1>
      {campaign.published ? null : <Notice kind="warning" text={t.draftNotice} />}
      <CampaignFacts campaign={campaign} locale={locale} />
      <h2>{t.about}</h2>
      <Paragraphs text={campaign.description} empty={t.noDescription} locale={locale} />
      <h2>{t.reach}</h2>
      <ReachFacts campaign={campaign} locale={locale} />
      <h2>{t.activities}</h2>
      <ActivityTable campaign={campaign} locale={locale} />
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// API

const period = (start: string, end: string | null) => ({ start, end });

export function presentCampaign(campaign: Campaign) {
  return {
    id: campaign.id,
    bfa:
      campaign.bfa === null
        ? null
        : {
            code: campaign.bfa.code,
            short: campaign.bfa.short,
            nameDa: campaign.bfa.nameDa,
            nameEn: campaign.bfa.nameEn,
          },
    title: campaign.title,
    description: campaign.description,
    channels: campaign.channels,
    period: period(campaign.periodStart, campaign.periodEnd),
    reach: {
      people: campaign.reachedPeople,
      workplaces: campaign.reachedWorkplaces,
      impressions: campaign.impressions,
      note: campaign.reachNote,
    },
    published: campaign.published,
    publishedAt: campaign.publishedAt,
    version: campaign.version,
    updatedAt: campaign.updatedAt,
    demo: campaign.isDemo,
    url: `/kampagner/${campaign.id}`,
  };
}

function presentCampaignDetail(campaign: CampaignDetail) {
  return {
    ...presentCampaign(campaign),
    activities: campaign.activities.map((activity) => ({
      id: activity.id,
      title: activity.title,
      bfa: activity.bfa.code,
      period: period(activity.periodStart, activity.periodEnd),
      status: activity.status,
      reachedWorkplaces: activity.reachedWorkplaces,
      published: activity.published,
      url: `/aktiviteter/${activity.id}`,
    })),
  };
}

const CAMPAIGN_COLUMNS: DownloadColumn<Campaign>[] = [
  { header: { da: 'ID', en: 'ID' }, cell: (c) => c.id, decimals: 0 },
  { header: { da: 'Titel', en: 'Title' }, cell: (c) => c.title },
  { header: { da: 'BFA', en: 'BFA' }, cell: (c, l) => bfaName(c, CAMPAIGN_TEXTS[l]) },
  { header: { da: 'Kanaler', en: 'Channels' }, cell: (c) => c.channels.join(', ') },
  { header: { da: 'Start', en: 'Start' }, cell: (c) => c.periodStart },
  { header: { da: 'Slut', en: 'End' }, cell: (c) => c.periodEnd },
  { header: { da: 'Personer nået', en: 'People reached' }, cell: (c) => c.reachedPeople, decimals: 0 },
  {
    header: { da: 'Arbejdspladser nået', en: 'Workplaces reached' },
    cell: (c) => c.reachedWorkplaces,
    decimals: 0,
  },
  { header: { da: 'Visninger', en: 'Impressions' }, cell: (c) => c.impressions, decimals: 0 },
  { header: { da: 'Sådan er der talt', en: 'How it was counted' }, cell: (c) => c.reachNote },
  { header: { da: 'Offentliggjort', en: 'Published' }, cell: (c, l) => yesNo(c.published, l) },
];

const machineRow = (c: Campaign) => ({
  id: c.id,
  bfa: c.bfa?.code ?? null,
  title: c.title,
  description: c.description,
  channels: c.channels.join('; '),
  periodStart: c.periodStart,
  periodEnd: c.periodEnd,
  reachedPeople: c.reachedPeople,
  reachedWorkplaces: c.reachedWorkplaces,
  impressions: c.impressions,
  reachNote: c.reachNote,
  published: c.published,
});
const MACHINE_COLUMNS = [
  'id',
  'bfa',
  'title',
  'description',
  'channels',
  'periodStart',
  'periodEnd',
  'reachedPeople',
  'reachedWorkplaces',
  'impressions',
  'reachNote',
  'published',
];

const ABOUT: [string, string][] = [
  [
    'Kampagner / campaigns',
    'Arbejdsmiljørådets og BFA’ernes kampagner / campaigns of the council and the BFAs',
  ],
  [
    'Rækkevidde / reach',
    'Som kampagnen selv har talt den (se “Sådan er der talt”) / as counted by the campaign (see “How it was counted”)',
  ],
];

const fileName = (locale: Locale | null) => (locale === 'en' ? 'campaigns' : 'kampagner');

function apiRoutes(app: Hono, store: Store) {
  app.get('/api/v1/campaigns', requires('public'), async (c) => {
    const [campaigns, demo] = await Promise.all([
      listCampaigns(store.db, principalOf(c)),
      holdsDemoData(store.db),
    ]);
    privateIfSignedIn(c);
    return c.json({ data: campaigns.map(presentCampaign), meta: { demo } });
  });
  app.get('/api/v1/campaigns.csv', requires('public'), async (c) => {
    const lang = downloadLocale(c.req.query('lang'));
    const campaigns = await listCampaigns(store.db, principalOf(c));
    privateIfSignedIn(c);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileName(lang)}.csv"`);
    if (lang !== null) return c.body(localCsv(localTable(campaigns, CAMPAIGN_COLUMNS, lang), lang));
    return c.body(toCsv(campaigns.map(machineRow), MACHINE_COLUMNS));
  });
  app.get('/api/v1/campaigns.xlsx', requires('public'), async (c) => {
    const lang = downloadLocale(c.req.query('lang'));
    const campaigns = await listCampaigns(store.db, principalOf(c));
    privateIfSignedIn(c);
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="${fileName(lang)}.xlsx"`);
    if (lang !== null) return c.body(await toLocalXlsx(localTable(campaigns, CAMPAIGN_COLUMNS, lang), ABOUT));
    return c.body(await toXlsx(campaigns.map(machineRow), ABOUT, MACHINE_COLUMNS));
  });
  app.get('/api/v1/campaigns/:id', requires('public'), async (c) => {
    const [campaign, demo] = await Promise.all([
      getCampaign(store.db, principalOf(c), idOf(c)),
      holdsDemoData(store.db),
    ]);
    privateIfSignedIn(c);
    return c.json({ data: presentCampaignDetail(campaign), meta: { demo } });
  });
  app.post('/api/v1/campaigns', requires('work.write'), async (c) => {
    const input = parseCampaignInput(await jsonOf(c));
    const id = await createCampaign(store.db, auditContextOf(c), input, new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json({ id, version: 1 }, 201);
  });
  app.put('/api/v1/campaigns/:id', requires('work.write'), async (c) => {
    await assertCampaignWritable(store.db, principalOf(c), idOf(c));
    const { version, input } = parseCampaignUpdate(await jsonOf(c));
    await updateCampaign(store.db, auditContextOf(c), idOf(c), version, input, new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json({ data: presentCampaignDetail(await getCampaign(store.db, principalOf(c), idOf(c))) });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The editor area

/** A campaign as its form shows it: numbers without grouping, channels one per line. */
function campaignValues(campaign: Campaign): Record<string, string> {
  const text = (value: number | null) => (value === null ? '' : String(value));
  return {
    bfa: campaign.bfa?.code ?? '',
    title: campaign.title,
    description: campaign.description,
    channels: campaign.channels.join('\n'),
    periodStart: campaign.periodStart,
    periodEnd: campaign.periodEnd ?? '',
    reachedPeople: text(campaign.reachedPeople),
    reachedWorkplaces: text(campaign.reachedWorkplaces),
    impressions: text(campaign.impressions),
    reachNote: campaign.reachNote,
  };
}

function CampaignFields(props: {
  state: FormState;
  locale: Locale;
  bfas: readonly (readonly [string, string])[];
}) {
  const t = CAMPAIGN_TEXTS[props.locale];
  const { values, problems } = props.state;
  const shared = { values, problems };
  return (
    <>
      <Select name="bfa" label={t.fieldBfa} hint={t.hintBfa} options={props.bfas} {...shared} />
      <Input name="title" label={t.fieldTitle} required {...shared} />
      <TextArea
        name="description"
        label={t.fieldDescription}
        hint={t.hintDescription}
        rows={8}
        maxlength={10_000}
        {...shared}
      />
      <TextArea
        name="channels"
        label={t.fieldChannels}
        hint={t.hintChannels}
        rows={3}
        maxlength={2_000}
        {...shared}
      />
      <Input name="periodStart" label={t.fieldPeriodStart} type="date" required {...shared} />
      <Input name="periodEnd" label={t.fieldPeriodEnd} hint={t.hintPeriodEnd} type="date" {...shared} />
      <Input name="reachedPeople" label={t.fieldPeople} hint={t.hintCount} {...shared} />
      <Input name="reachedWorkplaces" label={t.fieldWorkplaces} hint={t.hintCount} {...shared} />
      <Input name="impressions" label={t.fieldImpressions} hint={t.hintCount} {...shared} />
      <TextArea name="reachNote" label={t.fieldReachNote} rows={3} maxlength={2_000} {...shared} />
    </>
  );
}

/** The form of a new campaign or of a stored one (with its version hidden). */
function CampaignForm(props: {
  action: string;
  state: FormState;
  locale: Locale;
  bfas: readonly (readonly [string, string])[];
  submit: string;
  versioned: boolean;
}) {
  const t = CAMPAIGN_TEXTS[props.locale];
  return (
    <form method="post" action={props.action}>
      <CsrfField />
      {props.state.conflict ? <Notice kind="warning" text={t.conflict} /> : null}
      <ErrorSummary problems={props.state.problems} title={t.problems} />
      {props.versioned ? <input type="hidden" name="version" value={String(props.state.version)} /> : null}
      <CampaignFields state={props.state} locale={props.locale} bfas={props.bfas} />
      <button class="button button-primary" type="submit">
        {props.submit}
      </button>
    </form>
  );
}

function EditorTable({ campaigns, locale }: { campaigns: readonly Campaign[]; locale: Locale }) {
  const t = CAMPAIGN_TEXTS[locale];
  const base = localePath(locale, '/redaktion/kampagner');
  return (
    <section class="table-wrapper" tabindex={0} aria-label={t.editorTitle}>
      <table class="table table--compact">
        <caption class="sr-only">{t.editorTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colCampaign}</th>
            <th scope="col">{t.colBfa}</th>
            <th scope="col">{t.colPeriod}</th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col" class="num">
              {t.colVersion}
            </th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((campaign) => (
            <tr>
              <th scope="row">
                <a href={`${base}/${campaign.id}`}>
                  <Entered locale={locale}>{campaign.title}</Entered>
                </a>
              </th>
              <td>{bfaName(campaign, t)}</td>
              <td>{periodText(campaign.periodStart, campaign.periodEnd, locale)}</td>
              <td>{campaign.published ? t.published : t.draft}</td>
              <td class="num">{String(campaign.version)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

async function editorListPage(c: Context, store: Store, locale: Locale) {
  const t = CAMPAIGN_TEXTS[locale];
  const principal = principalOf(c);
  const campaigns = await listCampaigns(store.db, principal);
  return (
    <Layout locale={locale} path={c.req.path} title={t.editorTitle} demo={false}>
      <h1>{t.editorTitle}</h1>
      <p>{t.editorIntro}</p>
      {can(principal, 'work.write') ? (
        <p>
          <a class="button button-primary" href={localePath(locale, '/redaktion/kampagner/ny')}>
            {t.newCampaign}
          </a>
        </p>
      ) : null}
      {campaigns.length === 0 ? <p>{t.none}</p> : <EditorTable campaigns={campaigns} locale={locale} />}
    </Layout>
  );
}

async function newCampaignPage(c: Context, store: Store, locale: Locale, state: FormState) {
  const t = CAMPAIGN_TEXTS[locale];
  const principal = principalOf(c);
  const bfas = bfaOptions(principal, await bfaRefs(store.db), t.council, locale);
  return (
    <Layout locale={locale} path={c.req.path} title={t.newCampaign} demo={false}>
      <p class="maaltal-note">
        <a href={localePath(locale, '/redaktion/kampagner')}>{t.editorTitle}</a>
      </p>
      <h1>{t.newCampaign}</h1>
      {can(principal, 'work.write') ? (
        <CampaignForm
          action={localePath(locale, '/redaktion/kampagner')}
          state={state}
          locale={locale}
          bfas={bfas}
          submit={t.create}
          versioned={false}
        />
      ) : (
        <p>{t.cannotCreate}</p>
      )}
    </Layout>
  );
}

async function editPage(c: Context, store: Store, locale: Locale, id: number, state?: FormState) {
  const t = CAMPAIGN_TEXTS[locale];
  const principal = principalOf(c);
  const campaign = await getCampaign(store.db, principal, id);
  const [versions, bfas] = await Promise.all([campaignHistory(store.db, principal, id), bfaRefs(store.db)]);
  const base = localePath(locale, `/redaktion/kampagner/${id}`);
  const form = state ?? freshForm(campaignValues(campaign), campaign.version);
  return (
    <Layout locale={locale} path={c.req.path} title={campaign.title} demo={false}>
      <p class="maaltal-note">
        <a href={localePath(locale, '/redaktion/kampagner')}>{t.editorTitle}</a>
      </p>
      <h1>
        <Entered locale={locale}>{campaign.title}</Entered>
      </h1>
      <p>
        <a href={localePath(locale, `/kampagner/${id}`)}>{t.publicPage}</a>
      </p>
      {mayWriteCampaign(principal, campaign) ? (
        <EditorForms
          campaign={campaign}
          state={form}
          base={base}
          locale={locale}
          principal={principal}
          bfas={bfas}
        />
      ) : (
        <ReadOnly campaign={campaign} locale={locale} />
      )}
      <VersionHistory versions={versions} locale={locale} texts={t} />
    </Layout>
  );
}

function EditorForms(props: {
  campaign: Campaign;
  state: FormState;
  base: string;
  locale: Locale;
  principal: Principal;
  bfas: readonly BfaRef[];
}) {
  const t = CAMPAIGN_TEXTS[props.locale];
  const { campaign, state } = props;
  return (
    <>
      <h2>{t.publication}</h2>
      <PublicationStatus text={statusText(campaign, t, props.locale)} />
      <PublishForm
        action={`${props.base}/offentliggoer`}
        version={state.version}
        published={campaign.published}
        texts={t}
      />
      <h2>{t.about}</h2>
      <CampaignForm
        action={props.base}
        state={state}
        locale={props.locale}
        bfas={bfaOptions(props.principal, props.bfas, t.council, props.locale)}
        submit={t.save}
        versioned
      />
    </>
  );
}

function ReadOnly({ campaign, locale }: { campaign: Campaign; locale: Locale }) {
  const t = CAMPAIGN_TEXTS[locale];
  return (
    <>
      <p id="published">{t.readOnly}</p>
      <CampaignFacts campaign={campaign} locale={locale} />
      <h2>{t.about}</h2>
      <Paragraphs text={campaign.description} empty={t.noDescription} locale={locale} />
      <h2>{t.reach}</h2>
      <ReachFacts campaign={campaign} locale={locale} />
    </>
  );
}

/** The stored version after a conflict, so the next save overwrites knowingly. */
async function storedVersion(c: Context, store: Store, id: number, fallback: number): Promise<number> {
  try {
    return (await getCampaign(store.db, principalOf(c), id)).version;
  } catch {
    return fallback;
  }
}

function editorRoutes(app: Hono, store: Store, locale: Locale) {
  const base = localePath(locale, '/redaktion/kampagner');
  app.get(base, requires('drafts.read'), async (c) => c.html(await editorListPage(c, store, locale)));
  app.get(`${base}/ny`, requires('drafts.read'), async (c) =>
    c.html(await newCampaignPage(c, store, locale, freshForm({}, 1))),
  );
  app.get(`${base}/:id`, requires('drafts.read'), async (c) =>
    c.html(await editPage(c, store, locale, idOf(c))),
  );
  app.post(base, requires('work.write'), async (c) => {
    const form = await formOf(c);
    try {
      const input = parseCampaignInput(campaignFromForm(form, locale));
      const id = await createCampaign(store.db, auditContextOf(c), input, new Date());
      return c.redirect(`${base}/${id}`, 303);
    } catch (error) {
      const { problems, status } = refusal(error, locale);
      const state = { values: form, problems, version: 1, conflict: false };
      return c.html(await newCampaignPage(c, store, locale, state), status);
    }
  });
  app.post(`${base}/:id`, requires('work.write'), async (c) => {
    const id = idOf(c);
    await assertCampaignWritable(store.db, principalOf(c), id);
    const form = await formOf(c);
    try {
      const { version, input } = parseCampaignUpdate({
        ...campaignFromForm(form, locale),
        version: formVersion(form.version ?? ''),
      });
      await updateCampaign(store.db, auditContextOf(c), id, version, input, new Date());
      return c.redirect(`${base}/${id}`, 303);
    } catch (error) {
      const { problems, status } = refusal(error, locale);
      const opened = Number(form.version) || 1;
      const version = status === 409 ? await storedVersion(c, store, id, opened) : opened;
      const state = { values: form, problems, version, conflict: status === 409 };
      return c.html(await editPage(c, store, locale, id, state), status);
    }
  });
  app.post(`${base}/:id/offentliggoer`, requires('work.write'), async (c) => {
    const id = idOf(c);
    const form = await formOf(c);
    const version = formVersion(form.version ?? '');
    try {
      const opened = typeof version === 'number' ? version : null;
      await setCampaignPublished(store.db, auditContextOf(c), id, opened, form.published !== '0', new Date());
      return c.redirect(`${base}/${id}`, 303);
    } catch (error) {
      const { problems, status } = refusal(error, locale);
      const campaign = await getCampaign(store.db, principalOf(c), id);
      const state = {
        ...freshForm(campaignValues(campaign), campaign.version),
        problems,
        conflict: status === 409,
      };
      return c.html(await editPage(c, store, locale, id, state), status);
    }
  });
}

export function campaignRoutes(store: Store): Hono {
  const app = new Hono();
  for (const locale of ['da', 'en'] as const) {
    const base = localePath(locale, '/kampagner');
    app.get(base, requires('public'), async (c) => c.html(await listPage(c, store, locale)));
    app.get(`${base}/:id`, requires('public'), async (c) => c.html(await campaignPage(c, store, locale)));
    editorRoutes(app, store, locale);
  }
  apiRoutes(app, store);
  return app;
}
