// The activities as CSV and XLSX: the reader's form (Danish or English names, labels and headers, as the list page
// shows them) and the API's machine form (codes and ids). Text that a spreadsheet would run as a formula (a title
// such as `=HYPERLINK(…)`) is led by an apostrophe in both forms and both file types.
import type { Locale } from '../format.js';
import { type DownloadColumn, type LocalTable, localTable, yesNo } from '../web/download-table.js';
import { type Activity, branchCodes, COUNT_FIELDS, countsOf } from './activities.model.js';
import { STATUS_LABELS, TYPE_LABELS } from './activities.texts.js';

/** Text led by `=`, `+`, `-`, `@`, a tab or a carriage return opens as text, not as a formula. */
export const inertText = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const pick = (named: { nameDa: string; nameEn: string }, locale: Locale) =>
  locale === 'da' ? named.nameDa : named.nameEn;

const COUNT_HEADERS: Record<(typeof COUNT_FIELDS)[number], Record<Locale, string>> = {
  plannedWorkplaces: { da: 'Planlagte arbejdspladser', en: 'Planned workplaces' },
  plannedParticipants: { da: 'Planlagte deltagere', en: 'Planned participants' },
  reachedWorkplaces: { da: 'Nåede arbejdspladser', en: 'Workplaces reached' },
  reachedParticipants: { da: 'Nåede deltagere', en: 'Participants reached' },
};

const COLUMNS: DownloadColumn<Activity>[] = [
  { header: { da: 'Id', en: 'Id' }, cell: (a) => a.id },
  { header: { da: 'Titel', en: 'Title' }, cell: (a) => inertText(a.title) },
  { header: { da: 'BFA', en: 'BFA' }, cell: (a) => a.bfa.short },
  { header: { da: 'Type', en: 'Type' }, cell: (a, locale) => TYPE_LABELS[a.type][locale] },
  {
    header: { da: 'Branchegrupper', en: 'Branch groups' },
    cell: (a, locale) =>
      inertText(
        a.branches
          .map((b) =>
            b.subBranch === null
              ? pick(b.group, locale)
              : `${pick(b.group, locale)}: ${pick(b.subBranch, locale)}`,
          )
          .join('; '),
      ),
  },
  { header: { da: 'Måltal (id)', en: 'Targets (id)' }, cell: (a) => a.targets.map((t) => t.id).join(' ') },
  { header: { da: 'Startdato', en: 'Start date' }, cell: (a) => a.periodStart },
  { header: { da: 'Slutdato', en: 'End date' }, cell: (a) => a.periodEnd },
  { header: { da: 'Status', en: 'Status' }, cell: (a, locale) => STATUS_LABELS[a.status][locale] },
  ...COUNT_FIELDS.map(
    (field): DownloadColumn<Activity> => ({
      header: COUNT_HEADERS[field],
      cell: (a) => a[field],
      decimals: 0,
    }),
  ),
  { header: { da: 'Udgift (kr.)', en: 'Cost (DKK)' }, cell: (a) => a.costDkk, decimals: 0 },
  {
    header: { da: 'Pulje', en: 'Funding pool' },
    cell: (a) => (a.fundingPool === null ? null : inertText(a.fundingPool.name)),
  },
  {
    header: { da: 'Kampagne', en: 'Campaign' },
    cell: (a) => (a.campaign === null ? null : inertText(a.campaign.title)),
  },
  { header: { da: 'Offentliggjort', en: 'Published' }, cell: (a, locale) => yesNo(a.published, locale) },
  { header: { da: 'Demodata', en: 'Demo data' }, cell: (a, locale) => yesNo(a.isDemo, locale) },
];

/** The reader's form. */
export const activityTable = (activities: Activity[], locale: Locale): LocalTable =>
  localTable(activities, COLUMNS, locale);

export const MACHINE_COLUMNS = [
  'id',
  'bfa',
  'title',
  'type',
  'branchGroups',
  'subBranches',
  'targets',
  'periodStart',
  'periodEnd',
  'status',
  ...COUNT_FIELDS,
  'costDkk',
  'fundingPool',
  'campaign',
  'published',
  'demo',
];

/** The machine form: one row per activity, codes and ids, lists separated by spaces. */
export function machineRows(activities: Activity[]): Record<string, unknown>[] {
  return activities.map((a) => {
    const codes = branchCodes(a);
    return {
      id: a.id,
      bfa: a.bfa.code,
      title: inertText(a.title),
      type: a.type,
      branchGroups: codes.branchGroups.join(' '),
      subBranches: codes.subBranches.join(' '),
      targets: a.targets.map((t) => t.id).join(' '),
      periodStart: a.periodStart,
      periodEnd: a.periodEnd,
      status: a.status,
      ...countsOf(a),
      costDkk: a.costDkk,
      fundingPool: a.fundingPool?.id ?? null,
      campaign: a.campaign?.id ?? null,
      published: a.published,
      demo: a.isDemo,
    };
  });
}

/** The XLSX's metadata sheet. */
export function aboutActivities(
  filter: Record<string, unknown>,
  count: number,
  demo: boolean,
): [string, string][] {
  const about: [string, string][] = [
    ['Indhold / content', 'Arbejdspladsnære aktiviteter / workplace-near activities (Måltal)'],
    ['Antal / count', String(count)],
    ['Filter', inertText(JSON.stringify(filter))],
    ['Kilde / source', 'Branchefællesskaberne for arbejdsmiljø (BFA) / the branch bodies'],
  ];
  if (demo) about.push(['Demodata', 'Demodata – ikke officielle tal / Demo data – not official figures']);
  return about;
}
