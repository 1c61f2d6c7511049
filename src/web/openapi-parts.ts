// Parts the OpenAPI fragments share (web/openapi.ts spreads the fragments' paths into its own document).
// Every helper builds a new object, so web/openapi.ts may add an `operationId` to each operation it is given.

type Schema = Readonly<Record<string, unknown>>;
type Responses = Readonly<Record<number, object>>;

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TEXT_SCHEMA = { type: 'string' } as const;
export const BINARY_SCHEMA = { type: 'string', format: 'binary' } as const;
/** What the download summaries call the workbook. */
const WORKBOOK = 'an Excel workbook (Data and Metadata sheets)';

const NO_TOKEN = 'No API token, or one unknown, expired or revoked.';
const CONFLICT =
  'Someone saved a newer version after the one named by `version`: nothing was saved; `details` names every field changed since, with who saved it and the values then and now.';

/** A text in Danish and English. */
export const LOCALISED = {
  type: 'object',
  properties: { da: { type: 'string' }, en: { type: 'string' } },
} as const;

/** A BFA as the work answers name it. */
export const BFA_PROPERTIES = {
  code: { type: 'string' },
  short: { type: 'string' },
  nameDa: { type: 'string' },
  nameEn: { type: 'string' },
} as const;

export const DEMO_META = { type: 'object', properties: { demo: { type: 'boolean' } } } as const;

export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

export const contentResponse = (type: string, description: string, schema: Schema) => ({
  description,
  content: { [type]: { schema } },
});

export const jsonResponse = (description: string, schema: Schema) =>
  contentResponse('application/json', description, schema);

/** 201 or 200 with `{ id, version }` of the record written. */
export const idVersionResponse = (description: string) =>
  jsonResponse(description, {
    type: 'object',
    properties: { id: { type: 'integer' }, version: { type: 'integer' } },
  });

/** 409: the save named an older version than the stored one. */
export const conflictResponse = () => errorResponse(CONFLICT);

/** 400, 401 and 403 of a write. */
export const writeRefusals = (invalid: string, forbidden: string, unauthenticated = NO_TOKEN) => ({
  400: errorResponse(invalid),
  401: errorResponse(unauthenticated),
  403: errorResponse(forbidden),
});

export const jsonBody = (schema: Schema) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** The body of a save: `version` (the one the client read) first, then the record's fields. */
export const versionedBody = (required: readonly string[], properties: Schema) =>
  jsonBody({
    type: 'object',
    required: ['version', ...required],
    properties: { version: { type: 'integer' }, ...properties },
  });

/** An input schema with `version` (the one the client read, at least 1) added last. */
export const withVersion = <T extends { required: readonly string[]; properties: Schema }>(input: T) => ({
  ...input,
  required: [...input.required, 'version'],
  properties: { ...input.properties, version: { type: 'integer', minimum: 1 } },
});

const ID_SCHEMA = { type: 'integer', minimum: 1 } as const;

/** The `{id}` in a path. */
export const idParameterOf = (description: string, schema: Schema = ID_SCHEMA) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema,
  example: 1,
});

/** A query parameter; `example` only when given. */
export function queryParameter(name: string, description: string, schema: Schema, example?: unknown) {
  const parameter = { name, in: 'query', description, schema };
  return example === undefined ? parameter : { ...parameter, example };
}

export const LANG_SCHEMA = { type: 'string', enum: ['da', 'en'] } as const;

/** `lang` of a download: the reader's form, described by each download. */
export const langParameterOf = (description: string) =>
  queryParameter('lang', description, LANG_SCHEMA, 'da');

export interface Download {
  summary: string;
  parameters: readonly object[];
  /** What the 200 answer holds. */
  description: string;
  refusals: Responses;
}

const download = (
  type: string,
  schema: Schema,
  { summary, parameters, description, refusals }: Download,
) => ({
  get: {
    tags: ['work'],
    summary,
    parameters,
    responses: { 200: contentResponse(type, description, schema), ...refusals },
  },
});

export const csvDownload = (described: Download, schema: Schema = TEXT_SCHEMA) =>
  download(CSV, schema, described);

export const xlsxDownload = (described: Download) => download(XLSX, BINARY_SCHEMA, described);

/** `{base}.csv` and `{base}.xlsx`, summed up as `summary('CSV')` and `summary(WORKBOOK)`. */
export function downloadPaths(
  base: string,
  summary: (what: string) => string,
  described: Omit<Download, 'summary'>,
  csvSchema: Schema = TEXT_SCHEMA,
) {
  return {
    [`${base}.csv`]: csvDownload({ ...described, summary: summary('CSV') }, csvSchema),
    [`${base}.xlsx`]: xlsxDownload({ ...described, summary: summary(WORKBOOK) }),
  };
}
