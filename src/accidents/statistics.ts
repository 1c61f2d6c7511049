// Loads what the accident statistics are computed from (aggregate leaves, branch structure, employment, source
// batches) and keeps the protected cubes in memory until the data version changes (every import, rollback,
// seed and aggregate refresh bumps it).
import type { Db } from '../db/connect.js';
import { dataVersion } from '../db/meta.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { AppError } from '../errors.js';
import {
  CONVENTIONS,
  type Convention,
  chemicalFingerprint,
  readLeaves,
  storedChemicalFingerprint,
} from './aggregates.repository.js';
import {
  type AccidentCube,
  ALL,
  type BranchInfo,
  buildCube,
  type MainGroupInfo,
  withUnmapped,
} from './cube.js';
import { applyProtection } from './protection.js';
import { readProtections } from './protection.repository.js';
import { type AccidentSettings, DEFAULT_ACCIDENT_SETTINGS } from './settings.js';
import {
  readBranches,
  readEmploymentRows,
  readMainGroups,
  readSourceBatches,
} from './statistics.repository.js';

export interface SourceBatch {
  id: number;
  fileName: string;
  sourceLabel: string;
  importedAt: string;
  rowCount: number;
}

/** Employed persons by year × branch group × age band × sex, with 'all' for totals; derived sums when needed. */
export class EmploymentIndex {
  private readonly exact = new Map<string, number>();

  constructor(
    rows: readonly { year: number; branchGroupId: number; ageBand: string; sex: string; employed: number }[],
  ) {
    for (const row of rows)
      this.exact.set(key(row.year, row.branchGroupId, row.ageBand, row.sex), row.employed);
  }

  /** Employed in one year, branch group, age band (or 'all') and sex (or 'all'); null when not known. */
  get(year: number, branchGroupId: number, ageBand: string, sex: string): number | null {
    const stored = this.exact.get(key(year, branchGroupId, ageBand, sex));
    if (stored !== undefined) return stored;
    if (ageBand !== ALL && sex !== ALL) return null;
    if (ageBand !== ALL) return this.sum(SEXES.map((s) => this.get(year, branchGroupId, ageBand, s)));
    const byBand = this.sum(BANDS.map((band) => this.get(year, branchGroupId, band, sex)));
    if (byBand !== null || sex !== ALL) return byBand;
    return this.sum(SEXES.map((s) => this.get(year, branchGroupId, ALL, s)));
  }

  private sum(parts: (number | null)[]): number | null {
    let total = 0;
    for (const part of parts) {
      if (part === null) return null;
      total += part;
    }
    return total;
  }
}

const SEXES = ['K', 'M'];
const BANDS = ['15-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const key = (year: number, branch: number, band: string, sex: string) => `${year}|${branch}|${band}|${sex}`;

export interface AccidentData {
  version: string;
  settings: AccidentSettings;
  cubes: Record<Convention, AccidentCube>;
  branches: BranchInfo[];
  /** Branch groups by code. */
  branchByCode: Map<string, BranchInfo>;
  mainGroups: MainGroupInfo[];
  employment: EmploymentIndex;
  batches: SourceBatch[];
  demo: boolean;
  /** Records without an accident date: left out under the accident-year convention. */
  undated: number;
  /** Per convention, the years published with a protection that passed the disclosure audit. */
  auditedYears: Record<Convention, number[]>;
}

/**
 * The accident data as plain data (typed arrays, arrays, records), which a worker thread can build and hand over:
 * everything of `AccidentData` but the look-ups derived from it.
 */
export type AccidentDataParts = Omit<AccidentData, 'branchByCode' | 'employment'> & {
  employmentRows: ConstructorParameters<typeof EmploymentIndex>[0];
};

/** Reads the aggregates and builds both cubes with their disclosure control: the heavy part of loading. */
export async function buildAccidentParts(
  db: Db,
  settings: AccidentSettings = DEFAULT_ACCIDENT_SETTINGS,
): Promise<AccidentDataParts> {
  const version = await dataVersion(db);
  const stored = await storedChemicalFingerprint(db);
  if (stored !== undefined && stored !== chemicalFingerprint(settings)) {
    throw new AppError(
      'conflict',
      'The accident aggregates were built with other chemical codes than the accident settings now name',
      [{ field: 'accident-settings.json', message: 'run `maaltal accidents rebuild` to rebuild them' }],
    );
  }
  const [leaves, branchRows, groupRows, employmentRows, batches, demo, protections] = await Promise.all([
    readLeaves(db),
    readBranches(db),
    readMainGroups(db),
    readEmploymentRows(db),
    readSourceBatches(db),
    holdsDemoData(db),
    readProtections(db),
  ]);
  const branches = withUnmapped(branchRows, groupRows, leaves);
  const cubes = Object.fromEntries(
    CONVENTIONS.map((convention) => [
      convention,
      buildCube(convention, leaves, branches, groupRows, settings),
    ]),
  ) as Record<Convention, AccidentCube>;
  const auditedYears = Object.fromEntries(
    CONVENTIONS.map((convention) => [convention, applyProtection(cubes[convention], protections, settings)]),
  ) as Record<Convention, number[]>;
  /** Records in a cube: every year's all-margins cell (the last cell of each year's block). */
  const total = (cube: AccidentCube) => {
    const perYear = cube.strides[0] as number;
    let sum = 0;
    for (let end = perYear; end <= cube.counts.length; end += perYear) sum += cube.counts[end - 1] as number;
    return sum;
  };
  return {
    version,
    settings,
    cubes,
    branches,
    mainGroups: groupRows,
    employmentRows: employmentRows.map((row) => ({ ...row, employed: Number(row.employed) })),
    batches: batches.map((batch) => ({ ...batch, rowCount: Number(batch.rowCount) })),
    demo,
    undated: total(cubes.registration) - total(cubes.accident),
    auditedYears,
  };
}

/** The look-ups over the parts (cheap). */
export function assembleAccidentData(parts: AccidentDataParts): AccidentData {
  const { employmentRows, ...rest } = parts;
  return {
    ...rest,
    branchByCode: new Map(parts.branches.map((branch) => [branch.code, branch])),
    employment: new EmploymentIndex(employmentRows),
  };
}

export async function loadAccidentData(
  db: Db,
  settings: AccidentSettings = DEFAULT_ACCIDENT_SETTINGS,
): Promise<AccidentData> {
  return assembleAccidentData(await buildAccidentParts(db, settings));
}

/** Builds the parts somewhere else (a worker thread); the result must be those of `buildAccidentParts`. */
export type PartsBuilder = (settings: AccidentSettings) => Promise<AccidentDataParts>;

/** The accident data of one store, rebuilt only when the data version changes (one key read per request). */
export class AccidentStatistics {
  private cached: AccidentData | undefined;
  private loading: Promise<AccidentData> | undefined;
  private builder: PartsBuilder | undefined;

  constructor(
    private readonly db: Db,
    readonly settings: AccidentSettings = DEFAULT_ACCIDENT_SETTINGS,
  ) {}

  async current(): Promise<AccidentData> {
    const version = await dataVersion(this.db);
    if (this.cached?.version === version) return this.cached;
    if (this.loading === undefined) {
      const builder = this.builder;
      const loading =
        builder === undefined
          ? loadAccidentData(this.db, this.settings)
          : builder(this.settings).then(assembleAccidentData);
      this.loading = loading.finally(() => {
        this.loading = undefined;
      });
    }
    this.cached = await this.loading;
    return this.cached;
  }

  /** From now on, builds the data with `builder` (in a worker thread: the serving thread stays free meanwhile). */
  buildWith(builder: PartsBuilder): void {
    this.builder = builder;
  }
}
