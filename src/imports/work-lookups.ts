// Look-ups for imports of the BFAs' work (activities): a BFA by code or name, which branch groups a BFA owns, a
// target's owner, funding pools and campaigns by id or name, and the BFA an import is limited to (a BFA editor's
// upload). Built from plain data, so a validation worker thread can build them from a copy.
import { normaliseHeader } from './fields.js';
import type { readWorkLookupTables } from './work-lookups.repository.js';

/** The tables as read, plus the BFA the import may write for (absent: any). */
export type WorkLookupTables = Awaited<ReturnType<typeof readWorkLookupTables>> & { onlyBfa?: number };

export interface NamedBfa {
  id: number;
  code: string;
  short: string;
}

/** A name that more than one record carries: the file must name it by id. */
export const AMBIGUOUS = 'ambiguous' as const;

export interface WorkLookups {
  /** A BFA by code (`voa`), short name (`BFA VOA`, `VOA`) or full name. */
  bfa(text: string): NamedBfa | undefined;
  /** True when the BFA is one of the branch group's owners. */
  ownsBranchGroup(bfaId: number, branchGroupId: number): boolean;
  /** The BFA owning a target's current revision (null: none); undefined when the target has no revision. */
  targetOwner(targetId: number): number | null | undefined;
  /** A funding pool by id or name. */
  fundingPool(text: string): { id: number } | typeof AMBIGUOUS | undefined;
  /** A campaign by id or title, with its BFA (null: the council's or several BFAs'). */
  campaign(text: string): { id: number; bfaId: number | null } | typeof AMBIGUOUS | undefined;
  /** The BFA an import is limited to (a BFA editor's own); undefined: any BFA. */
  onlyBfa(): NamedBfa | undefined;
}

const key = (text: string) => normaliseHeader(text);

/** Records by id (as text) and by normalised name; a name two records share resolves to AMBIGUOUS. */
function byIdOrName<T extends { id: number }>(rows: T[], name: (row: T) => string) {
  const found = new Map<string, T | typeof AMBIGUOUS>();
  for (const row of rows) {
    const named = key(name(row));
    found.set(named, found.has(named) ? AMBIGUOUS : row);
  }
  for (const row of rows) found.set(String(row.id), row);
  return (text: string) => found.get(/^\d+$/.test(text.trim()) ? String(Number(text)) : key(text));
}

export function workLookupsFrom(tables: WorkLookupTables | undefined): WorkLookups {
  const bfas = tables?.bfas ?? [];
  const bfaBy = new Map<string, NamedBfa>();
  for (const bfa of bfas) {
    const named = { id: bfa.id, code: bfa.code, short: bfa.short };
    for (const name of [bfa.code, bfa.short, bfa.nameDa, bfa.nameEn, bfa.short.replace(/^BFA\s+/i, '')])
      bfaBy.set(key(name), named);
  }
  const owned = new Set((tables?.owners ?? []).map((owner) => `${owner.bfaId}|${owner.branchGroupId}`));
  const owners = new Map((tables?.targetOwners ?? []).map((target) => [target.targetId, target.ownerBfaId]));
  const pool = byIdOrName(tables?.pools ?? [], (row) => row.name);
  const campaign = byIdOrName(tables?.campaigns ?? [], (row) => row.title);
  const only = bfas.find((bfa) => bfa.id === tables?.onlyBfa);
  const onlyBfa =
    tables?.onlyBfa === undefined
      ? undefined
      : // A BFA id that names no BFA limits the import to nothing.
        { id: tables.onlyBfa, code: only?.code ?? '', short: only?.short ?? '' };
  return {
    bfa: (text) => bfaBy.get(key(text)),
    ownsBranchGroup: (bfaId, branchGroupId) => owned.has(`${bfaId}|${branchGroupId}`),
    targetOwner: (targetId) => owners.get(targetId),
    fundingPool: (text) => {
      const found = pool(text);
      return found === undefined || found === AMBIGUOUS ? found : { id: found.id };
    },
    campaign: (text) => {
      const found = campaign(text);
      return found === undefined || found === AMBIGUOUS ? found : { id: found.id, bfaId: found.bfaId };
    },
    onlyBfa: () => onlyBfa,
  };
}
