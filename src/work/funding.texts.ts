// Texts of the funding pools and reach (pages, downloads, problems), in Danish and English, with the amounts in
// kroner as each language writes them.
import { formatDkk, type Locale } from '../format.js';

export { formatDkk };

/** The cost per workplace reached, a lower bound: "mindst 4.250 kr. pr. nået arbejdsplads". */
export function formatCostPerWorkplace(value: number | null, locale: Locale): string {
  if (value === null) return '–';
  return locale === 'da'
    ? `mindst ${formatDkk(value, 'da')} pr. nået arbejdsplads`
    : `at least ${formatDkk(value, 'en')} per workplace reached`;
}

/** English problem texts of the pool schema and their Danish; `$1` carries a value over. */
const DANISH_PROBLEMS: [RegExp, string][] = [
  [/^is required$/, 'skal udfyldes'],
  [/^must be text$/, 'skal være tekst'],
  [/^must be at most (\d+) characters$/, 'må højst være $1 tegn'],
  [/^must not contain a NUL character$/, 'må ikke indeholde et NUL-tegn'],
  [/^must be a date \(YYYY-MM-DD\)$/, 'skal være en dato (ÅÅÅÅ-MM-DD)'],
  [/^is not a real date$/, 'er ikke en gyldig dato'],
  [/^must be on or after the start$/, 'må ikke ligge før starten'],
  [/^must be an amount in whole kroner$/, 'skal være et beløb i hele kroner'],
  [/^must not be negative$/, 'må ikke være negativ'],
  [/^must be at most (\S+)$/, 'må højst være $1'],
  [/^must be a list of BFA shares$/, 'skal være en liste af BFA-andele'],
  [/^must be a BFA code$/, 'skal være en BFA-kode'],
  [/^names BFA "(.*)" twice$/, 'nævner BFA "$1" to gange'],
  [
    /^the shares add up to (\S+) DKK, more than the pool's amount of (\S+) DKK$/,
    'andelene er tilsammen $1 kr., mere end puljens beløb på $2 kr.',
  ],
  [/^must be the version you opened$/, 'skal være den version, du åbnede'],
  [/^must be 0 or 1$/, 'skal være 0 eller 1'],
  [/^is not a known field$/, 'er ikke et kendt felt'],
  [/^must be a year$/, 'skal være et årstal'],
  [/^must be a code$/, 'skal være en kode'],
];

/** The Danish of a schema's problem ("ugyldig værdi (…)" around the English when it has none). */
export function danishProblem(message: string): string {
  for (const [pattern, danish] of DANISH_PROBLEMS)
    if (pattern.test(message)) return message.replace(pattern, danish);
  return `ugyldig værdi (${message})`;
}

/** Why a reach share is missing, in both languages. */
export function shareMissingText(
  missing: 'not_placed' | 'no_denominator' | 'zero_denominator',
  what: 'workplaces' | 'employed',
  branch: string,
  year: number,
): { da: string; en: string } {
  if (missing === 'not_placed')
    return {
      da: 'Aktiviteter i flere (eller ingen) branchegrupper kan ikke fordeles på en branchegruppe; ingen andel gættes.',
      en: 'Activities of several (or no) branch groups cannot be split between branch groups; no share is guessed.',
    };
  const nounDa = what === 'workplaces' ? 'antal arbejdspladser' : 'antal beskæftigede';
  const nounEn = what === 'workplaces' ? 'workplace count' : 'employment figure';
  if (missing === 'zero_denominator')
    return {
      da: `${branch} har 0 som ${nounDa} i ${year}; der kan ikke beregnes en andel.`,
      en: `${branch} has 0 as its ${nounEn} for ${year}; no share can be computed.`,
    };
  return {
    da: `Der er intet ${nounDa} for ${branch} i ${year}, så andelen kan ikke beregnes.`,
    en: `There is no ${nounEn} for ${branch} in ${year}, so the share cannot be computed.`,
  };
}

/** The flag's reason: ends within 12 months with money and/or activities left. */
export function flagReason(flag: {
  flagged: boolean;
  daysLeft: number;
  moneyLeft: boolean;
  activitiesLeft: boolean;
  remainingDkk: number;
  activitiesLeftCount: number;
}): { da: string; en: string } | null {
  if (!flag.flagged) return null;
  const da: string[] = [];
  const en: string[] = [];
  if (flag.moneyLeft) {
    da.push(`${formatDkk(flag.remainingDkk, 'da')} ikke brugt`);
    en.push(`${formatDkk(flag.remainingDkk, 'en')} not spent`);
  }
  if (flag.activitiesLeft) {
    const n = flag.activitiesLeftCount;
    da.push(n === 1 ? '1 aktivitet planlagt eller i gang' : `${n} aktiviteter planlagt eller i gang`);
    en.push(n === 1 ? '1 activity planned or running' : `${n} activities planned or running`);
  }
  const days = flag.daysLeft;
  return {
    da: `Puljen udløber inden for 12 måneder (om ${days === 1 ? '1 dag' : `${days} dage`}) og har ${da.join(' og ')}.`,
    en: `The pool ends within 12 months (in ${days === 1 ? '1 day' : `${days} days`}) and has ${en.join(' and ')}.`,
  };
}

const da = {
  title: 'Puljer',
  intro:
    'Bevillingerne til branchefællesskabernes arbejde: beløbet, hvad der er brugt, hvad der er tilbage, og hvor mange dage puljen løber endnu.',
  publicOnly:
    'Tallene bygger kun på offentliggjorte aktiviteter. Aktiviteter, der er i gang, gennemført eller aflyst, tæller som brugt i den måned, de slutter; planlagte aktiviteter er disponeret, ikke brugt.',
  withDrafts:
    'Med kladder: tallene medregner de upublicerede aktiviteter og puljer, du må se. De er ikke offentlige tal.',
  showDrafts: 'Medregn kladder, du må se',
  showPublic: 'Vis kun offentlige tal',
  none: 'Der er ingen puljer endnu.',
  caption: 'Puljer med beløb, forbrug og dage tilbage',
  colPool: 'Pulje',
  colLegalBasis: 'Hjemmel',
  colPeriod: 'Periode',
  colAmount: 'Beløb',
  colSpent: 'Brugt',
  colCommitted: 'Disponeret',
  colRemaining: 'Tilbage',
  colRemainingAfter: 'Tilbage efter disponeringer',
  colDaysLeft: 'Dage tilbage',
  colStatus: 'Status',
  colBfa: 'BFA',
  colShare: 'Andel af puljen',
  colReached: 'Nåede arbejdspladser (højst)',
  colActivities: 'Aktiviteter',
  colCostPerWorkplace: 'Pris pr. nået arbejdsplads',
  colMonth: 'Måned',
  colSpentMonth: 'Brugt i måneden',
  colCumulative: 'Brugt i alt',
  draft: 'Kladde (ikke offentlig)',
  published: 'Offentliggjort',
  purpose: 'Formål',
  keyFigures: 'Nøgletal',
  perBfaTitle: 'Andele og forbrug pr. BFA',
  perBfaCaption: 'Puljens andele, forbrug, nåede arbejdspladser og pris pr. nået arbejdsplads pr. BFA',
  noShare: 'ingen andel',
  costNote:
    'Aktiviteterne indberetter totaler, så antallet af nåede arbejdspladser er summen over aktiviteterne og en øvre grænse for antallet af forskellige arbejdspladser (overlap ukendt; en arbejdsplads, som flere aktiviteter har nået, tæller én gang pr. aktivitet). Prisen pr. nået arbejdsplads (brugt ÷ nåede arbejdspladser) er derfor en nedre grænse.',
  burnDownTitle: 'Forbrug måned for måned',
  burnDownCaption: 'Puljens forbrug og restbeløb pr. måned',
  burnDownSummary: (first: string, last: string, spent: string, remaining: string) =>
    `Fra ${first} til ${last} er der brugt ${spent}; tilbage er ${remaining}.`,
  burnDownNote:
    'Fra puljens første måned til dens sidste eller til i dag, hvad der kommer først; længere, hvis der allerede er bogført forbrug i en senere måned (en aktivitet, der er i gang, bogføres i den måned, den slutter).',
  burnDownAxis: 'Tilbage (kr.)',
  chartTable: 'Tallene bag grafen',
  downloads: 'Hent tallene',
  downloadCsv: 'Puljen som CSV',
  downloadXlsx: 'Puljen som Excel (XLSX)',
  downloadAllCsv: 'Alle puljer som CSV',
  downloadAllXlsx: 'Alle puljer som Excel (XLSX)',
  downloadJson: 'Puljen som JSON',
  activitiesLeft: (n: number) =>
    n === 1 ? '1 aktivitet er planlagt eller i gang' : `${n} aktiviteter er planlagt eller i gang`,
  daysLeft: (n: number) => (n === 1 ? '1 dag' : `${n} dage`),
  ended: 'Udløbet',
  backToList: 'Alle puljer',
  total: 'I alt',
  // The editor area.
  editorTitle: 'Puljer i redaktionen',
  editorIntro:
    'Sekretariatets overblik over puljerne. Tallene medregner kladder. En pulje markeres, når den udløber inden for 12 måneder (365 dage) og stadig har penge eller aktiviteter tilbage.',
  flagColumn: 'Markering',
  flagLabel: 'Bemærk',
  flagNone: 'Ingen',
  flagExplanation:
    'Markeret: puljen udløber inden for 12 måneder og har penge, der ikke er brugt, eller aktiviteter, der er planlagt eller i gang.',
  newPool: 'Ny pulje',
  edit: 'Rediger puljen',
  save: 'Gem',
  create: 'Opret puljen',
  publish: 'Offentliggør',
  unpublish: 'Gør til kladde igen',
  publicPage: 'Den offentlige side',
  problems: 'Der er problemer i formularen',
  conflict:
    'Puljen er blevet gemt af en anden, efter du åbnede den. Dine indtastninger er bevaret; ret dem, og gem igen for at gemme over den nye version.',
  fieldName: 'Navn',
  fieldLegalBasis: 'Hjemmel',
  fieldLegalBasisHint: 'Fx "Akt 65 2020" eller finanslovens konto.',
  fieldAmount: 'Beløb (kr.)',
  fieldPeriodStart: 'Periodens start',
  fieldPeriodEnd: 'Periodens slut',
  fieldDateHint: 'ÅÅÅÅ-MM-DD',
  fieldPurpose: 'Formål',
  fieldShares: 'Andele pr. BFA (kr.)',
  fieldSharesHint: 'Andelene må tilsammen ikke overstige puljens beløb. Tom: ingen andel.',
  version: (n: number) => `Version ${n}`,
  readOnly: 'Du kan læse puljen, men kun sekretariatet kan redigere den.',
  // Reach.
  reachTitle: 'Rækkevidde',
  reachCaption: (bfa: string) => `${bfa}s rækkevidde pr. branchegruppe og år`,
  reachNote:
    'Andel = nåede arbejdspladser (eller deltagere) ÷ arbejdspladser (eller beskæftigede) i branchegruppen det år. Aktiviteterne indberetter totaler, så de nåede er summen over aktiviteterne og en øvre grænse: overlap ukendt; en arbejdsplads, som flere aktiviteter har nået, tæller én gang pr. aktivitet. En aktivitet tæller i det år, dens periode slutter (startåret, så længe den ikke har en slutdato). Aflyste aktiviteter når ingen.',
  colYear: 'År',
  colBranch: 'Branchegruppe',
  colReachedWorkplaces: 'Nåede arbejdspladser (højst)',
  colWorkplaces: 'Arbejdspladser i branchegruppen',
  colWorkplaceShare: 'Andel af arbejdspladserne (højst)',
  colReachedParticipants: 'Nåede deltagere (højst)',
  colEmployed: 'Beskæftigede i branchegruppen',
  colParticipantShare: 'Andel af de beskæftigede (højst)',
  colSource: 'Kilde',
  several: 'flere branchegrupper (kan ikke fordeles)',
  noBranch: 'ingen branchegruppe angivet',
  noReach: 'Ingen aktiviteter med rækkevidde.',
  sourceYear: (source: string, year: number) => `${source || 'ukendt kilde'}, ${year}`,
};

export type FundingTexts = typeof da;

const en: FundingTexts = {
  title: 'Funding pools',
  intro:
    "The grants for the branch bodies' work: the amount, what has been spent, what is left, and how many days the pool still runs.",
  publicOnly:
    'The figures count published activities only. Activities running, done or cancelled count as spent in the month they end; planned activities are committed, not spent.',
  withDrafts:
    'With drafts: the figures include the unpublished activities and pools you may see. They are not public figures.',
  showDrafts: 'Include drafts you may see',
  showPublic: 'Show public figures only',
  none: 'There are no funding pools yet.',
  caption: 'Funding pools with amount, spending and days left',
  colPool: 'Pool',
  colLegalBasis: 'Legal basis',
  colPeriod: 'Period',
  colAmount: 'Amount',
  colSpent: 'Spent',
  colCommitted: 'Committed',
  colRemaining: 'Remaining',
  colRemainingAfter: 'Remaining after commitments',
  colDaysLeft: 'Days left',
  colStatus: 'Status',
  colBfa: 'BFA',
  colShare: 'Share of the pool',
  colReached: 'Workplaces reached (at most)',
  colActivities: 'Activities',
  colCostPerWorkplace: 'Cost per workplace reached',
  colMonth: 'Month',
  colSpentMonth: 'Spent that month',
  colCumulative: 'Spent in all',
  draft: 'Draft (not public)',
  published: 'Published',
  purpose: 'Purpose',
  keyFigures: 'Key figures',
  perBfaTitle: 'Shares and spending per BFA',
  perBfaCaption: "The pool's shares, spending, workplaces reached and cost per workplace reached per BFA",
  noShare: 'no share',
  costNote:
    'The activities report totals, so the workplaces reached are the sum over the activities and an upper bound of the distinct workplaces (overlap unknown; a workplace reached by several activities counts once per activity). The cost per workplace reached (spent ÷ workplaces reached) is therefore a lower bound.',
  burnDownTitle: 'Spending month by month',
  burnDownCaption: "The pool's spending and remaining amount per month",
  burnDownSummary: (first: string, last: string, spent: string, remaining: string) =>
    `From ${first} to ${last}, ${spent} has been spent; ${remaining} remains.`,
  burnDownNote:
    "From the pool's first month to its last or to today, whichever comes first; further when spending is already booked in a later month (a running activity is booked in the month it ends).",
  burnDownAxis: 'Remaining (DKK)',
  chartTable: 'The figures behind the chart',
  downloads: 'Download the figures',
  downloadCsv: 'The pool as CSV',
  downloadXlsx: 'The pool as Excel (XLSX)',
  downloadAllCsv: 'All pools as CSV',
  downloadAllXlsx: 'All pools as Excel (XLSX)',
  downloadJson: 'The pool as JSON',
  activitiesLeft: (n: number) =>
    n === 1 ? '1 activity is planned or running' : `${n} activities are planned or running`,
  daysLeft: (n: number) => (n === 1 ? '1 day' : `${n} days`),
  ended: 'Ended',
  backToList: 'All funding pools',
  total: 'Total',
  editorTitle: 'Funding pools in the editor area',
  editorIntro:
    "The secretariat's overview of the pools. The figures include drafts. A pool is flagged when it ends within 12 months (365 days) and still has money or activities left.",
  flagColumn: 'Flag',
  flagLabel: 'Note',
  flagNone: 'None',
  flagExplanation:
    'Flagged: the pool ends within 12 months and has money not spent, or activities planned or running.',
  newPool: 'New funding pool',
  edit: 'Edit the pool',
  save: 'Save',
  create: 'Create the pool',
  publish: 'Publish',
  unpublish: 'Make it a draft again',
  publicPage: 'The public page',
  problems: 'The form has problems',
  conflict:
    'Someone else saved the pool after you opened it. What you typed is kept; correct it and save again to save over the new version.',
  fieldName: 'Name',
  fieldLegalBasis: 'Legal basis',
  fieldLegalBasisHint: 'E.g. "Akt 65 2020" or the budget account.',
  fieldAmount: 'Amount (DKK)',
  fieldPeriodStart: 'Start of the period',
  fieldPeriodEnd: 'End of the period',
  fieldDateHint: 'YYYY-MM-DD',
  fieldPurpose: 'Purpose',
  fieldShares: 'Shares per BFA (DKK)',
  fieldSharesHint: "The shares together may not exceed the pool's amount. Empty: no share.",
  version: (n: number) => `Version ${n}`,
  readOnly: 'You can read the pool, but only the secretariat can edit it.',
  reachTitle: 'Reach',
  reachCaption: (bfa: string) => `${bfa}'s reach per branch group and year`,
  reachNote:
    'Share = workplaces (or participants) reached ÷ workplaces (or employed) in the branch group that year. The activities report totals, so the reached count is the sum over the activities and an upper bound: overlap unknown; a workplace reached by several activities counts once per activity. An activity counts in the year its period ends (the start year while it has no end). Cancelled activities reach nothing.',
  colYear: 'Year',
  colBranch: 'Branch group',
  colReachedWorkplaces: 'Workplaces reached (at most)',
  colWorkplaces: 'Workplaces in the branch group',
  colWorkplaceShare: 'Share of the workplaces (at most)',
  colReachedParticipants: 'Participants reached (at most)',
  colEmployed: 'Employed in the branch group',
  colParticipantShare: 'Share of the employed (at most)',
  colSource: 'Source',
  several: 'several branch groups (cannot be split)',
  noBranch: 'no branch group given',
  noReach: 'No activities with reach.',
  sourceYear: (source: string, year: number) => `${source || 'source unknown'}, ${year}`,
};

export const FUNDING_TEXTS: Record<Locale, FundingTexts> = { da, en };

/** Month names for the burn-down: "januar 2026" / "January 2026". */
export function monthName(month: string, locale: Locale): string {
  const date = new Date(`${month}-01T12:00:00Z`);
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
