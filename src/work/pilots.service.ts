// Pilots: a BFA's trial of an intervention in one group against a comparison group, measured before and after, and
// its evaluation by difference in differences (METHODS §10, stats/pilot-evaluation.ts) with the interval, whether it
// is significant, the weak-approximation flag with its conservative range, and the caveats. Visibility and writing
// follow the campaigns' rules: published for everyone, drafts for whoever may read that BFA's drafts (else a 404
// like a missing id), writes with `work.write` on the pilot's BFA; every save names the version it opened, keeps the
// new version, bumps the data version and leaves one audit row.
import { canOn, type Principal } from '../auth/policy.js';
import type { Db, Tx } from '../db/connect.js';
import { AppError } from '../errors.js';
import { type DidResult, didProportions, didRates } from '../stats/pilot-evaluation.js';
import { StatsInputError } from '../stats/stats-input-error.js';
import { type BfaRef, bfaRefByCode } from './campaigns.repository.js';
import {
  bfaRefOf,
  type EditableFields,
  type EditableKind,
  editableFieldsOf,
  editableService,
  mayRead,
  readableRow,
} from './editable.service.js';
import { insertPilot, type PilotRow, pilotRow, pilotRows, updatePilotRow } from './pilots.repository.js';
import { CELL_NAMES, type CellName, type PilotDesignName, type PilotInput } from './pilots.schemas.js';
import { CAVEATS, CELL_NAMES_TEXT, NO_EVALUATION, rangeText } from './pilots.texts.js';
import type { RecordState } from './versioned.js';

export interface Pilot extends EditableFields {
  id: number;
  bfa: BfaRef;
  title: string;
  description: string;
  interventionGroup: string;
  comparisonGroup: string;
  outcome: string;
  design: PilotDesignName;
  periodStart: string;
  periodEnd: string | null;
  beforeLabel: string;
  afterLabel: string;
  cells: Record<CellName, number | null>;
  evaluation: PilotEvaluation;
}

/** A caveat in both languages, with a stable code. */
export interface Caveat {
  code: 'parallel_trends' | 'non_randomised' | 'independent_samples' | 'weak_approximation';
  da: string;
  en: string;
}

/** One group in one period: the count, the size (or person-time) and the share (or rate per unit of n). */
export interface CellFigure {
  x: number;
  n: number;
  value: number;
}

export type GroupPeriod = 'i0' | 'i1' | 'c0' | 'c1';

export interface Evaluated {
  available: true;
  method: DidResult['formula'];
  /** A difference of shares (a fraction: −0.08 is −8 percentage points), or a ratio of rate ratios. */
  measure: 'difference_in_shares' | 'ratio_of_rate_ratios';
  confidence: number;
  value: number;
  lowercl: number | null;
  uppercl: number | null;
  significant: boolean | null;
  weakApproximation: boolean;
  conservative: { lowercl: number | null; uppercl: number | null } | null;
  cells: Record<GroupPeriod, CellFigure>;
  caveats: Caveat[];
}

export interface NotEvaluated {
  available: false;
  reason: { code: 'incomplete' | 'zero_count' | 'invalid'; da: string; en: string };
  /** The cells still missing (incomplete only). */
  missing: CellName[];
  caveats: Caveat[];
}

export type PilotEvaluation = Evaluated | NotEvaluated;

export const CONFIDENCE = 0.95;

const BASE_CAVEATS: Caveat[] = [
  { code: 'parallel_trends', ...CAVEATS.parallelTrends },
  { code: 'non_randomised', ...CAVEATS.nonRandomised },
  { code: 'independent_samples', ...CAVEATS.independent },
];

const PERIODS: Record<GroupPeriod, [CellName, CellName]> = {
  i0: ['xI0', 'nI0'],
  i1: ['xI1', 'nI1'],
  c0: ['xC0', 'nC0'],
  c1: ['xC1', 'nC1'],
};

function notEvaluated(
  code: NotEvaluated['reason']['code'],
  words: { da: string; en: string },
  missing: CellName[] = [],
): NotEvaluated {
  return { available: false, reason: { code, ...words }, missing, caveats: BASE_CAVEATS };
}

function figuresOf(cells: Record<CellName, number>): Record<GroupPeriod, CellFigure> {
  const figure = ([xName, nName]: [CellName, CellName]) => ({
    x: cells[xName],
    n: cells[nName],
    value: cells[xName] / cells[nName],
  });
  return { i0: figure(PERIODS.i0), i1: figure(PERIODS.i1), c0: figure(PERIODS.c0), c1: figure(PERIODS.c1) };
}

const listWords = (names: CellName[], locale: 'da' | 'en') => {
  const words = names.map((name) => CELL_NAMES_TEXT[locale][name]);
  const and = locale === 'da' ? ' og ' : ' and ';
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')}${and}${words.at(-1)}`;
};

function weakCaveat(result: DidResult, design: PilotDesignName): Caveat {
  const low = result.conservative?.lowercl ?? null;
  const high = result.conservative?.uppercl ?? null;
  const range = { da: rangeText(low, high, design, 'da'), en: rangeText(low, high, design, 'en') };
  return { code: 'weak_approximation', ...CAVEATS.weak(range) };
}

/** METHODS §10 on the pilot's four cells; "no evaluation yet" with the reason while a cell is missing. */
export function evaluatePilot(
  design: PilotDesignName,
  cells: Record<CellName, number | null>,
): PilotEvaluation {
  const missing = CELL_NAMES.filter((name) => cells[name] === null);
  if (missing.length > 0) {
    const words = { da: listWords(missing, 'da'), en: listWords(missing, 'en') };
    return notEvaluated('incomplete', NO_EVALUATION.incomplete(words), missing);
  }
  const full = cells as Record<CellName, number>;
  const input = Object.fromEntries(
    Object.entries(PERIODS).flatMap(([key, [x, n]]) => [
      [`x_${key}`, full[x]],
      [`n_${key}`, full[n]],
    ]),
  );
  let result: DidResult;
  try {
    const options = { confidence: CONFIDENCE };
    result = design === 'rates' ? didRates(input, options) : didProportions(input, options);
  } catch (error) {
    if (error instanceof StatsInputError)
      return notEvaluated('invalid', NO_EVALUATION.invalid(error.message));
    throw error;
  }
  if (result.value === null) return notEvaluated('zero_count', NO_EVALUATION.zeroCount);
  return {
    available: true,
    method: result.formula,
    measure: design === 'rates' ? 'ratio_of_rate_ratios' : 'difference_in_shares',
    confidence: CONFIDENCE,
    value: result.value,
    lowercl: result.lowercl,
    uppercl: result.uppercl,
    significant: result.significant,
    weakApproximation: result.weakApproximation,
    conservative: result.conservative,
    cells: figuresOf(full),
    caveats: result.weakApproximation ? [...BASE_CAVEATS, weakCaveat(result, design)] : BASE_CAVEATS,
  };
}

const cellsOfRow = (row: PilotRow): Record<CellName, number | null> => ({
  xI0: row.xI0,
  nI0: row.nI0,
  xI1: row.xI1,
  nI1: row.nI1,
  xC0: row.xC0,
  nC0: row.nC0,
  xC1: row.xC1,
  nC1: row.nC1,
});

type PilotText = 'title' | 'description' | 'interventionGroup' | 'comparisonGroup' | 'outcome' | 'design';

/** The pilot's texts and design, of a stored row or of a pilot as shown (their fields are named alike). */
export const pilotTexts = (pilot: Pick<Pilot, PilotText>): Pick<Pilot, PilotText> => ({
  title: pilot.title,
  description: pilot.description,
  interventionGroup: pilot.interventionGroup,
  comparisonGroup: pilot.comparisonGroup,
  outcome: pilot.outcome,
  design: pilot.design,
});

/** The pilot's own fields, as shown and as kept in its history (its cells apart). */
const ownFields = (row: PilotRow) => ({
  ...pilotTexts(row),
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  beforeLabel: row.beforeLabel,
  afterLabel: row.afterLabel,
});

function toPilot(row: PilotRow): Pilot {
  const cells = cellsOfRow(row);
  const evaluation = evaluatePilot(row.design, cells);
  return { id: row.id, bfa: bfaRefOf(row), ...ownFields(row), cells, ...editableFieldsOf(row), evaluation };
}

/** The record's editable state as kept in its history and compared on a conflict. */
export function pilotState(row: PilotRow): RecordState {
  return { bfa: row.bfaCode, ...ownFields(row), ...cellsOfRow(row), published: row.published === 1 };
}

export function noPilot(id: number): AppError {
  return new AppError('not_found', `No pilot ${id}`, [
    { field: 'id', message: 'no such pilot', messageDa: 'ingen sådan pilot' },
  ]);
}

const notYours = (field: string) =>
  new AppError('forbidden', 'You may not write this pilot', [
    {
      field,
      message: 'this pilot belongs to another BFA than yours',
      messageDa: 'denne pilot hører til et andet BFA end dit',
    },
  ]);

async function bfaIdOf(tx: Tx, code: string): Promise<number> {
  const bfa = await bfaRefByCode(tx, code);
  if (bfa !== undefined) return bfa.id;
  throw new AppError('invalid_input', 'The pilot has problems', [
    { field: 'bfa', message: `"${code}" is not a BFA`, messageDa: `"${code}" er ikke et BFA` },
  ]);
}

const columnsOf = async (tx: Tx, input: PilotInput) => {
  const { bfa: code, published: _published, ...fields } = input;
  return { ...fields, bfaId: await bfaIdOf(tx, code) };
};

/** Pilots as editable records (work/editable.service.ts). */
const PILOTS: EditableKind<PilotRow, PilotInput, Awaited<ReturnType<typeof columnsOf>>> = {
  entity: 'pilot',
  rowOf: pilotRow,
  stateOf: pilotState,
  columnsOf,
  insert: insertPilot,
  update: updatePilotRow,
  missing: noPilot,
  notYours,
};

/** The pilots the principal may read (of one BFA, given its code): published ones and the drafts they may read. */
export async function listPilots(
  db: Db,
  principal: Principal,
  filter: { bfa?: string } = {},
): Promise<Pilot[]> {
  const rows = await pilotRows(db, filter.bfa);
  return rows.filter((row) => mayRead(principal, row)).map(toPilot);
}

/** One pilot with its evaluation; 404 when missing or a draft the principal may not read. */
export async function getPilot(db: Db, principal: Principal, id: number): Promise<Pilot> {
  return toPilot(await readableRow(db, PILOTS, principal, id));
}

export const mayWritePilot = (principal: Principal, pilot: Pilot): boolean =>
  canOn(principal, 'work.write', pilot.bfa.id);

/** The pilots' history and writes (work/editable.service.ts). */
export const pilotService = editableService(PILOTS);

export const { history: pilotHistory, create: createPilot, update: updatePilot } = pilotService;
export const setPilotPublished = pilotService.setPublished;
