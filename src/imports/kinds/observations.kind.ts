// Import kind `observations`: one indicator's value for a branch group (or sub-branch) and year, with n and CI.
import { scopeKey } from '../../reference/scope.js';
import { YEAR_BOUNDS } from '../import-settings.js';
import { bilingual, type Text } from '../texts.js';
import { BRANCH_FIELDS, resolveBranch } from './branch.js';
import type { KindDefinition } from './kind.js';

export const observationsKind: KindDefinition = {
  kind: 'observations',
  table: 'observation',
  fields: [
    { name: 'indicator', type: 'code', required: true, aliases: ['indikator', 'indicator', 'indikatorkode'] },
    ...BRANCH_FIELDS,
    {
      name: 'year',
      type: 'year',
      required: true,
      aliases: ['aar', 'år', 'year', 'tid', 'time_period'],
      ...YEAR_BOUNDS,
    },
    {
      name: 'value',
      type: 'number',
      required: true,
      aliases: ['vaerdi', 'andel', 'value', 'obs_value', 'share'],
      min: 0,
    },
    {
      name: 'count',
      type: 'number',
      required: false,
      aliases: ['antal', 'taeller', 'count', 'numerator'],
      min: 0,
    },
    {
      name: 'respondents',
      type: 'integer',
      required: false,
      aliases: ['antal_svar', 'respondenter', 'n', 'respondents', 'naevner', 'denominator'],
      min: 1,
    },
    {
      name: 'lowercl',
      type: 'number',
      required: false,
      aliases: ['nedre', 'nedre_graense', 'lower', 'lowercl'],
    },
    {
      name: 'uppercl',
      type: 'number',
      required: false,
      aliases: ['oevre', 'oevre_graense', 'upper', 'uppercl'],
    },
    { name: 'source', type: 'text', required: false, aliases: ['kilde', 'source'] },
    { name: 'series', type: 'text', required: false, aliases: ['serie', 'series'] },
    {
      name: 'seriesBreak',
      type: 'flag',
      required: false,
      aliases: ['databrud', 'metodebrud', 'series_break'],
    },
  ],
  columns: [
    'indicator_id',
    'scope_key',
    'branch_group_id',
    'sub_branch_id',
    'year',
    'period_label',
    'value',
    'count',
    'denominator',
    'respondents',
    'lowercl',
    'uppercl',
    'confidence',
    'source',
    'series_label',
    'series_break',
    'is_demo',
  ],
  keyColumns: ['indicator_id', 'scope_key', 'year'],
  keyFields: ['indicator', 'branch', 'subBranch', 'industryCode', 'year'],
  crossRowCheck() {
    // Per indicator × scope × series: the earliest year seen, and the year flagged as the series break.
    const series = new Map<string, { first: number; breakYear: number | null }>();
    const at = (name: string) => observationsKind.columns.indexOf(name);
    const [indicator, scope, year, label, flag] = [
      'indicator_id',
      'scope_key',
      'year',
      'series_label',
      'series_break',
    ].map(at);
    return (values, report) => {
      const key = `${values[indicator ?? 0]}|${values[scope ?? 0]}|${values[label ?? 0]}`;
      const rowYear = values[year ?? 0] as number;
      const isBreak = values[flag ?? 0] === 1;
      const seen = series.get(key) ?? { first: rowYear, breakYear: null };
      const seriesLabel = values[label ?? 0] as string;
      const name = seriesLabel || '(unnamed)';
      const navn = seriesLabel || '(uden navn)';
      if (isBreak && seen.first < rowYear) {
        report(
          'seriesBreak',
          bilingual(
            `a series break starts its series, but series ${name} already has ${seen.first}`,
            `et databrud skal være det første år i serien, men serien ${navn} har allerede ${seen.first}`,
          ),
        );
      } else if (!isBreak && seen.breakYear !== null && rowYear < seen.breakYear) {
        report(
          'year',
          bilingual(
            `${rowYear} is before the series break in ${seen.breakYear} that starts series ${name}`,
            `${rowYear} ligger før databruddet i ${seen.breakYear}, som starter serien ${navn}`,
          ),
        );
      }
      series.set(key, {
        first: Math.min(seen.first, rowYear),
        breakYear: isBreak ? rowYear : seen.breakYear,
      });
    };
  },
  build(values, lookups, report, typed) {
    const indicator = lookups.indicator(String(values.indicator));
    if (indicator === undefined)
      report(
        'indicator',
        bilingual(`unknown indicator "${values.indicator}"`, `ukendt indikator "${values.indicator}"`),
      );
    const branch = resolveBranch(values, lookups, report);
    const value = values.value as number;
    const count = values.count as number | null;
    const respondents = values.respondents as number | null;
    const lower = values.lowercl as number | null;
    const upper = values.uppercl as number | null;
    let problems = indicator === undefined || branch === undefined;
    const problem = (field: string, message: Text) => {
      report(field, message);
      problems = true;
    };
    if (indicator?.unit === 'percent' && value > 100)
      problem(
        'value',
        bilingual(
          `${value} is a share and must be 0–100`,
          `${typed('value')} er en andel og skal være 0–100`,
        ),
      );
    if (count !== null && respondents !== null && count > respondents) {
      problem(
        'count',
        bilingual(
          `${count} exceeds the number of respondents (${respondents})`,
          `${typed('count')} er større end antallet af respondenter (${typed('respondents')})`,
        ),
      );
    }
    if (lower !== null && lower > value)
      problem(
        'lowercl',
        bilingual(
          `${lower} is above the value ${value}`,
          `${typed('lowercl')} er større end værdien ${typed('value')}`,
        ),
      );
    if (upper !== null && upper < value)
      problem(
        'uppercl',
        bilingual(
          `${upper} is below the value ${value}`,
          `${typed('uppercl')} er mindre end værdien ${typed('value')}`,
        ),
      );
    if ((lower === null) !== (upper === null))
      problem(
        lower === null ? 'lowercl' : 'uppercl',
        bilingual('give both limits or neither', 'angiv begge grænser eller ingen af dem'),
      );
    if (problems || indicator === undefined || branch === undefined) return undefined;
    const scope = scopeKey({ branchGroup: branch.branchGroupCode, subBranch: branch.subBranchCode });
    return [
      indicator.id,
      scope,
      branch.branchGroupId,
      branch.subBranchId,
      values.year,
      String(values.year),
      value,
      count,
      respondents,
      respondents,
      lower,
      upper,
      lower === null ? null : 0.95,
      (values.source as string | null) ?? '',
      (values.series as string | null) ?? '',
      values.seriesBreak === true ? 1 : 0,
      0,
    ];
  },
};
