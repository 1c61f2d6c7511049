// Import kind `accidents`: one row per reported work accident, with ESAW-style fields and no personal data.

import { refreshAccidentAggregates, storeBatchAggregates } from '../../accidents/aggregates.repository.js';
import { BASE_COLUMNS, BaseAccumulator } from '../../accidents/base-cube.js';
import { DEFAULT_ACCIDENT_SETTINGS } from '../../accidents/settings.js';
import { YEAR_BOUNDS } from '../import-settings.js';
import { type PackedData, PackedRows, packRows } from '../packed-rows.js';
import { bilingual } from '../texts.js';
import { BRANCH_FIELDS, resolvePlacement } from './branch.js';
import type { KindDefinition } from './kind.js';

/** ESAW: "serious" means at least 4 calendar days' absence (METHODS §8). */
export const SERIOUS_MIN_DAYS = 4;
export const SEVERITIES = ['fatal', 'serious', 'minor', 'unknown'] as const;

export function ageBandOf(age: number | null): string {
  if (age === null) return 'unknown';
  if (age < 25) return '15-24';
  if (age >= 65) return '65+';
  const lower = Math.floor((age - 25) / 10) * 10 + 25;
  return `${lower}-${lower + 9}`;
}

const SEVERITY_WORDS: Record<string, (typeof SEVERITIES)[number]> = {
  doedelig: 'fatal',
  doed: 'fatal',
  fatal: 'fatal',
  alvorlig: 'serious',
  serious: 'serious',
  mindre_alvorlig: 'minor',
  let: 'minor',
  minor: 'minor',
  ukendt: 'unknown',
  unknown: 'unknown',
};

export const accidentsKind: KindDefinition = {
  kind: 'accidents',
  table: 'accident',
  fields: [
    {
      name: 'caseId',
      type: 'code',
      required: false,
      aliases: ['sagsnummer', 'sagsnr', 'journalnummer', 'case_id', 'case'],
    },
    {
      name: 'registrationDate',
      type: 'date',
      ...YEAR_BOUNDS,
      required: true,
      aliases: ['registreringsdato', 'anmeldelsesdato', 'registration_date', 'reported_date'],
    },
    {
      name: 'accidentDate',
      type: 'date',
      ...YEAR_BOUNDS,
      required: false,
      aliases: ['ulykkesdato', 'skadesdato', 'accident_date'],
    },
    ...BRANCH_FIELDS,
    { name: 'age', type: 'integer', required: false, aliases: ['alder', 'age'], min: 13, max: 100 },
    { name: 'sex', type: 'sex', required: false, aliases: ['koen', 'sex', 'gender'] },
    {
      name: 'daysLost',
      type: 'integer',
      required: false,
      aliases: ['fravaersdage', 'fravaer_dage', 'days_lost', 'days_absent'],
      min: 0,
    },
    { name: 'severity', type: 'text', required: false, aliases: ['alvorlighed', 'severity'] },
    {
      name: 'injuryType',
      type: 'text',
      required: false,
      aliases: ['skadetype', 'skadens_art', 'injury_type', 'type_of_injury'],
    },
    {
      name: 'bodyPart',
      type: 'text',
      required: false,
      aliases: ['legemsdel', 'skadet_legemsdel', 'body_part'],
    },
    { name: 'deviation', type: 'text', required: false, aliases: ['afvigelse', 'deviation'] },
    {
      name: 'contactMode',
      type: 'text',
      required: false,
      aliases: ['kontaktform', 'kontakt', 'contact_mode'],
    },
    {
      name: 'materialAgent',
      type: 'text',
      required: false,
      aliases: ['materiel_agens', 'genstand', 'material_agent'],
    },
    { name: 'fatal', type: 'flag', required: false, aliases: ['doedsulykke', 'doedelig', 'fatal'] },
  ],
  columns: [
    'case_id',
    'registration_date',
    'registration_year',
    'accident_date',
    'accident_year',
    'branch_group_id',
    'industry_code',
    'classification',
    'age',
    'age_band',
    'sex',
    'days_lost',
    'severity',
    'injury_type',
    'body_part',
    'deviation',
    'contact_mode',
    'material_agent',
    'fatal',
    'main_group_id',
  ],
  keyColumns: ['case_id'],
  keyFields: ['caseId'],
  keyOptional: true,
  keyUnique: true,
  afterWrite: (tx, batchIds) => refreshAccidentAggregates(tx, DEFAULT_ACCIDENT_SETTINGS, batchIds),
  streamingAggregate() {
    const base = new BaseAccumulator(accidentsKind.columns);
    // The cells cross threads packed by column, as the rows do.
    const packed = () =>
      packRows(
        base.result().map((cell) => ({ row: 0, values: BASE_COLUMNS.map(([, field]) => cell[field]) })),
        BASE_COLUMNS.length,
      );
    return { add: (values) => base.add(values), result: packed };
  },
  storeAggregate: (tx, batchId, result, target) =>
    storeBatchAggregates(
      tx,
      DEFAULT_ACCIDENT_SETTINGS,
      batchId,
      new PackedRows(result as PackedData),
      target,
    ),
  build(values, lookups, report, typed) {
    const branch = resolvePlacement(values, lookups, report, true);
    const registrationDate = values.registrationDate as string;
    const accidentDate = values.accidentDate as string | null;
    let problems = branch === undefined;
    if (accidentDate !== null && accidentDate > registrationDate) {
      report(
        'accidentDate',
        bilingual(
          `${accidentDate} is after the registration date ${registrationDate}`,
          `${typed('accidentDate')} ligger efter registreringsdatoen ${typed('registrationDate')}`,
        ),
      );
      problems = true;
    }
    const fatal = values.fatal === true;
    const daysLost = values.daysLost as number | null;
    let severity: string;
    if (typeof values.severity === 'string') {
      const word =
        SEVERITY_WORDS[
          values.severity
            .toLowerCase()
            .replace(/[^a-zæøå]+/g, '_')
            .replace('ø', 'oe')
        ];
      if (word === undefined) {
        report(
          'severity',
          bilingual(
            `"${values.severity}" is not one of ${SEVERITIES.join(', ')}`,
            `"${values.severity}" er ikke en kendt alvorlighedsgrad (dødelig, alvorlig, let eller ukendt)`,
          ),
        );
        problems = true;
      }
      severity = word ?? 'unknown';
      if (word === 'fatal' && values.fatal === false) {
        report(
          'fatal',
          bilingual('says no, but the severity says fatal', 'er "nej", men alvorlighedsgraden er dødelig'),
        );
        problems = true;
      }
    } else {
      severity = fatal
        ? 'fatal'
        : daysLost === null
          ? 'unknown'
          : daysLost >= SERIOUS_MIN_DAYS
            ? 'serious'
            : 'minor';
    }
    if (problems || branch === undefined) return undefined;
    const age = values.age as number | null;
    return [
      values.caseId,
      registrationDate,
      Number(registrationDate.slice(0, 4)),
      accidentDate,
      accidentDate === null ? null : Number(accidentDate.slice(0, 4)),
      branch.branchGroupId,
      branch.industryCode,
      branch.classification,
      age,
      ageBandOf(age),
      (values.sex as string | null) ?? 'U',
      daysLost,
      severity,
      values.injuryType,
      values.bodyPart,
      values.deviation,
      values.contactMode,
      values.materialAgent,
      fatal || severity === 'fatal' ? 1 : 0,
      branch.mainGroupId,
    ];
  },
};
