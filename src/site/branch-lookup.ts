// The branch look-up (/branche?q=…, /api/v1/branches?q=…): a query is read as a DB07 code or as words; words
// search the whole classification's Danish titles and synonyms (src/reference/db07-search.ts) and the branch
// groups' names; each DB07 code found is placed in a branch group by the industry-code mappings in the database:
// directly, inferred (from the code above it or the codes below it), split over several groups, or not known
// (then its main group, when every mapped code of its division lies in one).
import type { Store } from '../db/connect.js';
import {
  type Db07Entry,
  db07Entry,
  db07Subclasses,
  db07Subtree,
  parseDb07Query,
  searchDb07,
} from '../reference/db07-search.js';
import { checkIndustryCode, dottedCode } from '../reference/industry-classification.js';
import {
  listBranchGroups,
  listIndustryCodeMappings,
  lookupIndustryCode,
} from '../reference/reference.repository.js';

export type BranchGroup = Awaited<ReturnType<typeof listBranchGroups>>[number];

export interface MainGroup {
  code: string;
  nameDa: string;
  nameEn: string;
}

/** Where a DB07 code belongs. `via` names the mapped codes (dotted) the answer rests on. */
export type Placement =
  | { kind: 'mapped'; group: BranchGroup; via: string[]; inferred: boolean }
  | { kind: 'split'; parts: { group: BranchGroup; via: string[] }[]; rest: boolean }
  | { kind: 'unknown'; mainGroup: MainGroup | null };

export interface CodeRow {
  entry: Db07Entry;
  placement: Placement;
}

/** At most this many codes are listed for words (a code lists everything under it). */
export const WORD_RESULTS_SHOWN = 25;

export type LookupOutcome =
  | { kind: 'empty' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'unknownCode'; text: string }
  | { kind: 'code'; digits: string; rows: CodeRow[]; landing: BranchGroup | null }
  | { kind: 'otherClassification'; classification: 'DB25'; code: string; group: BranchGroup }
  | { kind: 'words'; groups: BranchGroup[]; rows: CodeRow[]; total: number };

/** The mappings of one classification, ready to place codes with. */
export interface Mappings {
  byCode: Map<string, BranchGroup>;
  mainGroupOfDivision: Map<string, MainGroup | null>;
}

export function buildMappings(
  groups: readonly BranchGroup[],
  rows: readonly { code: string; branchGroup: string }[],
): Mappings {
  const byCode = new Map<string, BranchGroup>();
  const mainGroupOfDivision = new Map<string, MainGroup | null>();
  for (const row of rows) {
    const group = groups.find((g) => g.code === row.branchGroup);
    if (group === undefined) continue;
    byCode.set(row.code, group);
    const division = row.code.slice(0, 2);
    const main = mainGroupOf(group);
    const known = mainGroupOfDivision.get(division);
    mainGroupOfDivision.set(division, known === undefined || known?.code === main.code ? main : null);
  }
  return { byCode, mainGroupOfDivision };
}

export const mainGroupOf = (group: BranchGroup): MainGroup => ({
  code: group.mainGroupCode,
  nameDa: group.mainGroupNameDa,
  nameEn: group.mainGroupNameEn,
});

/** A DB07 entry's branch group: the longest mapped code above (or at) it, else what the codes below it say. */
export function placeEntry(entry: Db07Entry, mappings: Mappings): Placement {
  const own = new Set(entry.codes.map((code) => code.replace(/\./g, '')));
  for (let length = entry.bottom.length; length >= 2; length--) {
    const code = entry.bottom.slice(0, length);
    const group = mappings.byCode.get(code);
    if (group !== undefined)
      return { kind: 'mapped', group, via: [dottedCode(code)], inferred: !own.has(code) };
  }
  const below = [...mappings.byCode.entries()].filter(
    ([code]) => code.length > entry.bottom.length && code.startsWith(entry.bottom),
  );
  if (below.length === 0)
    return { kind: 'unknown', mainGroup: mappings.mainGroupOfDivision.get(entry.bottom.slice(0, 2)) ?? null };
  const parts = new Map<string, { group: BranchGroup; via: string[] }>();
  for (const [code, group] of below.sort(([a], [b]) => a.localeCompare(b))) {
    const part = parts.get(group.code) ?? { group, via: [] };
    part.via.push(dottedCode(code));
    parts.set(group.code, part);
  }
  const covered = db07Subclasses(entry.bottom).every((sub) => below.some(([code]) => sub.startsWith(code)));
  const [only] = parts.values();
  if (parts.size === 1 && covered && only !== undefined) return { kind: 'mapped', ...only, inferred: true };
  const ordered = [...parts.values()].sort((a, b) => (a.via[0] ?? '').localeCompare(b.via[0] ?? ''));
  return { kind: 'split', parts: ordered, rest: !covered };
}

const normalise = (text: string) => text.toLocaleLowerCase('da').normalize('NFC').trim();

/** Branch groups whose name (or a sub-branch's or main group's name) contains the words asked for. */
export function searchBranches(groups: readonly BranchGroup[], query: string): BranchGroup[] {
  const words = normalise(query)
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) return [];
  return groups.filter((group) => {
    const text = normalise(
      [
        group.nameDa,
        group.nameEn,
        group.mainGroupNameDa,
        group.mainGroupNameEn,
        ...group.subBranches.flatMap((s) => [s.nameDa, s.nameEn]),
      ].join(' '),
    );
    return words.every((word) => text.includes(word));
  });
}

/** The branch groups and the DB07 mappings, read once per look-up. */
export async function lookupContext(store: Store) {
  const [groups, rows] = await Promise.all([
    listBranchGroups(store.db),
    listIndustryCodeMappings(store.db, 'DB07'),
  ]);
  return { groups, mappings: buildMappings(groups, rows) };
}

/** Answer a look-up query (already known not to be absent). */
export async function lookUpBranches(
  store: Store,
  query: string,
  context?: Awaited<ReturnType<typeof lookupContext>>,
): Promise<LookupOutcome> {
  const parsed = parseDb07Query(query);
  if (parsed.kind === 'empty' || parsed.kind === 'tooLong') return parsed;
  const { groups, mappings } = context ?? (await lookupContext(store));
  const place = (entry: Db07Entry): CodeRow => ({ entry, placement: placeEntry(entry, mappings) });
  if (parsed.kind === 'unknownCode') return otherClassification(store, groups, parsed.text);
  if (parsed.kind === 'code') {
    const rows = db07Subtree(parsed.digits).map(place);
    const head = rows[0]?.placement;
    return {
      kind: 'code',
      digits: parsed.digits,
      rows,
      landing: head?.kind === 'mapped' ? head.group : null,
    };
  }
  const hits = searchDb07(parsed.words);
  return {
    kind: 'words',
    groups: searchBranches(groups, query),
    rows: hits.slice(0, WORD_RESULTS_SHOWN).map((hit) => place(hit.entry)),
    total: hits.length,
  };
}

/** A code DB07 does not have may be a DB25 code with a mapping (DB25 ships no code list). */
async function otherClassification(
  store: Store,
  groups: readonly BranchGroup[],
  text: string,
): Promise<LookupOutcome> {
  if (checkIndustryCode(text, 'DB25').ok) {
    const found = await lookupIndustryCode(store.db, 'DB25', text);
    const group = groups.find((g) => g.code === found?.branchGroup);
    if (group !== undefined)
      return { kind: 'otherClassification', classification: 'DB25', code: text, group };
  }
  return { kind: 'unknownCode', text };
}

/** What a branch page says about the code that led to it; null when the code does not lead to that group. */
export async function codeLanding(
  store: Store,
  groupCode: string,
  code: string,
  classification: string,
): Promise<{ code: string; classification: string; titleDa: string | null; via: string | null } | null> {
  if (classification === 'DB25') {
    const found = await lookupIndustryCode(store.db, 'DB25', code);
    return found?.branchGroup === groupCode ? { code, classification, titleDa: null, via: null } : null;
  }
  const parsed = parseDb07Query(code);
  if (classification !== 'DB07' || parsed.kind !== 'code') return null;
  const entry = db07Entry(parsed.digits);
  if (entry === undefined) return null;
  const { mappings } = await lookupContext(store);
  const placement = placeEntry(entry, mappings);
  if (placement.kind !== 'mapped' || placement.group.code !== groupCode) return null;
  return {
    code: code.trim(),
    classification,
    titleDa: entry.titleDa,
    via: placement.inferred ? placement.via.join(', ') : null,
  };
}

/** A code row as the API gives it. */
export function presentCodeRow({ entry, placement }: CodeRow) {
  const group = (g: BranchGroup) => ({ code: g.code, nameDa: g.nameDa, nameEn: g.nameEn });
  return {
    codes: entry.codes,
    level: entry.level,
    titleDa: entry.titleDa,
    placement: placement.kind,
    branchGroup: placement.kind === 'mapped' ? group(placement.group) : null,
    inferred: placement.kind === 'mapped' ? placement.inferred : null,
    via: placement.kind === 'mapped' ? placement.via : [],
    branchGroups:
      placement.kind === 'split'
        ? placement.parts.map((part) => ({ ...group(part.group), via: part.via }))
        : [],
    mainGroup: placement.kind === 'unknown' ? placement.mainGroup : null,
  };
}

/** How a code led to its branch group, for the API: the mapped code(s) and the mapping's caveat. */
export interface CodeMatch {
  classification: 'DB07' | 'DB25';
  industryCode: string;
  inferred: boolean;
  caveat: string;
}

const INFERRED_FROM_BELOW =
  'inferred from the mappings of every code under it; each is inferred from the DB07/NACE Rev. 2 heading: verify';

/**
 * The branch groups a look-up leads to (the API's `data`): the code's own group with how it matched, else the
 * groups named like the words, else the groups of the codes found, best first.
 */
export async function branchesFound(
  store: Store,
  outcome: LookupOutcome,
): Promise<{ data: BranchGroup[]; match: CodeMatch | null }> {
  if (outcome.kind === 'otherClassification') {
    const found = await lookupIndustryCode(store.db, 'DB25', outcome.code);
    const caveat = found?.caveat ?? '';
    const industryCode = found?.code ?? outcome.code;
    return { data: [outcome.group], match: { classification: 'DB25', industryCode, inferred: true, caveat } };
  }
  if (outcome.kind === 'code' && outcome.landing !== null) {
    const head = outcome.rows[0]?.placement;
    const via = head?.kind === 'mapped' ? head.via : [];
    const found = via.length === 1 ? await lookupIndustryCode(store.db, 'DB07', via[0] as string) : undefined;
    const match: CodeMatch = {
      classification: 'DB07',
      industryCode: via.join(', '),
      inferred: head?.kind === 'mapped' && head.inferred,
      caveat: found?.caveat ?? INFERRED_FROM_BELOW,
    };
    return { data: [outcome.landing], match };
  }
  if (outcome.kind === 'words' && outcome.groups.length > 0) return { data: outcome.groups, match: null };
  const rows = 'rows' in outcome ? outcome.rows : [];
  const groups = rows.flatMap(({ placement }) =>
    placement.kind === 'mapped'
      ? [placement.group]
      : placement.kind === 'split'
        ? placement.parts.map((p) => p.group)
        : [],
  );
  return { data: [...new Map(groups.map((g) => [g.code, g])).values()], match: null };
}
