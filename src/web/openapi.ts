// The OpenAPI 3.1 description of Måltal's public API, served at /api/openapi.json and rendered as the API
// reference page (/api). Every route under /api/ must be described here (a test checks it).

import { MEASURES } from '../accidents/accidents.service.js';
import { AGE_BANDS, SEVERITIES } from '../accidents/cube.js';
import { GROUP_BY } from '../accidents/query.js';
import { COMPARE_PATHS } from '../site/compare.openapi.js';
import { ACTIVITY_PATHS } from '../work/activities.openapi.js';
import { BFA_PATHS } from '../work/bfa.openapi.js';
import { CAMPAIGN_PATHS } from '../work/campaigns.openapi.js';
import { FUNDING_PATHS } from '../work/funding.openapi.js';
import { PILOT_PATHS } from '../work/pilots.openapi.js';
import { RECOMMENDATION_PATHS } from '../work/recommendations.openapi.js';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const filterParameters = [
  {
    name: 'from',
    in: 'query',
    description: 'First year (four digits).',
    schema: { type: 'integer' },
    example: 2019,
  },
  {
    name: 'to',
    in: 'query',
    description: 'Last year (four digits).',
    schema: { type: 'integer' },
    example: 2024,
  },
  {
    name: 'branch',
    in: 'query',
    description: 'Branch group code; repeat the parameter (or separate by commas) for several.',
    schema: { type: 'array', items: { type: 'string' } },
    style: 'form',
    explode: true,
    example: ['butikker'],
  },
  {
    name: 'mainGroup',
    in: 'query',
    description: 'Main group code (the ten groups the branch groups belong to).',
    schema: { type: 'string' },
  },
  {
    name: 'ageBand',
    in: 'query',
    description: 'Age band of the injured person.',
    schema: { type: 'string', enum: [...AGE_BANDS] },
  },
  {
    name: 'sex',
    in: 'query',
    description: '`K` women, `M` men.',
    schema: { type: 'string', enum: ['K', 'M'] },
  },
  {
    name: 'severity',
    in: 'query',
    description: 'Severity by the expected absence from work.',
    schema: { type: 'string', enum: [...SEVERITIES] },
  },
  {
    name: 'fatal',
    in: 'query',
    description: 'Fatal accidents only (`true`); rates are then per 100,000 employed.',
    schema: { type: 'boolean' },
  },
  {
    name: 'chemical',
    in: 'query',
    description: 'Only (true) or no (false) chemical exposures.',
    schema: { type: 'boolean' },
  },
  {
    name: 'convention',
    in: 'query',
    description:
      'Count by registration year (default for reported accidents) or accident year (default for fatal).',
    schema: { type: 'string', enum: ['registration', 'accident'] },
  },
  {
    name: 'perEmployed',
    in: 'query',
    description: 'Rate per N employed (10000; 100000 for fatal accidents).',
    schema: { type: 'integer', minimum: 1 },
  },
  {
    name: 'groupBy',
    in: 'query',
    description: `Comma list of ${GROUP_BY.join(', ')}.`,
    schema: { type: 'string' },
    example: 'year',
  },
  {
    name: 'unsuppressed',
    in: 'query',
    description: 'Show suppressed values too: needs the API token of a data steward or the secretariat.',
    schema: { type: 'boolean' },
  },
];

const MEASURE_SUMMARIES: Record<(typeof MEASURES)[number], string> = {
  rates: 'Reported accidents and incidence per N employed, with confidence intervals',
  'age-comparison':
    'Young workers (15-24) and seniors (55+) against all ages: rate ratio with an exact interval',
  standardised: 'Incidence standardised by branch structure (Dobson interval)',
  'labour-loss': 'Labour-supply loss: days lost as full-time-equivalent years',
  trend: 'One series by year with its progress assessment (against a target when one exists)',
};

/** A download's language: without it the machine form (codes, every digit, comma); the pages link their own. */
const langParameter = {
  name: 'lang',
  in: 'query',
  description:
    "The reader's form, as the pages link it: `da` is UTF-8 with BOM, `;`-separated, decimal commas, Danish column names and labels (as Danish Excel reads it); `en` the same in English with `,` and decimal points. Numbers are rounded as the pages show them. Without `lang`: the machine form (codes, every digit, comma-separated).",
  schema: { type: 'string', enum: ['da', 'en'] },
};

function accidentPaths() {
  const paths: Record<string, unknown> = {};
  for (const measure of MEASURES) {
    const parameters =
      measure === 'age-comparison'
        ? [
            ...filterParameters,
            {
              name: 'band',
              in: 'query',
              description: 'The age bands compared with all ages (both when left out).',
              schema: { type: 'array', items: { type: 'string', enum: ['15-24', '55+'] } },
            },
          ]
        : filterParameters;
    for (const [suffix, type] of [
      ['', 'application/json'],
      ['.csv', 'text/csv'],
      ['.jsonl', 'application/jsonl'],
      ['.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      paths[`/api/v1/accidents/${measure}${suffix}`] = {
        get: {
          tags: ['accidents'],
          summary: `${MEASURE_SUMMARIES[measure]}${suffix === '' ? '' : ` (${suffix.slice(1).toUpperCase()})`}`,
          parameters: suffix === '.csv' || suffix === '.xlsx' ? [...parameters, langParameter] : parameters,
          responses: {
            200: {
              description:
                suffix === ''
                  ? 'Rows with their group keys and values, and meta (convention, filters, method, suppression, sources, notes, labels).'
                  : 'The same rows as a file; suppressed values are empty.',
              content: {
                [type]: {
                  schema: suffix === '' ? { $ref: '#/components/schemas/AccidentAnswer' } : FILE_SCHEMA,
                },
              },
            },
            400: errorResponse('A parameter or value is unknown or out of range; `details` names it.'),
            401: errorResponse('`unsuppressed=true` without an API token.'),
            403: errorResponse(
              '`unsuppressed=true` with the token of a role that may not see suppressed values.',
            ),
            422: errorResponse(
              'The answer would have more rows than the budget allows (or, for XLSX, than a workbook may hold): `details` says how many and how to narrow the query.',
            ),
          },
        },
      };
    }
  }
  paths['/api/v1/accidents/fatal-cases'] = {
    get: {
      tags: ['accidents'],
      summary: 'The fatal-accident case list (data stewards only)',
      security: [{ apiToken: [] }],
      parameters: filterParameters.filter((p) =>
        ['from', 'to', 'branch', 'mainGroup', 'sex', 'ageBand'].includes(p.name),
      ),
      responses: {
        200: {
          description: 'One row per fatal accident.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/FatalCases' } } },
        },
        401: errorResponse('The API token is missing, unknown, expired or revoked.'),
        403: errorResponse(
          'The token’s role may not see the case list (data stewards and the secretariat only).',
        ),
      },
    },
  };
  return paths;
}

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The target’s number (as in /maaltal/{id}).',
  schema: { type: 'integer', minimum: 1 },
  example: 1,
};

/** A downloaded file (CSV, JSON Lines, XLSX): its bytes. */
const FILE_SCHEMA = { type: 'string', format: 'binary' } as const;

/** A JSON answer described by one of the components' schemas. */
const jsonOf = (description: string, schema: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
});

const localised = { type: 'object', properties: { da: { type: 'string' }, en: { type: 'string' } } } as const;
const meta = {
  type: 'object',
  description: 'About the answer: `demo` (true for demo data) with its label, counts and sources.',
  properties: { demo: { type: 'boolean' }, demoLabel: localised },
} as const;
const listOf = (item: string) =>
  ({
    type: 'object',
    required: ['data', 'meta'],
    properties: { data: { type: 'array', items: { $ref: `#/components/schemas/${item}` } }, meta },
  }) as const;
const oneOf = (item: string) =>
  ({
    type: 'object',
    required: ['data', 'meta'],
    properties: { data: { $ref: `#/components/schemas/${item}` }, meta },
  }) as const;
const observation = {
  type: 'object',
  properties: {
    year: { type: 'integer' },
    value: { type: 'number' },
    lowercl: { type: ['number', 'null'] },
    uppercl: { type: ['number', 'null'] },
    count: { type: ['integer', 'null'] },
    respondents: { type: ['integer', 'null'] },
    source: { type: 'string' },
    series: { type: 'string' },
    seriesBreak: { type: 'boolean' },
    published: { type: 'boolean' },
  },
} as const;

/** The shapes of the JSON answers, to the depth a client relies on. */
const RESOURCE_SCHEMAS = {
  Target: {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      key: { type: 'string' },
      scope: { type: 'string', enum: ['national', 'branch', 'sub-branch'] },
      goal: {
        type: 'object',
        properties: { no: { type: 'integer' }, code: { type: 'string' }, name: localised },
      },
      branchGroup: { type: ['object', 'null'] },
      indicator: { type: 'object', properties: { code: { type: 'string' }, unit: { type: 'string' } } },
      baseline: { type: 'object', properties: { year: { type: 'integer' }, value: { type: 'number' } } },
      target: { type: 'object', properties: { year: { type: 'integer' }, value: { type: 'number' } } },
      latest: { oneOf: [observation, { type: 'null' }] },
      status: { type: 'string' },
    },
  },
  TargetList: listOf('Target'),
  TargetDetail: {
    type: 'object',
    required: ['data', 'meta'],
    properties: {
      data: {
        type: 'object',
        properties: {
          current: { $ref: '#/components/schemas/Target' },
          revisions: { type: 'array', items: { type: 'object' } },
          observations: { type: 'array', items: observation },
        },
      },
      meta,
    },
  },
  Assessment: {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        properties: {
          targetId: { type: 'integer' },
          status: { type: 'string' },
          headline: { type: 'string' },
          headlineText: localised,
          projectionText: localised,
          uncertain: { type: 'boolean' },
          r: { type: ['number', 'null'] },
          explanation: { type: 'object' },
        },
      },
    },
  },
  Goal: {
    type: 'object',
    properties: {
      code: { type: 'string' },
      no: { type: 'integer' },
      targets: { type: 'integer' },
      statusCounts: { type: 'array', items: { type: 'object' } },
    },
  },
  GoalList: listOf('Goal'),
  Branch: {
    type: 'object',
    properties: {
      code: { type: 'string' },
      nameDa: { type: 'string' },
      nameEn: { type: 'string' },
      mainGroup: { type: 'object' },
      owners: { type: 'array', items: { type: 'object' } },
    },
  },
  BranchList: listOf('Branch'),
  BranchAnswer: oneOf('Branch'),
  CommentList: {
    type: 'object',
    properties: {
      comments: {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: { type: 'integer' }, body: { type: 'string' }, writtenAt: { type: 'string' } },
        },
      },
    },
  },
  Created: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
  FatalCases: { type: 'object', properties: { rows: { type: 'array', items: { type: 'object' } }, meta } },
} as const;

/** `GET /api/v1/targets/{id}/observations.csv` → `getTargetsIdObservationsCsv`: unique, stable names for clients. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/(v1\/)?/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
  return method + words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join('');
}

function withOperationIds<T extends { paths: object }>(document: T): T {
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations as Record<string, object>)) {
      Object.assign(operation, { operationId: operationIdOf(method, path) });
    }
  }
  return document;
}

export const OPENAPI = withOperationIds({
  openapi: '3.1.0',
  info: {
    title: 'Måltal API',
    version: '1',
    description:
      "Denmark's working-environment targets toward 2030: national goals, branch targets with their progress, and work-accident statistics. Public answers never contain suppressed values. Demo data is flagged in `meta.demo`.",
  },
  servers: [{ url: '/' }],
  tags: [
    { name: 'targets', description: 'Goals, targets, observations and progress assessments' },
    { name: 'accidents', description: 'Work-accident statistics from the accident register' },
    { name: 'branches', description: 'Branch groups, their BFAs and the industry-code look-up' },
    {
      name: 'work',
      description:
        "The branch bodies' (BFA) work: activities, campaigns, pilots, funding pools and reach; the council's recommendations and their follow-up. Published items only, unless signed in.",
    },
  ],
  paths: {
    '/api/v1/targets': {
      get: {
        tags: ['targets'],
        summary:
          'Every current target with baseline, latest observation, target, owner and assessment summary',
        parameters: [
          {
            name: 'branch',
            in: 'query',
            description: 'Only the targets of this branch group (its code, as in /branche/{code}).',
            schema: { type: 'string' },
            example: 'butikker',
          },
          {
            name: 'goal',
            in: 'query',
            description: 'Only the targets under this national goal (its code, as in /maal/{code}).',
            schema: { type: 'string', enum: ['accidents', 'chemical', 'ergonomic', 'psychosocial'] },
            example: 'accidents',
          },
        ],
        responses: {
          200: jsonOf('`{ data: Target[], meta }`', 'TargetList'),
          400: errorResponse(
            'An unknown parameter, or a goal or branch group code that does not exist; `details` names it.',
          ),
        },
      },
    },
    '/api/v1/targets/{id}': {
      get: {
        tags: ['targets'],
        summary: 'One target with every revision and every published observation',
        parameters: [
          idParameter,
          {
            name: 'unsuppressed',
            in: 'query',
            description:
              'Include the observations that are not published (fewer respondents than the minimum), each with `published: false` and a `warning`: needs the API token of a data steward or the secretariat (answered `Cache-Control: private, no-store`).',
            schema: { type: 'boolean' },
          },
        ],
        responses: {
          200: jsonOf('`{ data: { current, revisions, observations }, meta }`', 'TargetDetail'),
          400: errorResponse('Malformed id or unknown parameter.'),
          401: errorResponse('`unsuppressed=true` without an API token.'),
          403: errorResponse(
            '`unsuppressed=true` with the token of a role that may not see suppressed values.',
          ),
          404: errorResponse('No such target.'),
        },
      },
    },
    '/api/v1/targets/{id}/comments': {
      get: {
        tags: ['targets'],
        summary:
          'The target’s unpublished comments (signed-in roles; a BFA editor only on their own BFA’s targets)',
        security: [{ apiToken: [] }],
        parameters: [idParameter],
        responses: {
          200: jsonOf('`{ comments: [{ id, body, writtenAt, author: { name, email } }] }`', 'CommentList'),
          401: errorResponse('No API token, or one unknown, expired or revoked.'),
          403: errorResponse('The target belongs to another BFA than the token’s BFA editor.'),
          404: errorResponse('No such target.'),
        },
      },
      post: {
        tags: ['targets'],
        summary: 'Add a comment (`{ "body": "…" }`, at most 5,000 characters)',
        security: [{ apiToken: [] }],
        parameters: [idParameter],
        responses: {
          201: jsonOf('`{ id }`', 'Created'),
          400: errorResponse('The body is empty or too long.'),
          401: errorResponse('No API token, or one unknown, expired or revoked.'),
          403: errorResponse('A viewer’s token, or a target of another BFA.'),
        },
      },
    },
    '/api/v1/targets/{id}/assessment': {
      get: {
        tags: ['targets'],
        summary:
          'The progress status with its whole explanation (METHODS §7), and its headline and projection in words (headlineText, projectionText)',
        parameters: [idParameter],
        responses: {
          200: jsonOf(
            'Status, R, range, projection and the explanation object; `explanation.leftOut` names the years not published (and not used) and why.',
            'Assessment',
          ),
          404: errorResponse('No such target.'),
        },
      },
    },
    '/api/v1/targets/{id}/observations.csv': {
      get: {
        tags: ['targets'],
        summary: "A target's observations as CSV (values, intervals, counts, series and breaks, source)",
        parameters: [idParameter, langParameter],
        responses: {
          200: { description: 'CSV', content: { 'text/csv': { schema: FILE_SCHEMA } } },
          404: errorResponse('No such target.'),
        },
      },
    },
    '/api/v1/targets/{id}/observations.xlsx': {
      get: {
        tags: ['targets'],
        summary:
          "A target's observations as XLSX, with a metadata sheet (indicator, unit, source, method breaks)",
        parameters: [idParameter, langParameter],
        responses: {
          200: {
            description: 'XLSX',
            content: {
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: FILE_SCHEMA },
            },
          },
          404: errorResponse('No such target.'),
        },
      },
    },
    '/api/v1/goals': {
      get: {
        tags: ['targets'],
        summary:
          'The four national goals with their targets counted by status (and how many of each are uncertain) and by headline (uncertain ones apart)',
        responses: { 200: jsonOf('`{ data: Goal[], meta }`', 'GoalList') },
      },
    },
    '/api/v1/branches': {
      get: {
        tags: ['branches'],
        summary: 'Every branch group with its main group, BFA owners and sub-branches; with `q`, the look-up',
        parameters: [
          {
            name: 'q',
            in: 'query',
            description:
              'An industry code (DB07 or DB25: 86, 47.11, 4711, 41.20.00) or words (bager, tømrer, sygehus), at most 100 characters. `data` holds the branch groups found: the group of the code, else those named like the words, else those of the DB07 codes found; `meta.match` says how a code matched; `meta.industryCodes` lists the DB07 codes found (a code and every code under it, or the 25 best title and synonym matches) with their official Danish titles and `placement`: `mapped` (`branchGroup`, `inferred` when the code is not mapped itself, `via` the mapped codes), `split` (`branchGroups`) or `unknown` (`mainGroup` when the division tells it).',
            schema: { type: 'string', maxLength: 100 },
            example: 'bager',
          },
        ],
        responses: {
          200: jsonOf('`{ data: Branch[], meta }`', 'BranchList'),
          400: errorResponse('Unknown parameter, or `q` longer than 100 characters.'),
        },
      },
    },
    '/api/v1/branches/{code}': {
      get: {
        tags: ['branches'],
        summary:
          "One branch group with its targets' statuses and its reported accidents per 10,000 employed by year",
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            description: 'The branch group’s code (as in /branche/{code}).',
            schema: { type: 'string' },
            example: 'butikker',
          },
        ],
        responses: {
          200: jsonOf('`{ data: Branch, meta }`', 'BranchAnswer'),
          404: errorResponse('No such branch group.'),
        },
      },
    },
    ...accidentPaths(),
    ...COMPARE_PATHS,
    ...ACTIVITY_PATHS,
    ...CAMPAIGN_PATHS,
    ...PILOT_PATHS,
    ...FUNDING_PATHS,
    ...RECOMMENDATION_PATHS,
    ...BFA_PATHS,
    '/api/openapi.json': {
      get: {
        summary: 'This document',
        responses: {
          200: {
            description: 'OpenAPI 3.1',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      apiToken: {
        type: 'http',
        scheme: 'bearer',
        description:
          'An API token made by a signed-in user on /redaktion/konto (shown once; its role is at most its owner’s)',
      },
    },
    schemas: {
      ...RESOURCE_SCHEMAS,
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            properties: {
              code: { type: 'string' },
              message: { type: 'string' },
              details: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { field: { type: 'string' }, message: { type: 'string' } },
                },
              },
            },
          },
        },
      },
      AccidentAnswer: {
        type: 'object',
        required: ['rows', 'meta'],
        properties: {
          rows: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                year: { type: 'integer' },
                branch: { type: 'string' },
                mainGroup: { type: 'string' },
                ageBand: { type: 'string' },
                sex: { type: 'string' },
                severity: { type: 'string' },
                count: { type: ['integer', 'null'] },
                denominator: { type: ['number', 'null'] },
                value: { type: ['number', 'null'] },
                lowercl: { type: ['number', 'null'] },
                uppercl: { type: ['number', 'null'] },
                suppressed: { type: 'boolean' },
                suppressionReason: {
                  type: ['string', 'null'],
                  enum: ['primary_small_count', 'secondary', null],
                  description:
                    'Why the row is hidden: only in answers to data stewards (`unsuppressed=true` with a data steward’s API token). Public answers say that a row is hidden, never why.',
                },
                exempt: { type: 'boolean' },
              },
            },
          },
          meta: { type: 'object' },
        },
      },
    },
  },
} as const);
