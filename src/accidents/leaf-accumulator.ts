// The aggregate leaves of one import batch, summed from its base cells (base-cube.ts, summed while its records
// streamed past) instead of a GROUP BY over the records: the same cells as aggregates.repository's leafSelect, with
// the same rules (both counting conventions, undated records only under registration, every fatal record as
// 'fatal', chemical when a field carries a configured code alone or followed by a space and a label). Pure: no I/O.
import type { BaseCell } from './base-cube.js';
import type { AccidentSettings } from './settings.js';

/** One leaf cell of a batch: placement is a branch group id, or for records without one their main group id. */
export interface AccumulatedLeaf {
  convention: 'registration' | 'accident';
  year: number;
  branchGroupId: number | null;
  mainGroupId: number | null;
  ageBand: string;
  sex: string;
  severity: string;
  chemical: 0 | 1;
  accidents: number;
  daysLost: number;
  daysKnown: number;
}

/** A field carries a code when it is the code, or the code followed by a space and a label: what comes before its
 *  first space is one of the codes (codes hold no spaces, see settings.ts). */
function carriesCode(value: unknown, codes: ReadonlySet<string>): boolean {
  if (typeof value !== 'string') return false;
  const space = value.indexOf(' ');
  return codes.has(space === -1 ? value : value.slice(0, space));
}

export class LeafAccumulator {
  private readonly cells = new Map<number, AccumulatedLeaf>();

  private readonly chemicalCodes: Record<
    'injuryTypes' | 'contactModes' | 'materialAgents',
    ReadonlySet<string>
  >;

  constructor(settings: AccidentSettings) {
    const { injuryTypes, contactModes, materialAgents } = settings.chemical;
    this.chemicalCodes = {
      injuryTypes: new Set(injuryTypes),
      contactModes: new Set(contactModes),
      materialAgents: new Set(materialAgents),
    };
  }

  /** Counts one base cell (its records, days lost and days known) into its leaves under both conventions. */
  addCell(base: BaseCell): void {
    const { injuryTypes, contactModes, materialAgents } = this.chemicalCodes;
    const chemical =
      carriesCode(base.injuryType, injuryTypes) ||
      carriesCode(base.contactMode, contactModes) ||
      carriesCode(base.materialAgent, materialAgents)
        ? 1
        : 0;
    const { branchGroupId, mainGroupId, ageBand, sex, severity } = base;
    const cell = { branchGroupId, mainGroupId, ageBand, sex };
    this.count('registration', base.registrationYear, cell, severity, chemical, base);
    if (base.accidentYear !== null) this.count('accident', base.accidentYear, cell, severity, chemical, base);
  }

  private count(
    convention: AccumulatedLeaf['convention'],
    year: number,
    cell: Pick<AccumulatedLeaf, 'branchGroupId' | 'mainGroupId' | 'ageBand' | 'sex'>,
    severity: string,
    chemical: 0 | 1,
    counts: Pick<BaseCell, 'accidents' | 'daysLost' | 'daysKnown'>,
  ): void {
    const key = this.keyOf(convention, year, cell, severity, chemical);
    let leaf = this.cells.get(key);
    if (leaf === undefined) {
      leaf = { convention, year, ...cell, severity, chemical, accidents: 0, daysLost: 0, daysKnown: 0 };
      this.cells.set(key, leaf);
    }
    leaf.accidents += counts.accidents;
    leaf.daysLost += counts.daysLost;
    leaf.daysKnown += counts.daysKnown;
  }

  /** The cell as one number (a string key per record would cost more than the rest of the sum). */
  private keyOf(
    convention: AccumulatedLeaf['convention'],
    year: number,
    cell: Pick<AccumulatedLeaf, 'branchGroupId' | 'mainGroupId' | 'ageBand' | 'sex'>,
    severity: string,
    chemical: 0 | 1,
  ): number {
    const unmapped = cell.branchGroupId === null ? 1 : 0;
    const place = cell.branchGroupId ?? cell.mainGroupId ?? 0;
    if (!Number.isInteger(year) || year < 0 || year >= 4096 || place >= 65_536)
      throw new Error(`An accident cell outside the key's range: year ${year}, placement ${place}`);
    let key = convention === 'registration' ? 0 : 1;
    key = key * 4096 + year;
    key = (key * 2 + unmapped) * 65_536 + place;
    key = key * 64 + this.codeOf(this.ageBands, cell.ageBand);
    key = key * 64 + this.codeOf(this.sexes, cell.sex);
    key = key * 64 + this.codeOf(this.severities, severity);
    return key * 2 + chemical;
  }

  private readonly ageBands = new Map<string, number>();
  private readonly sexes = new Map<string, number>();
  private readonly severities = new Map<string, number>();

  private codeOf(codes: Map<string, number>, value: string): number {
    let code = codes.get(value);
    if (code === undefined) {
      code = codes.size;
      if (code >= 64)
        throw new Error(`More than 64 distinct values in an accident cell's dimension: ${value}`);
      codes.set(value, code);
    }
    return code;
  }

  leaves(): AccumulatedLeaf[] {
    return [...this.cells.values()];
  }
}

/** The leaves of base cells under these settings (the chemical flag read from each cell's codes). */
export function leavesOf(cells: Iterable<BaseCell>, settings: AccidentSettings): AccumulatedLeaf[] {
  const leaves = new LeafAccumulator(settings);
  for (const cell of cells) leaves.addCell(cell);
  return leaves.leaves();
}
