// The accident base cube: one batch's records counted per registration year × accident year × placement × age band
// × sex × severity (fatal records as 'fatal') × the three raw codes the chemical setting reads. It is finer than
// the leaves (it keeps the codes, not the chemical flag), so the leaves under any chemical setting are summed from
// it without reading the records again: a full rebuild after a change of settings reads the base cells, not a
// million records. Summed while an import streams; pure, no I/O.
import type { RowTable } from '../db/bulk-insert.js';
import type { AccidentBaseTable } from '../db/schema.js';

/** One base cell: a stored `accident_base` row without its batch. */
export type BaseCell = Omit<AccidentBaseTable, 'batchId'>;

/** The base cube's columns (as stored in `accident_base`, before its batch id) and the cell fields they hold. */
export const BASE_COLUMNS: readonly (readonly [string, keyof BaseCell])[] = [
  ['registration_year', 'registrationYear'],
  ['accident_year', 'accidentYear'],
  ['branch_group_id', 'branchGroupId'],
  ['main_group_id', 'mainGroupId'],
  ['age_band', 'ageBand'],
  ['sex', 'sex'],
  ['severity', 'severity'],
  ['injury_type', 'injuryType'],
  ['contact_mode', 'contactMode'],
  ['material_agent', 'materialAgent'],
  ['accidents', 'accidents'],
  ['days_lost', 'daysLost'],
  ['days_known', 'daysKnown'],
];

/** Cells read from a table in BASE_COLUMNS order (as they cross from the validation worker), one at a time. */
export function* baseCellsOf(table: RowTable): Generator<BaseCell> {
  for (let row = 0; row < table.length; row++)
    yield Object.fromEntries(
      BASE_COLUMNS.map(([, field], column) => [field, table.cell(row, column)]),
    ) as unknown as BaseCell;
}

/** The record fields the base cube reads, by their column names (the accidents kind's columns). */
const FIELDS = [
  'registration_year',
  'accident_year',
  'branch_group_id',
  'main_group_id',
  'age_band',
  'sex',
  'severity',
  'fatal',
  'days_lost',
  'injury_type',
  'contact_mode',
  'material_agent',
] as const;
type Field = (typeof FIELDS)[number];

/** Codes for a dimension's distinct values, below a limit. */
class Dictionary<Value> {
  private readonly codes = new Map<Value, number>();

  constructor(
    private readonly name: string,
    private readonly limit: number,
  ) {}

  code(value: Value): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.codes.size;
      if (code >= this.limit) throw new Error(`More than ${this.limit} distinct ${this.name} in one import`);
      this.codes.set(value, code);
    }
    return code;
  }
}

/** Distinct texts of each code field per import: 2^17, so three codes make one safe integer. */
const CODES = 131_072;

export class BaseAccumulator {
  /** Cells keyed by two numbers (a string key per record costs three times as much): the cell's dimensions, then its
   *  three codes. */
  private readonly cells = new Map<number, Map<number, BaseCell>>();
  private readonly at: Record<Field, number>;
  private readonly dimensions = {
    ageBand: new Dictionary<string>('age bands', 16),
    sex: new Dictionary<string>('sexes', 4),
    severity: new Dictionary<string>('severities', 8),
  };
  private readonly codes = {
    injury: new Dictionary<string | null>('injury types', CODES),
    contact: new Dictionary<string | null>('contact modes', CODES),
    agent: new Dictionary<string | null>('material agents', CODES),
  };

  constructor(columns: readonly string[]) {
    this.at = Object.fromEntries(
      FIELDS.map((field) => {
        const index = columns.indexOf(field);
        if (index < 0) throw new Error(`The accident columns lack ${field}`);
        return [field, index];
      }),
    ) as Record<Field, number>;
  }

  /** Counts one stored record (its values in the columns' order). */
  add(row: readonly unknown[]): void {
    const { at } = this;
    const daysLost = row[at.days_lost] as number | null;
    const cell = this.cellOf(row);
    cell.accidents++;
    if (daysLost !== null) {
      cell.daysLost += daysLost;
      cell.daysKnown++;
    }
  }

  private cellOf(row: readonly unknown[]): BaseCell {
    const { at } = this;
    const registrationYear = row[at.registration_year] as number;
    const accidentYear = row[at.accident_year] as number | null;
    const branchGroupId = row[at.branch_group_id] as number | null;
    const mainGroupId = branchGroupId === null ? (row[at.main_group_id] as number | null) : null;
    const ageBand = row[at.age_band] as string;
    const sex = row[at.sex] as string;
    const severity = row[at.fatal] === 1 ? 'fatal' : (row[at.severity] as string);
    const injuryType = row[at.injury_type] as string | null;
    const contactMode = row[at.contact_mode] as string | null;
    const materialAgent = row[at.material_agent] as string | null;
    // Years from 1900 to 2154 (255: none), placements below 2^16 (2^16 and up: a main group, or none).
    const place = branchGroupId ?? 65_536 + (mainGroupId ?? 65_535);
    if (!(registrationYear >= 1900 && registrationYear < 2155) || !(place >= 0 && place < 131_072))
      throw new Error(
        `An accident record outside the base cube's range: ${registrationYear}, place ${place}`,
      );
    const { dimensions, codes } = this;
    const first =
      ((((registrationYear - 1900) * 256 + (accidentYear === null ? 255 : accidentYear - 1900)) * 131_072 +
        place) *
        16 +
        dimensions.ageBand.code(ageBand)) *
        32 +
      dimensions.sex.code(sex) * 8 +
      dimensions.severity.code(severity);
    const second =
      (codes.injury.code(injuryType) * CODES + codes.contact.code(contactMode)) * CODES +
      codes.agent.code(materialAgent);
    let cells = this.cells.get(first);
    if (cells === undefined) {
      cells = new Map();
      this.cells.set(first, cells);
    }
    let cell = cells.get(second);
    if (cell === undefined) {
      cell = {
        registrationYear,
        accidentYear,
        branchGroupId,
        mainGroupId,
        ageBand,
        sex,
        severity,
        injuryType,
        contactMode,
        materialAgent,
        accidents: 0,
        daysLost: 0,
        daysKnown: 0,
      };
      cells.set(second, cell);
    }
    return cell;
  }

  result(): BaseCell[] {
    return [...this.cells.values()].flatMap((cells) => [...cells.values()]);
  }
}
