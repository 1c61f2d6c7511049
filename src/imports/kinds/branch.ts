// Resolving where a row belongs: a branch group (code or name, optionally a sub-branch) or an industry code.

import { checkIndustryCode } from '../../reference/industry-classification.js';
import type { FieldSpec } from '../fields.js';
import type { Lookups } from '../lookups.js';
import { bilingual } from '../texts.js';
import type { ParsedValue, Report } from './kind.js';

export const BRANCH_FIELDS: FieldSpec[] = [
  {
    name: 'branch',
    type: 'text',
    required: false,
    aliases: ['branchegruppe', 'branche', 'branch_group', 'branch'],
  },
  { name: 'subBranch', type: 'text', required: false, aliases: ['underbranche', 'sub_branch', 'subbranch'] },
  {
    name: 'industryCode',
    type: 'code',
    required: false,
    aliases: ['branchekode', 'db07', 'db25', 'nace', 'industry_code', 'branche07', 'branche25'],
  },
  {
    name: 'classification',
    type: 'code',
    required: false,
    aliases: ['klassifikation', 'classification', 'branchekode_version'],
  },
];

export interface ResolvedBranch {
  branchGroupId: number;
  branchGroupCode: string;
  subBranchId: number | null;
  subBranchCode: string | null;
  industryCode: string | null;
  classification: string | null;
}

/** Where an accident record belongs: a branch group, or, for a valid DB07 code no branch group covers yet, only its
 *  main group when its division tells it (null when not). */
export type Placement =
  | (ResolvedBranch & { mainGroupId: null })
  | { branchGroupId: null; mainGroupId: number | null; industryCode: string; classification: 'DB07' };

export function resolveBranch(
  values: Record<string, ParsedValue>,
  lookups: Lookups,
  report: Report,
): ResolvedBranch | undefined {
  const placed = resolvePlacement(values, lookups, report, false);
  return placed?.branchGroupId === null ? undefined : placed;
}

/**
 * Like `resolveBranch`, but with `keepUnmapped` a valid DB07 code that no branch group covers is kept (counted
 * nationally and in its main group, listed for stewards to map) instead of refused. DB25 has no shipped code
 * list, so an unmapped DB25 code cannot be told from a well-formed mistake and is refused.
 */
export function resolvePlacement(
  values: Record<string, ParsedValue>,
  lookups: Lookups,
  report: Report,
  keepUnmapped: boolean,
): Placement | undefined {
  // A million rows carry a few hundred distinct codes: each is resolved once per import (problems are not kept, so
  // every row with one still reports it).
  let resolved = placements.get(lookups);
  if (resolved === undefined) {
    resolved = new Map();
    placements.set(lookups, resolved);
  }
  const key = `${keepUnmapped}\u0000${values.branch}\u0000${values.subBranch}\u0000${values.industryCode}\u0000${values.classification}`;
  const known = resolved.get(key);
  if (known !== undefined) return known;
  const placed = placeRow(values, lookups, report, keepUnmapped);
  if (placed !== undefined) resolved.set(key, placed);
  return placed;
}

const placements = new WeakMap<Lookups, Map<string, Placement>>();

function placeRow(
  values: Record<string, ParsedValue>,
  lookups: Lookups,
  report: Report,
  keepUnmapped: boolean,
): Placement | undefined {
  const branch = values.branch;
  const industryCode = values.industryCode;
  if (typeof branch === 'string') {
    const named = resolveNamedBranch(values, branch, lookups, report);
    return named === undefined ? undefined : { ...named, mainGroupId: null };
  }
  if (typeof industryCode === 'string')
    return resolveIndustryCode(values, industryCode, lookups, report, keepUnmapped);
  report(
    'branch',
    bilingual(
      'is required (a branch group, or an industry code)',
      'skal udfyldes (en branchegruppe eller en branchekode)',
    ),
  );
  return undefined;
}

function resolveNamedBranch(
  values: Record<string, ParsedValue>,
  branch: string,
  lookups: Lookups,
  report: Report,
): ResolvedBranch | undefined {
  const industryCode = values.industryCode;
  const group = lookups.branchGroup(branch);
  if (group === undefined) {
    report('branch', bilingual(`unknown branch group "${branch}"`, `ukendt branchegruppe "${branch}"`));
    return undefined;
  }
  let sub: { id: number; code: string } | undefined;
  if (typeof values.subBranch === 'string') {
    sub = lookups.subBranch(values.subBranch, group.id);
    if (sub === undefined) {
      report(
        'subBranch',
        bilingual(
          `unknown sub-branch "${values.subBranch}" of "${group.code}"`,
          `ukendt underbranche "${values.subBranch}" under "${group.code}"`,
        ),
      );
      return undefined;
    }
  }
  return {
    branchGroupId: group.id,
    branchGroupCode: group.code,
    subBranchId: sub?.id ?? null,
    subBranchCode: sub?.code ?? null,
    industryCode: typeof industryCode === 'string' ? industryCode : null,
    classification: typeof values.classification === 'string' ? values.classification.toUpperCase() : null,
  };
}

function resolveIndustryCode(
  values: Record<string, ParsedValue>,
  industryCode: string,
  lookups: Lookups,
  report: Report,
  keepUnmapped: boolean,
): Placement | undefined {
  const classification =
    typeof values.classification === 'string' ? values.classification.toUpperCase() : 'DB07';
  if (classification !== 'DB07' && classification !== 'DB25') {
    report(
      'classification',
      bilingual(`"${classification}" is not DB07 or DB25`, `"${classification}" er hverken DB07 eller DB25`),
    );
    return undefined;
  }
  const checked = checkIndustryCode(industryCode, classification);
  if (!checked.ok) {
    report(
      'industryCode',
      checked.reason === 'malformed'
        ? bilingual(
            `"${industryCode}" is not an industry code (write it as 47.11.10, 471110, 47.11 or 4711)`,
            `"${industryCode}" er ikke en branchekode (skriv den som 47.11.10, 471110, 47.11 eller 4711)`,
          )
        : bilingual(
            `"${industryCode}" is not a code of ${classification}`,
            `"${industryCode}" er ikke en kode i ${classification}`,
          ),
    );
    return undefined;
  }
  const mapped = lookups.industryCode(classification, checked.digits);
  if (mapped !== undefined) return { ...mapped, industryCode, classification, mainGroupId: null };
  if (keepUnmapped && classification === 'DB07') {
    const mainGroupId = lookups.mainGroupOfDivision(classification, checked.digits);
    return { branchGroupId: null, mainGroupId, industryCode, classification };
  }
  report(
    'industryCode',
    bilingual(
      `industry code "${industryCode}" (${classification}) maps to no branch group`,
      `branchekoden "${industryCode}" (${classification}) hører ikke til nogen branchegruppe`,
    ),
  );
  return undefined;
}
