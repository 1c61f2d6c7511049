// The validation stage as a job for a worker thread: what the worker needs to open the file and check its rows the
// way the importing thread would (the kind by name, the mapping, the fields by name and column, the look-up tables
// as plain data), and the messages that come back.
import type { Issue } from '../errors.js';
import type { ImportKind } from './kinds/index.js';
import type { ParsedValue } from './kinds/kind.js';
import type { LookupTables } from './lookups.js';
import type { Mapping } from './mapping.js';
import type { PackedData } from './packed-rows.js';
import type { DetectedSettings } from './readers/table.js';
import type { ValidationSummary } from './row-validation.js';
import type { Stage } from './stage-clock.js';

export interface ValidationJob {
  filePath: string;
  file: string;
  kind: ImportKind;
  sheet?: string;
  mapping?: Mapping;
  fields: { name: string; index: number }[];
  constants: Record<string, ParsedValue>;
  decimalComma: boolean;
  lookupTables: LookupTables;
  keyLabel: string;
  aggregate: boolean;
}

/** Chunks cross packed by column (packed-rows.ts), their buffers transferred, not thousands of objects cloned. */
export type ValidationMessage =
  | { type: 'chunk'; rows: PackedData }
  | { type: 'issue'; issue: Issue }
  | { type: 'progress'; rows: number }
  | { type: 'done'; summary: ValidationSummary; settings: DetectedSettings; timings: Record<Stage, number> }
  | { type: 'problem'; code: string; message: string; issues: Issue[] }
  | { type: 'unexpected'; message: string; stack: string };

/** Chunks the worker may send ahead of the writer (bounds the memory between the two). */
export const CHUNKS_IN_FLIGHT = 4;
