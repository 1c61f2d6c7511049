// The OpenAPI 3.1 description of Måltal's public API, served at /api/openapi.json and rendered as the API
// reference page (/api). Every route under /api/ must be described here (a test checks it).

import { MEASURES } from '../accidents/accidents.service.js';
import { AGE_BANDS, SEVERITIES } from '../accidents/cube.js';
import { GROUP_BY } from '../accidents/query.js';

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const filterParameters = [
  { name: 'from', in: 'query', description: 'First year (four digits).', schema: { type: 'integer' } },
  { name: 'to', in: 'query', description: 'Last year (four digits).', schema: { type: 'integer' } },
  {
    name: 'branch',
    in: 'query',
    description: 'Branch group code; repeat the parameter (or separate by commas) for several.',
    schema: { type: 'array', items: { type: 'string' } },
    style: 'form',
    explode: true,
  },
  { name: 'mainGroup', in: 'query', description: 'Main group code.', schema: { type: 'string' } },
  { name: 'ageBand', in: 'query', schema: { type: 'string', enum: [...AGE_BANDS] } },
  { name: 'sex', in: 'query', schema: { type: 'string', enum: ['K', 'M'] } },
  { name: 'severity', in: 'query', schema: { type: 'string', enum: [...SEVERITIES] } },
  { name: 'fatal', in: 'query', schema: { type: 'boolean' } },
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
          parameters,
          responses: {
            200: {
              description:
                suffix === ''
                  ? 'Rows with their group keys and values, and meta (convention, filters, method, suppression, sources, notes, labels).'
                  : 'The same rows as a file; suppressed values are empty.',
              content: {
                [type]: suffix === '' ? { schema: { $ref: '#/components/schemas/AccidentAnswer' } } : {},
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
        200: { description: 'One row per fatal accident.' },
        401: errorResponse('The API token is missing, unknown, expired or revoked.'),
        403: errorResponse(
          'The token’s role may not see the case list (data stewards and the secretariat only).',
        ),
      },
    },
  };
  return paths;
}

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };

export const OPENAPI = {
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
  ],
  paths: {
    '/api/v1/targets': {
      get: {
        tags: ['targets'],
        summary:
          'Every current target with baseline, latest observation, target, owner and assessment summary',
        parameters: [
          { name: 'branch', in: 'query', schema: { type: 'string' } },
          { name: 'goal', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          200: { description: '`{ data: Target[], meta }`' },
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
          200: { description: '`{ data: { current, revisions, observations }, meta }`' },
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
          200: { description: '`{ comments: [{ id, body, writtenAt, author: { name, email } }] }`' },
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
          201: { description: '`{ id }`' },
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
          200: {
            description:
              'Status, R, range, projection and the explanation object; `explanation.leftOut` names the years not published (and not used) and why.',
          },
          404: errorResponse('No such target.'),
        },
      },
    },
    '/api/v1/targets/{id}/observations.csv': {
      get: {
        tags: ['targets'],
        summary: "A target's observations as CSV (values, intervals, counts, series and breaks, source)",
        parameters: [idParameter],
        responses: {
          200: { description: 'CSV', content: { 'text/csv': {} } },
          404: errorResponse('No such target.'),
        },
      },
    },
    '/api/v1/targets/{id}/observations.xlsx': {
      get: {
        tags: ['targets'],
        summary:
          "A target's observations as XLSX, with a metadata sheet (indicator, unit, source, method breaks)",
        parameters: [idParameter],
        responses: {
          200: {
            description: 'XLSX',
            content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} },
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
        responses: { 200: { description: '`{ data: Goal[], meta }`' } },
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
              'An industry code (DB07 or DB25, e.g. 41.20.00) or words of a name; `meta.match` says how a code matched.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          200: { description: '`{ data: Branch[], meta }`' },
          400: errorResponse('Unknown parameter.'),
        },
      },
    },
    '/api/v1/branches/{code}': {
      get: {
        tags: ['branches'],
        summary:
          "One branch group with its targets' statuses and its reported accidents per 10,000 employed by year",
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: '`{ data: Branch, meta }`' },
          404: errorResponse('No such branch group.'),
        },
      },
    },
    ...accidentPaths(),
    '/api/openapi.json': {
      get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } },
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
} as const;
