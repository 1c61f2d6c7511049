// Synthetic accident records for the demo, one row per reported accident in the accidents kind's column order:
// plausible in volume, branch spread, ages, severity and ESAW codes, never official figures.
import { ageBandOf } from '../imports/kinds/accidents.kind.js';
import { AGE_BANDS } from '../imports/kinds/employment.kind.js';
import type { ReferenceData } from '../reference/reference.data.js';
import { type DemoEmployment, derivedSeed, EMPLOYMENT_YEARS } from './demo.generator.js';
import { type Random, seededRandom } from './random.js';

/** Registration years of the ordinary records, and accident years of the fatal ones. */
export const ACCIDENT_YEARS = EMPLOYMENT_YEARS;
export const FATAL_PER_YEAR = { min: 30, max: 45 } as const;

export type DemoSeverity = 'fatal' | 'serious' | 'minor' | 'unknown';

/** One record, in the order of `accidentsKind.columns`; the branch group is its code (the seeder maps it). */
export type DemoAccidentRow = [
  caseId: string,
  registrationDate: string,
  registrationYear: number,
  accidentDate: string | null,
  accidentYear: number | null,
  branchGroup: string,
  industryCode: null,
  classification: null,
  age: number | null,
  ageBand: string,
  sex: string,
  daysLost: number | null,
  severity: DemoSeverity,
  injuryType: string,
  bodyPart: string,
  deviation: string,
  contactMode: string,
  materialAgent: string,
  fatal: 0 | 1,
];

/** Column positions in `DemoAccidentRow`. */
export const ACCIDENT_COLUMN = {
  caseId: 0,
  registrationDate: 1,
  registrationYear: 2,
  accidentDate: 3,
  accidentYear: 4,
  branchGroup: 5,
  age: 8,
  ageBand: 9,
  sex: 10,
  daysLost: 11,
  severity: 12,
  injuryType: 13,
  bodyPart: 14,
  deviation: 15,
  contactMode: 16,
  materialAgent: 17,
  fatal: 18,
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Levels

/**
 * Reported accidents per 10,000 employed around the middle of the period, COVID-19 infections left out. The spread
 * follows the Danish Working Environment Authority's published branch figures in broad strokes; the employment-
 * weighted mean is about 160. Groups not named here have 150.
 */
const BRANCH_RATE: Record<string, number> = {
  anlaegsarbejde: 240,
  'opfoerelse-og-nedrivning-af-byggeri': 260,
  'faerdiggoerelse-af-byggeri': 300,
  butikker: 105,
  engros: 130,
  elektronik: 95,
  'energi-og-raastoffer': 135,
  'installation-og-reparation-af-maskiner-og-udstyr': 200,
  'kemi-og-medicin': 140,
  'metal-og-maskiner': 245,
  'plast-glas-og-beton': 240,
  'tekstil-og-papir': 180,
  transportmidler: 220,
  'trae-og-moebler': 230,
  'film-presse-og-boeger': 50,
  'it-og-telekommunikation': 40,
  kontor: 52,
  'landbrug-skovbrug-og-fiskeri': 165,
  slagterier: 370,
  'naerings-og-nydelsesmidler': 240,
  'politi-beredskab-og-faengsler': 280,
  'religioese-institutioner-og-begravelsesvaesen': 110,
  'vand-kloak-og-affald': 400,
  'frisoerer-og-anden-personlig-pleje': 85,
  'hotel-og-camping': 145,
  'kultur-og-sport': 115,
  rengoering: 270,
  'restauranter-og-barer': 125,
  'transport-af-gods': 270,
  'transport-af-passagerer': 200,
  daginstitutioner: 165,
  'doegninstitutioner-og-hjemmepleje': 400,
  hospitaler: 205,
  'laeger-tandlaeger-og-dyrlaeger': 80,
  undervisning: 100,
  'universiteter-og-forskning': 55,
};

/** The rate drifts down slowly; 2020–2021 had less activity in several branches (COVID-19 shutdowns). */
function yearFactor(year: number): number {
  const trend = 0.996 ** (year - ACCIDENT_YEARS.from);
  return trend * (year === 2020 ? 0.94 : year === 2021 ? 0.97 : 1);
}

/** Relative accident risk by age band (AGE_BANDS order): the young most, the oldest least. */
const AGE_RISK = [1.55, 1.12, 1, 0.93, 0.8, 0.62];
/** Relative risk of fatal accidents by age band: older workers die more often when an accident happens. */
const FATAL_AGE_RISK = [0.8, 0.8, 1, 1.3, 1.8, 2.6];

/** Branch groups where women's accident risk is not lower than men's (care work with residents and children). */
const CARE = new Set(['daginstitutioner', 'doegninstitutioner-og-hjemmepleje', 'hospitaler']);
const sexRisk = (branch: string, sex: 'K' | 'M') =>
  CARE.has(branch) ? (sex === 'K' ? 1.05 : 0.95) : sex === 'K' ? 0.8 : 1.15;

/** COVID-19 infections reported as accidents, expected per registration year at scale 1. */
const COVID_PER_YEAR: Record<number, number> = { 2020: 2_500, 2021: 13_800, 2022: 23_500, 2023: 700 };
/** Share of the COVID-19 records in the care branches; the rest spread over all others by employment. */
const COVID_SHARE: Record<string, number> = {
  'doegninstitutioner-og-hjemmepleje': 0.38,
  hospitaler: 0.24,
  daginstitutioner: 0.16,
};
/** Registration months of the COVID-19 records (relative weights), following the waves of infection. */
const COVID_MONTHS: Record<number, number[]> = {
  2020: [0, 0, 1, 2, 0.5, 0.3, 0.3, 0.5, 1, 2, 3, 4],
  2021: [4, 2, 1, 1, 0.7, 0.5, 0.7, 1, 1, 1.5, 3, 5],
  2022: [8, 7, 4, 1.5, 0.5, 0.3, 0.4, 0.4, 0.5, 0.6, 0.6, 0.8],
  2023: [4, 3, 2, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
};

/** Where fatal accidents happen (relative weights); groups not named here weigh 0.15. */
const FATAL_WEIGHT: Record<string, number> = {
  anlaegsarbejde: 5,
  'opfoerelse-og-nedrivning-af-byggeri': 6,
  'faerdiggoerelse-af-byggeri': 4,
  'transport-af-gods': 7,
  'landbrug-skovbrug-og-fiskeri': 7,
  'metal-og-maskiner': 3,
  'transport-af-passagerer': 1,
  'vand-kloak-og-affald': 1,
  'installation-og-reparation-af-maskiner-og-udstyr': 1,
  engros: 1,
  'energi-og-raastoffer': 0.5,
  'plast-glas-og-beton': 0.5,
  'trae-og-moebler': 0.5,
  'naerings-og-nydelsesmidler': 0.5,
  butikker: 0.4,
  slagterier: 0.3,
  'politi-beredskab-og-faengsler': 0.3,
};

/** Share of ordinary records that are chemical exposures: 3.2 % times the branch group's factor (default 1). */
const CHEMICAL_BASE = 0.032;
const CHEMICAL_FACTOR: Record<string, number> = {
  'kemi-og-medicin': 3,
  'frisoerer-og-anden-personlig-pleje': 3,
  rengoering: 2.5,
  'vand-kloak-og-affald': 2,
  'plast-glas-og-beton': 2,
  'energi-og-raastoffer': 1.5,
  'landbrug-skovbrug-og-fiskeri': 1.5,
  'metal-og-maskiner': 1.3,
  'laeger-tandlaeger-og-dyrlaeger': 1.2,
  'film-presse-og-boeger': 0.5,
  kontor: 0.5,
  'it-og-telekommunikation': 0.4,
  undervisning: 0.6,
  'restauranter-og-barer': 1.2,
};

// ---------------------------------------------------------------------------------------------------------------
// ESAW codes (Eurostat, 2013): what happened, how the victim was hurt, by what, and where on the body

/** Codes with relative weights, written as `code:weight` pairs separated by spaces. */
type Weighted = string;

interface Scenario {
  deviation: Weighted;
  contact: Weighted;
  agent: Weighted;
  injury: Weighted;
  body: Weighted;
}

const HEAD_TO_FOOT: Weighted =
  '11:4 12:6 13:5 21:3 31:10 41:4 51:8 52:7 53:14 54:12 55:5 62:9 63:8 64:5 78:3 99:2';

/** Ordinary accidents: none of them carries a chemical code under the default settings. */
const SCENARIOS = {
  fallSameLevel: {
    deviation: '52:8 75:2',
    contact: '31:8 32:2',
    agent: '01.02:6 01.01:2 02.03:1 13.01:1',
    injury: '030:40 020:20 010:20 050:6 120:6 999:8',
    body: '63:18 62:14 55:12 53:8 51:10 31:10 11:8 41:6 78:6 64:8',
  },
  fallFromHeight: {
    deviation: '51:1',
    contact: '31:1',
    agent: '02.01:3 02.02:3 02.03:4 11.01:2',
    injury: '020:35 030:25 010:12 050:8 120:12 999:8',
    body: '63:15 62:15 64:8 31:15 55:10 51:8 11:8 41:8 78:13',
  },
  lifting: {
    deviation: '71:6 72:3 73:2',
    contact: '71:1',
    agent: '13.02:3 13.04:3 10.02:1 16.01:1',
    injury: '030:75 999:15 010:5 120:5',
    body: '31:45 51:20 21:10 52:8 62:7 53:5 41:5',
  },
  patientHandling: {
    deviation: '71:5 72:3 64:2',
    contact: '71:1',
    agent: '18.05:7 16.02:2 10.01:1',
    injury: '030:80 999:15 120:5',
    body: '31:50 51:25 21:12 52:8 53:5',
  },
  cut: {
    deviation: '44:7 43:2 61:1',
    contact: '51:7 52:2 53:1',
    agent: '06.02:5 07.02:2 06.01:1 13.03:2',
    injury: '010:85 020:3 999:12',
    body: '54:45 53:35 52:6 62:6 12:4 13:4',
  },
  struckByObject: {
    deviation: '31:4 32:3 44:3',
    contact: '41:3 42:4 43:2 44:1',
    agent: '13.01:4 13.02:3 10.03:2 08.01:1',
    injury: '010:35 020:20 050:12 030:13 120:8 999:12',
    body: HEAD_TO_FOOT,
  },
  machine: {
    deviation: '41:6 33:2 63:2',
    contact: '63:5 61:2 44:2 64:1',
    agent: '09.01:3 09.02:3 07.01:2 10.01:2',
    injury: '010:30 020:35 120:10 050:5 999:20',
    body: '54:40 53:30 52:10 64:5 62:5 78:10',
  },
  vehicle: {
    deviation: '42:7 45:3',
    contact: '45:6 32:3 62:1',
    agent: '11.01:3 11.02:3 12.01:2 11.03:2',
    injury: '030:35 020:18 010:15 050:10 120:12 999:10',
    body: '21:20 31:15 78:15 11:8 41:8 51:10 62:12 63:12',
  },
  violence: {
    deviation: '82:8 81:2',
    contact: '83:6 81:2 73:2',
    agent: '18.05:1',
    injury: '010:35 030:20 050:8 999:37',
    body: '11:12 12:15 21:8 52:15 53:18 54:10 78:12 99:10',
  },
  animal: {
    deviation: '83:7 85:3',
    contact: '83:4 81:3 32:3',
    agent: '18.02:1',
    injury: '010:30 020:20 030:25 050:10 999:15',
    body: HEAD_TO_FOOT,
  },
  burn: {
    deviation: '22:4 13:3 44:3',
    contact: '13:1',
    agent: '14.08:3 05.03:3 20.02:2 16.02:2',
    injury: '061:90 010:5 999:5',
    body: '53:40 54:20 52:15 12:15 62:10',
  },
  twist: {
    deviation: '64:6 75:4',
    contact: '71:1',
    agent: '00.00:5 01.02:3 02.03:2',
    injury: '030:85 999:10 120:5',
    body: '63:25 62:20 31:25 51:15 55:10 21:5',
  },
} satisfies Record<string, Scenario>;

type ScenarioName = keyof typeof SCENARIOS;

/** How a branch group's ordinary accidents happen (relative weights of the scenarios). */
const ACCIDENT_PROFILES = {
  construction: {
    fallSameLevel: 16,
    fallFromHeight: 14,
    lifting: 16,
    cut: 14,
    struckByObject: 16,
    machine: 6,
    vehicle: 3,
    violence: 0.5,
    burn: 2,
    twist: 12,
  },
  industry: {
    fallSameLevel: 14,
    fallFromHeight: 4,
    lifting: 15,
    cut: 18,
    struckByObject: 15,
    machine: 14,
    vehicle: 4,
    violence: 0.5,
    burn: 4,
    twist: 10,
  },
  slaughter: { fallSameLevel: 15, lifting: 15, cut: 40, struckByObject: 8, machine: 8, burn: 2, twist: 10 },
  care: {
    fallSameLevel: 15,
    fallFromHeight: 1,
    lifting: 6,
    patientHandling: 18,
    cut: 4,
    struckByObject: 6,
    machine: 1,
    vehicle: 3,
    violence: 30,
    burn: 1,
    twist: 15,
  },
  children: {
    fallSameLevel: 25,
    lifting: 12,
    patientHandling: 4,
    cut: 4,
    struckByObject: 12,
    violence: 20,
    burn: 1,
    twist: 20,
  },
  police: { fallSameLevel: 15, lifting: 8, struckByObject: 8, vehicle: 12, violence: 42, twist: 15 },
  office: {
    fallSameLevel: 35,
    fallFromHeight: 3,
    lifting: 12,
    cut: 8,
    struckByObject: 10,
    machine: 1,
    vehicle: 12,
    violence: 4,
    burn: 2,
    twist: 13,
  },
  transport: {
    fallSameLevel: 18,
    fallFromHeight: 10,
    lifting: 20,
    cut: 4,
    struckByObject: 12,
    machine: 3,
    vehicle: 20,
    violence: 3,
    burn: 1,
    twist: 9,
  },
  hospitality: {
    fallSameLevel: 22,
    lifting: 10,
    cut: 28,
    struckByObject: 8,
    machine: 3,
    vehicle: 1,
    violence: 3,
    burn: 15,
    twist: 10,
  },
  service: {
    fallSameLevel: 28,
    fallFromHeight: 2,
    lifting: 18,
    cut: 9,
    struckByObject: 10,
    machine: 2,
    vehicle: 3,
    violence: 4,
    burn: 3,
    twist: 18,
  },
  farming: {
    fallSameLevel: 14,
    fallFromHeight: 10,
    lifting: 12,
    cut: 8,
    struckByObject: 14,
    machine: 12,
    vehicle: 10,
    animal: 12,
    twist: 8,
  },
} satisfies Record<string, Partial<Record<ScenarioName, number>>>;

const BRANCH_ACCIDENT_PROFILE: Record<string, keyof typeof ACCIDENT_PROFILES> = {
  anlaegsarbejde: 'construction',
  'opfoerelse-og-nedrivning-af-byggeri': 'construction',
  'faerdiggoerelse-af-byggeri': 'construction',
  'installation-og-reparation-af-maskiner-og-udstyr': 'construction',
  'vand-kloak-og-affald': 'transport',
  'transport-af-gods': 'transport',
  'transport-af-passagerer': 'transport',
  engros: 'transport',
  slagterier: 'slaughter',
  'landbrug-skovbrug-og-fiskeri': 'farming',
  'doegninstitutioner-og-hjemmepleje': 'care',
  hospitaler: 'care',
  daginstitutioner: 'children',
  undervisning: 'children',
  'politi-beredskab-og-faengsler': 'police',
  kontor: 'office',
  'it-og-telekommunikation': 'office',
  'film-presse-og-boeger': 'office',
  'universiteter-og-forskning': 'office',
  'laeger-tandlaeger-og-dyrlaeger': 'office',
  'religioese-institutioner-og-begravelsesvaesen': 'service',
  butikker: 'service',
  rengoering: 'service',
  'kultur-og-sport': 'service',
  'frisoerer-og-anden-personlig-pleje': 'service',
  'restauranter-og-barer': 'hospitality',
  'hotel-og-camping': 'hospitality',
};

/** Fatal accidents: falls, traffic, crushing, falling loads, electricity and drowning. */
const FATAL_SCENARIOS = {
  fallFromHeight: {
    deviation: '51:1',
    contact: '31:1',
    agent: '02.01:3 02.02:4 02.03:2 01.01:1',
    injury: '120:5 050:4 020:1',
    body: '78:6 11:4',
  },
  vehicle: {
    deviation: '42:7 45:3',
    contact: '45:7 62:3',
    agent: '11.01:4 11.02:3 11.03:3',
    injury: '120:7 050:3',
    body: '78:8 11:2',
  },
  crushed: {
    deviation: '41:5 33:3 63:2',
    contact: '62:5 63:5',
    agent: '09.02:3 10.01:3 11.03:2 13.01:2',
    injury: '120:5 050:4 999:1',
    body: '78:6 41:2 11:2',
  },
  fallingLoad: {
    deviation: '32:6 31:4',
    contact: '42:1',
    agent: '13.01:5 10.03:3 18.01:2',
    injury: '050:5 120:4 020:1',
    body: '11:6 78:4',
  },
  electricity: {
    deviation: '11:1',
    contact: '12:1',
    agent: '04.02:6 05.01:4',
    injury: '999:1',
    body: '78:1',
  },
  drowning: {
    deviation: '51:5 45:5',
    contact: '21:1',
    agent: '12.02:6 20.03:4',
    injury: '999:1',
    body: '78:1',
  },
} satisfies Record<string, Scenario>;

type FatalScenarioName = keyof typeof FATAL_SCENARIOS;
const FATAL_PROFILES = {
  construction: {
    fallFromHeight: 35,
    fallingLoad: 25,
    vehicle: 15,
    crushed: 12,
    electricity: 10,
    drowning: 3,
  },
  transport: { vehicle: 70, fallingLoad: 10, fallFromHeight: 8, crushed: 12 },
  farming: { crushed: 35, vehicle: 25, drowning: 18, fallFromHeight: 10, fallingLoad: 12 },
  industry: { crushed: 40, fallingLoad: 30, fallFromHeight: 15, electricity: 10, vehicle: 5 },
  other: { vehicle: 40, fallFromHeight: 25, fallingLoad: 15, crushed: 12, electricity: 5, drowning: 3 },
} satisfies Record<string, Partial<Record<FatalScenarioName, number>>>;

function fatalProfileOf(branch: string): keyof typeof FATAL_PROFILES {
  const profile = BRANCH_ACCIDENT_PROFILE[branch];
  if (profile === 'construction' || profile === 'transport' || profile === 'farming') return profile;
  if (profile === 'industry' || profile === 'slaughter' || profile === undefined) return 'industry';
  return 'other';
}

/** Chemical exposures, by how the substance reached the victim (ESAW contact modes 15, 16 and 17). */
const CHEMICAL = {
  contact: '16:58 15:38 17:4',
  deviationByContact: {
    '15': '23:6 24:3 99:1',
    '16': '22:8 21:1 99:1',
    '17': '22:1 99:1',
  },
  agent: '14.01:45 14.02:45 14.03:5 14.05:5',
  injuryByContact: {
    '15': '071:6 999:4',
    '16': '062:7 010:1 999:2',
    '17': '071:1',
  },
  bodyByContact: {
    '15': '71:7 78:3',
    '16': '13:45 53:30 12:15 54:10',
    '17': '71:1',
  },
} as const;

/** COVID-19 infections reported as accidents: acute infection by a biological agent, breathed in. */
const COVID = { injury: '072', contact: '15', agent: '14.07', deviation: '99', body: '71' } as const;

// ---------------------------------------------------------------------------------------------------------------
// Sampling helpers

/** A weighted choice among values, prepared once. */
interface Choice {
  values: string[];
  cumulative: Float64Array;
}

/** Cumulative shares of the weights (equal shares when they are all 0). */
function cumulativeOf(weights: readonly number[]): Float64Array {
  const cumulative = new Float64Array(weights.length);
  const sum = weights.reduce((a, b) => a + b, 0);
  let running = 0;
  weights.forEach((weight, index) => {
    running += weight;
    cumulative[index] = sum === 0 ? (index + 1) / weights.length : running / sum;
  });
  return cumulative;
}

function choice(weighted: Weighted): Choice {
  const pairs = weighted.split(' ').map((pair) => pair.split(':'));
  return {
    values: pairs.map(([value]) => value ?? ''),
    cumulative: cumulativeOf(pairs.map(([, weight]) => Number(weight))),
  };
}

function pickIndex(cumulative: Float64Array, u: number): number {
  const last = cumulative.length - 1;
  for (let i = 0; i < last; i++) if (u < (cumulative[i] ?? 1)) return i;
  return last;
}

const pick = (random: Random, c: Choice): string => c.values[pickIndex(c.cumulative, random.next())] ?? '';

interface PreparedScenario {
  deviation: Choice;
  contact: Choice;
  agent: Choice;
  injury: Choice;
  body: Choice;
}

interface PreparedProfile {
  scenarios: PreparedScenario[];
  cumulative: Float64Array;
}

function prepareProfile<Name extends string>(
  scenarios: Record<Name, Scenario>,
  profile: Partial<Record<Name, number>>,
): PreparedProfile {
  const entries = (Object.entries(profile) as [Name, number][]).filter(([, weight]) => weight > 0);
  return {
    scenarios: entries.map(([name]) => {
      const scenario = scenarios[name];
      return {
        deviation: choice(scenario.deviation),
        contact: choice(scenario.contact),
        agent: choice(scenario.agent),
        injury: choice(scenario.injury),
        body: choice(scenario.body),
      };
    }),
    cumulative: cumulativeOf(entries.map(([, weight]) => weight)),
  };
}

function pickScenario(random: Random, profile: PreparedProfile): PreparedScenario {
  const scenario = profile.scenarios[pickIndex(profile.cumulative, random.next())];
  if (scenario === undefined) throw new Error('An accident profile without scenarios');
  return scenario;
}

/** Poisson draw: exact for small means, normal approximation for large ones. */
function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 40) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = random.next();
    while (product > limit) {
      k++;
      product *= random.next();
    }
    return k;
  }
  return Math.max(0, Math.round(random.normal(mean, Math.sqrt(mean))));
}

const DAY_MS = 86_400_000;
const dayOf = (year: number, month = 0, date = 1) => Date.UTC(year, month, date) / DAY_MS;
/** Accident dates never fall before the period's first day, so no stray year appears before it. */
const FIRST_DAY = dayOf(ACCIDENT_YEARS.from);
const LAST_DAY = dayOf(ACCIDENT_YEARS.to, 11, 31);
/** 'YYYY-MM-DD' of every day of the period, shared by all records. */
const DATE_TEXTS = Array.from({ length: LAST_DAY - FIRST_DAY + 1 }, (_, offset) =>
  new Date((FIRST_DAY + offset) * DAY_MS).toISOString().slice(0, 10),
);
const DATE_YEARS = DATE_TEXTS.map((text) => Number(text.slice(0, 4)));
const dateText = (day: number): string => DATE_TEXTS[day - FIRST_DAY] ?? '';
const yearOf = (day: number): number => DATE_YEARS[day - FIRST_DAY] ?? 0;
const AGE_BAND_OF_AGE = Array.from({ length: 101 }, (_, age) => ageBandOf(age));

interface DaySampler {
  first: number;
  cumulative: Float64Array;
}

/** Days of a year weighted for when accidents happen and are reported: weekdays, fewer in July and at Christmas. */
function daySampler(year: number, months?: readonly number[]): DaySampler {
  const first = dayOf(year);
  const weights: number[] = [];
  for (let day = first; day < dayOf(year + 1); day++) {
    const date = new Date(day * DAY_MS);
    const weekday = date.getUTCDay();
    const month = date.getUTCMonth();
    const weekdayWeight = weekday === 0 ? 0.08 : weekday === 6 ? 0.12 : 1;
    weights.push(weekdayWeight * (months?.[month] ?? (month === 6 ? 0.75 : month === 11 ? 0.9 : 1)));
  }
  return { first, cumulative: cumulativeOf(weights) };
}

/** A day from a sampler (binary search). */
function sampleDay(random: Random, sampler: DaySampler): number {
  const u = random.next();
  let low = 0;
  let high = sampler.cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (u < (sampler.cumulative[mid] ?? 1)) high = mid;
    else low = mid + 1;
  }
  return sampler.first + low;
}

/** Days from accident to registration: mostly within a week, a long tail up to 90 days. */
function registrationLag(random: Random): number {
  const mean = random.next() < 0.6 ? 3 : 18;
  return Math.min(90, Math.floor(-Math.log(1 - random.next()) * mean));
}

/** Serious absences: skewed, at least 4 days, median about 20, capped at 365. */
function seriousDays(random: Random): number {
  return Math.min(365, 4 + Math.round(Math.exp(Math.log(16) + 1.05 * random.normal(0, 1))));
}

const MINOR_DAYS = choice('0:20 1:35 2:25 3:20');

// ---------------------------------------------------------------------------------------------------------------
// The generator

const SEXES = ['K', 'M'] as const;

interface BranchYear {
  employed: number;
  /** Cumulative weights over the 12 age band × sex cells (band-major, K before M), per kind of record. */
  ordinaryCells: Float64Array;
  covidCells: Float64Array;
  fatalCells: Float64Array;
}

/** Per branch group and year ('code|year'): the employed and whom their accidents strike. */
function branchYears(employment: DemoEmployment[]): Map<string, BranchYear> {
  const cells = new Map<string, { total: number | undefined; cells: number[] }>();
  for (const row of employment) {
    const key = `${row.branchGroup}|${row.year}`;
    let entry = cells.get(key);
    if (entry === undefined) {
      entry = { total: undefined, cells: new Array(AGE_BANDS.length * 2).fill(0) };
      cells.set(key, entry);
    }
    if (row.ageBand === 'all' && row.sex === 'all') entry.total = row.employed;
    else {
      const band = AGE_BANDS.indexOf(row.ageBand as (typeof AGE_BANDS)[number]);
      const sex = SEXES.indexOf(row.sex as 'K' | 'M');
      if (band >= 0 && sex >= 0) entry.cells[band * 2 + sex] = row.employed;
    }
  }
  const result = new Map<string, BranchYear>();
  for (const [key, entry] of cells) {
    if (entry.cells.every((n) => n === 0))
      throw new Error(`Demo employment for ${key} lacks the breakdown by age band and sex`);
    const branch = key.slice(0, key.indexOf('|'));
    const weighted = (risk: (band: number, sex: 'K' | 'M') => number) =>
      cumulativeOf(entry.cells.map((n, index) => n * risk(index >> 1, SEXES[index & 1] ?? 'M')));
    result.set(key, {
      employed: entry.total ?? entry.cells.reduce((a, b) => a + b, 0),
      ordinaryCells: weighted((band, sex) => (AGE_RISK[band] ?? 1) * sexRisk(branch, sex)),
      covidCells: weighted(() => 1),
      fatalCells: weighted((band, sex) => (FATAL_AGE_RISK[band] ?? 1) * (sex === 'K' ? 0.04 : 1)),
    });
  }
  return result;
}

/** An age inside a band; the oldest band thins out towards 75. */
function ageIn(random: Random, band: number): number {
  const u = random.next();
  return band === AGE_BANDS.length - 1 ? 65 + Math.floor(u * u * 10) : 15 + band * 10 + Math.floor(u * 10);
}

/** A new record with its person drawn from the cells; about 0.3 % of non-fatal ones lack age and sex ('U'). */
function newRecord(
  random: Random,
  branch: string,
  cells: Float64Array,
  fatal: boolean,
  registrationDay: number,
  accidentDay: number | null,
): DemoAccidentRow {
  let age: number | null = null;
  let sex = 'U';
  if (fatal || random.next() >= 0.003) {
    const cell = pickIndex(cells, random.next());
    age = ageIn(random, cell >> 1);
    sex = SEXES[cell & 1] ?? 'M';
  }
  return [
    '',
    dateText(registrationDay),
    yearOf(registrationDay),
    accidentDay === null ? null : dateText(accidentDay),
    accidentDay === null ? null : yearOf(accidentDay),
    branch,
    null,
    null,
    age,
    age === null ? ageBandOf(null) : (AGE_BAND_OF_AGE[age] ?? ageBandOf(age)),
    sex,
    null,
    fatal ? 'fatal' : 'unknown',
    '',
    '',
    '',
    '',
    '',
    fatal ? 1 : 0,
  ];
}

function setCodes(
  row: DemoAccidentRow,
  injury: string,
  body: string,
  deviation: string,
  contact: string,
  agent: string,
): void {
  row[ACCIDENT_COLUMN.injuryType] = injury;
  row[ACCIDENT_COLUMN.bodyPart] = body;
  row[ACCIDENT_COLUMN.deviation] = deviation;
  row[ACCIDENT_COLUMN.contactMode] = contact;
  row[ACCIDENT_COLUMN.materialAgent] = agent;
}

function setScenarioCodes(random: Random, row: DemoAccidentRow, scenario: PreparedScenario): void {
  setCodes(
    row,
    pick(random, scenario.injury),
    pick(random, scenario.body),
    pick(random, scenario.deviation),
    pick(random, scenario.contact),
    pick(random, scenario.agent),
  );
}

/**
 * Accident records from the demo employment (with its breakdown by age band and sex): counted by registration
 * year 2012–2025 (fatal accidents by accident year), `scale` times as many as at full size except the fatal ones.
 * Rows are ordered by registration date; case ids run per registration year.
 */
export function generateDemoAccidents(
  reference: ReferenceData,
  employment: DemoEmployment[],
  seed: number,
  scale = 1,
): DemoAccidentRow[] {
  const random = seededRandom(derivedSeed(seed, 2));
  const cells = branchYears(employment);
  const branches = reference.branchGroups.map((group) => group.code);
  // Records per registration day of the period: generation order within a day, date order across days.
  const byDay: DemoAccidentRow[][] = DATE_TEXTS.map(() => []);
  const add = (row: DemoAccidentRow, registrationDay: number) =>
    byDay[registrationDay - FIRST_DAY]?.push(row);

  const profiles = new Map<string, PreparedProfile>(
    Object.entries(ACCIDENT_PROFILES).map(([name, profile]) => [name, prepareProfile(SCENARIOS, profile)]),
  );
  const fatalProfiles = new Map<string, PreparedProfile>(
    Object.entries(FATAL_PROFILES).map(([name, profile]) => [name, prepareProfile(FATAL_SCENARIOS, profile)]),
  );
  const chemicalBy = (table: Record<'15' | '16' | '17', Weighted>) => ({
    '15': choice(table['15']),
    '16': choice(table['16']),
    '17': choice(table['17']),
  });
  const chemical = {
    contact: choice(CHEMICAL.contact),
    agent: choice(CHEMICAL.agent),
    deviation: chemicalBy(CHEMICAL.deviationByContact),
    injury: chemicalBy(CHEMICAL.injuryByContact),
    body: chemicalBy(CHEMICAL.bodyByContact),
  };

  /** A non-fatal record registered on a day of `sampler`, with its accident up to 90 days earlier. */
  const ordinaryRecord = (branch: string, sampler: DaySampler, cumulative: Float64Array) => {
    const registrationDay = sampleDay(random, sampler);
    // Early in the first year the lag wraps around, so that no accident falls before the period.
    const lag = registrationLag(random) % (registrationDay - FIRST_DAY + 1);
    const accidentDay = random.next() < 0.01 ? null : registrationDay - lag;
    const row = newRecord(random, branch, cumulative, false, registrationDay, accidentDay);
    const u = random.next();
    const severity: DemoSeverity = u < 0.55 ? 'serious' : u < 0.9 ? 'minor' : 'unknown';
    row[ACCIDENT_COLUMN.severity] = severity;
    if (severity !== 'unknown' && random.next() >= 0.05)
      row[ACCIDENT_COLUMN.daysLost] =
        severity === 'serious' ? seriousDays(random) : Number(pick(random, MINOR_DAYS));
    add(row, registrationDay);
    return row;
  };

  for (let year = ACCIDENT_YEARS.from; year <= ACCIDENT_YEARS.to; year++) {
    const sampler = daySampler(year);
    const covidMonths = COVID_MONTHS[year];
    const covidSampler = covidMonths === undefined ? undefined : daySampler(year, covidMonths);
    const covidTotal = (COVID_PER_YEAR[year] ?? 0) * scale;
    const careShare = Object.values(COVID_SHARE).reduce((a, b) => a + b, 0);
    const otherEmployed = branches
      .filter((branch) => COVID_SHARE[branch] === undefined)
      .reduce((sum, branch) => sum + (cells.get(`${branch}|${year}`)?.employed ?? 0), 0);

    for (const branch of branches) {
      const cell = cells.get(`${branch}|${year}`);
      if (cell === undefined) continue;
      const profile = profiles.get(BRANCH_ACCIDENT_PROFILE[branch] ?? 'industry');
      if (profile === undefined) throw new Error(`No accident profile for ${branch}`);
      const chemicalShare = CHEMICAL_BASE * (CHEMICAL_FACTOR[branch] ?? 1);
      const rate = (BRANCH_RATE[branch] ?? 150) / 10_000;
      const noise = Math.exp(random.normal(0, 0.04));
      const count = poisson(random, cell.employed * rate * yearFactor(year) * noise * scale);
      for (let i = 0; i < count; i++) {
        const row = ordinaryRecord(branch, sampler, cell.ordinaryCells);
        if (random.next() < chemicalShare) {
          const contact = pick(random, chemical.contact) as '15' | '16' | '17';
          setCodes(
            row,
            pick(random, chemical.injury[contact]),
            pick(random, chemical.body[contact]),
            pick(random, chemical.deviation[contact]),
            contact,
            pick(random, chemical.agent),
          );
        } else setScenarioCodes(random, row, pickScenario(random, profile));
      }

      if (covidSampler !== undefined) {
        const share = COVID_SHARE[branch] ?? ((1 - careShare) * cell.employed) / otherEmployed;
        const covid = poisson(random, covidTotal * share);
        for (let i = 0; i < covid; i++) {
          const row = ordinaryRecord(branch, covidSampler, cell.covidCells);
          setCodes(row, COVID.injury, COVID.body, COVID.deviation, COVID.contact, COVID.agent);
        }
      }
    }

    // Fatal accidents, by accident year and never scaled; registered within a week, and within the period.
    const fatalCount =
      FATAL_PER_YEAR.min + Math.floor(random.next() * (FATAL_PER_YEAR.max - FATAL_PER_YEAR.min + 1));
    const present = branches.filter((branch) => cells.has(`${branch}|${year}`));
    const where = cumulativeOf(present.map((branch) => FATAL_WEIGHT[branch] ?? 0.15));
    for (let i = 0; i < fatalCount; i++) {
      const branch = present[pickIndex(where, random.next())];
      const cell = cells.get(`${branch}|${year}`);
      const profile = fatalProfiles.get(fatalProfileOf(branch ?? ''));
      if (branch === undefined || cell === undefined || profile === undefined) continue;
      const accidentDay = sampleDay(random, sampler);
      const registrationDay = Math.min(LAST_DAY, accidentDay + Math.floor(random.next() ** 2 * 7));
      const row = newRecord(random, branch, cell.fatalCells, true, registrationDay, accidentDay);
      setScenarioCodes(random, row, pickScenario(random, profile));
      add(row, registrationDay);
    }
  }

  const rows: DemoAccidentRow[] = [];
  let year = 0;
  let number = 0;
  for (const day of byDay) {
    for (const row of day) {
      if (row[ACCIDENT_COLUMN.registrationYear] !== year) {
        year = row[ACCIDENT_COLUMN.registrationYear];
        number = 0;
      }
      number++;
      row[ACCIDENT_COLUMN.caseId] = `DEMO-${year}-${String(number).padStart(6, '0')}`;
      rows.push(row);
    }
  }
  return rows;
}
