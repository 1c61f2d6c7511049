// Campaigns on the web: the public list and page (/kampagner, /en/kampagner), the API (/api/v1/campaigns with CSV and
// XLSX in the reader's language), and the editor area (/redaktion/kampagner: create, edit with optimistic locking,
// publish), all wired by editable.routes.ts. Published campaigns for everyone; drafts for those who may read them.
import type { Context, Hono } from 'hono';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { formatNumber, type Locale } from '../format.js';
import { principalOf } from '../web/authorize.js';
import { type DownloadColumn, yesNo } from '../web/download-table.js';
import { Entered, EnteredIn } from '../web/entered-text.js';
import { localePath, pick } from '../web/i18n.js';
import {
  type CampaignInput,
  campaignFromForm,
  parseCampaignInput,
  parseCampaignUpdate,
} from './campaigns.schemas.js';
import {
  type Campaign,
  type CampaignDetail,
  campaignHistory,
  campaignService,
  getCampaign,
  listCampaigns,
  mayWriteCampaign,
} from './campaigns.service.js';
import { ACTIVITY_STATUS_NAMES, CAMPAIGN_TEXTS } from './campaigns.texts.js';
import { type EditableWeb, editableRoutes, privateIfSignedIn } from './editable.routes.js';
import { type FormState, Input, KindBody, type Options, Select, TextArea } from './editable-forms.js';
import { PublicListPage, periodText, RecordPage, statusText, type TableColumn } from './editable-pages.js';

type Texts = (typeof CAMPAIGN_TEXTS)['da'];

const count = (value: number | null, locale: Locale) => (value === null ? '–' : formatNumber(value, locale));

// ---------------------------------------------------------------------------------------------------------------
// Public pages

const bfaName = (campaign: Campaign, t: Texts) => (campaign.bfa === null ? t.council : campaign.bfa.short);

/** The channels as the BFAs named them (Danish), or a dash. */
function Channels({ campaign, locale }: { campaign: Campaign; locale: Locale }) {
  if (campaign.channels.length === 0) return <>–</>;
  return <Entered locale={locale}>{campaign.channels.join(', ')}</Entered>;
}

/** The BFA and period columns, in the public table and the editor's. */
const whoAndWhen = (t: Texts, locale: Locale): TableColumn<Campaign>[] => [
  { header: t.colBfa, cell: (campaign) => bfaName(campaign, t) },
  { header: t.colPeriod, cell: (campaign) => periodText(campaign.periodStart, campaign.periodEnd, locale) },
];

async function listPage(c: Context, store: Store, locale: Locale) {
  const t = CAMPAIGN_TEXTS[locale];
  const [campaigns, demo] = await Promise.all([
    listCampaigns(store.db, principalOf(c)),
    holdsDemoData(store.db),
  ]);
  const columns: TableColumn<Campaign>[] = [
    ...whoAndWhen(t, locale),
    { header: t.colChannels, cell: (campaign) => <Channels campaign={campaign} locale={locale} /> },
    { header: t.colPeople, cell: (campaign) => count(campaign.reachedPeople, locale), num: true },
    { header: t.colWorkplaces, cell: (campaign) => count(campaign.reachedWorkplaces, locale), num: true },
  ];
  return (
    <PublicListPage
      {...{ locale, path: c.req.path, demo, texts: t, records: campaigns }}
      table={{ titleHeader: t.colCampaign, columns, base: localePath(locale, '/kampagner') }}
      downloads={{ api: '/api/v1/campaigns', query: '' }}
    />
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

/** The reach under its heading: what follows a campaign's description. */
function ReachSection({ record: campaign, locale }: { record: Campaign; locale: Locale }) {
  return (
    <>
      <h2>{CAMPAIGN_TEXTS[locale].reach}</h2>
      <ReachFacts campaign={campaign} locale={locale} />
    </>
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

function CampaignFacts({ record: campaign, locale }: { record: Campaign; locale: Locale }) {
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

async function campaignPage(c: Context, store: Store, locale: Locale, id: number) {
  const t = CAMPAIGN_TEXTS[locale];
  const [campaign, demo] = await Promise.all([
    getCampaign(store.db, principalOf(c), id),
    holdsDemoData(store.db),
  ]);
  privateIfSignedIn(c);
  return (
    <RecordPage
      {...{ locale, path: c.req.path, demo, title: campaign.title }}
      back={{ href: localePath(locale, '/kampagner'), text: t.allCampaigns }}
      notice={campaign.published ? null : t.draftNotice}
    >
      <KindBody kind={CAMPAIGNS} record={campaign} locale={locale} />
      <h2>{t.activities}</h2>
      <ActivityTable campaign={campaign} locale={locale} />
    </RecordPage>
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

function CampaignFields(props: { state: FormState; locale: Locale; bfas: Options }) {
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

// ---------------------------------------------------------------------------------------------------------------
// The routes

const CAMPAIGNS: EditableWeb<Campaign, CampaignDetail, CampaignInput> = {
  publicPath: '/kampagner',
  editorPath: '/redaktion/kampagner',
  apiPath: '/api/v1/campaigns',
  texts: CAMPAIGN_TEXTS,
  listPage,
  recordPage: campaignPage,
  list: (db, principal) => listCampaigns(db, principal),
  get: getCampaign,
  history: campaignHistory,
  mayWrite: mayWriteCampaign,
  table: (locale) => ({
    titleHeader: CAMPAIGN_TEXTS[locale].colCampaign,
    columns: whoAndWhen(CAMPAIGN_TEXTS[locale], locale),
  }),
  blank: {},
  valuesOf: campaignValues,
  noBfa: (locale) => CAMPAIGN_TEXTS[locale].council,
  fields: CampaignFields,
  facts: CampaignFacts,
  details: ReachSection,
  present: presentCampaign,
  presentOne: presentCampaignDetail,
  downloads: {
    columns: CAMPAIGN_COLUMNS,
    machineRow,
    machineColumns: MACHINE_COLUMNS,
    about: ABOUT,
    fileName,
  },
  service: campaignService,
  parse: { fromForm: campaignFromForm, input: parseCampaignInput, update: parseCampaignUpdate },
};

export const campaignRoutes = (store: Store): Hono => editableRoutes(store, CAMPAIGNS);
