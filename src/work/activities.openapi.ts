// The activities in the OpenAPI document (web/openapi.ts spreads these paths into its own, under the tag `work`).
import {
  BINARY_SCHEMA,
  csvDownload,
  errorResponse,
  idParameterOf,
  jsonResponse,
  LOCALISED,
  langParameterOf,
  withVersion,
  writeRefusals,
  xlsxDownload,
} from '../web/openapi-parts.js';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES } from './activities.texts.js';

const idParameter = idParameterOf('The activity’s number (as in /aktiviteter/{id}).');

const filterParameters = [
  {
    name: 'bfa',
    in: 'query',
    description: 'Only this BFA’s activities (its code).',
    schema: { type: 'string' },
    example: 'ba',
  },
  {
    name: 'branch',
    in: 'query',
    description: 'Only activities aimed at this branch group (its code).',
    schema: { type: 'string' },
    example: 'anlaegsarbejde',
  },
  {
    name: 'target',
    in: 'query',
    description: 'Only activities linked to this target (its number).',
    schema: { type: 'integer', minimum: 1 },
    example: 1,
  },
  {
    name: 'status',
    in: 'query',
    description: 'Only activities with this status.',
    schema: { type: 'string', enum: [...ACTIVITY_STATUSES] },
    example: 'done',
  },
  {
    name: 'year',
    in: 'query',
    description:
      'Only activities whose period touches this year (an activity without an end date: its start day).',
    schema: { type: 'integer' },
    example: 2025,
  },
  {
    name: 'campaign',
    in: 'query',
    description: 'Only activities of this campaign (its number).',
    schema: { type: 'integer', minimum: 1 },
    example: 1,
  },
  {
    name: 'pool',
    in: 'query',
    description: 'Only activities paid from this funding pool (its number).',
    schema: { type: 'integer', minimum: 1 },
    example: 1,
  },
];

const langParameter = langParameterOf(
  'The reader’s form: Danish (`da`: `;`, decimal commas, Danish headers and labels) or English (`en`). Without it, the machine form: codes, ids and `,`.',
);

const named = {
  type: ['object', 'null'],
  properties: {
    code: { type: 'string' },
    name: LOCALISED,
  },
};
const count = { type: ['integer', 'null'], minimum: 0 };

const activity = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    bfa: {
      type: 'object',
      properties: { code: { type: 'string' }, short: { type: 'string' }, name: LOCALISED },
    },
    title: { type: 'string' },
    type: { type: 'string', enum: [...ACTIVITY_TYPES] },
    typeLabel: LOCALISED,
    branchGroups: {
      type: 'array',
      items: { ...named, properties: { ...named.properties, subBranch: named } },
    },
    targets: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          goal: named,
          subProblem: named,
          branchGroup: named,
          subBranch: named,
          href: { type: 'string' },
        },
      },
    },
    periodStart: { type: 'string', format: 'date' },
    periodEnd: { type: ['string', 'null'], format: 'date' },
    plannedWorkplaces: count,
    plannedParticipants: count,
    reachedWorkplaces: count,
    reachedParticipants: count,
    costDkk: { ...count, description: 'Whole Danish kroner.' },
    fundingPool: {
      type: ['object', 'null'],
      properties: { id: { type: 'integer' }, name: { type: 'string' } },
    },
    campaign: {
      type: ['object', 'null'],
      properties: { id: { type: 'integer' }, title: { type: 'string' } },
    },
    status: { type: 'string', enum: [...ACTIVITY_STATUSES] },
    statusLabel: LOCALISED,
    notes: { type: 'string', description: 'Plain text or simple Markdown (raw HTML is shown as text).' },
    published: { type: 'boolean' },
    publishedAt: { type: ['string', 'null'] },
    version: { type: 'integer', description: 'Send it back with the next save (optimistic locking).' },
    updatedAt: { type: 'string' },
    evidence: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          kind: { type: 'string', enum: ['link', 'file'] },
          title: { type: 'string' },
          url: { type: 'string', description: 'Links only.' },
          fileName: { type: 'string', description: 'Files only.' },
          contentType: { type: 'string' },
          sizeBytes: { type: 'integer' },
          sha256: { type: 'string' },
          href: { type: 'string', description: 'Files only: where the file is served.' },
        },
      },
    },
    demo: { type: 'boolean' },
  },
} as const;

const meta = {
  type: 'object',
  properties: { count: { type: 'integer' }, demo: { type: 'boolean' }, demoLabel: LOCALISED },
};

const listAnswer = { type: 'object', properties: { data: { type: 'array', items: activity }, meta } };
const oneAnswer = { type: 'object', properties: { data: activity, meta } };

const input = {
  type: 'object',
  required: ['bfa', 'title', 'type', 'branchGroups', 'periodStart'],
  properties: {
    bfa: { type: 'string', description: 'The BFA’s code; a BFA editor’s token: their own BFA only.' },
    title: { type: 'string', maxLength: 200 },
    type: { type: 'string', enum: [...ACTIVITY_TYPES] },
    branchGroups: {
      type: 'array',
      items: { type: 'string' },
      minItems: 1,
      description: 'Branch group codes the BFA covers.',
    },
    subBranches: {
      type: 'array',
      items: { type: 'string' },
      description: 'Sub-branch codes, each of a chosen branch group.',
    },
    targets: { type: 'array', items: { type: 'integer' }, description: 'Target numbers.' },
    periodStart: { type: 'string', format: 'date' },
    periodEnd: { type: ['string', 'null'], format: 'date', description: 'On or after the start.' },
    plannedWorkplaces: count,
    plannedParticipants: count,
    reachedWorkplaces: count,
    reachedParticipants: count,
    costDkk: count,
    fundingPool: { type: ['integer', 'null'], description: 'A funding pool’s number.' },
    campaign: { type: ['integer', 'null'], description: 'A campaign’s number.' },
    status: { type: 'string', enum: [...ACTIVITY_STATUSES], default: 'planned' },
    notes: { type: 'string', maxLength: 20_000 },
  },
} as const;

const example = {
  bfa: 'ba',
  title: 'Dialogmøder om faldulykker',
  type: 'dialogue_meeting',
  branchGroups: ['anlaegsarbejde'],
  targets: [1],
  periodStart: '2026-03-01',
  periodEnd: '2026-06-30',
  plannedWorkplaces: 40,
  status: 'planned',
};

const describedBody = (schema: object, description: string, sample: object) => ({
  required: true,
  description,
  content: { 'application/json': { schema, example: sample } },
});

const activityWriteRefusals = writeRefusals(
  'A field is missing or wrong; `details` names each field.',
  'A role without `work.write`, or another BFA’s (published) activity or BFA.',
);

const oneAnswerResponse = jsonResponse('`{ data, meta }` with the new version', oneAnswer);
const notFound = errorResponse('No such activity, or a draft the token may not read.');
const invalidFilter = {
  400: errorResponse('An unknown parameter or a wrong value; `details` names the parameter.'),
};

const versionBody = describedBody(
  { type: 'object', required: ['version'], properties: { version: { type: 'integer', minimum: 1 } } },
  'The version the client read.',
  { version: 1 },
);

const publishing = (published: boolean) => ({
  post: {
    tags: ['work'],
    summary: published
      ? 'Publish an activity (everyone sees it)'
      : 'Make a published activity a draft again (seen by editors only)',
    security: [{ apiToken: [] }],
    parameters: [idParameter],
    requestBody: versionBody,
    responses: {
      200: oneAnswerResponse,
      ...activityWriteRefusals,
      404: notFound,
      409: errorResponse('Someone saved a newer version; `details` names each field they changed.'),
    },
  },
});

export const ACTIVITY_PATHS = {
  '/api/v1/activities': {
    get: {
      tags: ['work'],
      summary:
        'The BFAs’ workplace-near activities, newest first (published ones; signed in, also the drafts you may read)',
      parameters: filterParameters,
      responses: {
        200: jsonResponse('`{ data: Activity[], meta }`', listAnswer),
        ...invalidFilter,
      },
    },
    post: {
      tags: ['work'],
      summary: 'Create an activity (a draft unless `published: true`)',
      security: [{ apiToken: [] }],
      requestBody: describedBody(
        { ...input, properties: { ...input.properties, published: { type: 'boolean', default: false } } },
        'The activity.',
        example,
      ),
      responses: {
        201: jsonResponse('`{ id, version, data }`', {
          type: 'object',
          properties: { id: { type: 'integer' }, version: { type: 'integer' }, data: activity },
        }),
        ...activityWriteRefusals,
      },
    },
  },
  '/api/v1/activities.csv': csvDownload(
    {
      summary:
        'The activities as CSV (the same filters); text that would run as a formula is led by an apostrophe',
      parameters: [...filterParameters, langParameter],
      description: 'CSV',
      refusals: invalidFilter,
    },
    BINARY_SCHEMA,
  ),
  '/api/v1/activities.xlsx': xlsxDownload({
    summary: 'The activities as XLSX, with a metadata sheet (the same filters)',
    parameters: [...filterParameters, langParameter],
    description: 'XLSX',
    refusals: invalidFilter,
  }),
  '/api/v1/activities/{id}': {
    get: {
      tags: ['work'],
      summary: 'One activity with its branch groups, targets and evidence',
      parameters: [idParameter],
      responses: {
        200: jsonResponse('`{ data: Activity, meta }`', oneAnswer),
        404: errorResponse('No such activity, or a draft you may not read.'),
      },
    },
    put: {
      tags: ['work'],
      summary: 'Save every field of an activity, naming the version read (optimistic locking)',
      security: [{ apiToken: [] }],
      parameters: [idParameter],
      requestBody: describedBody(withVersion(input), 'Every field and the version the client read.', {
        ...example,
        version: 1,
      }),
      responses: {
        200: oneAnswerResponse,
        ...activityWriteRefusals,
        404: notFound,
        409: errorResponse(
          'Someone saved a newer version since `version`; nothing was saved and `details` names each field they changed with its value then and now.',
        ),
      },
    },
  },
  '/api/v1/activities/{id}/publish': publishing(true),
  '/api/v1/activities/{id}/unpublish': publishing(false),
};
