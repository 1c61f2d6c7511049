// Import kind `employment`: employed persons per branch group and year, optionally by age band and sex.

import { YEAR_BOUNDS } from '../import-settings.js';
import { bilingual } from '../texts.js';
import { BRANCH_FIELDS, resolveBranch } from './branch.js';
import type { KindDefinition } from './kind.js';

/** The age bands Måltal reports on (accident statistics use the same). */
export const AGE_BANDS = ['15-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;

/** "15-24", "15–24 år", "65 år og derover" → the band; "all"/"i alt"/empty → all. */
export function parseAgeBand(text: string | null): string | undefined {
  if (text === null) return 'all';
  const compact = text.toLowerCase().replace(/\s+/g, '').replace('–', '-').replace(/år$/, '');
  if (['all', 'ialt', 'alle', 'total', 'tot'].includes(compact)) return 'all';
  if (/^65(\+|-?år?ogderover|andover|-?\d*)$/.test(compact) && !compact.startsWith('65-6')) return '65+';
  return AGE_BANDS.find((band) => band === compact);
}

export const employmentKind: KindDefinition = {
  kind: 'employment',
  table: 'employment',
  fields: [
    ...BRANCH_FIELDS,
    {
      name: 'year',
      type: 'year',
      required: true,
      aliases: ['aar', 'year', 'tid', 'time_period'],
      ...YEAR_BOUNDS,
    },
    { name: 'ageBand', type: 'text', required: false, aliases: ['alder', 'aldersgruppe', 'age_band', 'age'] },
    { name: 'sex', type: 'text', required: false, aliases: ['koen', 'sex', 'gender'] },
    {
      name: 'employed',
      type: 'number',
      required: true,
      aliases: ['beskaeftigede', 'antal_beskaeftigede', 'employed', 'value', 'indhold', 'obs_value'],
      min: 0,
    },
    { name: 'source', type: 'text', required: false, aliases: ['kilde', 'source'] },
  ],
  columns: ['branch_group_id', 'year', 'age_band', 'sex', 'employed', 'source', 'is_demo'],
  keyColumns: ['branch_group_id', 'year', 'age_band', 'sex'],
  keyFields: ['branch', 'subBranch', 'industryCode', 'year', 'ageBand', 'sex'],
  build(values, lookups, report) {
    const branch = resolveBranch(values, lookups, report);
    const ageBand = parseAgeBand(values.ageBand as string | null);
    if (ageBand === undefined)
      report(
        'ageBand',
        bilingual(
          `"${values.ageBand}" is not one of ${AGE_BANDS.join(', ')} or "i alt"`,
          `"${values.ageBand}" er ikke en af ${AGE_BANDS.join(', ')} eller "i alt"`,
        ),
      );
    let sex: string | undefined = 'all';
    if (typeof values.sex === 'string') {
      const text = values.sex.toLowerCase();
      sex = ['k', 'kvinder', 'kvinde', 'f', 'female', 'women'].includes(text)
        ? 'K'
        : ['m', 'mænd', 'maend', 'mand', 'male', 'men'].includes(text)
          ? 'M'
          : ['i alt', 'ialt', 'alle', 'all', 'total', 'begge køn'].includes(text)
            ? 'all'
            : undefined;
      if (sex === undefined)
        report(
          'sex',
          bilingual(`"${values.sex}" is not K, M or "i alt"`, `"${values.sex}" er ikke K, M eller "i alt"`),
        );
    }
    if (branch === undefined || ageBand === undefined || sex === undefined) return undefined;
    return [
      branch.branchGroupId,
      values.year,
      ageBand,
      sex,
      values.employed,
      (values.source as string | null) ?? '',
      0,
    ];
  },
};
