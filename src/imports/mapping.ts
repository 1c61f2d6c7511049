// Mapping files: how a file's columns map to Måltal's fields when its headers are not ones Måltal knows.
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { AppError, invalidInput } from '../errors.js';
import { parseOrThrow } from '../validation.js';
import { IMPORT_SETTINGS } from './import-settings.js';
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
    /** Keep only the rows whose column (by header) holds the value, or one of the values: { "KØN": "I alt" }. */
    where: z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])).optional(),
    /** Per field, the file's labels and the codes they stand for: { "branch": { "Kontor": "kontor" } }. */
    values: z.record(z.string(), z.record(z.string(), z.string())).optional(),
    /** The column (by header) holding a period (2014, 2005M08, 2013K4, 2013Q4, 2014-01): the year is its year. */
    period: z.string().min(1).optional(),
    /** A wide table (one column per year): each year column becomes a row, its cell going into this field. */
    wide: z
      .object({ value: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();

export type Mapping = z.output<typeof mappingSchema>;

const unreadable = (path: string, en: string, da: string) =>
  invalidInput('Cannot read the mapping file', [
    issue('--mapping', bilingual(`${path}: ${en}`, `${path}: ${da}`)),
  ]);

/**
 * The mapping file's text: only a regular file, only up to the size limit (checked before reading, so a device or a
 * huge file is never read), and a JSON error says where, never what the file holds.
 */
async function mappingJson(path: string): Promise<unknown> {
  const limit = IMPORT_SETTINGS.limits.mappingFileBytes;
  const facts = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(
      path,
      `cannot be opened (${error.code ?? 'error'})`,
      `kan ikke åbnes (${error.code ?? 'fejl'})`,
    );
  });
  if (!facts.isFile()) throw unreadable(path, 'is not a regular file', 'er ikke en almindelig fil');
  if (facts.size > limit)
    throw unreadable(path, `is larger than ${limit} bytes`, `er større end ${limit} byte`);
  return parseJson((await readFile(path)).subarray(0, limit).toString('utf8'), path);
}

/** JSON text as a value; an error says where, never what the text holds. */
function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const where = position === undefined ? '' : ` (at character ${position})`;
    const hvor = position === undefined ? '' : ` (ved tegn ${position})`;
    throw unreadable(name, `is not valid JSON${where}`, `er ikke gyldig JSON${hvor}`);
  }
}

function checkedMapping(raw: unknown, name: string): Mapping {
  try {
    return parseOrThrow(mappingSchema, raw, 'Invalid mapping file', { file: name });
  } catch (error) {
    // zod writes English only: the messages Måltal knows get Danish, zod's own keep theirs after a Danish lead-in.
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, error.message, error.issues.map(withDanish));
  }
}

export async function readMapping(path: string): Promise<Mapping> {
  return checkedMapping(await mappingJson(path), path);
}

/** A mapping typed into the editor area's form (the same JSON as a mapping file, within the same size limit). */
export function parseMappingText(text: string): Mapping {
  const name = 'mapping';
  const limit = IMPORT_SETTINGS.limits.mappingFileBytes;
  if (Buffer.byteLength(text) > limit)
    throw unreadable(name, `is larger than ${limit} bytes`, `er større end ${limit} byte`);
  return checkedMapping(parseJson(text, name), name);
}
