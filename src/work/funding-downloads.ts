// The funding pools and reach as downloads: one row per pool and per BFA's part of it (pools), one per BFA × branch
// group × year (reach); in the reader's language (`lang=da|en`, through web/download-table.ts) or the API's machine
// form. Text cells are made safe from formulas by the writers (web/csv.ts leads them with an apostrophe; XLSX stores
// them as text).
import type { Locale } from '../format.js';
import type { DownloadColumn } from '../web/download-table.js';
import type { BfaRef, PoolSummary } from './funding.service.js';
import { FUNDING_TEXTS } from './funding.texts.js';
import { REACH_NOTE, type ReachRow } from './reach.service.js';
import { reachPlace } from './reach-table.js';

/** One line of the pools' table: a pool in all (bfa null) or one BFA's part of it. */
export interface PoolLine {
  summary: PoolSummary;
  bfa: BfaRef | null;
  amountDkk: number | null;
  spentDkk: number;
  committedDkk: number;
  remainingDkk: number | null;
  remainingAfterCommitmentsDkk: number | null;
  reachedWorkplaces: number;
  costPerWorkplaceDkk: number | null;
}

export function poolLines(summaries: readonly PoolSummary[]): PoolLine[] {
  return summaries.flatMap((summary) => [
    {
      summary,
      bfa: null,
      amountDkk: summary.pool.amountDkk,
      spentDkk: summary.spentDkk,
      committedDkk: summary.committedDkk,
      remainingDkk: summary.remainingDkk,
      remainingAfterCommitmentsDkk: summary.remainingAfterCommitmentsDkk,
      reachedWorkplaces: summary.reachedWorkplaces,
      costPerWorkplaceDkk: summary.costPerWorkplaceDkk,
    },
    ...summary.perBfa.map((row) => ({
      summary,
      bfa: row.bfa,
      amountDkk: row.shareDkk,
      spentDkk: row.spentDkk,
      committedDkk: row.committedDkk,
      remainingDkk: null,
      remainingAfterCommitmentsDkk: null,
      reachedWorkplaces: row.reachedWorkplaces,
      costPerWorkplaceDkk: row.costPerWorkplaceDkk,
    })),
  ]);
}

/** The machine form: codes and every digit. */
export const poolMachineRow = (line: PoolLine) => ({
  poolId: line.summary.pool.id,
  pool: line.summary.pool.name,
  legalBasis: line.summary.pool.legalBasis,
  periodStart: line.summary.pool.periodStart,
  periodEnd: line.summary.pool.periodEnd,
  bfa: line.bfa?.code ?? 'total',
  amountDkk: line.amountDkk,
  spentDkk: line.spentDkk,
  committedDkk: line.committedDkk,
  remainingDkk: line.remainingDkk,
  remainingAfterCommitmentsDkk: line.remainingAfterCommitmentsDkk,
  daysLeft: line.summary.daysLeft,
  reachedWorkplaces: line.reachedWorkplaces,
  costPerWorkplaceDkk: line.costPerWorkplaceDkk,
  published: line.summary.pool.published,
});

export const POOL_MACHINE_COLUMNS = [
  'poolId',
  'pool',
  'legalBasis',
  'periodStart',
  'periodEnd',
  'bfa',
  'amountDkk',
  'spentDkk',
  'committedDkk',
  'remainingDkk',
  'remainingAfterCommitmentsDkk',
  'daysLeft',
  'reachedWorkplaces',
  'costPerWorkplaceDkk',
  'published',
];

const header = (key: keyof (typeof FUNDING_TEXTS)['da']) => ({
  da: FUNDING_TEXTS.da[key] as string,
  en: FUNDING_TEXTS.en[key] as string,
});

export const POOL_COLUMNS: DownloadColumn<PoolLine>[] = [
  { header: { da: 'Nr.', en: 'No.' }, cell: (l) => l.summary.pool.id, decimals: 0 },
  { header: header('colPool'), cell: (l) => l.summary.pool.name },
  { header: header('colLegalBasis'), cell: (l) => l.summary.pool.legalBasis },
  { header: { da: 'Start', en: 'Start' }, cell: (l) => l.summary.pool.periodStart },
  { header: { da: 'Slut', en: 'End' }, cell: (l) => l.summary.pool.periodEnd },
  { header: header('colBfa'), cell: (l, locale) => l.bfa?.short ?? FUNDING_TEXTS[locale].total },
  {
    header: { da: 'Beløb eller andel (kr.)', en: 'Amount or share (DKK)' },
    cell: (l) => l.amountDkk,
    decimals: 0,
  },
  { header: { da: 'Brugt (kr.)', en: 'Spent (DKK)' }, cell: (l) => l.spentDkk, decimals: 0 },
  { header: { da: 'Disponeret (kr.)', en: 'Committed (DKK)' }, cell: (l) => l.committedDkk, decimals: 0 },
  { header: { da: 'Tilbage (kr.)', en: 'Remaining (DKK)' }, cell: (l) => l.remainingDkk, decimals: 0 },
  {
    header: { da: 'Tilbage efter disponeringer (kr.)', en: 'Remaining after commitments (DKK)' },
    cell: (l) => l.remainingAfterCommitmentsDkk,
    decimals: 0,
  },
  { header: header('colDaysLeft'), cell: (l) => l.summary.daysLeft, decimals: 0 },
  { header: header('colReached'), cell: (l) => l.reachedWorkplaces, decimals: 0 },
  {
    header: {
      da: 'Pris pr. nået arbejdsplads, mindst (kr.)',
      en: 'Cost per workplace reached, at least (DKK)',
    },
    cell: (l) => l.costPerWorkplaceDkk,
    decimals: 0,
  },
  {
    header: header('colStatus'),
    cell: (l, locale) =>
      l.summary.pool.published ? FUNDING_TEXTS[locale].published : FUNDING_TEXTS[locale].draft,
  },
];

/** The Metadata sheet of the pools' workbook: what the figures are. */
export function poolAbout(
  summaries: readonly PoolSummary[],
  includesDrafts: boolean,
  today: string,
): [string, string][] {
  const about: [string, string][] = [
    ['Opgjort / as of', today],
    ['Brugt', FUNDING_TEXTS.da.publicOnly],
    ['Spent', FUNDING_TEXTS.en.publicOnly],
    ['Pris pr. nået arbejdsplads', FUNDING_TEXTS.da.costNote],
    ['Cost per workplace reached', FUNDING_TEXTS.en.costNote],
  ];
  if (includesDrafts)
    about.push(['Kladder / drafts', `${FUNDING_TEXTS.da.withDrafts} / ${FUNDING_TEXTS.en.withDrafts}`]);
  if (summaries.some((s) => s.pool.isDemo))
    about.push(['Demodata', 'Demodata – ikke officielle tal / Demo data – not official figures']);
  return about;
}

export const reachMachineRow = (row: ReachRow) => ({
  bfa: row.bfa.code,
  year: row.year,
  placement: row.placement,
  branch: row.branch?.code ?? null,
  activities: row.activities,
  unreported: row.unreported,
  reachedWorkplaces: row.reachedWorkplaces,
  workplaces: row.workplaces?.count ?? null,
  workplacesSource: row.workplaces?.source ?? null,
  workplacesYear: row.workplaces?.year ?? null,
  workplaceShare: row.workplaceShare,
  workplaceShareMissing: row.workplaceShareMissing?.code ?? null,
  reachedParticipants: row.reachedParticipants,
  employed: row.employed?.count ?? null,
  employedSource: row.employed?.source ?? null,
  employedYear: row.employed?.year ?? null,
  participantShare: row.participantShare,
  participantShareMissing: row.participantShareMissing?.code ?? null,
});

export const REACH_MACHINE_COLUMNS = [
  'bfa',
  'year',
  'placement',
  'branch',
  'activities',
  'unreported',
  'reachedWorkplaces',
  'workplaces',
  'workplacesSource',
  'workplacesYear',
  'workplaceShare',
  'workplaceShareMissing',
  'reachedParticipants',
  'employed',
  'employedSource',
  'employedYear',
  'participantShare',
  'participantShareMissing',
];

const percent = (share: number | null) => (share === null ? null : share * 100);
const why = (missing: ReachRow['workplaceShareMissing'], locale: Locale) => missing?.[locale] ?? null;

export const REACH_COLUMNS: DownloadColumn<ReachRow>[] = [
  { header: header('colBfa'), cell: (r) => r.bfa.short },
  { header: header('colYear'), cell: (r) => r.year, decimals: 0 },
  { header: header('colBranch'), cell: (r, locale) => reachPlace(r, locale) },
  { header: header('colActivities'), cell: (r) => r.activities, decimals: 0 },
  { header: header('colReachedWorkplaces'), cell: (r) => r.reachedWorkplaces, decimals: 0 },
  { header: header('colWorkplaces'), cell: (r) => r.workplaces?.count, decimals: 0 },
  { header: { da: 'Kilde (arbejdspladser)', en: 'Source (workplaces)' }, cell: (r) => r.workplaces?.source },
  {
    header: { da: 'År (arbejdspladser)', en: 'Year (workplaces)' },
    cell: (r) => r.workplaces?.year,
    decimals: 0,
  },
  {
    header: { da: 'Andel af arbejdspladserne, højst (%)', en: 'Share of the workplaces, at most (%)' },
    cell: (r) => percent(r.workplaceShare),
    decimals: 1,
  },
  {
    header: { da: 'Hvorfor ingen andel', en: 'Why no share' },
    cell: (r, l) => why(r.workplaceShareMissing, l),
  },
  { header: header('colReachedParticipants'), cell: (r) => r.reachedParticipants, decimals: 0 },
  { header: header('colEmployed'), cell: (r) => r.employed?.count, decimals: 0 },
  { header: { da: 'Kilde (beskæftigede)', en: 'Source (employed)' }, cell: (r) => r.employed?.source },
  {
    header: { da: 'Andel af de beskæftigede, højst (%)', en: 'Share of the employed, at most (%)' },
    cell: (r) => percent(r.participantShare),
    decimals: 1,
  },
  {
    header: { da: 'Hvorfor ingen andel (beskæftigede)', en: 'Why no share (employed)' },
    cell: (r, l) => why(r.participantShareMissing, l),
  },
];

export function reachAbout(includesDrafts: boolean): [string, string][] {
  const about: [string, string][] = [
    ['Rækkevidde', REACH_NOTE.da],
    ['Reach', REACH_NOTE.en],
    ['Offentlige tal', 'Kun offentliggjorte aktiviteter. / Published activities only.'],
  ];
  if (includesDrafts)
    about.push(['Kladder / drafts', `${FUNDING_TEXTS.da.withDrafts} / ${FUNDING_TEXTS.en.withDrafts}`]);
  return about;
}
