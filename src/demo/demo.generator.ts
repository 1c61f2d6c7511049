// Generates Måltal's synthetic demo data from a seed: plausible in size and shape, never official figures.
import { AGE_BANDS } from '../imports/kinds/employment.kind.js';
import type { ReferenceData } from '../reference/reference.data.js';
import { wilsonProportionCi } from '../stats/proportion.js';
import { seededRandom } from './random.js';

export const DEMO_LABEL_DA = 'Demodata – ikke officielle tal';
export const DEMO_LABEL_EN = 'Demo data – not official figures';
export const DEFAULT_DEMO_SEED = 2030;

export const EMPLOYMENT_YEARS = { from: 2012, to: 2025 } as const;
/** Waves of the old survey (Arbejdsmiljø og Helbred) and of NOA-L; NOA-L starts a new series in 2021. */
export const OLD_SURVEY_WAVES = [2012, 2014, 2016, 2018] as const;
export const NEW_SURVEY_WAVES = [2021, 2023, 2025] as const;
export const BASELINE_YEAR = 2021;
export const TARGET_YEAR = 2030;
/** When demo targets were adopted, and when some were revised after the 2024 evaluation. */
const ADOPTED_AT = '2022-06-01T00:00:00.000Z';
const REVISED_AT = '2025-01-15T00:00:00.000Z';

export interface DemoIndicator {
  code: string;
  nameDa: string;
  nameEn: string;
  goal: string;
  subProblem: string | null;
  /** Rough share of employees exposed, in percent, around which branches vary. */
  typicalShare: number;
}

const BREAK_NOTE_DA =
  'Metodebrud mellem 2018 og 2021: NOA-L (Arbejdstilsynet) afløste Arbejdsmiljø og Helbred (NFA). ' +
  '2021 blev indsamlet under COVID-19.';
const BREAK_NOTE_EN =
  'Method break between 2018 and 2021: NOA-L (Danish Working Environment Authority) replaced ' +
  'Work Environment and Health in Denmark (NFA). 2021 was collected during COVID-19.';
export const SURVEY_SOURCE = 'NOA-L; før 2021 Arbejdsmiljø og Helbred';
export const SURVEY_BREAK_NOTES = { da: BREAK_NOTE_DA, en: BREAK_NOTE_EN };

export const DEMO_INDICATORS: DemoIndicator[] = [
  {
    code: 'ulykke-fravaer',
    nameDa: 'Andel lønmodtagere med en arbejdsulykke med fravær inden for 12 måneder',
    nameEn: 'Share of employees with a work accident causing absence within 12 months',
    goal: 'accidents',
    subProblem: null,
    typicalShare: 5,
  },
  {
    code: 'kemi-udsat',
    nameDa: 'Andel udsat for farlige kemiske stoffer mindst ¼ af arbejdstiden',
    nameEn: 'Share exposed to hazardous chemicals at least ¼ of working time',
    goal: 'chemical',
    subProblem: null,
    typicalShare: 20,
  },
  {
    code: 'fysisk-belastning',
    nameDa: 'Andel med tunge løft eller belastende arbejdsstillinger mindst ¼ af arbejdstiden',
    nameEn: 'Share with heavy lifting or straining postures at least ¼ of working time',
    goal: 'ergonomic',
    subProblem: null,
    typicalShare: 38,
  },
  {
    code: 'kraenkende-handlinger',
    nameDa: 'Andel udsat for krænkende handlinger, vold eller trusler inden for 12 måneder',
    nameEn: 'Share exposed to offensive behaviour, violence or threats within 12 months',
    goal: 'psychosocial',
    subProblem: 'offensive-behaviour-violence-threats',
    typicalShare: 14,
  },
  {
    code: 'hoeje-krav-lav-indflydelse',
    nameDa: 'Andel med høje krav og lav indflydelse',
    nameEn: 'Share with high demands and low influence',
    goal: 'psychosocial',
    subProblem: 'high-demands-low-influence',
    typicalShare: 18,
  },
];

/** Relative size of each branch group's employment (thousands, around 2023); scaled to about 3 million. */
const EMPLOYMENT_WEIGHTS: Record<string, number> = {
  anlaegsarbejde: 35,
  'opfoerelse-og-nedrivning-af-byggeri': 75,
  'faerdiggoerelse-af-byggeri': 95,
  butikker: 215,
  engros: 120,
  elektronik: 25,
  'energi-og-raastoffer': 25,
  'installation-og-reparation-af-maskiner-og-udstyr': 30,
  'kemi-og-medicin': 50,
  'metal-og-maskiner': 95,
  'plast-glas-og-beton': 30,
  'tekstil-og-papir': 20,
  transportmidler: 15,
  'trae-og-moebler': 20,
  'film-presse-og-boeger': 25,
  'it-og-telekommunikation': 120,
  kontor: 430,
  'landbrug-skovbrug-og-fiskeri': 55,
  slagterier: 15,
  'naerings-og-nydelsesmidler': 45,
  'politi-beredskab-og-faengsler': 40,
  'religioese-institutioner-og-begravelsesvaesen': 15,
  'vand-kloak-og-affald': 20,
  'frisoerer-og-anden-personlig-pleje': 30,
  'hotel-og-camping': 30,
  'kultur-og-sport': 60,
  rengoering: 55,
  'restauranter-og-barer': 110,
  'transport-af-gods': 70,
  'transport-af-passagerer': 55,
  daginstitutioner: 105,
  'doegninstitutioner-og-hjemmepleje': 190,
  hospitaler: 150,
  'laeger-tandlaeger-og-dyrlaeger': 50,
  undervisning: 210,
  'universiteter-og-forskning': 60,
};

/** Total employment by year: slow growth, a dip in 2020 (COVID-19). */
function totalEmployment(year: number): number {
  const trend = 2_760_000 + 24_000 * (year - EMPLOYMENT_YEARS.from);
  return year === 2020 ? trend * 0.985 : trend;
}

export interface DemoEmployment {
  branchGroup: string;
  year: number;
  /** One of AGE_BANDS, or 'all' on the branch group's total row. */
  ageBand: string;
  /** 'K' or 'M', or 'all' on the total row. */
  sex: string;
  employed: number;
}

/** Age structure of the employed (shares of AGE_BANDS), roughly as in Denmark around 2018. */
const AGE_PROFILES = {
  average: [0.12, 0.21, 0.21, 0.24, 0.19, 0.03],
  young: [0.42, 0.26, 0.12, 0.1, 0.08, 0.02],
  retail: [0.36, 0.18, 0.14, 0.15, 0.13, 0.04],
  leisure: [0.3, 0.21, 0.16, 0.16, 0.13, 0.04],
  office: [0.07, 0.25, 0.26, 0.24, 0.16, 0.02],
  academic: [0.06, 0.3, 0.26, 0.19, 0.15, 0.04],
  public: [0.06, 0.19, 0.23, 0.26, 0.23, 0.03],
  older: [0.05, 0.13, 0.18, 0.26, 0.29, 0.09],
  farming: [0.13, 0.15, 0.15, 0.21, 0.22, 0.14],
  trades: [0.15, 0.23, 0.21, 0.22, 0.16, 0.03],
} satisfies Record<string, number[]>;

/** Each branch group's age profile; groups not named here follow `average`. */
const BRANCH_AGE_PROFILE: Record<string, keyof typeof AGE_PROFILES> = {
  anlaegsarbejde: 'trades',
  'opfoerelse-og-nedrivning-af-byggeri': 'trades',
  'faerdiggoerelse-af-byggeri': 'trades',
  'installation-og-reparation-af-maskiner-og-udstyr': 'trades',
  butikker: 'retail',
  'restauranter-og-barer': 'young',
  'hotel-og-camping': 'leisure',
  'kultur-og-sport': 'leisure',
  'frisoerer-og-anden-personlig-pleje': 'leisure',
  kontor: 'office',
  'it-og-telekommunikation': 'office',
  'film-presse-og-boeger': 'office',
  'kemi-og-medicin': 'office',
  'universiteter-og-forskning': 'academic',
  undervisning: 'public',
  hospitaler: 'public',
  'doegninstitutioner-og-hjemmepleje': 'public',
  'laeger-tandlaeger-og-dyrlaeger': 'public',
  'politi-beredskab-og-faengsler': 'public',
  'vand-kloak-og-affald': 'public',
  'energi-og-raastoffer': 'public',
  'transport-af-passagerer': 'older',
  'religioese-institutioner-og-begravelsesvaesen': 'older',
  'landbrug-skovbrug-og-fiskeri': 'farming',
};

/** Women's share of each branch group's employed (percent); groups not named here have 40 %. */
const WOMEN_PERCENT: Record<string, number> = {
  anlaegsarbejde: 8,
  'opfoerelse-og-nedrivning-af-byggeri': 9,
  'faerdiggoerelse-af-byggeri': 10,
  butikker: 56,
  engros: 33,
  elektronik: 30,
  'energi-og-raastoffer': 22,
  'installation-og-reparation-af-maskiner-og-udstyr': 12,
  'kemi-og-medicin': 50,
  'metal-og-maskiner': 17,
  'plast-glas-og-beton': 22,
  'tekstil-og-papir': 38,
  transportmidler: 15,
  'trae-og-moebler': 22,
  'film-presse-og-boeger': 48,
  'it-og-telekommunikation': 28,
  kontor: 45,
  'landbrug-skovbrug-og-fiskeri': 22,
  slagterier: 25,
  'naerings-og-nydelsesmidler': 38,
  'politi-beredskab-og-faengsler': 30,
  'religioese-institutioner-og-begravelsesvaesen': 55,
  'vand-kloak-og-affald': 18,
  'frisoerer-og-anden-personlig-pleje': 85,
  'hotel-og-camping': 58,
  'kultur-og-sport': 48,
  rengoering: 55,
  'restauranter-og-barer': 52,
  'transport-af-gods': 12,
  'transport-af-passagerer': 20,
  daginstitutioner: 82,
  'doegninstitutioner-og-hjemmepleje': 85,
  hospitaler: 80,
  'laeger-tandlaeger-og-dyrlaeger': 76,
  undervisning: 62,
  'universiteter-og-forskning': 48,
};

/** A seed of its own for a part of the demo data, derived from the demo seed. */
export function derivedSeed(seed: number, part: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) + part * 0x9e3779b9) | 0;
}

/**
 * Employed per age band × sex for every total row, summing exactly to it: each branch group keeps its own age
 * profile and women's share (varied a little by the seed), and the workforce ages slowly over the years.
 */
function employmentBreakdown(totals: DemoEmployment[], seed: number): DemoEmployment[] {
  const random = seededRandom(derivedSeed(seed, 1));
  const byGroup = new Map<string, { profile: number[]; women: number[] }>();
  const rows: DemoEmployment[] = [];
  for (const total of totals) {
    let group = byGroup.get(total.branchGroup);
    if (group === undefined) {
      const base = AGE_PROFILES[BRANCH_AGE_PROFILE[total.branchGroup] ?? 'average'];
      const womenShare = (WOMEN_PERCENT[total.branchGroup] ?? 40) / 100;
      group = {
        profile: base.map((share) => share * Math.exp(random.normal(0, 0.06))),
        // Women's share varies a little between age bands, within [2 %, 98 %].
        women: AGE_BANDS.map(() => Math.min(0.98, Math.max(0.02, womenShare + random.normal(0, 0.02)))),
      };
      byGroup.set(total.branchGroup, group);
    }
    const age = total.year - EMPLOYMENT_YEARS.from;
    // Ageing: the oldest bands grow a little each year, relative to the others.
    const ageing = [1, 1, 1 - 0.004 * age, 1, 1 + 0.01 * age, 1 + 0.03 * age];
    const weights: number[] = [];
    group.profile.forEach((share, band) => {
      const weight = share * (ageing[band] ?? 1) * Math.exp(random.normal(0, 0.01));
      const women = group.women[band] ?? 0.4;
      weights.push(weight * women, weight * (1 - women));
    });
    const sum = weights.reduce((a, b) => a + b, 0);
    const cells = weights.map((weight) => Math.round((total.employed * weight) / sum));
    // Rounding leaves a small remainder: the largest cell takes it, so the cells add up to the total exactly.
    const largest = cells.indexOf(Math.max(...cells));
    cells[largest] = (cells[largest] ?? 0) + total.employed - cells.reduce((a, b) => a + b, 0);
    AGE_BANDS.forEach((ageBand, band) => {
      for (const [offset, sex] of ['K', 'M'].entries()) {
        rows.push({
          branchGroup: total.branchGroup,
          year: total.year,
          ageBand,
          sex,
          employed: cells[band * 2 + offset] ?? 0,
        });
      }
    });
  }
  return rows;
}

export interface DemoObservation {
  indicator: string;
  branchGroup: string;
  subBranch: string | null;
  year: number;
  value: number;
  count: number;
  respondents: number;
  lowercl: number;
  uppercl: number;
  confidence: number;
  seriesLabel: string;
  seriesBreak: boolean;
}

export interface DemoTargetRevision {
  baselineValue: number;
  targetValue: number;
  revisedAt: string;
  reason: string;
}

export interface DemoTarget {
  branchGroup: string;
  subBranch: string | null;
  goal: string;
  subProblem: string | null;
  indicator: string;
  owner: string | null;
  baselineYear: number;
  targetYear: number;
  revisions: DemoTargetRevision[];
}

export interface DemoData {
  seed: number;
  indicators: DemoIndicator[];
  employment: DemoEmployment[];
  observations: DemoObservation[];
  targets: DemoTarget[];
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

function indicatorFor(goal: string, subProblem: string | null): DemoIndicator {
  const match = DEMO_INDICATORS.find((i) => i.goal === goal && i.subProblem === subProblem);
  if (match === undefined) throw new Error(`No demo indicator for ${goal}/${subProblem ?? '-'}`);
  return match;
}

export function generateDemoData(reference: ReferenceData, seed: number = DEFAULT_DEMO_SEED): DemoData {
  const random = seededRandom(seed);
  const weightSum = reference.branchGroups.reduce((sum, g) => sum + (EMPLOYMENT_WEIGHTS[g.code] ?? 20), 0);

  const employment: DemoEmployment[] = [];
  for (const group of reference.branchGroups) {
    const share = (EMPLOYMENT_WEIGHTS[group.code] ?? 20) / weightSum;
    const drift = random.normal(0, 0.004);
    for (let year = EMPLOYMENT_YEARS.from; year <= EMPLOYMENT_YEARS.to; year++) {
      const wobble = 1 + drift * (year - 2018) + random.normal(0, 0.006);
      employment.push({
        branchGroup: group.code,
        year,
        ageBand: 'all',
        sex: 'all',
        employed: Math.round(totalEmployment(year) * share * wobble),
      });
    }
  }
  // The breakdown draws from its own stream, so the totals and everything after them stay as they were.
  employment.push(...employmentBreakdown(employment, seed));

  const observations: DemoObservation[] = [];
  const targets: DemoTarget[] = [];
  for (const [index, row] of reference.branchProblems.entries()) {
    const indicator = indicatorFor(row.goal, row.subProblem);
    const level = indicator.typicalShare * random.between(0.75, 1.6);
    const oldTrend = random.normal(-0.01, 0.015);
    // NOA-L measures differently: the level shifts at the break.
    const breakShift = random.between(0.85, 1.15);
    // A spread of developments after 2021, so that demo targets land in every status.
    const newTrend = [-0.045, -0.025, -0.012, 0.0, 0.02][index % 5] ?? 0;
    const cellSize = row.subBranch === null ? random.between(450, 1100) : random.between(160, 380);

    let baselineValue = level;
    const waves = [
      ...OLD_SURVEY_WAVES.map((year) => ({ year, series: 'AH', first: year === OLD_SURVEY_WAVES[0] })),
      ...NEW_SURVEY_WAVES.map((year) => ({ year, series: 'NOA-L', first: year === NEW_SURVEY_WAVES[0] })),
    ];
    for (const wave of waves) {
      const expected =
        wave.series === 'AH'
          ? level * (1 + oldTrend) ** (wave.year - 2018)
          : level * breakShift * (1 + newTrend) ** (wave.year - BASELINE_YEAR);
      // NOA-L 2023 had about a quarter fewer respondents than 2021.
      const sizeFactor = wave.year >= 2023 ? 0.76 : 1;
      const respondents = Math.round(cellSize * sizeFactor * random.between(0.9, 1.1));
      const share = Math.min(95, Math.max(0.5, expected + random.normal(0, expected * 0.04)));
      const count = round((share / 100) * respondents, 1);
      const interval = wilsonProportionCi(
        { x: count, n: respondents },
        { confidence: 0.95, multiplier: 100 },
      );
      const value = round((count / respondents) * 100, 2);
      observations.push({
        indicator: indicator.code,
        branchGroup: row.branchGroup,
        subBranch: row.subBranch,
        year: wave.year,
        value,
        count,
        respondents,
        lowercl: round(interval.lowercl ?? value, 3),
        uppercl: round(interval.uppercl ?? value, 3),
        confidence: 0.95,
        seriesLabel: wave.series,
        seriesBreak: wave.series === 'NOA-L' && wave.first,
      });
      if (wave.year === BASELINE_YEAR) baselineValue = value;
    }

    const reduction = random.between(0.1, 0.25);
    const revisions: DemoTargetRevision[] = [
      {
        // The baseline is the 2021 measurement itself, as the branch targets were set from NOA-L 2021.
        baselineValue,
        targetValue: round(baselineValue * (1 - reduction), 1),
        revisedAt: ADOPTED_AT,
        reason: 'Demo: måltal vedtaget',
      },
    ];
    // Some targets were adjusted after the goals were evaluated at the end of 2024.
    if (index % 4 === 1) {
      revisions.push({
        baselineValue,
        targetValue: round(baselineValue * (1 - reduction - 0.05), 1),
        revisedAt: REVISED_AT,
        reason: 'Demo: justeret efter evalueringen af målene i 2024',
      });
    }
    targets.push({
      branchGroup: row.branchGroup,
      subBranch: row.subBranch,
      goal: row.goal,
      subProblem: row.subProblem,
      indicator: indicator.code,
      owner: row.bfa,
      baselineYear: BASELINE_YEAR,
      targetYear: TARGET_YEAR,
      revisions,
    });
  }

  return { seed, indicators: DEMO_INDICATORS, employment, observations, targets };
}
