// The texts every editable record of the BFAs' work shares (campaigns, pilots) in Danish and English: the Danish of
// the input problems the work schemas name, and the editor area's and the pages' common words.
import type { Locale } from '../format.js';

/** English problem texts of the schemas and their Danish; `$1` carries a number over. */
const DANISH_PROBLEMS: [RegExp, string][] = [
  [/^is required$/, 'skal udfyldes'],
  [/^must be text$/, 'skal være tekst'],
  [/^must be at most (\d+) characters$/, 'må højst være $1 tegn'],
  [/^must not contain a NUL character$/, 'må ikke indeholde et NUL-tegn'],
  [/^must be a date \(YYYY-MM-DD\)$/, 'skal være en dato (ÅÅÅÅ-MM-DD)'],
  [/^is not a real date$/, 'er ikke en gyldig dato'],
  [/^must be on or after the start$/, 'må ikke ligge før starten'],
  [/^must be a number$/, 'skal være et tal'],
  [/^must be a whole number$/, 'skal være et helt tal'],
  [/^must not be negative$/, 'må ikke være negativ'],
  [/^must be more than 0$/, 'skal være større end 0'],
  [/^must be at most (\S+)$/, 'må højst være $1'],
  [/^must not exceed n \((\w+)\)$/, 'må ikke være større end n ($1)'],
  [/^must be a BFA code$/, 'skal være en BFA-kode'],
  [/^is not a BFA code$/, 'er ikke en BFA-kode'],
  [/^must be a list of names$/, 'skal være en liste af navne'],
  [/^at most (\d+) channels$/, 'højst $1 kanaler'],
  [/^must be the version you opened$/, 'skal være den version, du åbnede'],
  [/^must be one of (.+)$/, 'skal være en af $1'],
  [/^is not a known field$/, 'er ikke et kendt felt'],
  [/^must be true or false$/, 'skal være true eller false'],
];

/** The Danish of a schema's problem (the English itself when it has none). */
export function danishProblem(message: string): string {
  for (const [pattern, danish] of DANISH_PROBLEMS)
    if (pattern.test(message)) return message.replace(pattern, danish);
  return message;
}

const da = {
  colBfa: 'BFA',
  colPeriod: 'Periode',
  colStatus: 'Status',
  colVersion: 'Version',
  draft: 'Kladde (ikke offentlig)',
  published: 'Offentliggjort',
  publishedOn: (date: string) => `Offentliggjort ${date}`,
  noDescription: 'Ingen beskrivelse.',
  // The editor area
  publicPage: 'Den offentlige side',
  problems: 'Der er problemer i formularen',
  fieldBfa: 'BFA',
  fieldTitle: 'Titel',
  fieldDescription: 'Beskrivelse',
  hintDescription: 'Almindelig tekst; en tom linje giver et nyt afsnit.',
  fieldPeriodStart: 'Start',
  fieldPeriodEnd: 'Slut',
  save: 'Gem ændringer',
  publish: 'Offentliggør',
  unpublish: 'Gør til kladde igen',
  publication: 'Offentliggørelse',
  history: 'Gemte versioner',
  colSavedAt: 'Gemt',
  colSavedBy: 'Af',
};

export type EditableTexts = typeof da;

const en: EditableTexts = {
  colBfa: 'BFA',
  colPeriod: 'Period',
  colStatus: 'Status',
  colVersion: 'Version',
  draft: 'Draft (not public)',
  published: 'Published',
  publishedOn: (date: string) => `Published ${date}`,
  noDescription: 'No description.',
  publicPage: 'The public page',
  problems: 'The form has problems',
  fieldBfa: 'BFA',
  fieldTitle: 'Title',
  fieldDescription: 'Description',
  hintDescription: 'Plain text; an empty line starts a new paragraph.',
  fieldPeriodStart: 'Start',
  fieldPeriodEnd: 'End',
  save: 'Save changes',
  publish: 'Publish',
  unpublish: 'Make it a draft again',
  publication: 'Publication',
  history: 'Saved versions',
  colSavedAt: 'Saved',
  colSavedBy: 'By',
};

/** The words every editable record's pages and editor share. */
export const EDITABLE_TEXTS: Record<Locale, EditableTexts> = { da, en };

/** The words of one kind's editor area besides the shared ones (each kind says them of its own records). */
export interface EditorTexts extends EditableTexts {
  editorTitle: string;
  editorIntro: string;
  none: string;
  newRecord: string;
  cannotCreate: string;
  readOnly: string;
  conflict: string;
  create: string;
  about: string;
  historyCaption: string;
}
