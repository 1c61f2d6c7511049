// Reads a JSON-stat dataset into a long table: 2.0, and 1.x as Statistics Denmark's API answers it ({"dataset": …})
// or as a bundle of named datasets (one chosen by name when there are several).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { bilingual } from '../texts.js';
import {
  type CubeDimension,
  checkCubeCells,
  cubeColumns,
  cubeRows,
  cubeSize,
  describeSize,
  type Observation,
} from './cube-table.js';
import { displayName, type FileIssue, fileSystemError, readError, readErrors } from './reader-errors.js';
import type { OpenedTable, RawValue, ReadOptions } from './table.js';
import { assertText, hasUtf8Bom, readHead } from './text-source.js';

/** JSON-stat is parsed whole; past this size a file is refused rather than risking the process's memory. */
export const MAX_JSON_STAT_BYTES = 200 * 1024 * 1024;

const indexSchema = z.union([z.array(z.string()), z.record(z.string(), z.number().int().nonnegative())]);

const datasetSchema = z.object({
  label: z.string().optional(),
  id: z.array(z.string()).min(1),
  size: z.array(z.number().int().nonnegative()).min(1),
  dimension: z.record(
    z.string(),
    z.object({
      label: z.string().optional(),
      category: z.object({
        index: indexSchema.optional(),
        label: z.record(z.string(), z.string()).optional(),
      }),
    }),
  ),
  value: z.union([
    z.array(z.union([z.number(), z.string(), z.null()])),
    z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  ]),
  status: z
    .union([z.string(), z.array(z.string().nullable()), z.record(z.string(), z.string().nullable())])
    .optional(),
});

type Dataset = z.infer<typeof datasetSchema>;

export async function readJsonStat(path: string, options: ReadOptions = {}): Promise<OpenedTable> {
  const file = displayName(path, options);
  const dataset = validate(file, asVersion2(file, await parseJson(path, file), options.sheet));
  const dimensions = dataset.id.map((id, index) => dimensionOf(file, dataset, id, index));
  checkCubeCells(file, dimensions);
  const expected = cubeSize(dimensions);
  if (Array.isArray(dataset.value)) {
    if (dataset.value.length !== expected) {
      throw valueCountError(file, dimensions, expected, dataset.value.length);
    }
  } else {
    checkSparseKeys(file, dataset.value, expected);
  }
  const columns = cubeColumns(file, dimensions);
  return {
    settings: {
      format: 'json-stat',
      encoding: 'utf-8',
      dimensions: dataset.id,
      ...(dataset.label !== undefined && { title: dataset.label }),
    },
    columns,
    rows: {
      [Symbol.asyncIterator]: () =>
        cubeRows(dimensions, observations(dataset, expected), (size, count) =>
          valueCountError(file, dimensions, size, count),
        ),
    },
  };
}

async function parseJson(path: string, file: string): Promise<unknown> {
  const head = await readHead(path, file);
  if (head.size === 0) throw readError(file, 'file', bilingual('is empty', 'er tom'));
  if (head.size > MAX_JSON_STAT_BYTES) {
    const megabytes = Math.round(head.size / 1024 / 1024);
    const limit = MAX_JSON_STAT_BYTES / 1024 / 1024;
    throw readError(
      file,
      'file',
      bilingual(
        `is ${megabytes} MB; JSON-stat files over ${limit} MB are refused (request a smaller table, or CSV)`,
        `fylder ${megabytes} MB; JSON-stat-filer over ${limit} MB afvises (hent en mindre tabel eller CSV)`,
      ),
    );
  }
  assertText(head, file);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileSystemError(error, file);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
  } catch {
    throw readError(
      file,
      'encoding',
      bilingual('is not valid UTF-8, which JSON requires', 'er ikke gyldig UTF-8, som JSON kræver'),
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const row = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    const reason = (error as Error).message;
    throw readError(
      file,
      'file',
      bilingual(`is not valid JSON (${reason})`, `er ikke gyldig JSON (${reason})`),
      row === undefined ? {} : { row },
    );
  }
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON-stat 1.x dataset (dimension ids and sizes inside "dimension") in the 2.0 shape. */
function fromVersion1(dataset: JsonObject): JsonObject {
  const { id, size, role: _role, ...dimension } = isObject(dataset.dimension) ? dataset.dimension : {};
  return { ...dataset, version: '2.0', class: 'dataset', id, size, dimension };
}

/**
 * JSON-stat 1.x as Statistics Denmark's API answers it ({"dataset": …}) and 1.x bundles of named datasets: one
 * dataset is read, the one named by `sheet` when the bundle holds several. A 2.0 dataset is returned as it is.
 */
function asVersion2(file: string, json: unknown, sheet: string | undefined): unknown {
  if (!isObject(json) || 'class' in json || 'version' in json) return json;
  const names = Object.keys(json).filter(
    (name) => isObject(json[name]) && 'dimension' in (json[name] as JsonObject),
  );
  if (names.length === 0 && 'dataset' in json)
    throw readError(
      file,
      'structure',
      bilingual(
        'is a JSON-stat 1.x bundle, but none of its datasets has dimensions',
        'er et JSON-stat 1.x-bundt, men ingen af dets datasæt har dimensioner',
      ),
    );
  if (names.length === 0) return json;
  const name = sheet ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined || !names.includes(name)) {
    const listed = names.join(', ');
    throw readError(
      file,
      'sheet',
      bilingual(
        `the JSON-stat bundle holds the datasets ${listed}: choose one (as the sheet)`,
        `JSON-stat-bundtet rummer datasættene ${listed}: vælg ét (som ark)`,
      ),
    );
  }
  return fromVersion1(json[name] as JsonObject);
}

function validate(file: string, json: unknown): Dataset {
  const object = typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {};
  const { version, class: kind } = object as { version?: unknown; class?: unknown };
  if (version !== '2.0' || kind !== 'dataset') {
    const [shownVersion, shownClass] = [JSON.stringify(version ?? null), JSON.stringify(kind ?? null)];
    const found = `${shownVersion} and ${shownClass}`;
    const fundet = `${shownVersion} og ${shownClass}`;
    throw readError(
      file,
      'structure',
      bilingual(
        `is not a JSON-stat 2.0 dataset: expected "version": "2.0" and "class": "dataset", found ${found}`,
        `er ikke et JSON-stat 2.0-datasæt: forventede "version": "2.0" og "class": "dataset", fandt ${fundet}`,
      ),
    );
  }
  const parsed = datasetSchema.safeParse(json);
  if (!parsed.success) {
    throw readErrors(
      file,
      parsed.error.issues.slice(0, 10).map(
        (issue): FileIssue => ({
          field: 'structure',
          message: bilingual(
            `${issue.path.join('.')}: ${issue.message}`,
            `${issue.path.join('.')}: ugyldig opbygning (${issue.message})`,
          ),
        }),
      ),
    );
  }
  const dataset = parsed.data;
  if (dataset.id.length !== dataset.size.length) {
    throw readError(
      file,
      'structure',
      bilingual(
        `"id" lists ${dataset.id.length} dimensions but "size" has ${dataset.size.length} entries`,
        `"id" nævner ${dataset.id.length} dimensioner, men "size" har ${dataset.size.length} elementer`,
      ),
    );
  }
  return dataset;
}

/** A dimension's categories in order: `index` as an array or as code → position, labels defaulting to codes. */
function dimensionOf(file: string, dataset: Dataset, id: string, at: number): CubeDimension {
  const dimension = dataset.dimension[id];
  if (dimension === undefined)
    throw readError(
      file,
      'structure',
      bilingual(
        `dimension "${id}" is listed in "id" but not described`,
        `dimensionen "${id}" står i "id", men er ikke beskrevet`,
      ),
    );
  const { index, label = {} } = dimension.category;
  let codes: string[];
  if (index === undefined) {
    // The standard lets a single-category dimension omit its index.
    codes = Object.keys(label);
  } else if (Array.isArray(index)) {
    codes = index;
  } else {
    codes = [];
    for (const [code, position] of Object.entries(index)) codes[position] = code;
  }
  const size = dataset.size[at] as number;
  const count = Array.isArray(index) ? index.length : Object.keys(index ?? label).length;
  if (count !== size) {
    throw readError(
      file,
      'structure',
      bilingual(
        `dimension "${id}" has ${count} categories but "size" says ${size}`,
        `dimensionen "${id}" har ${count} kategorier, men "size" siger ${size}`,
      ),
    );
  }
  // Array.includes sees the holes that positions skipping a number leave behind.
  if (codes.length !== size || codes.includes(undefined as unknown as string)) {
    throw readError(
      file,
      'structure',
      bilingual(
        `dimension "${id}": the positions in "index" must run from 0 to ${size - 1}`,
        `dimensionen "${id}": positionerne i "index" skal gå fra 0 til ${size - 1}`,
      ),
    );
  }
  return { id, codes, labels: codes.map((code) => label[code] ?? code) };
}

/** A sparse `value` object's keys must be cell positions inside the cube. */
function checkSparseKeys(file: string, value: Record<string, RawValue>, cells: number): void {
  for (const key of Object.keys(value)) {
    const position = Number(key);
    if (!Number.isInteger(position) || position < 0 || position >= cells) {
      throw readError(
        file,
        'value',
        bilingual(
          `"value" has the key "${key}", which is not a cell position of the cube (0 to ${cells - 1})`,
          `"value" har nøglen "${key}", som ikke er en celleposition i kuben (0 til ${cells - 1})`,
        ),
      );
    }
  }
}

function valueCountError(file: string, dimensions: CubeDimension[], expected: number, found: number) {
  return readError(
    file,
    'value',
    bilingual(
      `"value" has ${found} entries but the dimensions (${describeSize(dimensions)}) make ${expected} cells`,
      `"value" har ${found} elementer, men dimensionerne (${describeSize(dimensions)}) giver ${expected} celler`,
    ),
  );
}

function* observations(dataset: Dataset, count: number): Generator<Observation> {
  const { value, status } = dataset;
  for (let position = 0; position < count; position++) {
    yield {
      value: (Array.isArray(value) ? value[position] : value[String(position)]) ?? null,
      status: statusAt(status, position),
    };
  }
}

function statusAt(status: Dataset['status'], position: number): string | null {
  if (status === undefined || typeof status === 'string') return status ?? null;
  return (Array.isArray(status) ? status[position] : status[String(position)]) ?? null;
}
