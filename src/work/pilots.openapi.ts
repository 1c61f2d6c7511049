// Pilots and their evaluation in the OpenAPI document (web/openapi.ts spreads these paths into its own).
import {
  BFA_PROPERTIES,
  conflictResponse,
  DEMO_META,
  downloadPaths,
  errorResponse,
  idParameterOf,
  idVersionResponse,
  jsonBody,
  jsonResponse,
  LOCALISED,
  langParameterOf,
  queryParameter,
  versionedBody,
  writeRefusals,
} from '../web/openapi-parts.js';

const idParameter = idParameterOf('The pilot’s id (as in /piloter/{id}).');

const bfaParameter = queryParameter(
  'bfa',
  'Only the pilots of this BFA (its code).',
  { type: 'string' },
  'voa',
);

const langParameter = langParameterOf(
  'The reader’s form: `da` (UTF-8 with BOM, `;`, decimal commas, Danish column names, the estimate in percentage points or as a ratio) or `en`. Without it, the machine form: codes, every digit, shares as fractions.',
);

const nullableNumber = { type: ['number', 'null'] };

const cell = {
  type: 'object',
  properties: {
    x: { type: 'number' },
    n: { type: 'number' },
    value: { type: 'number', description: 'x / n: a share, or a rate per unit of person-time.' },
  },
};

const evaluation = {
  type: 'object',
  description:
    'Difference in differences (METHODS §10). `available` false while a cell is missing (`missing` names them) or when it cannot be computed (`reason`).',
  properties: {
    available: { type: 'boolean' },
    method: { type: 'string', enum: ['did_proportions_normal', 'did_log_rate_ratio'] },
    measure: {
      type: 'string',
      enum: ['difference_in_shares', 'ratio_of_rate_ratios'],
      description:
        'Shares: (p_i1 − p_i0) − (p_c1 − p_c0) as a fraction (−0.08 is −8 percentage points). Rates: (r_i1/r_i0)/(r_c1/r_c0).',
    },
    confidence: { type: 'number', example: 0.95 },
    value: nullableNumber,
    lowercl: nullableNumber,
    uppercl: nullableNumber,
    significant: {
      type: ['boolean', 'null'],
      description: 'The interval excludes no effect (0 for shares, 1 for rates).',
    },
    weakApproximation: {
      type: 'boolean',
      description: 'Shares only: a cell has x = 0, x = n or n < 30, so the normal interval is weak.',
    },
    conservative: {
      type: ['object', 'null'],
      description: 'With a weak approximation: the range from the four Wilson limits in the worst direction.',
      properties: { lowercl: nullableNumber, uppercl: nullableNumber },
    },
    cells: {
      type: 'object',
      description: 'i0, i1, c0, c1: intervention/comparison group, before (0) and after (1).',
      properties: { i0: cell, i1: cell, c0: cell, c1: cell },
    },
    reason: {
      type: 'object',
      description:
        'Why there is no evaluation (code incomplete, zero_count or invalid), in Danish and English.',
      properties: { code: { type: 'string' }, da: { type: 'string' }, en: { type: 'string' } },
    },
    missing: { type: 'array', items: { type: 'string' } },
    caveats: {
      type: 'array',
      description:
        'Parallel trends, a non-randomised comparison group, independent samples, and (when weak) the conservative range; each with a code.',
      items: { ...LOCALISED, properties: { code: { type: 'string' }, ...LOCALISED.properties } },
    },
  },
};

const cellFields = Object.fromEntries(
  ['xI0', 'nI0', 'xI1', 'nI1', 'xC0', 'nC0', 'xC1', 'nC1'].map((name) => [
    name,
    {
      type: ['number', 'null'],
      minimum: 0,
      description: name.startsWith('x')
        ? 'Count with the outcome (or events): a whole number.'
        : 'Size (shares: a whole number) or person-time (rates), more than 0.',
    },
  ]),
);

const pilotProperties = {
  id: { type: 'integer' },
  bfa: { type: 'object', properties: BFA_PROPERTIES },
  title: { type: 'string' },
  description: { type: 'string', description: 'Plain text; an empty line separates paragraphs.' },
  interventionGroup: { type: 'string' },
  comparisonGroup: { type: 'string' },
  outcome: { type: 'string', description: 'What was measured.' },
  design: { type: 'string', enum: ['proportions', 'rates'] },
  period: {
    type: 'object',
    properties: {
      start: { type: 'string', format: 'date' },
      end: { type: ['string', 'null'], format: 'date' },
    },
  },
  labels: { type: 'object', properties: { before: { type: 'string' }, after: { type: 'string' } } },
  cells: {
    type: 'object',
    description: 'x and n per group (I, C) and period (0, 1).',
    properties: cellFields,
  },
  published: { type: 'boolean' },
  publishedAt: { type: ['string', 'null'], format: 'date-time' },
  version: { type: 'integer', description: 'Send it back with a change (optimistic locking).' },
  updatedAt: { type: 'string', format: 'date-time' },
  demo: { type: 'boolean' },
  url: { type: 'string', description: 'The pilot’s page.' },
  evaluation,
};

const pilot = { type: 'object', properties: pilotProperties };
const meta = DEMO_META;

const fields = {
  bfa: { type: 'string', description: 'A BFA code (a BFA editor: their own).' },
  title: { type: 'string', maxLength: 200 },
  description: { type: 'string', maxLength: 10000 },
  interventionGroup: { type: 'string', maxLength: 500 },
  comparisonGroup: { type: 'string', maxLength: 500 },
  outcome: { type: 'string', maxLength: 500 },
  design: { type: 'string', enum: ['proportions', 'rates'] },
  periodStart: { type: 'string', format: 'date' },
  periodEnd: { type: ['string', 'null'], format: 'date' },
  beforeLabel: { type: 'string', maxLength: 50 },
  afterLabel: { type: 'string', maxLength: 50 },
  ...cellFields,
  published: { type: 'boolean', description: 'Publish (true) or withdraw (false); left out, unchanged.' },
};

const required = ['bfa', 'title', 'interventionGroup', 'comparisonGroup', 'outcome', 'design', 'periodStart'];

const pilotWriteRefusals = writeRefusals(
  'A field with a problem, or an unknown field (`details` names each, in English and Danish).',
  'A role that may not write, or a pilot of another BFA for a BFA editor’s token.',
);

export const PILOT_PATHS = {
  '/api/v1/pilots': {
    get: {
      tags: ['work'],
      summary:
        'The BFAs’ pilots with their evaluation by difference in differences (published ones; drafts too when signed in)',
      parameters: [bfaParameter],
      responses: {
        200: jsonResponse('`{ data: Pilot[], meta: { demo } }`', {
          type: 'object',
          properties: { data: { type: 'array', items: pilot }, meta },
        }),
        400: errorResponse('An unknown parameter.'),
      },
    },
    post: {
      tags: ['work'],
      summary: 'A new pilot (a draft unless `published`); the cells may follow later',
      security: [{ apiToken: [] }],
      requestBody: jsonBody({ type: 'object', required, properties: fields }),
      responses: {
        201: idVersionResponse('`{ id, version }` of the new pilot'),
        ...pilotWriteRefusals,
      },
    },
  },
  ...downloadPaths(
    '/api/v1/pilots',
    (what) => `The pilots with their evaluation as ${what} (published ones; drafts too when signed in)`,
    {
      parameters: [bfaParameter, langParameter],
      description:
        'One row per pilot: the cells, the estimate with its interval, significance and the weak-approximation flag with the conservative range. Text a spreadsheet would run as a formula is led by an apostrophe (CSV) or kept as text (XLSX).',
      refusals: { 400: errorResponse('`lang` is not da or en, or an unknown parameter.') },
    },
  ),
  '/api/v1/pilots/{id}': {
    get: {
      tags: ['work'],
      summary:
        'One pilot with its evaluation: value, 95 % interval, significance, weak approximation with the conservative range, method and caveats',
      parameters: [idParameter],
      responses: {
        200: jsonResponse('`{ data: Pilot, meta: { demo } }`', {
          type: 'object',
          properties: { data: pilot, meta },
        }),
        404: errorResponse('No such pilot (or a draft the caller may not read).'),
      },
    },
    put: {
      tags: ['work'],
      summary: 'Saves every field of a pilot over the `version` the client read',
      security: [{ apiToken: [] }],
      parameters: [idParameter],
      requestBody: versionedBody(required, fields),
      responses: {
        200: jsonResponse('`{ data: Pilot }` as saved', { type: 'object', properties: { data: pilot } }),
        ...pilotWriteRefusals,
        404: errorResponse('No such pilot.'),
        409: conflictResponse(),
      },
    },
  },
};
