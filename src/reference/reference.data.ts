// The reference facts Måltal ships with (goals, branch groups, BFAs, matrix, industry codes), checked on load.
import { z } from 'zod';
import { parseOrThrow } from '../validation.js';
import bfas from './data/bfas.json' with { type: 'json' };
import branchGroups from './data/branch-groups.json' with { type: 'json' };
import branchProblems from './data/branch-problems.json' with { type: 'json' };
import goals from './data/goals.json' with { type: 'json' };
import industryCodes from './data/industry-codes.json' with { type: 'json' };
import mainGroups from './data/main-groups.json' with { type: 'json' };
import subBranches from './data/sub-branches.json' with { type: 'json' };

const code = z.string().regex(/^[a-z0-9-]+$/, 'must be a lower-case code');
const sourced = { sourceUrl: z.string(), caveat: z.string() };

const goalSchema = z.object({
  no: z.number().int().positive(),
  code,
  areaDa: z.string().min(1),
  areaEn: z.string().min(1),
  titleDa: z.string().min(1),
  titleEn: z.string().min(1),
  directionDa: z.string().min(1),
  directionEn: z.string().min(1),
  ...sourced,
  subProblems: z.array(z.object({ code, nameDa: z.string().min(1), nameEn: z.string().min(1), ...sourced })),
});

const bfaSchema = z.object({
  code,
  short: z.string().min(1),
  nameDa: z.string().min(1),
  nameEn: z.string().min(1),
  scope: z.string(),
  ...sourced,
});

const mainGroupSchema = z.object({ code, nameDa: z.string().min(1), nameEn: z.string().min(1) });

const branchGroupSchema = z.object({
  code,
  mainGroup: code,
  nameDa: z.string().min(1),
  nameEn: z.string().min(1),
  nameSeenOnOfficialPage: z.string(),
  owners: z.array(z.object({ bfa: code, basis: z.string(), note: z.string() })),
  ...sourced,
});

const subBranchSchema = z.object({
  code,
  branchGroup: code,
  nameDa: z.string().min(1),
  nameEn: z.string().min(1),
  ...sourced,
});

const branchProblemSchema = z.object({
  branchGroup: code,
  subBranch: code.nullable(),
  goal: code,
  subProblem: code.nullable(),
  columnReading: z.enum(['clear', 'verify']),
  bfa: code.nullable(),
  ...sourced,
});

export const CLASSIFICATIONS = ['DB07', 'DB25'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

const industryCodeSchema = z.object({
  classification: z.enum(CLASSIFICATIONS),
  code: z.string().regex(/^\d{2,6}$/, 'must be 2 to 6 digits'),
  branchGroup: code,
  subBranch: code.nullable(),
  ...sourced,
});

const referenceSchema = z.object({
  goals: z.array(goalSchema).length(4),
  bfas: z.array(bfaSchema).length(5),
  mainGroups: z.array(mainGroupSchema).length(10),
  branchGroups: z.array(branchGroupSchema).length(36),
  subBranches: z.array(subBranchSchema),
  branchProblems: z.array(branchProblemSchema),
  industryCodes: z.array(industryCodeSchema),
});

export type ReferenceData = z.output<typeof referenceSchema>;

export function loadReferenceData(): ReferenceData {
  return parseOrThrow(
    referenceSchema,
    { goals, bfas, mainGroups, branchGroups, subBranches, branchProblems, industryCodes },
    'The shipped reference data is invalid',
  );
}
