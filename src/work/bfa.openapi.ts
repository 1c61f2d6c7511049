// The page per BFA as JSON in the OpenAPI document (web/openapi.ts spreads these paths into its own).
import { errorResponse, jsonResponse, LOCALISED } from '../web/openapi-parts.js';

const listOf = (description: string) => ({ type: 'array', description, items: { type: 'object' } });

const BFA_OVERVIEW = {
  type: 'object',
  properties: {
    data: {
      type: 'object',
      properties: {
        bfa: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            short: { type: 'string' },
            name: LOCALISED,
            url: { type: 'string' },
          },
        },
        branchGroups: listOf('The branch groups the BFA covers: `code` and `name` in Danish and English.'),
        targets: listOf('The BFA’s targets: `id`, `url`, `goal`, `branchGroup` and the status `headline`.'),
        activities: listOf('Its activities, as `/api/v1/activities` gives them.'),
        campaigns: listOf('Its campaigns, as `/api/v1/campaigns` gives them.'),
        pilots: listOf('Its pilots with their evaluation, as `/api/v1/pilots` gives them.'),
        pools: listOf(
          'Each funding pool it has a share in or draws on: the pool and the BFA’s `figures` there (share, spent, committed, workplaces reached as an upper bound, the cost per workplace reached as a lower bound).',
        ),
        spentDkk: { type: 'number', description: 'Spent from every pool, in kroner.' },
        reach: listOf('Reach per branch group and year, as `/api/v1/reach?bfa=` gives it.'),
      },
    },
    meta: {
      type: 'object',
      properties: {
        demo: { type: 'boolean' },
        notes: { type: 'object', properties: { reach: LOCALISED } },
      },
    },
  },
} as const;

export const BFA_PATHS = {
  '/api/v1/bfas/{code}': {
    get: {
      tags: ['work'],
      summary:
        'One BFA’s work: its branch groups, targets with their status, activities, campaigns, pilots, funding pools with its spend, and reach',
      description:
        'Published items only; a signed-in user (API token) also gets the drafts their role may read. Pool figures are computed for today (Copenhagen), so the answer is not cached.',
      parameters: [
        {
          name: 'code',
          in: 'path',
          required: true,
          description: 'The BFA’s code: `voa`, `ba`, `industri`, `hfk` or `tstj`.',
          schema: { type: 'string' },
          example: 'ba',
        },
      ],
      responses: {
        200: jsonResponse('The BFA’s work.', BFA_OVERVIEW),
        404: errorResponse('No BFA with that code.'),
      },
    },
  },
};
