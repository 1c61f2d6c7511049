// Industry codes that no branch group covers yet: the accident records that carry them are kept (counted nationally
// and in their main group), listed here for data stewards, and moved into a branch group's figures once a steward
// maps the code.
import { type AuditContext, operatorAudit, recordAudit } from '../audit/audit.service.js';
import { type Db, inTransaction, type Tx } from '../db/connect.js';
import { takeImportTurn } from '../db/dialect.js';
import { type AppError, conflict, invalidInput } from '../errors.js';
import { checkIndustryCode, db07Title, dottedCode } from '../reference/industry-classification.js';
import { refreshAccidentAggregates } from './aggregates.repository.js';
import {
  findBranchGroup,
  findIndustryCode,
  insertIndustryCode,
  placeUnmappedRecords,
  readUnmappedCodes,
} from './industry-codes.repository.js';
import { type AccidentSettings, DEFAULT_ACCIDENT_SETTINGS } from './settings.js';
import { readBranches, readMainGroups } from './statistics.repository.js';

export interface UnmappedCode {
  classification: string;
  /** The code in DST's dotted form (45.20). */
  code: string;
  titleDa: string | null;
  /** The main group its records are counted in; null when not known. */
  mainGroup: string | null;
  records: number;
  firstYear: number;
  lastYear: number;
  /** How the files wrote it (45.20, 4520, 452000 …). */
  spellings: string[];
  batchIds: number[];
}

/** Every code carried by accident records without a branch group, one entry per code, most records first. */
export async function listUnmappedCodes(db: Db | Tx): Promise<UnmappedCode[]> {
  const byCode = new Map<string, UnmappedCode>();
  for (const row of await readUnmappedCodes(db)) {
    const checked = checkIndustryCode(row.industryCode, row.classification === 'DB25' ? 'DB25' : 'DB07');
    const digits = checked.ok ? checked.digits : row.industryCode;
    const key = `${row.classification}|${digits}|${row.mainGroup ?? ''}`;
    const entry = byCode.get(key) ?? {
      classification: row.classification,
      code: dottedCode(digits),
      titleDa: db07Title(digits) ?? null,
      mainGroup: row.mainGroup,
      records: 0,
      firstYear: row.firstYear,
      lastYear: row.lastYear,
      spellings: [],
      batchIds: [],
    };
    entry.records += row.records;
    entry.firstYear = Math.min(entry.firstYear, row.firstYear);
    entry.lastYear = Math.max(entry.lastYear, row.lastYear);
    entry.spellings = [...entry.spellings, row.industryCode].sort();
    const batches = row.batchIds
      .split(',')
      .filter((id) => id !== '')
      .map(Number);
    entry.batchIds = [...new Set([...entry.batchIds, ...batches])].sort((a, b) => a - b);
    byCode.set(key, entry);
  }
  return [...byCode.values()].sort((a, b) => b.records - a.records || a.code.localeCompare(b.code));
}

export interface CodeMapping {
  classification?: string;
  code: string;
  branch: string;
  user: string;
  now: () => Date;
  /** Who and from where, for the audit trail (default: the local operator named `user`). */
  audit?: AuditContext;
}

export interface MappedCode {
  classification: string;
  code: string;
  branch: string;
  /** Accident records moved from "no branch group" into the branch group. */
  moved: number;
  batchIds: number[];
}

function wrongCode(code: string, classification: string): AppError {
  return invalidInput('Not an industry code', [
    {
      field: 'code',
      message: `"${code}" is not a code of ${classification} (write it as 45.20, 4520 or 45)`,
      messageDa: `"${code}" er ikke en kode i ${classification} (skriv den som 45.20, 4520 eller 45)`,
    },
  ]);
}

/**
 * Maps an industry code (and every longer code under it that has no mapping of its own) to a branch group: future
 * imports place such records there, and the records already kept without a branch group move into it now.
 */
export async function mapIndustryCode(
  db: Db,
  mapping: CodeMapping,
  settings: AccidentSettings = DEFAULT_ACCIDENT_SETTINGS,
): Promise<MappedCode> {
  const classification = (mapping.classification ?? 'DB07').toUpperCase();
  if (classification !== 'DB07' && classification !== 'DB25') throw wrongCode(mapping.code, classification);
  const checked = checkIndustryCode(mapping.code, classification);
  if (!checked.ok) throw wrongCode(mapping.code, classification);
  const group = await findBranchGroup(db, mapping.branch);
  if (group === undefined)
    throw invalidInput('Unknown branch group', [
      {
        field: 'branch',
        message: `"${mapping.branch}" is not a branch group code`,
        messageDa: `"${mapping.branch}" er ikke en kode for en branchegruppe`,
      },
    ]);
  // An import running now would read the mappings before this one: wait for it, as a second import would.
  return inTransaction(db, async (tx) => {
    await takeImportTurn(tx);
    const existing = await findIndustryCode(tx, classification, checked.digits);
    if (existing !== undefined)
      throw conflict('The code is already mapped', [
        {
          field: 'code',
          message: `${dottedCode(checked.digits)} already maps to ${existing.branchGroup}`,
          messageDa: `${dottedCode(checked.digits)} hører allerede til ${existing.branchGroup}`,
        },
      ]);
    const spellings = (await listUnmappedCodes(tx))
      .filter((entry) => entry.classification === classification)
      .filter((entry) => entry.code.replace(/\./g, '').startsWith(checked.digits))
      .flatMap((entry) => entry.spellings);
    await insertIndustryCode(tx, {
      classification,
      code: checked.digits,
      branchGroupId: group.id,
      sourceUrl: 'maaltal:industry-codes map',
      caveat: `mapped by ${mapping.user} on ${mapping.now().toISOString().slice(0, 10)}`,
    });
    const placed = await placeUnmappedRecords(tx, classification, spellings, group.id);
    await refreshAccidentAggregates(tx, settings, placed.batchIds);
    const mapped = {
      classification,
      code: dottedCode(checked.digits),
      branch: group.code,
      moved: placed.moved,
      batchIds: placed.batchIds,
    };
    const change = {
      action: 'map_code',
      entity: 'industry_code',
      entityId: `${classification}:${mapped.code}`,
      after: mapped,
    };
    await recordAudit(tx, mapping.audit ?? operatorAudit(mapping.user), change, mapping.now());
    return mapped;
  });
}

export interface BranchChoice {
  code: string;
  nameDa: string;
  nameEn: string;
  mainGroup: string;
}

export interface MainGroupChoice {
  code: string;
  nameDa: string;
  nameEn: string;
}

/** The branch groups a code can be mapped to, and the main groups' names, in display order. */
export async function branchChoices(
  db: Db,
): Promise<{ branches: BranchChoice[]; mainGroups: MainGroupChoice[] }> {
  const [branches, mainGroups] = await Promise.all([readBranches(db), readMainGroups(db)]);
  return { branches, mainGroups };
}
