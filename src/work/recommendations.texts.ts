// Every text of the council's recommendations and their follow-up, in Danish and English: page texts, field
// names (forms, history, downloads), follow-up statuses and the problems of a form or an API request.
import type { FollowUpStatus } from '../db/schema.js';
import type { Locale } from '../format.js';

export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['open', 'in_progress', 'done', 'dropped'];

export const STATUS_LABELS: Record<Locale, Record<FollowUpStatus, string>> = {
  da: { open: 'Åben', in_progress: 'I gang', done: 'Gennemført', dropped: 'Opgivet' },
  en: { open: 'Open', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' },
};

/** The names of the saved fields of a recommendation and of a follow-up item (forms, history, conflicts). */
export const FIELD_LABELS: Record<Locale, Record<string, string>> = {
  da: {
    topic: 'Emne',
    body: 'Anbefalingens tekst',
    issuedOn: 'Afgivet',
    addressee: 'Modtager',
    answerOn: 'Svar modtaget',
    answerText: 'Svarets indhold',
    answerUrl: 'Link til svaret',
    published: 'Offentliggjort',
    recommendationId: 'Anbefaling',
    action: 'Handling',
    owner: 'Ansvarlig',
    dueOn: 'Frist',
    status: 'Status',
    version: 'Version',
  },
  en: {
    topic: 'Topic',
    body: 'Text of the recommendation',
    issuedOn: 'Issued',
    addressee: 'Addressee',
    answerOn: 'Answer received',
    answerText: 'Content of the answer',
    answerUrl: 'Link to the answer',
    published: 'Published',
    recommendationId: 'Recommendation',
    action: 'Action',
    owner: 'Owner',
    dueOn: 'Due date',
    status: 'Status',
    version: 'Version',
  },
};

const problemTexts = {
  text: ['must be text', 'skal være tekst'],
  required: ['is required', 'skal udfyldes'],
  nul: ['must not contain NUL characters', 'må ikke indeholde NUL-tegn'],
  date: ['must be a date (YYYY-MM-DD)', 'skal være en dato (ÅÅÅÅ-MM-DD)'],
  url: [
    'must be an address starting with http:// or https://',
    'skal være en adresse, der begynder med http:// eller https://',
  ],
  status: [
    'must be one of open, in_progress, done, dropped',
    'skal være en af: Åben, I gang, Gennemført, Opgivet',
  ],
  version: [
    'is missing or not a version number; reload the page',
    'mangler eller er ikke et versionsnummer; genindlæs siden',
  ],
  flag: ['must be true or false', 'skal være sand eller falsk'],
  object: ['must be a JSON object', 'skal være et JSON-objekt'],
  unknown: ['is not a known field', 'er ikke et kendt felt'],
  answerOnNeeded: [
    'is required when the answer has a text or a link',
    'skal udfyldes, når svaret har en tekst eller et link',
  ],
  answerBeforeIssued: [
    'cannot be before the recommendation was issued',
    'kan ikke ligge før anbefalingen blev afgivet',
  ],
} as const;

export type ProblemKey = keyof typeof problemTexts | `tooLong:${number}`;

/** A problem's message in English and Danish (an unknown key is passed on as it is). */
export function problemText(key: string): { message: string; messageDa: string } {
  const limit = /^tooLong:(\d+)$/.exec(key)?.[1];
  if (limit !== undefined)
    return { message: `must be at most ${limit} characters`, messageDa: `må højst være ${limit} tegn` };
  const known = (problemTexts as Record<string, readonly [string, string]>)[key];
  return known === undefined ? { message: key, messageDa: key } : { message: known[0], messageDa: known[1] };
}

export const NO_RECOMMENDATION = {
  message: 'no such recommendation',
  messageDa: 'ingen sådan anbefaling',
};
export const NO_ITEM = { message: 'no such follow-up item', messageDa: 'intet sådant opfølgningspunkt' };
export const NOT_SECRETARIAT = {
  message: 'only the secretariat edits the council’s recommendations and their follow-up',
  messageDa: 'kun sekretariatet redigerer rådets anbefalinger og opfølgningen på dem',
};

export const RECOMMENDATION_TEXTS = {
  da: {
    title: 'Arbejdsmiljørådets anbefalinger',
    intro:
      'Arbejdsmiljørådets anbefalinger til beskæftigelsesministeren, Arbejdstilsynet og andre, svarene på dem og opfølgningen: hvem gør hvad, hvornår.',
    none: 'Der er ingen anbefalinger endnu.',
    colTopic: 'Emne',
    colIssued: 'Afgivet',
    colAddressee: 'Modtager',
    colAnswer: 'Svar',
    colProgress: 'Opfølgning',
    colOverdue: 'Overskredne frister',
    colPublished: 'Offentliggjort',
    answered: (date: string) => `Besvaret ${date}`,
    awaiting: 'Afventer svar',
    progress: (done: number, dropped: number, total: number) =>
      total === 0
        ? 'Ingen opfølgningspunkter'
        : `${done} af ${total} gennemført${dropped === 0 ? '' : `, ${dropped} opgivet`}`,
    overdueCount: (n: number) =>
      n === 0 ? 'Ingen' : n === 1 ? '1 frist overskredet' : `${n} frister overskredet`,
    overdueSummary: (n: number) =>
      n === 0
        ? 'Ingen opfølgningspunkter har overskredet fristen.'
        : n === 1
          ? '1 opfølgningspunkt har overskredet fristen.'
          : `${n} opfølgningspunkter har overskredet fristen.`,
    overdueFlag: 'Frist overskredet',
    draft: 'Kladde (ikke offentliggjort)',
    publishedYes: 'Ja',
    publishedNo: 'Nej',
    recommendation: 'Anbefalingen',
    answer: 'Svaret',
    answerFrom: (addressee: string, date: string) => `Svar fra ${addressee} modtaget ${date}.`,
    noAnswer: (addressee: string) => `Der er endnu ikke modtaget svar fra ${addressee}.`,
    answerLink: 'Læs svaret',
    followUp: 'Opfølgning',
    noItems: 'Der er endnu ingen opfølgningspunkter.',
    colAction: 'Handling',
    colOwner: 'Ansvarlig',
    colDue: 'Frist',
    colStatus: 'Status',
    history: 'Historik',
    historyOf: (what: string) => `Historik: ${what}`,
    versions: (n: number) => (n === 1 ? '1 version' : `${n} versioner`),
    colVersion: 'Version',
    colSaved: 'Gemt',
    colBy: 'Gemt af',
    colChanges: 'Ændringer',
    created: 'Oprettet',
    secretariat: 'Sekretariatet',
    empty: '(tom)',
    downloads: 'Hent opfølgningspunkterne',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    editorTitle: 'Anbefalinger i redaktionen',
    editorIntro:
      'Alle anbefalinger, også kladder. Punkter med overskreden frist er markeret med “Frist overskredet”.',
    overdueItems: 'Opfølgningspunkter med overskreden frist',
    newRecommendation: 'Ny anbefaling',
    edit: 'Rediger anbefalingen',
    publication: 'Offentliggørelse',
    editItems: 'Rediger opfølgningspunkterne',
    editItem: (what: string) => `Rediger: ${what}`,
    addItem: 'Tilføj opfølgningspunkt',
    save: 'Gem',
    saveItem: 'Gem punktet',
    create: 'Opret anbefaling',
    publish: 'Offentliggør',
    unpublish: 'Tilbagetræk offentliggørelsen',
    publishIntro: (published: boolean) =>
      published
        ? 'Anbefalingen og dens opfølgning er offentlige.'
        : 'Anbefalingen er en kladde: kun redaktionen kan se den.',
    publicPage: 'Den offentlige side',
    backToList: 'Alle anbefalinger',
    problems: 'Der er problemer i formularen',
    conflict:
      'Nogen har gemt en nyere version, efter du åbnede siden. Intet er gemt. Det du skrev, står stadig i formularen; felterne nedenfor er ændret siden. Gem igen for at overskrive dem.',
    hintAddressee: 'F.eks. Beskæftigelsesministeren eller Arbejdstilsynet',
    hintAnswer: 'Udfyldes, når svaret er modtaget.',
    hintUrl: 'En adresse, der begynder med https://',
    hintBody: 'Almindelig tekst; en tom linje starter et nyt afsnit.',
    readOnly: 'Din rolle kan læse, men ikke redigere anbefalingerne.',
    today: (date: string) => `Frister vurderet pr. ${date}.`,
  },
  en: {
    title: 'The Working Environment Council’s recommendations',
    intro:
      'The Working Environment Council’s recommendations to the Minister of Employment, the Danish Working Environment Authority and others, the answers to them and the follow-up: who does what, by when.',
    none: 'There are no recommendations yet.',
    colTopic: 'Topic',
    colIssued: 'Issued',
    colAddressee: 'Addressee',
    colAnswer: 'Answer',
    colProgress: 'Follow-up',
    colOverdue: 'Overdue',
    colPublished: 'Published',
    answered: (date: string) => `Answered ${date}`,
    awaiting: 'Awaiting answer',
    progress: (done: number, dropped: number, total: number) =>
      total === 0
        ? 'No follow-up items'
        : `${done} of ${total} done${dropped === 0 ? '' : `, ${dropped} dropped`}`,
    overdueCount: (n: number) => (n === 0 ? 'None' : n === 1 ? '1 item overdue' : `${n} items overdue`),
    overdueSummary: (n: number) =>
      n === 0
        ? 'No follow-up item is past its due date.'
        : n === 1
          ? '1 follow-up item is past its due date.'
          : `${n} follow-up items are past their due date.`,
    overdueFlag: 'Overdue',
    draft: 'Draft (not published)',
    publishedYes: 'Yes',
    publishedNo: 'No',
    recommendation: 'The recommendation',
    answer: 'The answer',
    answerFrom: (addressee: string, date: string) => `Answer from ${addressee} received ${date}.`,
    noAnswer: (addressee: string) => `No answer has been received from ${addressee} yet.`,
    answerLink: 'Read the answer',
    followUp: 'Follow-up',
    noItems: 'There are no follow-up items yet.',
    colAction: 'Action',
    colOwner: 'Owner',
    colDue: 'Due date',
    colStatus: 'Status',
    history: 'History',
    historyOf: (what: string) => `History: ${what}`,
    versions: (n: number) => (n === 1 ? '1 version' : `${n} versions`),
    colVersion: 'Version',
    colSaved: 'Saved',
    colBy: 'Saved by',
    colChanges: 'Changes',
    created: 'Created',
    secretariat: 'The secretariat',
    empty: '(empty)',
    downloads: 'Download the follow-up items',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    editorTitle: 'Recommendations in the editor area',
    editorIntro: 'Every recommendation, drafts too. Items past their due date are marked “Overdue”.',
    overdueItems: 'Follow-up items past their due date',
    newRecommendation: 'New recommendation',
    edit: 'Edit the recommendation',
    publication: 'Publication',
    editItems: 'Edit the follow-up items',
    editItem: (what: string) => `Edit: ${what}`,
    addItem: 'Add a follow-up item',
    save: 'Save',
    saveItem: 'Save the item',
    create: 'Create the recommendation',
    publish: 'Publish',
    unpublish: 'Withdraw the publication',
    publishIntro: (published: boolean) =>
      published
        ? 'The recommendation and its follow-up are public.'
        : 'The recommendation is a draft: only the editor area can see it.',
    publicPage: 'The public page',
    backToList: 'All recommendations',
    problems: 'The form has problems',
    conflict:
      'Someone saved a newer version after you opened the page. Nothing was saved. What you typed is still in the form; the fields below have changed since. Save again to overwrite them.',
    hintAddressee: 'E.g. the Minister of Employment or the Danish Working Environment Authority',
    hintAnswer: 'Filled in when the answer has been received.',
    hintUrl: 'An address starting with https://',
    hintBody: 'Plain text; an empty line starts a new paragraph.',
    readOnly: 'Your role can read, but not edit, the recommendations.',
    today: (date: string) => `Due dates assessed as of ${date}.`,
  },
} as const;

/** A time of saving as the reader's clock shows it (Copenhagen), date and time. */
export function formatSavedAt(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(date);
}
