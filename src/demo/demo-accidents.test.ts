import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCIDENT_SETTINGS } from '../accidents/settings.js';
import { accidentsKind, ageBandOf } from '../imports/kinds/accidents.kind.js';
import { loadReferenceData } from '../reference/reference.data.js';
import { DEFAULT_DEMO_SEED, type DemoEmployment, generateDemoData } from './demo.generator.js';
import { ACCIDENT_COLUMN, type DemoAccidentRow, generateDemoAccidents } from './demo-accidents.js';

const reference = loadReferenceData();
const YEARS = Array.from({ length: 14 }, (_, i) => 2012 + i);
const CARE = ['doegninstitutioner-og-hjemmepleje', 'hospitaler', 'daginstitutioner'];

const isCovid = (row: DemoAccidentRow) => row[ACCIDENT_COLUMN.injuryType] === '072';
const isFatal = (row: DemoAccidentRow) => row[ACCIDENT_COLUMN.fatal] === 1;

/** Chemical under the default settings, read the way the aggregates read it (code, or code and a label). */
function isChemical(row: DemoAccidentRow): boolean {
  const { injuryTypes, contactModes, materialAgents } = DEFAULT_ACCIDENT_SETTINGS.chemical;
  const matches = (value: string | null, codes: string[]) =>
    value !== null && codes.some((code) => value === code || value.startsWith(`${code} `));
  return (
    matches(row[ACCIDENT_COLUMN.injuryType], injuryTypes) ||
    matches(row[ACCIDENT_COLUMN.contactMode], contactModes) ||
    matches(row[ACCIDENT_COLUMN.materialAgent], materialAgents)
  );
}

function countBy<T>(rows: T[], key: (row: T) => string | number): Map<string | number, number> {
  const counts = new Map<string | number, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

function totalsOf(employment: DemoEmployment[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of employment.filter((r) => r.ageBand === 'all' && r.sex === 'all'))
    totals.set(row.branchGroup, (totals.get(row.branchGroup) ?? 0) + row.employed);
  return totals;
}

describe('demo accident records at full size (pure generator)', () => {
  let employment: DemoEmployment[];
  let rows: DemoAccidentRow[];
  let ordinary: DemoAccidentRow[];
  beforeAll(() => {
    employment = generateDemoData(reference, DEFAULT_DEMO_SEED).employment;
    rows = generateDemoAccidents(reference, employment, DEFAULT_DEMO_SEED);
    ordinary = rows.filter((row) => !isFatal(row) && !isCovid(row));
  });

  it('counts 40,000–50,000 a year by registration year, more in 2021 and 2022 (COVID-19)', () => {
    const byYear = countBy(rows, (row) => row[ACCIDENT_COLUMN.registrationYear]);
    expect([...byYear.keys()].sort()).toEqual(YEARS);
    for (const year of YEARS.filter((y) => y !== 2021 && y !== 2022)) {
      expect(byYear.get(year)).toBeGreaterThan(40_000);
      expect(byYear.get(year)).toBeLessThan(50_000);
    }
    expect(byYear.get(2021)).toBeGreaterThan(55_000);
    expect(byYear.get(2021)).toBeLessThan(63_000);
    expect(byYear.get(2022)).toBeGreaterThan(65_000);
    expect(byYear.get(2022)).toBeLessThan(75_000);
    expect(rows.length).toBeGreaterThan(600_000);
    expect(rows.length).toBeLessThan(720_000);
  });

  it('reports COVID-19 infections in 2020–2023, mostly in care, as acute infections by a biological agent', () => {
    const covid = rows.filter(isCovid);
    expect(new Set(covid.map((row) => row[ACCIDENT_COLUMN.registrationYear]))).toEqual(
      new Set([2020, 2021, 2022, 2023]),
    );
    const odd = covid.filter(
      (row) =>
        row[ACCIDENT_COLUMN.contactMode] !== '15' ||
        row[ACCIDENT_COLUMN.materialAgent] !== '14.07' ||
        row[ACCIDENT_COLUMN.fatal] !== 0,
    );
    expect(odd).toEqual([]);
    const inCare = covid.filter((row) => CARE.includes(row[ACCIDENT_COLUMN.branchGroup])).length;
    expect(inCare / covid.length).toBeGreaterThan(0.7);
  });

  it('has 30–45 fatal accidents per accident year, mostly men in construction, transport, farming and metal', () => {
    const fatal = rows.filter(isFatal);
    const byYear = countBy(fatal, (row) => row[ACCIDENT_COLUMN.accidentYear] ?? 0);
    expect([...byYear.keys()].sort()).toEqual(YEARS);
    for (const n of byYear.values()) {
      expect(n).toBeGreaterThanOrEqual(30);
      expect(n).toBeLessThanOrEqual(45);
    }
    const dangerous = [
      'anlaegsarbejde',
      'opfoerelse-og-nedrivning-af-byggeri',
      'faerdiggoerelse-af-byggeri',
      'transport-af-gods',
      'landbrug-skovbrug-og-fiskeri',
      'metal-og-maskiner',
    ];
    const inDangerous = fatal.filter((row) => dangerous.includes(row[ACCIDENT_COLUMN.branchGroup])).length;
    expect(inDangerous / fatal.length).toBeGreaterThan(0.7);
    const men = fatal.filter((row) => row[ACCIDENT_COLUMN.sex] === 'M').length;
    expect(men / fatal.length).toBeGreaterThan(0.95);
    const older = fatal.filter((row) => (row[ACCIDENT_COLUMN.age] ?? 0) >= 45).length / fatal.length;
    const olderOrdinary =
      ordinary.filter((row) => (row[ACCIDENT_COLUMN.age] ?? 0) >= 45).length / ordinary.length;
    expect(older).toBeGreaterThan(olderOrdinary);
  });

  it('makes 3–4 % of the non-COVID records chemical under the default settings, more in exposed branches', () => {
    const nonCovid = rows.filter((row) => !isCovid(row));
    const chemical = nonCovid.filter(isChemical);
    const share = chemical.length / nonCovid.length;
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.04);
    const all = countBy(nonCovid, (row) => row[ACCIDENT_COLUMN.branchGroup]);
    const chemicalIn = countBy(chemical, (row) => row[ACCIDENT_COLUMN.branchGroup]);
    const shareIn = (branch: string) => (chemicalIn.get(branch) ?? 0) / (all.get(branch) ?? 1);
    for (const branch of ['kemi-og-medicin', 'rengoering', 'frisoerer-og-anden-personlig-pleje'])
      expect(shareIn(branch)).toBeGreaterThan(2 * share);
    expect(shareIn('vand-kloak-og-affald')).toBeGreaterThan(1.5 * share);
    expect(shareIn('plast-glas-og-beton')).toBeGreaterThan(1.5 * share);
    expect(shareIn('kontor')).toBeLessThan(share);
  });

  it('spreads incidence over branch groups like the published figures', () => {
    const employed = totalsOf(employment);
    const counts = countBy(ordinary, (row) => row[ACCIDENT_COLUMN.branchGroup]);
    const rate = (branch: string) => ((counts.get(branch) ?? 0) / (employed.get(branch) ?? 1)) * 10_000;
    const overall = (ordinary.length / [...employed.values()].reduce((a, b) => a + b, 0)) * 10_000;
    expect(overall).toBeGreaterThan(145);
    expect(overall).toBeLessThan(170);
    for (const branch of ['doegninstitutioner-og-hjemmepleje', 'vand-kloak-og-affald']) {
      expect(rate(branch)).toBeGreaterThan(350);
      expect(rate(branch)).toBeLessThan(450);
    }
    expect(rate('faerdiggoerelse-af-byggeri')).toBeGreaterThan(270);
    expect(rate('faerdiggoerelse-af-byggeri')).toBeLessThan(330);
    for (const branch of ['slagterier', 'transport-af-gods', 'rengoering', 'metal-og-maskiner'])
      expect(rate(branch)).toBeGreaterThan(1.4 * overall);
    for (const branch of [
      'kontor',
      'it-og-telekommunikation',
      'film-presse-og-boeger',
      'universiteter-og-forskning',
    ]) {
      expect(rate(branch)).toBeGreaterThan(30);
      expect(rate(branch)).toBeLessThan(75);
    }
    expect(rate('doegninstitutioner-og-hjemmepleje')).toBeGreaterThan(5 * rate('kontor'));
  });

  it('strikes the young more often and workers over 55 less often', () => {
    const employed = new Map<string, number>();
    for (const row of employment.filter((r) => r.ageBand !== 'all'))
      employed.set(row.ageBand, (employed.get(row.ageBand) ?? 0) + row.employed);
    const all = [...employed.values()].reduce((a, b) => a + b, 0);
    const counts = countBy(ordinary, (row) => row[ACCIDENT_COLUMN.ageBand]);
    const relative = (band: string) =>
      (counts.get(band) ?? 0) / (employed.get(band) ?? 1) / (ordinary.length / all);
    expect(relative('15-24')).toBeGreaterThan(1.2);
    expect(relative('15-24')).toBeLessThan(1.5);
    expect(relative('55-64')).toBeLessThan(0.95);
    expect(relative('65+')).toBeLessThan(relative('55-64'));
  });

  it('dates every accident on or before its registration, at most 90 days, some across the new year', () => {
    let acrossYears = 0;
    let undated = 0;
    const problems: string[] = [];
    for (const row of rows) {
      const accident = row[ACCIDENT_COLUMN.accidentDate];
      const registration = row[ACCIDENT_COLUMN.registrationDate];
      const id = row[ACCIDENT_COLUMN.caseId];
      if (row[ACCIDENT_COLUMN.registrationYear] !== Number(registration.slice(0, 4)))
        problems.push(`${id}: registration year`);
      if (accident === null) {
        undated++;
        if (row[ACCIDENT_COLUMN.accidentYear] !== null || isFatal(row)) problems.push(`${id}: undated`);
        continue;
      }
      if (row[ACCIDENT_COLUMN.accidentYear] !== Number(accident.slice(0, 4)))
        problems.push(`${id}: accident year`);
      if (accident > registration) problems.push(`${id}: ${accident} after ${registration}`);
      const lag = (Date.parse(registration) - Date.parse(accident)) / 86_400_000;
      if (lag > 90) problems.push(`${id}: registered ${lag} days after the accident`);
      if (accident < '2012-01-01') problems.push(`${id}: accident before the period`);
      if (row[ACCIDENT_COLUMN.accidentYear] !== row[ACCIDENT_COLUMN.registrationYear]) acrossYears++;
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(acrossYears).toBeGreaterThan(1_000);
    expect(undated / rows.length).toBeGreaterThan(0.005);
    expect(undated / rows.length).toBeLessThan(0.015);
  });

  it('keeps severity, the fatal flag and days lost consistent, in the expected shares', () => {
    const severities = countBy(rows, (row) => row[ACCIDENT_COLUMN.severity]);
    let daysMissing = 0;
    const seriousDays: number[] = [];
    const problems: string[] = [];
    for (const row of rows) {
      const severity = row[ACCIDENT_COLUMN.severity];
      const days = row[ACCIDENT_COLUMN.daysLost];
      const id = row[ACCIDENT_COLUMN.caseId];
      if (row[ACCIDENT_COLUMN.fatal] !== (severity === 'fatal' ? 1 : 0)) problems.push(`${id}: fatal flag`);
      if (severity === 'fatal' || severity === 'unknown') {
        if (days !== null) problems.push(`${id}: ${severity} with ${days} days`);
      } else if (days === null) daysMissing++;
      else if (severity === 'minor') {
        if (days < 0 || days > 3) problems.push(`${id}: minor with ${days} days`);
      } else {
        if (days < 4 || days > 365) problems.push(`${id}: serious with ${days} days`);
        seriousDays.push(days);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    const nonFatal = rows.length - (severities.get('fatal') ?? 0);
    expect((severities.get('serious') ?? 0) / nonFatal).toBeCloseTo(0.55, 1);
    expect((severities.get('minor') ?? 0) / nonFatal).toBeCloseTo(0.35, 1);
    expect((severities.get('unknown') ?? 0) / nonFatal).toBeCloseTo(0.1, 1);
    const known = (severities.get('serious') ?? 0) + (severities.get('minor') ?? 0);
    expect(daysMissing / known).toBeGreaterThan(0.03);
    expect(daysMissing / known).toBeLessThan(0.07);
    seriousDays.sort((a, b) => a - b);
    expect(seriousDays[seriousDays.length >> 1]).toBeGreaterThanOrEqual(15);
    expect(seriousDays[seriousDays.length >> 1]).toBeLessThanOrEqual(25);
  });

  it('gives ages in their bands, a few records without sex and age, and unique running case ids', () => {
    let unknown = 0;
    const ids = new Set<string>();
    const problems: string[] = [];
    for (const row of rows) {
      const age = row[ACCIDENT_COLUMN.age];
      const sex = row[ACCIDENT_COLUMN.sex];
      const id = row[ACCIDENT_COLUMN.caseId];
      if (row[ACCIDENT_COLUMN.ageBand] !== ageBandOf(age)) problems.push(`${id}: age band`);
      if (sex === 'U') {
        unknown++;
        if (age !== null) problems.push(`${id}: sex unknown, age ${age}`);
      } else if ((sex !== 'K' && sex !== 'M') || age === null || age < 15 || age >= 80)
        problems.push(`${id}: sex ${sex}, age ${age}`);
      if (!id.startsWith(`DEMO-${row[ACCIDENT_COLUMN.registrationYear]}-`) || !/^DEMO-\d{4}-\d{6}$/.test(id))
        problems.push(`case id ${id}`);
      ids.add(id);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(ids.size).toBe(rows.length);
    expect(unknown / rows.length).toBeGreaterThan(0.0015);
    expect(unknown / rows.length).toBeLessThan(0.0045);
    expect(rows[0]?.[ACCIDENT_COLUMN.caseId]).toBe('DEMO-2012-000001');
  });

  it('uses ESAW-shaped codes', () => {
    const problems: string[] = [];
    for (const row of rows) {
      const codes = [
        row[ACCIDENT_COLUMN.injuryType],
        row[ACCIDENT_COLUMN.bodyPart],
        row[ACCIDENT_COLUMN.deviation],
        row[ACCIDENT_COLUMN.contactMode],
        row[ACCIDENT_COLUMN.materialAgent],
      ].join(' ');
      if (!/^\d{3} \d{2} \d{2} \d{2} \d{2}\.\d{2}$/.test(codes)) problems.push(`${row[0]}: ${codes}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

describe('demo accident records (pure generator)', () => {
  const employment = generateDemoData(reference, 11).employment;

  it('are the same for the same seed and differ for another', () => {
    const a = generateDemoAccidents(reference, employment, 11, 0.05);
    expect(generateDemoAccidents(reference, employment, 11, 0.05)).toEqual(a);
    expect(generateDemoAccidents(reference, employment, 12, 0.05)).not.toEqual(a);
  });

  it('follow the accidents kind’s columns, with the branch group as its code', () => {
    const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    for (const [name, index] of Object.entries(ACCIDENT_COLUMN))
      expect(accidentsKind.columns[index]).toBe(name === 'branchGroup' ? 'branch_group_id' : snake(name));
    const [row] = generateDemoAccidents(reference, employment, 11, 0.01);
    // Every column but the last, main_group_id: every demo record has a branch group (the writer adds null).
    expect(accidentsKind.columns.at(-1)).toBe('main_group_id');
    expect(row).toHaveLength(accidentsKind.columns.length - 1);
    expect(reference.branchGroups.map((g) => g.code)).toContain(row?.[ACCIDENT_COLUMN.branchGroup]);
    expect(row?.[6]).toBeNull();
    expect(row?.[7]).toBeNull();
  });

  it('scale every count but the fatal ones', () => {
    const rows = generateDemoAccidents(reference, employment, 11, 0.05);
    const byYear = countBy(rows, (row) => row[ACCIDENT_COLUMN.registrationYear]);
    for (const year of YEARS.filter((y) => y < 2020 || y > 2023)) {
      expect(byYear.get(year)).toBeGreaterThan(2_000);
      expect(byYear.get(year)).toBeLessThan(3_000);
    }
    const fatal = countBy(rows.filter(isFatal), (row) => row[ACCIDENT_COLUMN.accidentYear] ?? 0);
    for (const year of YEARS) expect(fatal.get(year)).toBeGreaterThanOrEqual(30);
  });
});
