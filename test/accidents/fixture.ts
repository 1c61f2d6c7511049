// Test fixture for the accident statistics: a small, fully known set of accident records and employment figures
// (two branch groups in each of two main groups, 2023 and 2024), written as import files, with the raw rows kept
// so that tests compute every expected figure by hand.
import { afterAll, beforeAll } from 'vitest';
import type { Dialect } from '../../src/db/dialect.js';
import { runImport } from '../../src/imports/imports.service.js';
import { ageBandOf } from '../../src/imports/kinds/accidents.kind.js';
import { freshStore, type TestStore } from '../databases.js';
import { type TempFiles, tempFiles } from '../imports/files.js';
import { seedStore } from '../seed.js';

export interface RawAccident {
  caseId: string;
  registrationDate: string;
  accidentDate: string | null;
  branch: string;
  age: number | null;
  /** null: not stated in the file (stored as 'U'). */
  sex: 'K' | 'M' | null;
  daysLost: number | null;
  injuryType: string;
  contactMode: string;
  fatal: boolean;
  /** As written in the file: dødelig, alvorlig, let or ukendt. */
  severityWord: string;
}

export const BRANCHES = ['butikker', 'engros', 'transport-af-gods', 'transport-af-passagerer'] as const;
export const MAIN_GROUP = {
  butikker: 'handel',
  engros: 'handel',
  'transport-af-gods': 'transport',
  'transport-af-passagerer': 'transport',
} as const;
export const YEARS = [2023, 2024] as const;

/** Records per branch group and registration year. */
const SIZES: Record<string, [number, number]> = {
  butikker: [30, 26],
  engros: [12, 7],
  'transport-af-gods': [20, 18],
  'transport-af-passagerer': [3, 9],
};
const AGES = [19, 22, 30, 47, 58, 67];
const DAYS = [null, 1, 5, 20, 60];

export function fixtureAccidents(): RawAccident[] {
  const records: RawAccident[] = [];
  for (const branch of BRANCHES) {
    YEARS.forEach((year, y) => {
      const size = SIZES[branch]?.[y] ?? 0;
      for (let i = 0; i < size; i++) {
        const fatal = branch === 'transport-af-gods' && i < 2;
        const month = String((i % 12) + 1).padStart(2, '0');
        const registrationDate = `${year}-${month}-15`;
        let accidentDate: string | null = `${year}-${month}-05`;
        // The first 2024 record of each branch happened in December 2023 and was registered in January.
        if (year === 2024 && i === 0) accidentDate = '2023-12-28';
        // One 2023 record in engros has no accident date.
        if (branch === 'engros' && year === 2023 && i === 1) accidentDate = null;
        const daysLost = fatal ? null : (DAYS[i % DAYS.length] as number | null);
        // Records without days lost state a severity half of the time (their days are then imputed).
        const severityWord = fatal
          ? 'dødelig'
          : daysLost === null
            ? i % 2 === 0
              ? 'alvorlig'
              : 'ukendt'
            : daysLost >= 4
              ? 'alvorlig'
              : 'let';
        records.push({
          severityWord,
          caseId: `FX-${branch}-${year}-${i}`,
          registrationDate,
          accidentDate,
          branch,
          age: AGES[i % AGES.length] as number,
          // Two butikker records of 2023 do not state the sex: a small cell beside large ones.
          sex:
            branch === 'butikker' && year === 2023 && (i === 3 || i === 4) ? null : i % 3 === 2 ? 'K' : 'M',
          daysLost,
          injuryType: i % 7 === 0 ? '062' : '010',
          contactMode: i % 7 === 0 ? '15' : '30',
          fatal,
        });
      }
    });
  }
  return records;
}

export const SEX_SHARE_WOMEN: Record<string, number> = {
  butikker: 0.55,
  engros: 0.35,
  'transport-af-gods': 0.1,
  'transport-af-passagerer': 0.25,
};
const BASE: Record<string, number> = {
  butikker: 200_000,
  engros: 110_000,
  'transport-af-gods': 60_000,
  'transport-af-passagerer': 50_000,
};
const BAND_SHARE = [0.2, 0.2, 0.2, 0.2, 0.15, 0.05];
export const BANDS = ['15-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;

export interface RawEmployment {
  branch: string;
  year: number;
  ageBand: string;
  sex: string;
  employed: number;
}

/**
 * Employment by age band and sex for three branch groups (their totals are left to be derived), and only
 * totals for transport-af-passagerer (so its age and sex breakdowns have no denominator).
 */
export function fixtureEmployment(): RawEmployment[] {
  const rows: RawEmployment[] = [];
  for (const branch of BRANCHES) {
    for (const year of YEARS) {
      const total = (BASE[branch] as number) + (year - 2023) * 1000;
      if (branch === 'transport-af-passagerer') {
        rows.push({ branch, year, ageBand: 'all', sex: 'all', employed: total });
        continue;
      }
      BANDS.forEach((band, b) => {
        const inBand = Math.round(total * (BAND_SHARE[b] as number));
        const women = Math.round(inBand * (SEX_SHARE_WOMEN[branch] as number));
        rows.push({ branch, year, ageBand: band, sex: 'K', employed: women });
        rows.push({ branch, year, ageBand: band, sex: 'M', employed: inBand - women });
      });
    }
  }
  return rows;
}

export function accidentsCsv(records: readonly RawAccident[]): string {
  const header =
    'sagsnummer;registreringsdato;ulykkesdato;branchegruppe;alder;koen;fravaersdage;alvorlighed;skadetype;kontaktform;doedsulykke';
  const lines = records.map((r) =>
    [
      r.caseId,
      r.registrationDate,
      r.accidentDate ?? '',
      r.branch,
      r.age ?? '',
      r.sex ?? '',
      r.daysLost ?? '',
      r.severityWord,
      r.injuryType,
      r.contactMode,
      r.fatal ? 'ja' : 'nej',
    ].join(';'),
  );
  return `${header}\n${lines.join('\n')}\n`;
}

export function employmentCsv(rows: readonly RawEmployment[]): string {
  const lines = rows.map((r) =>
    [
      r.branch,
      r.year,
      r.ageBand === 'all' ? 'i alt' : r.ageBand,
      r.sex === 'all' ? 'i alt' : r.sex,
      r.employed,
    ].join(';'),
  );
  return `branchegruppe;aar;alder;koen;beskaeftigede\n${lines.join('\n')}\n`;
}

export function writeFixtureFiles(files: TempFiles) {
  const records = fixtureAccidents();
  return {
    records,
    employment: fixtureEmployment(),
    accidents2023: files.write(
      'ulykker-2023.csv',
      accidentsCsv(records.filter((r) => r.registrationDate.startsWith('2023'))),
    ),
    accidents2024: files.write(
      'ulykker-2024.csv',
      accidentsCsv(records.filter((r) => r.registrationDate.startsWith('2024'))),
    ),
    employmentFile: files.write('beskaeftigelse.csv', employmentCsv(fixtureEmployment())),
  };
}

// Hand calculations over the raw rows.

export const ageBand = (r: RawAccident) => ageBandOf(r.age);
export const registrationYear = (r: RawAccident) => Number(r.registrationDate.slice(0, 4));
export const accidentYear = (r: RawAccident) =>
  r.accidentDate === null ? null : Number(r.accidentDate.slice(0, 4));
export const isChemical = (r: RawAccident) => r.injuryType === '062' || r.contactMode === '15';
export const severity = (r: RawAccident) =>
  ({ dødelig: 'fatal', alvorlig: 'serious', let: 'minor', ukendt: 'unknown' })[r.severityWord] as string;

export function employed(
  rows: readonly RawEmployment[],
  filter: { years: readonly number[]; branches: readonly string[]; ageBand?: string; sex?: string },
): number {
  return rows
    .filter((r) => filter.years.includes(r.year) && filter.branches.includes(r.branch))
    .filter((r) => (filter.ageBand === undefined ? true : r.ageBand === filter.ageBand))
    .filter((r) => (filter.sex === undefined ? true : r.sex === filter.sex))
    .reduce((sum, r) => sum + r.employed, 0);
}

/** Records of one branch group registered in one year. */
export const records = (branch: string, year: number) =>
  fixtureAccidents().filter((r) => r.branch === branch && registrationYear(r) === year).length;

export interface AccidentWorkspace {
  store: TestStore;
  files: TempFiles;
  fixture: ReturnType<typeof writeFixtureFiles>;
  /** Batch ids of the accident files, in import order. */
  batches: number[];
}

const fixtureActor = { user: 'datastewart', now: () => new Date('2026-03-01T09:00:00Z') };

/**
 * For accident suites: a migrated store with reference data, the fixture's employment and accident files of
 * the given years imported (one batch each), created before the suite and removed after it. The returned object
 * is filled in by `beforeAll`; read its fields inside tests.
 */
export function useAccidentFixture(
  dialect: Dialect,
  years: readonly (2023 | 2024)[] = YEARS,
): AccidentWorkspace {
  const workspace = {} as AccidentWorkspace;
  beforeAll(async () => {
    workspace.store = await freshStore(dialect);
    await seedStore(workspace.store.db);
    workspace.files = tempFiles();
    workspace.fixture = writeFixtureFiles(workspace.files);
    await runImport(workspace.store, workspace.fixture.employmentFile, { kind: 'employment' }, fixtureActor);
    workspace.batches = [];
    for (const year of years) {
      const file = year === 2023 ? workspace.fixture.accidents2023 : workspace.fixture.accidents2024;
      const report = await runImport(workspace.store, file, { kind: 'accidents' }, fixtureActor);
      workspace.batches.push(report.batchId ?? 0);
    }
  });
  afterAll(async () => {
    workspace.files?.remove();
    await workspace.store?.destroy();
  });
  return workspace;
}
