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

export function resolveBranch(
  values: Record<string, ParsedValue>,
  lookups: Lookups,
  report: Report,
): ResolvedBranch | undefined {
  const branch = values.branch;
  const industryCode = values.industryCode;
  if (typeof branch === 'string') {
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
  if (typeof industryCode === 'string') {
    const classification =
      typeof values.classification === 'string' ? values.classification.toUpperCase() : 'DB07';
    if (classification !== 'DB07' && classification !== 'DB25') {
      report(
        'classification',
        bilingual(
          `"${classification}" is not DB07 or DB25`,
          `"${classification}" er hverken DB07 eller DB25`,
        ),
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
    if (mapped === undefined) {
      report(
        'industryCode',
        bilingual(
          `industry code "${industryCode}" (${classification}) maps to no branch group`,
          `branchekoden "${industryCode}" (${classification}) hører ikke til nogen branchegruppe`,
        ),
      );
      return undefined;
    }
    return { ...mapped, industryCode, classification };
  }
  report(
    'branch',
    bilingual(
      'is required (a branch group, or an industry code)',
      'skal udfyldes (en branchegruppe eller en branchekode)',
    ),
  );
  return undefined;
}
