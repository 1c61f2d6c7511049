// The comparison of branch groups in the OpenAPI document (web/openapi.ts spreads these paths into its own).
import { CSV, contentResponse, errorResponse, jsonResponse, TEXT_SCHEMA } from '../web/openapi-parts.js';
import { COMPARE_INDICATORS, MAX_GROUPS, MIN_GROUPS } from './compare.js';

const parameters = [
  {
    name: 'indicator',
    in: 'query',
    description:
      'What to compare: all reported accidents or serious ones per 10,000 employed (by registration year), or fatal accidents per 100,000 employed (by accident year). Default `reported`.',
    schema: { type: 'string', enum: [...COMPARE_INDICATORS] },
    example: 'reported',
  },
  {
    name: 'year',
    in: 'query',
    description: 'The year (four digits); default the latest year with figures.',
    schema: { type: 'integer' },
    example: 2024,
  },
  {
    name: 'branch',
    in: 'query',
    description: `${MIN_GROUPS} to ${MAX_GROUPS} branch group codes; repeat the parameter (or separate by commas).`,
    schema: { type: 'array', items: { type: 'string' }, minItems: MIN_GROUPS, maxItems: MAX_GROUPS },
    style: 'form',
    explode: true,
    example: ['butikker', 'anlaegsarbejde', 'kontor'],
  },
];

const figure = {
  type: 'object',
  description: 'A rate with its 95 % interval; every figure null when `suppressed` (hidden, never why).',
  properties: {
    count: { type: ['integer', 'null'] },
    denominator: { type: ['integer', 'null'], description: 'Employed persons (public even when hidden).' },
    value: { type: ['number', 'null'] },
    lowercl: { type: ['number', 'null'] },
    uppercl: { type: ['number', 'null'] },
    suppressed: { type: 'boolean' },
  },
};

const answer = {
  type: 'object',
  properties: {
    data: {
      type: ['object', 'null'],
      description: 'Null when no parameter was given: then `choices` lists what can be compared.',
      properties: {
        indicator: { type: 'object' },
        year: { type: 'integer' },
        national: figure,
        groups: {
          type: 'array',
          items: {
            ...figure,
            properties: {
              ...figure.properties,
              code: { type: 'string' },
              comparedWithNational: {
                type: ['string', 'null'],
                enum: ['higher', 'lower', 'similar', null],
                description: 'Whether the 95 % interval lies above, below or around the national value.',
              },
            },
          },
        },
        pairs: {
          type: 'array',
          items: {
            type: 'object',
            description:
              'Every pair once: the rate ratio first/second with its exact interval, the exact conditional test’s p-value, and the Holm-adjusted p-value. No figure when a group of the pair is hidden.',
            properties: {
              first: { type: 'string' },
              second: { type: 'string' },
              rateRatio: { type: ['number', 'null'] },
              lowercl: { type: ['number', 'null'] },
              uppercl: { type: ['number', 'null'] },
              pValue: { type: ['number', 'null'] },
              pAdjusted: { type: ['number', 'null'] },
              significant: { type: ['boolean', 'null'] },
              suppressed: { type: 'boolean' },
            },
          },
        },
      },
    },
    meta: {
      type: 'object',
      description: 'Method, multiple-comparison correction, suppression, sources, demo.',
    },
    choices: {
      type: 'object',
      description: 'Only without parameters: the indicators, years and branch groups.',
    },
  },
};

const refusals = {
  400: errorResponse(
    `An unknown parameter, indicator, year or branch group code, or fewer than ${MIN_GROUPS} or more than ${MAX_GROUPS} branch groups; \`details\` names the field.`,
  ),
};

export const COMPARE_PATHS = {
  '/api/v1/compare': {
    get: {
      tags: ['accidents'],
      summary: `${MIN_GROUPS}–${MAX_GROUPS} branch groups compared on one accident indicator: rates with intervals, each against the whole country, and every pair tested (Holm-adjusted)`,
      parameters,
      responses: {
        200: jsonResponse('`{ data: { indicator, year, national, groups, pairs }, meta }`', answer),
        ...refusals,
      },
    },
  },
  '/api/v1/compare.csv': {
    get: {
      tags: ['accidents'],
      summary:
        'The comparison as CSV: one row for the whole country, one per group, one per pair (kind = national, group, pair)',
      parameters,
      responses: {
        200: contentResponse(
          CSV,
          'The rows; hidden figures are empty. Without parameters: only the header.',
          TEXT_SCHEMA,
        ),
        ...refusals,
      },
    },
  },
};
