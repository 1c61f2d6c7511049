// Campaigns in the OpenAPI document (web/openapi.ts spreads these paths into its own).
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
  langParameterOf,
  versionedBody,
  writeRefusals,
} from '../web/openapi-parts.js';

const idParameter = idParameterOf('The campaign’s id (as in /kampagner/{id}).');

const langParameter = langParameterOf(
  'The reader’s form: `da` (UTF-8 with BOM, `;`, Danish column names, Ja/Nej) or `en`. Without it, the machine form: BFA codes, ISO dates, true/false, every digit.',
);

const bfa = {
  type: ['object', 'null'],
  description: 'The BFA behind the campaign; null for the council’s own campaigns or those of several BFAs.',
  properties: BFA_PROPERTIES,
};

const period = {
  type: 'object',
  properties: {
    start: { type: 'string', format: 'date' },
    end: { type: ['string', 'null'], format: 'date', description: 'Null while it runs.' },
  },
};

const campaignProperties = {
  id: { type: 'integer' },
  bfa,
  title: { type: 'string' },
  description: { type: 'string', description: 'Plain text; an empty line separates paragraphs.' },
  channels: {
    type: 'array',
    items: { type: 'string' },
    description: 'E.g. Sociale medier, Presse, Webinar.',
  },
  period,
  reach: {
    type: 'object',
    description: 'As counted by the campaign; `note` says how.',
    properties: {
      people: { type: ['integer', 'null'] },
      workplaces: { type: ['integer', 'null'] },
      impressions: { type: ['integer', 'null'] },
      note: { type: 'string' },
    },
  },
  published: { type: 'boolean' },
  publishedAt: { type: ['string', 'null'], format: 'date-time' },
  version: { type: 'integer', description: 'Send it back with a change (optimistic locking).' },
  updatedAt: { type: 'string', format: 'date-time' },
  demo: { type: 'boolean' },
  url: { type: 'string', description: 'The campaign’s page.' },
};

const campaign = { type: 'object', properties: campaignProperties };

const campaignDetail = {
  type: 'object',
  properties: {
    ...campaignProperties,
    activities: {
      type: 'array',
      description:
        'The activities run under the campaign: published ones (drafts too for those who may read them).',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          title: { type: 'string' },
          bfa: { type: 'string', description: 'The BFA’s code.' },
          period,
          status: { type: 'string', enum: ['planned', 'running', 'done', 'cancelled'] },
          reachedWorkplaces: { type: ['integer', 'null'] },
          published: { type: 'boolean' },
          url: { type: 'string', description: 'The activity’s page.' },
        },
      },
    },
  },
};

const meta = DEMO_META;

const fields = {
  bfa: {
    type: ['string', 'null'],
    description:
      'A BFA code; null for the council’s own (the secretariat only). A BFA editor: their own BFA.',
  },
  title: { type: 'string', maxLength: 200 },
  description: { type: 'string', maxLength: 10000 },
  channels: { type: 'array', items: { type: 'string', maxLength: 80 }, maxItems: 20 },
  periodStart: { type: 'string', format: 'date' },
  periodEnd: { type: ['string', 'null'], format: 'date' },
  reachedPeople: { type: ['integer', 'null'], minimum: 0 },
  reachedWorkplaces: { type: ['integer', 'null'], minimum: 0 },
  impressions: { type: ['integer', 'null'], minimum: 0 },
  reachNote: { type: 'string', maxLength: 2000 },
  published: { type: 'boolean', description: 'Publish (true) or withdraw (false); left out, unchanged.' },
};

const campaignWriteRefusals = writeRefusals(
  'A field with a problem, or an unknown field (`details` names each, in English and Danish).',
  'A role that may not write, or a campaign of another BFA (or of no BFA) for a BFA editor’s token.',
);

export const CAMPAIGN_PATHS = {
  '/api/v1/campaigns': {
    get: {
      tags: ['work'],
      summary:
        'The campaigns of the council and the BFAs with channels, period and reach (published ones; drafts too when signed in)',
      responses: {
        200: jsonResponse('`{ data: Campaign[], meta: { demo } }`', {
          type: 'object',
          properties: { data: { type: 'array', items: campaign }, meta },
        }),
      },
    },
    post: {
      tags: ['work'],
      summary: 'A new campaign (a draft unless `published`)',
      security: [{ apiToken: [] }],
      requestBody: jsonBody({ type: 'object', required: ['title', 'periodStart'], properties: fields }),
      responses: {
        201: idVersionResponse('`{ id, version }` of the new campaign'),
        ...campaignWriteRefusals,
      },
    },
  },
  ...downloadPaths(
    '/api/v1/campaigns',
    (what) => `The campaigns as ${what} (published ones; drafts too when signed in)`,
    {
      parameters: [langParameter],
      description:
        'One row per campaign. Text a spreadsheet would run as a formula is led by an apostrophe (CSV) or kept as text (XLSX).',
      refusals: { 400: errorResponse('`lang` is not da or en.') },
    },
  ),
  '/api/v1/campaigns/{id}': {
    get: {
      tags: ['work'],
      summary: 'One campaign with the activities run under it',
      parameters: [idParameter],
      responses: {
        200: jsonResponse('`{ data: CampaignDetail, meta: { demo } }`', {
          type: 'object',
          properties: { data: campaignDetail, meta },
        }),
        404: errorResponse('No such campaign (or a draft the caller may not read).'),
      },
    },
    put: {
      tags: ['work'],
      summary: 'Saves every field of a campaign over the `version` the client read',
      security: [{ apiToken: [] }],
      parameters: [idParameter],
      requestBody: versionedBody(['title', 'periodStart'], fields),
      responses: {
        200: jsonResponse('`{ data: CampaignDetail }` as saved', {
          type: 'object',
          properties: { data: campaignDetail },
        }),
        ...campaignWriteRefusals,
        404: errorResponse('No such campaign.'),
        409: conflictResponse(),
      },
    },
  },
};
