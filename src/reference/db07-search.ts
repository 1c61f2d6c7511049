// Searching the whole DB07 classification (data/db07.json, DST's official Danish titles) by words and by code.
// Words match title words and the everyday synonyms in data/db07-synonyms.json (bager, tømrer, sygehus, vognmand,
// and a few English words); a code (86, 47.11, 4711, 47.11.00, F41) gives that code and every code under it.
// The index is built once, at module load. Codes whose title only repeats their single sub-code's title
// (86.1, 86.10, 86.10.00 "Hospitaler") are one entry. Nothing here knows branch groups.
import { z } from 'zod';
import { parseOrThrow } from '../validation.js';
import db07 from './data/db07.json' with { type: 'json' };
import synonymData from './data/db07-synonyms.json' with { type: 'json' };
import { checkIndustryCode } from './industry-classification.js';

/** The longest query the look-up reads (characters, after trimming). */
export const DB07_QUERY_MAX = 100;

export type Db07Level = 'division' | 'group' | 'class' | 'subclass';

export interface Db07Entry {
  /** The codes it stands for as DST writes them, highest level first (86.1, 86.10, 86.10.00). */
  codes: readonly string[];
  /** The highest and the lowest of them as digits (861, 861000). */
  top: string;
  bottom: string;
  level: Db07Level;
  titleDa: string;
}

export interface Db07Hit {
  entry: Db07Entry;
  score: number;
}

export type Db07Query =
  | { kind: 'empty' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'code'; digits: string }
  | { kind: 'unknownCode'; text: string }
  | { kind: 'words'; words: string[] };

// --- normalising ---------------------------------------------------------------------------------------------

/** Lower case in Danish, composed: æ, ø and å stay letters of their own. */
export const strictForm = (text: string): string => text.normalize('NFC').toLocaleLowerCase('da');

/** A looser form so "tomrer", "toemrer" and "tømrer" meet: accents off, æ/ø/å and ae/oe/aa to one vowel. */
export const looseForm = (text: string): string =>
  strictForm(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/æ/g, 'a')
    .replace(/ø/g, 'o')
    .replace(/ae|aa/g, 'a')
    .replace(/oe/g, 'o');

const tokens = (text: string): string[] =>
  strictForm(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const STOP_WORDS = new Set([
  'og',
  'af',
  'i',
  'med',
  'for',
  'til',
  'på',
  'samt',
  'mv',
  'the',
  'and',
  'of',
  'a',
]);

/** Endings a Danish (or English) word may carry beyond the stem it was indexed under: bagere, frisører. */
const INFLECTIONS = new Set([
  'e',
  'r',
  'n',
  't',
  's',
  'er',
  'en',
  'et',
  'ne',
  'es',
  'ene',
  'erne',
  'ers',
  'ier',
]);

// --- the index -----------------------------------------------------------------------------------------------

const db07Schema = z.object({
  codes: z.array(
    z.object({
      level: z.enum(['section', 'division', 'group', 'class', 'subclass']),
      code: z.string().min(1),
      titleDa: z.string().min(1),
    }),
  ),
});

const synonymSchema = z.object({
  sourceUrl: z.string(),
  caveat: z.string(),
  synonyms: z.array(
    z.object({
      code: z.string().regex(/^\d{2}(\.\d{1,2}(\.\d{2})?)?$/, 'must be a dotted DB07 code'),
      da: z.array(z.string().min(1)),
      en: z.array(z.string().min(1)),
    }),
  ),
});

const digitsOf = (code: string) => code.replace(/\./g, '');

/** One entry per code, merging a code into its parent when it is the parent's only child and repeats its title. */
function buildEntries(): Db07Entry[] {
  const rows = parseOrThrow(db07Schema, db07, 'The shipped DB07 classification is invalid').codes.filter(
    (row) => row.level !== 'section',
  );
  const children = new Map<string, number>();
  for (const row of rows) {
    const parent = parentDigits(digitsOf(row.code));
    if (parent !== undefined) children.set(parent, (children.get(parent) ?? 0) + 1);
  }
  const entries: Db07Entry[] = [];
  const entryOf = new Map<string, Db07Entry>();
  for (const row of rows) {
    const digits = digitsOf(row.code);
    const parent = parentDigits(digits);
    const above = parent === undefined ? undefined : entryOf.get(parent);
    if (above !== undefined && children.get(parent as string) === 1 && above.titleDa === row.titleDa) {
      const merged = { ...above, codes: [...above.codes, row.code], bottom: digits };
      entries[entries.indexOf(above)] = merged;
      for (const code of merged.codes) entryOf.set(digitsOf(code), merged);
      continue;
    }
    const entry: Db07Entry = {
      codes: [row.code],
      top: digits,
      bottom: digits,
      level: row.level as Db07Level,
      titleDa: row.titleDa,
    };
    entries.push(entry);
    entryOf.set(digits, entry);
  }
  return entries;
}

/** The code one level up: 47.11.10 → 47.11, 47.11 → 47.1, 47.1 → 47; none above a division. */
function parentDigits(digits: string): string | undefined {
  if (digits.length === 6) return digits.slice(0, 4);
  if (digits.length === 4) return digits.slice(0, 3);
  if (digits.length === 3) return digits.slice(0, 2);
  return undefined;
}

interface Token {
  strict: string;
  loose: string;
  titleOf: number[];
  synonymOf: number[];
}

function buildIndex() {
  const entries = buildEntries();
  const entryIndex = new Map<string, number>();
  entries.forEach((entry, i) => {
    for (const code of entry.codes) entryIndex.set(digitsOf(code), i);
  });
  const vocabulary = new Map<string, Token>();
  const add = (word: string, i: number, kind: 'titleOf' | 'synonymOf') => {
    let token = vocabulary.get(word);
    if (token === undefined) {
      token = { strict: word, loose: looseForm(word), titleOf: [], synonymOf: [] };
      vocabulary.set(word, token);
    }
    if (!token[kind].includes(i)) token[kind].push(i);
  };
  const phrases = new Map<string, Set<number>>();
  const addPhrase = (text: string, i: number) => {
    const key = tokens(text).join(' ');
    phrases.set(key, (phrases.get(key) ?? new Set()).add(i));
  };
  entries.forEach((entry, i) => {
    for (const word of tokens(entry.titleDa)) add(word, i, 'titleOf');
    addPhrase(entry.titleDa, i);
  });
  const synonyms = parseOrThrow(synonymSchema, synonymData, 'The shipped DB07 synonyms are invalid').synonyms;
  for (const { code, da, en } of synonyms) {
    const i = entryIndex.get(digitsOf(code));
    if (i === undefined) throw new Error(`DB07 synonyms name a code DB07 does not have: ${code}`);
    for (const phrase of [...da, ...en]) {
      for (const word of tokens(phrase)) add(word, i, 'synonymOf');
      addPhrase(phrase, i);
    }
  }
  return { entries, entryIndex, vocabulary: [...vocabulary.values()], phrases };
}

const INDEX = buildIndex();

// --- matching ------------------------------------------------------------------------------------------------

const inflected = (word: string, stem: string) =>
  stem.length >= 3 && word.startsWith(stem) && INFLECTIONS.has(word.slice(stem.length));

/** How well one query word matches one indexed word: exact, an inflection, a prefix, inside a compound; then the
 *  same with æ/ø/å folded. */
export function wordScore(
  word: string,
  token: { strict: string; loose: string },
  loose: string = looseForm(word),
): number {
  if (token.strict === word) return 40;
  if (inflected(word, token.strict)) return 36;
  if (token.strict.startsWith(word)) return 30;
  if (word.length >= 5 && token.strict.includes(word)) return 12;
  // Loosely only when the word was typed without Danish letters: "brød" means brød, not broderier.
  if (/[æøå]/.test(word)) return 0;
  if (token.loose === loose) return 30;
  if (inflected(loose, token.loose)) return 27;
  if (token.loose.startsWith(loose)) return 22;
  if (loose.length >= 5 && token.loose.includes(loose)) return 10;
  return 0;
}

/** Each entry's best score for one query word (synonyms weigh more than title words). */
function scoresFor(word: string): Map<number, number> {
  const best = new Map<number, number>();
  const raise = (i: number, score: number) => {
    if (score > (best.get(i) ?? 0)) best.set(i, score);
  };
  const loose = looseForm(word);
  for (const token of INDEX.vocabulary) {
    const score = wordScore(word, token, loose);
    if (score === 0) continue;
    for (const i of token.titleOf) raise(i, score);
    for (const i of token.synonymOf) raise(i, score + 10);
  }
  return best;
}

/** Every entry whose title or synonyms match all the words, best first (ties in code order). */
export function searchDb07(words: readonly string[]): Db07Hit[] {
  if (words.length === 0) return [];
  const perWord = words.map(scoresFor);
  const total = new Map<number, number>();
  for (const [i, score] of perWord[0] ?? []) {
    let sum = score;
    for (const other of perWord.slice(1)) {
      const s = other.get(i);
      if (s === undefined) {
        sum = 0;
        break;
      }
      sum += s;
    }
    if (sum > 0) total.set(i, sum);
  }
  for (const i of INDEX.phrases.get(words.join(' ')) ?? []) {
    if (total.has(i)) total.set(i, (total.get(i) ?? 0) + 100);
  }
  return [...total.entries()]
    .sort(([a, x], [b, y]) => y - x || a - b)
    .map(([i, score]) => ({ entry: INDEX.entries[i] as Db07Entry, score }));
}

/** The entry holding a code (digits) and every entry under it, in the classification's order. */
export function db07Subtree(digits: string): Db07Entry[] {
  const own = INDEX.entryIndex.get(digits);
  if (own === undefined) return [];
  const head = INDEX.entries[own] as Db07Entry;
  return [head, ...INDEX.entries.filter((entry) => entry !== head && entry.top.startsWith(digits))];
}

/** The entry holding a code (digits), if DB07 has it. */
export function db07Entry(digits: string): Db07Entry | undefined {
  const i = INDEX.entryIndex.get(digits);
  return i === undefined ? undefined : INDEX.entries[i];
}

/** The subclasses (6 digits) at or under a code: what a mapping must cover for the whole code to be covered. */
export function db07Subclasses(digits: string): string[] {
  return INDEX.entries
    .filter((entry) => entry.bottom.length === 6 && entry.bottom.startsWith(digits))
    .map((entry) => entry.bottom);
}

// --- reading a query -----------------------------------------------------------------------------------------

/** What a look-up query asks for: nothing, too much, a code (known or not) or words. */
export function parseDb07Query(query: string): Db07Query {
  const text = query.trim();
  if (text === '') return { kind: 'empty' };
  if (text.length > DB07_QUERY_MAX) return { kind: 'tooLong', max: DB07_QUERY_MAX };
  const compact = /^[A-Za-z]?[\d.\s]+$/.test(text) ? text.replace(/\s+/g, '') : text;
  if (/^[A-Za-z]?[\d.]+$/.test(compact) && /\d/.test(compact)) {
    const check = checkIndustryCode(compact, 'DB07');
    return check.ok ? { kind: 'code', digits: check.digits } : { kind: 'unknownCode', text: compact };
  }
  const all = tokens(text);
  const words = all.filter((word) => !STOP_WORDS.has(word));
  return { kind: 'words', words: words.length > 0 ? words : all };
}
