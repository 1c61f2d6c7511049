// The council's recommendations and their follow-up in the OpenAPI document (web/openapi.ts spreads these paths
// into its own).
import {
  conflictResponse,
  downloadPaths,
  errorResponse,
  idParameterOf,
  jsonBody,
  jsonResponse,
  langParameterOf,
  versionedBody,
  writeRefusals,
} from '../web/openapi-parts.js';

const idParameter = idParameterOf('The recommendation’s id (as in /anbefalinger/{id}).', { type: 'integer' });

const itemIdParameter = { ...idParameter, description: 'The follow-up item’s id.' };

const langParameter = langParameterOf(
  'The reader’s form: `da` (`;`, Danish column names and statuses, Ja/Nej) or `en`. Without it, the machine form: codes, ISO dates, true/false.',
);

const historyEntry = {
  type: 'object',
  description:
    'One saved version: when, who (`savedBy` is null for the public, who see the role only), and each field changed from the version before (version 1: every field, from null).',
  properties: {
    version: { type: 'integer' },
    savedAt: { type: 'string', format: 'date-time' },
    savedBy: { type: ['string', 'null'] },
    savedByRole: { type: 'string', enum: ['secretariat'] },
    changes: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, from: {}, to: {} } },
    },
  },
};

const status = {
  type: 'string',
  enum: ['open', 'in_progress', 'done', 'dropped'],
  description: 'open (Åben), in_progress (I gang), done (Gennemført), dropped (Opgivet).',
};

const item = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    recommendationId: { type: 'integer' },
    action: { type: 'string' },
    owner: { type: 'string' },
    dueOn: { type: 'string', format: 'date' },
    status,
    overdue: { type: 'boolean', description: 'Due before today and still open or in progress.' },
    published: { type: 'boolean', description: 'Follows the recommendation.' },
    version: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

const recommendationProperties = {
  id: { type: 'integer' },
  topic: { type: 'string' },
  body: { type: 'string', description: 'Plain text; an empty line separates paragraphs.' },
  issuedOn: { type: 'string', format: 'date' },
  addressee: { type: 'string', description: 'E.g. Beskæftigelsesministeren, Arbejdstilsynet.' },
  answerOn: { type: ['string', 'null'], format: 'date' },
  answerText: { type: 'string' },
  answerUrl: { type: ['string', 'null'], description: 'An http(s) address of the answer.' },
  answered: { type: 'boolean' },
  published: { type: 'boolean' },
  publishedAt: { type: ['string', 'null'], format: 'date-time' },
  version: { type: 'integer', description: 'Send it back with a change (optimistic locking).' },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
  overdueCount: { type: 'integer' },
  progress: {
    type: 'object',
    properties: {
      total: { type: 'integer' },
      open: { type: 'integer' },
      inProgress: { type: 'integer' },
      done: { type: 'integer' },
      dropped: { type: 'integer' },
    },
  },
};

const recommendation = {
  type: 'object',
  properties: { ...recommendationProperties, items: { type: 'array', items: item } },
};

const recommendationDetail = {
  type: 'object',
  properties: {
    ...recommendationProperties,
    items: {
      type: 'array',
      items: { ...item, properties: { ...item.properties, history: { type: 'array', items: historyEntry } } },
    },
    history: { type: 'array', items: historyEntry },
  },
};

const created = jsonResponse('`{ id }` of the new record', { $ref: '#/components/schemas/Created' });

const recommendationFields = {
  topic: { type: 'string', maxLength: 300 },
  body: { type: 'string', maxLength: 20000 },
  issuedOn: { type: 'string', format: 'date' },
  addressee: { type: 'string', maxLength: 300 },
  answerOn: { type: ['string', 'null'], format: 'date' },
  answerText: { type: 'string', maxLength: 20000 },
  answerUrl: { type: ['string', 'null'], description: 'http:// or https:// only' },
  published: { type: 'boolean' },
};

const itemFields = {
  action: { type: 'string', maxLength: 2000 },
  owner: { type: 'string', maxLength: 300 },
  dueOn: { type: 'string', format: 'date' },
  status,
};

const secretariatRefusals = writeRefusals(
  'A field with a problem (`details` names each, in English and Danish).',
  'Only the secretariat (admin) edits recommendations and follow-up.',
  'Not signed in (no API token).',
);

const downloadDescription =
  'One row per follow-up item with its recommendation (a recommendation without items: one row with empty item cells). Text a spreadsheet would run as a formula is led by an apostrophe.';

export const RECOMMENDATION_PATHS = {
  '/api/v1/recommendations': {
    get: {
      tags: ['work'],
      summary:
        'The council’s recommendations (published ones; drafts too when signed in), each with its follow-up items, progress and overdue count',
      responses: {
        200: jsonResponse('`{ data: Recommendation[], meta: { count, overdue, today } }`', {
          type: 'object',
          properties: { data: { type: 'array', items: recommendation }, meta: { type: 'object' } },
        }),
      },
    },
    post: {
      tags: ['work'],
      summary: 'A new recommendation (a draft unless `published`)',
      security: [{ apiToken: [] }],
      requestBody: jsonBody({
        type: 'object',
        required: ['topic', 'body', 'issuedOn', 'addressee'],
        properties: recommendationFields,
      }),
      responses: { 201: created, ...secretariatRefusals },
    },
  },
  '/api/v1/recommendations/{id}': {
    get: {
      tags: ['work'],
      summary: 'One recommendation with its answer, its follow-up items and every saved version of each',
      parameters: [idParameter],
      responses: {
        200: jsonResponse('`{ data: RecommendationDetail, meta: { today } }`', {
          type: 'object',
          properties: { data: recommendationDetail, meta: { type: 'object' } },
        }),
        404: errorResponse('No such recommendation (or a draft, for the public).'),
      },
    },
    put: {
      tags: ['work'],
      summary:
        'Changes a recommendation (the fields sent; the answer received too) over the `version` the client read',
      security: [{ apiToken: [] }],
      parameters: [idParameter],
      requestBody: versionedBody([], recommendationFields),
      responses: {
        200: jsonResponse('`{ data: RecommendationDetail }` as saved', {
          type: 'object',
          properties: { data: recommendationDetail },
        }),
        ...secretariatRefusals,
        404: errorResponse('No such recommendation.'),
        409: conflictResponse(),
      },
    },
  },
  '/api/v1/recommendations/{id}/follow-up': {
    post: {
      tags: ['work'],
      summary: 'A new follow-up item of a recommendation (status `open` unless sent)',
      security: [{ apiToken: [] }],
      parameters: [idParameter],
      requestBody: jsonBody({
        type: 'object',
        required: ['action', 'owner', 'dueOn'],
        properties: itemFields,
      }),
      responses: { 201: created, ...secretariatRefusals, 404: errorResponse('No such recommendation.') },
    },
  },
  '/api/v1/follow-up/{id}': {
    put: {
      tags: ['work'],
      summary:
        'Changes a follow-up item’s status, due date, action or owner over the `version` the client read',
      security: [{ apiToken: [] }],
      parameters: [itemIdParameter],
      requestBody: versionedBody([], itemFields),
      responses: {
        200: jsonResponse('`{ data: FollowUpItem }` as saved', {
          type: 'object',
          properties: { data: item },
        }),
        ...secretariatRefusals,
        404: errorResponse('No such follow-up item.'),
        409: conflictResponse(),
      },
    },
  },
  ...downloadPaths(
    '/api/v1/recommendations',
    (what) => `The follow-up items with their recommendations as ${what}`,
    {
      parameters: [langParameter],
      description: downloadDescription,
      refusals: { 400: errorResponse('`lang` is not da or en.') },
    },
  ),
};
