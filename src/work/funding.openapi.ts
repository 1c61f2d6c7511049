// The funding pools and reach in the OpenAPI document (web/openapi.ts spreads these paths into its own).
import {
  BFA_PROPERTIES,
  BINARY_SCHEMA,
  conflictResponse,
  downloadPaths,
  errorResponse,
  idParameterOf,
  idVersionResponse,
  jsonBody,
  jsonResponse,
  LANG_SCHEMA,
  LOCALISED,
  queryParameter,
  withVersion,
  writeRefusals,
} from '../web/openapi-parts.js';
import { MAX_AMOUNT_DKK } from './funding.schemas.js';

const drafts = queryParameter(
  'drafts',
  'Include the unpublished pools and activities the caller may read (`1`); needs a signed-in session or API token with drafts.read (401/403 otherwise). Without it: published pools and activities only.',
  { type: 'string', enum: ['0', '1'] },
);

const lang = queryParameter(
  'lang',
  "The reader's form: `da` is UTF-8 with BOM, `;`-separated, decimal commas, Danish column names; `en` the same in English with `,` and points. Without `lang`: the machine form (codes, every digit, comma-separated).",
  LANG_SCHEMA,
);

const poolParameter = queryParameter('pool', 'Only this pool (its number); default every pool.', {
  type: 'integer',
  minimum: 1,
});

const idParameter = idParameterOf('The pool’s number (as in /puljer/{id}).');

const bfa = { type: 'object', properties: BFA_PROPERTIES } as const;

const pool = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    legalBasis: { type: 'string', description: 'E.g. "Akt 65 2020".' },
    amountDkk: { type: 'integer' },
    periodStart: { type: 'string', format: 'date' },
    periodEnd: { type: 'string', format: 'date' },
    purpose: { type: 'string' },
    shares: {
      type: 'array',
      items: { type: 'object', properties: { bfa, amountDkk: { type: 'integer' } } },
    },
    published: { type: 'boolean' },
    version: { type: 'integer' },
  },
} as const;

const summary = {
  type: 'object',
  description:
    'A pool’s figures as of `today` (Copenhagen). Spent: the cost of the activities drawing on the pool that are running, done or cancelled, booked in the month their period ends (start month without an end); planned ones are committed, not spent. Remaining = amount − spent.',
  properties: {
    pool,
    spentDkk: { type: 'integer' },
    committedDkk: { type: 'integer' },
    remainingDkk: { type: 'integer' },
    remainingAfterCommitmentsDkk: { type: 'integer' },
    daysLeft: { type: 'integer', description: 'Days from today to the pool’s last day; 0 on it and after.' },
    ended: { type: 'boolean' },
    burnDown: {
      type: 'array',
      description:
        'Per month from the pool’s first month to its last or today’s, whichever comes first (further when spending is booked in a later month of the pool).',
      items: {
        type: 'object',
        properties: {
          month: { type: 'string', example: '2026-03' },
          spentDkk: { type: 'integer' },
          cumulativeDkk: { type: 'integer' },
          remainingDkk: { type: 'integer' },
        },
      },
    },
    perBfa: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          bfa,
          shareDkk: { type: ['integer', 'null'] },
          spentDkk: { type: 'integer' },
          committedDkk: { type: 'integer' },
          activities: { type: 'integer' },
          reachedWorkplaces: {
            type: 'integer',
            description:
              'Sum over the activities: an upper bound of the distinct workplaces (overlap unknown).',
          },
          costPerWorkplaceDkk: {
            type: ['number', 'null'],
            description: 'Spent ÷ workplaces reached: a lower bound ("at least"); null when none reached.',
          },
        },
      },
    },
    reachedWorkplaces: { type: 'integer' },
    costPerWorkplaceDkk: { type: ['number', 'null'] },
    activitiesLeft: {
      type: 'integer',
      description: 'Activities drawing on the pool that are planned or running.',
    },
    flagged: {
      type: 'boolean',
      description: 'Ends within 12 months (365 days) and has money (remaining > 0) or activities left.',
    },
    flagReason: { oneOf: [LOCALISED, { type: 'null' }] },
    includesDrafts: { type: 'boolean' },
    today: { type: 'string', format: 'date' },
  },
} as const;

const meta = {
  type: 'object',
  properties: {
    demo: { type: 'boolean' },
    today: { type: 'string', format: 'date' },
    includesDrafts: { type: 'boolean' },
    figures: LOCALISED,
    costPerWorkplace: LOCALISED,
  },
} as const;

const denominator = {
  oneOf: [
    {
      type: 'object',
      properties: { count: { type: 'integer' }, source: { type: 'string' }, year: { type: 'integer' } },
    },
    { type: 'null' },
  ],
} as const;

const missing = {
  oneOf: [
    {
      type: 'object',
      properties: {
        code: { type: 'string', enum: ['not_placed', 'no_denominator', 'zero_denominator'] },
        da: { type: 'string' },
        en: { type: 'string' },
      },
    },
    { type: 'null' },
  ],
} as const;

const reachRow = {
  type: 'object',
  description:
    'Reach of one BFA in one branch group and year. Activities report totals, so the reached counts are sums over the activities and an upper bound of the distinct workplaces (overlap unknown; a workplace reached by several activities counts once per activity). An activity counts in the year its period ends (the start year without an end); cancelled activities reach nothing. Activities of several branch groups cannot be split: they count in a row of their own (`placement` several, `branch` null) and in no branch group’s share.',
  properties: {
    bfa,
    branch: {
      oneOf: [
        {
          type: 'object',
          properties: { code: { type: 'string' }, nameDa: { type: 'string' }, nameEn: { type: 'string' } },
        },
        { type: 'null' },
      ],
    },
    placement: { type: 'string', enum: ['branch', 'several', 'none'] },
    year: { type: 'integer' },
    activities: { type: 'integer' },
    unreported: { type: 'integer', description: 'Activities counted that reported no reached workplaces.' },
    reachedWorkplaces: { type: 'integer' },
    reachedParticipants: { type: 'integer' },
    workplaces: denominator,
    employed: denominator,
    workplaceShare: { type: ['number', 'null'], description: 'A fraction (0–1 or more): an upper bound.' },
    workplaceShareMissing: missing,
    participantShare: { type: ['number', 'null'], description: 'Participants ÷ employed, a fraction.' },
    participantShareMissing: missing,
  },
} as const;

const reachParameters = [
  {
    name: 'bfa',
    in: 'query',
    description: 'A BFA’s code.',
    schema: { type: 'string' },
    example: 'voa',
  },
  {
    name: 'branch',
    in: 'query',
    description:
      'A branch group’s code: its rows, and the rows of activities of several branch groups that include it.',
    schema: { type: 'string' },
  },
  { name: 'year', in: 'query', description: 'The year (four digits).', schema: { type: 'integer' } },
  drafts,
];

const refusals = { 400: errorResponse('An unknown parameter, code or value; `details` names the field.') };

const poolInput = {
  type: 'object',
  required: ['name', 'legalBasis', 'amountDkk', 'periodStart', 'periodEnd'],
  properties: {
    name: { type: 'string', maxLength: 200 },
    legalBasis: { type: 'string', maxLength: 200 },
    amountDkk: { type: 'integer', minimum: 0, maximum: MAX_AMOUNT_DKK },
    periodStart: { type: 'string', format: 'date' },
    periodEnd: { type: 'string', format: 'date' },
    purpose: { type: 'string', maxLength: 5000 },
    shares: {
      type: 'array',
      description: 'Each BFA at most once; together at most `amountDkk` (else refused naming `shares`).',
      items: {
        type: 'object',
        required: ['bfa', 'amountDkk'],
        properties: { bfa: { type: 'string' }, amountDkk: { type: 'integer', minimum: 0 } },
      },
    },
  },
} as const;

const poolWriteRefusals = writeRefusals(
  'A field is missing or wrong; `details` names every field, in English and Danish.',
  'The token’s role is not the secretariat’s.',
  'No API token.',
);

const written = idVersionResponse('`{ id, version }` of the saved pool');

const FILE_PARTS = { description: 'The file.', refusals };
const POOLS_FILE =
  'One row per pool and one per BFA’s part of it (share, spent, committed, reach, cost per workplace)';
const REACH_FILE = 'Reach per BFA × branch group × year with the denominators and shares';

export const FUNDING_PATHS = {
  '/api/v1/funding-pools': {
    get: {
      tags: ['work'],
      summary:
        'The funding pools with amount, spent, committed, remaining, days left, burn-down and figures per BFA',
      parameters: [drafts],
      responses: {
        200: jsonResponse('`{ data: PoolSummary[], meta }`', {
          type: 'object',
          properties: { data: { type: 'array', items: summary }, meta },
        }),
        ...refusals,
      },
    },
    post: {
      tags: ['work'],
      summary: 'A new funding pool (a draft), the secretariat only',
      security: [{ apiToken: [] }],
      requestBody: jsonBody(poolInput),
      responses: { 201: written, ...poolWriteRefusals },
    },
  },
  ...downloadPaths(
    '/api/v1/funding-pools',
    (what) => `${POOLS_FILE} as ${what}`,
    { ...FILE_PARTS, parameters: [poolParameter, lang, drafts] },
    BINARY_SCHEMA,
  ),
  '/api/v1/funding-pools/{id}': {
    get: {
      tags: ['work'],
      summary: 'One funding pool’s figures',
      parameters: [idParameter, drafts],
      responses: {
        200: jsonResponse('`{ data: PoolSummary, meta }`', {
          type: 'object',
          properties: { data: summary, meta },
        }),
        ...refusals,
        404: errorResponse('No such pool (or a draft the caller may not read).'),
      },
    },
    put: {
      tags: ['work'],
      summary: 'Saves every field of a pool over the `version` the client read, the secretariat only',
      security: [{ apiToken: [] }],
      parameters: [idParameter],
      requestBody: jsonBody(withVersion(poolInput)),
      responses: {
        200: written,
        ...poolWriteRefusals,
        404: errorResponse('No such pool.'),
        409: conflictResponse(),
      },
    },
  },
  '/api/v1/reach': {
    get: {
      tags: ['work'],
      summary:
        'Reach per BFA × branch group × year: workplaces and participants reached (upper bounds) over the branch group’s workplaces and employed, with their source and year',
      parameters: reachParameters,
      responses: {
        200: jsonResponse('`{ data: ReachRow[], meta: { demo, includesDrafts, note } }`', {
          type: 'object',
          properties: {
            data: { type: 'array', items: reachRow },
            meta: {
              type: 'object',
              properties: { demo: { type: 'boolean' }, includesDrafts: { type: 'boolean' }, note: LOCALISED },
            },
          },
        }),
        ...refusals,
      },
    },
  },
  ...downloadPaths(
    '/api/v1/reach',
    (what) => `${REACH_FILE} as ${what}`,
    { ...FILE_PARTS, parameters: [...reachParameters, lang] },
    BINARY_SCHEMA,
  ),
};
