// Code and name look-ups an import needs, loaded once per import so that a million rows cost no queries.
import type { Db, Tx } from '../db/connect.js';
import { normaliseHeader } from './fields.js';
import { readLookupTables } from './lookups.repository.js';
import { type WorkLookups, type WorkLookupTables, workLookupsFrom } from './work-lookups.js';

export interface Lookups {
  /** A branch group by code, Danish name or English name. */
  branchGroup(text: string): { id: number; code: string } | undefined;
  /** A sub-branch of the given branch group by code or name. */
  subBranch(text: string, branchGroupId: number): { id: number; code: string } | undefined;
  /** The branch group (and sub-branch) an industry code maps to, by longest prefix. */
  industryCode(
    classification: string,
    code: string,
  ):
    | {
        branchGroupId: number;
        branchGroupCode: string;
        subBranchId: number | null;
        subBranchCode: string | null;
      }
    | undefined;
  /** The main group of an industry code no branch group covers: known when every mapped code of its division
   *  (its first two digits) belongs to one main group; null otherwise. */
  mainGroupOfDivision(classification: string, digits: string): number | null;
  indicator(code: string): { id: number; unit: string } | undefined;
  /** A target's id by its key (`branch:<group>[/<sub>]|<goal>[/<sub-problem>]`) or by id. */
  target(keyOrId: string | number): number | undefined;
  /** The BFAs' work (activities): BFAs, branch and target owners, funding pools, campaigns. */
  work: WorkLookups;
}

const key = (text: string) => normaliseHeader(text);

/** The code tables as read; `work` may be left out where no kind needs it (it may carry the import's `onlyBfa`). */
export type LookupTables = Omit<Awaited<ReturnType<typeof readLookupTables>>, 'work'> & {
  work?: WorkLookupTables;
};

export async function loadLookups(db: Db | Tx): Promise<Lookups> {
  return lookupsFrom(await readLookupTables(db));
}

/** The look-ups over the code tables as read (plain data: a worker thread can build them from a copy). */
export function lookupsFrom(tables: LookupTables): Lookups {
  const { groups, subs, codes, indicators, targets, work } = tables;
  const targetBy = new Map<string | number, number>();
  for (const target of targets) {
    targetBy.set(target.scopeKey, target.id);
    targetBy.set(target.id, target.id);
  }
  const groupBy = new Map<string, { id: number; code: string }>();
  for (const group of groups) {
    for (const name of [group.code, group.nameDa, group.nameEn]) groupBy.set(key(name), group);
  }
  const subBy = new Map<string, { id: number; code: string }>();
  for (const sub of subs) {
    for (const name of [sub.code, sub.nameDa, sub.nameEn])
      subBy.set(`${sub.branchGroupId}|${key(name)}`, sub);
  }
  const groupCode = new Map(groups.map((group) => [group.id, group.code]));
  const subCode = new Map(subs.map((sub) => [sub.id, sub.code]));
  const codeBy = new Map(codes.map((c) => [`${c.classification}|${c.code}`, c]));
  const indicatorBy = new Map(indicators.map((i) => [i.code, i]));
  type Mapped = ReturnType<Lookups['industryCode']>;
  const mapIndustryCode = (classification: string, code: string): Mapped => {
    const digits = code.replace(/\D/g, '');
    for (let length = digits.length; length >= 2; length--) {
      const found = codeBy.get(`${classification}|${digits.slice(0, length)}`);
      if (found !== undefined) {
        return {
          branchGroupId: found.branchGroupId,
          branchGroupCode: groupCode.get(found.branchGroupId) ?? '',
          subBranchId: found.subBranchId,
          subBranchCode: found.subBranchId === null ? null : (subCode.get(found.subBranchId) ?? null),
        };
      }
    }
    return undefined;
  };
  const divisionMainGroup = new Map<string, number | null>();
  const mainGroupOfGroup = new Map(groups.map((group) => [group.id, Number(group.mainGroupId)]));
  for (const c of codes) {
    const division = `${c.classification}|${c.code.replace(/\D/g, '').slice(0, 2)}`;
    const mainGroup = mainGroupOfGroup.get(c.branchGroupId) ?? null;
    const known = divisionMainGroup.get(division);
    divisionMainGroup.set(division, known === undefined || known === mainGroup ? mainGroup : null);
  }
  // A million rows carry a few hundred distinct codes and names: resolve each once.
  const codeCache = new Map<string, Mapped>();
  const groupCache = new Map<string, { id: number; code: string } | undefined>();
  return {
    branchGroup: (text) => {
      let found = groupCache.get(text);
      if (found === undefined && !groupCache.has(text)) {
        found = groupBy.get(key(text));
        groupCache.set(text, found);
      }
      return found;
    },
    subBranch: (text, branchGroupId) => subBy.get(`${branchGroupId}|${key(text)}`),
    industryCode: (classification, code) => {
      const cacheKey = `${classification}|${code}`;
      if (codeCache.has(cacheKey)) return codeCache.get(cacheKey);
      const found = mapIndustryCode(classification, code);
      codeCache.set(cacheKey, found);
      return found;
    },
    mainGroupOfDivision: (classification, digits) =>
      divisionMainGroup.get(`${classification}|${digits.slice(0, 2)}`) ?? null,
    indicator: (code) => indicatorBy.get(code),
    target: (keyOrId) => targetBy.get(keyOrId),
    work: workLookupsFrom(work),
  };
}
