// Import kind `diseases`: occupational disease cases per year and AES subgroup (AES's own groups, not the 36).

import { YEAR_BOUNDS } from '../import-settings.js';
import { bilingual } from '../texts.js';
import type { KindDefinition } from './kind.js';

export const diseasesKind: KindDefinition = {
  kind: 'diseases',
  table: 'diseaseCase',
  fields: [
    { name: 'year', type: 'year', required: true, aliases: ['aar', 'year', 'tid'], ...YEAR_BOUNDS },
    {
      name: 'aesGroup',
      type: 'text',
      required: true,
      aliases: ['aes_gruppe', 'aes_branche', 'branchegruppe_aes', 'aes_group', 'group'],
    },
    {
      name: 'diseaseType',
      type: 'text',
      required: true,
      aliases: ['sygdomstype', 'sygdom', 'diagnosegruppe', 'disease_type', 'disease'],
    },
    {
      name: 'reported',
      type: 'number',
      required: true,
      aliases: ['anmeldte', 'anmeldt', 'reported'],
      min: 0,
    },
    {
      name: 'recognised',
      type: 'number',
      required: false,
      aliases: ['anerkendte', 'anerkendt', 'recognised', 'recognized'],
      min: 0,
    },
    { name: 'source', type: 'text', required: false, aliases: ['kilde', 'source'] },
  ],
  columns: ['year', 'aes_group', 'disease_type', 'reported', 'recognised', 'source'],
  keyColumns: ['year', 'aes_group', 'disease_type'],
  keyFields: ['year', 'aesGroup', 'diseaseType'],
  build(values, _lookups, report, typed) {
    const reported = values.reported as number;
    const recognised = values.recognised as number | null;
    if (recognised !== null && recognised > reported) {
      report(
        'recognised',
        bilingual(
          `${recognised} exceeds the reported cases (${reported})`,
          `${typed('recognised')} er større end antallet af anmeldte sager (${typed('reported')})`,
        ),
      );
      return undefined;
    }
    return [
      values.year,
      values.aesGroup,
      values.diseaseType,
      reported,
      recognised,
      (values.source as string | null) ?? 'AES',
    ];
  },
};
