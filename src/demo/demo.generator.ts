// Generates Måltal's synthetic demo data from a seed: plausible in size and shape, never official figures.
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
  employed: number;
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
        employed: Math.round(totalEmployment(year) * share * wobble),
      });
    }
  }

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
