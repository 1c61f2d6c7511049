// Mapping files: how a file's columns map to Måltal's fields when its headers are not ones Måltal knows.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError, invalidInput } from '../errors.js';
import { parseOrThrow } from '../validation.js';
import { bilingual, issue, withDanish } from './texts.js';

export const mappingSchema = z
  .object({
    /** Field name → the column's header in the file. */
    columns: z.record(z.string(), z.string().min(1)).default({}),
    sheet: z.string().min(1).optional(),
    headerRow: z.number().int().min(1).optional(),
    /** Override detection: true when the file writes 12,5 for twelve and a half. */
    decimalComma: z.boolean().optional(),
    /** Fixed values for fields the file does not have (e.g. { "indicator": "kemi-udsat" }). */
    constants: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  })
  .strict();

export type Mapping = z.output<typeof mappingSchema>;

export async function readMapping(path: string): Promise<Mapping> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = (error as Error).message;
    throw invalidInput('Cannot read the mapping file', [
      issue('--mapping', bilingual(`${path}: ${reason}`, `${path}: mappingfilen kan ikke læses (${reason})`)),
    ]);
  }
  try {
    return parseOrThrow(mappingSchema, raw, 'Invalid mapping file', { file: path });
  } catch (error) {
    // zod writes English only: the messages Måltal knows get Danish, zod's own keep theirs after a Danish lead-in.
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, error.message, error.issues.map(withDanish));
  }
}
