// The API reference page's own texts in Danish and English (beside the shared ones in i18n.ts).
import type { Locale } from '../format.js';

const da = {
  example: 'Eksempel',
  responses: 'Svar',
  schema: 'Skema',
  operationId: 'operationId',
  file: 'fil',
};

const en: typeof da = {
  example: 'Example',
  responses: 'Responses',
  schema: 'Schema',
  operationId: 'operationId',
  file: 'file',
};

export const API_REFERENCE_TEXTS: Record<Locale, typeof da> = { da, en };
