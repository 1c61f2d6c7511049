// The import's problems in both languages: English for the CLI, the API and /en/ pages, Danish for the editor
// area (Danish by default). Every problem the import reports is written once, as a `bilingual(en, da)` pair.
import { AppError, type Issue } from '../errors.js';
import type { Locale } from '../format.js';

/** One message in English and in Danish. */
export interface Text {
  readonly en: string;
  readonly da: string;
}

/** A message in both languages: `bilingual('is required', 'skal udfyldes')`. */
export function bilingual(en: string, da: string): Text {
  return { en, da };
}

/** Where an issue sits: everything of an Issue but its field and messages. */
export type IssueLocation = Omit<Issue, 'field' | 'message' | 'messageDa'>;

/** An Issue carrying both languages: `message` in English, `messageDa` in Danish. */
export function issue(field: string, message: Text, at: IssueLocation = {}): Issue & { messageDa: string } {
  return { field, ...at, message: message.en, messageDa: message.da };
}

/** The issue's message in the page's language (English when a Danish text is missing). */
export function issueMessage(problem: Issue, locale: Locale): string {
  return locale === 'da' ? (problem.messageDa ?? problem.message) : problem.message;
}

/**
 * Danish for English messages that come from outside the import (zod schemas, the targets service), where the
 * text is only known in English: the messages Måltal writes itself are translated, anything else (zod's own
 * wording) is shown after a Danish lead-in.
 */
const FROM_ENGLISH: [RegExp, (...parts: string[]) => string][] = [
  [/^is not a known field$/, () => 'er ikke et kendt felt'],
  [/^is required$/, () => 'skal udfyldes'],
  [/^is required: say why the target changes$/, () => 'skal udfyldes: skriv, hvorfor måltallet ændres'],
  [/^must not be empty$/, () => 'må ikke være tom'],
  [/^must be a year$/, () => 'skal være et årstal'],
  [/^must be a whole year$/, () => 'skal være et helt årstal'],
  [/^must be (\d+) or later$/, (year = '') => `skal være ${year} eller senere`],
  [/^must be (\d+) or earlier$/, (year = '') => `skal være ${year} eller tidligere`],
  [/^must be a number$/, () => 'skal være et tal'],
  [/^must be a finite number$/, () => 'skal være et endeligt tal'],
  [/^must not be negative$/, () => 'må ikke være negativ'],
  [/^must be after the baseline year \((.*)\)$/, (year = '') => `skal ligge efter basisåret (${year})`],
  [
    /^the target year \((.*)\) must be after the baseline year \((.*)\)$/,
    (target = '', baseline = '') => `målåret (${target}) skal ligge efter basisåret (${baseline})`,
  ],
  [/^is a percentage and must be at most 100$/, () => 'er en procentsats og må højst være 100'],
  [/^unknown indicator (".*")$/, (code = '') => `ukendt indikator ${code}`],
  [/^unknown BFA (".*")$/, (code = '') => `ukendt BFA ${code}`],
];

export function fromEnglish(message: string): Text {
  for (const [pattern, danish] of FROM_ENGLISH) {
    const match = pattern.exec(message);
    if (match !== null) return bilingual(message, danish(...match.slice(1).map((part) => part ?? '')));
  }
  return bilingual(message, `ugyldig værdi (${message})`);
}

/** Adds Danish to an English-only issue (from a zod schema or another service). */
export function withDanish(english: Issue): Issue {
  return english.messageDa === undefined
    ? { ...english, messageDa: fromEnglish(english.message).da }
    : english;
}

/** Heap an import's worker thread may use; a file that needs more is refused as out of memory, never half-written. */
export const DEFAULT_IMPORT_MEMORY_MB = 1024;

export const importOutOfMemory = () =>
  new AppError('out_of_memory', 'The import ran out of memory; nothing was written', [
    {
      field: 'file',
      message: 'the import needed more memory than it may use: split the file into smaller files',
      messageDa: 'importen skulle bruge mere hukommelse, end den må: del filen op i mindre filer',
    },
  ]);
