// The comparison page's texts in Danish and English: the indicators, the form, the results, the method and the
// problems with a choice (each naming its field).
import type { BenchmarkComparison } from '../stats/rate-comparison.js';

export interface Label {
  da: string;
  en: string;
}

export const INDICATOR_NAMES: Record<'reported' | 'serious' | 'fatal', Label> = {
  reported: {
    da: 'Anmeldte arbejdsulykker pr. 10.000 beskæftigede',
    en: 'Reported work accidents per 10,000 employed',
  },
  serious: {
    da: 'Alvorlige arbejdsulykker (mindst 4 dages fravær) pr. 10.000 beskæftigede',
    en: 'Serious work accidents (at least 4 days off work) per 10,000 employed',
  },
  fatal: {
    da: 'Dødsulykker pr. 100.000 beskæftigede',
    en: 'Fatal accidents per 100,000 employed',
  },
};

export const COMPARE_METHOD: Label = {
  da: 'Hver branchegruppes rate har et 95 %-konfidensinterval (eksakt Poisson under 10 ulykker, Byar fra 10). En gruppe er signifikant højere eller lavere end hele landet, når hele dens interval ligger over eller under landsværdien (som Fingertips sammenligner områder med landsgennemsnittet). To grupper sammenlignes med det eksakte betingede test af to Poisson-rater: givet det samlede antal ulykker i de to grupper er den førstes antal binomialfordelt; raternes forhold (rate ratio) har Clopper–Pearson-intervallet, som testet svarer til.',
  en: "Each branch group's rate has a 95% confidence interval (exact Poisson below 10 accidents, Byar from 10). A group is significantly higher or lower than the whole country when its whole interval lies above or below the national value (as Fingertips compares areas with the national average). Two groups are compared with the exact conditional test of two Poisson rates: given the two groups' total number of accidents, the first group's count is binomial; the rate ratio has the Clopper–Pearson interval that the test corresponds to.",
};

export const MULTIPLE_COMPARISONS: Label = {
  da: 'Flere sammenligninger: de parvise p-værdier er Holm-korrigerede over alle de par, der kunne testes, så risikoen for mindst én fejlagtig "signifikant forskel" blandt dem højst er 5 %. Rate ratio-intervallerne er ikke korrigerede. Sammenligningen med hele landet er ikke korrigeret for, at flere grupper sammenlignes.',
  en: 'Multiple comparisons: the pairwise p-values are Holm-adjusted over every pair that could be tested, so the risk of at least one false "significant difference" among them is at most 5%. The rate-ratio intervals are not adjusted. The comparison with the whole country is not adjusted for comparing several groups.',
};

const da = {
  title: 'Sammenlign branchegrupper',
  intro:
    'Sæt 2–6 branchegrupper side om side på én indikator, med 95 %-konfidensintervaller, og se hvilke forskelle der er statistisk signifikante – mod hele landet og mellem grupperne.',
  formLegend: 'Hvad vil du sammenligne?',
  fieldIndicator: 'Indikator',
  fieldYear: 'År',
  fieldBranch: 'Branchegrupper',
  branchHint: (min: number, max: number) => `Vælg ${min}–${max} branchegrupper.`,
  branchSummary: (names: string[]) =>
    names.length === 0
      ? 'Vælg branchegrupper'
      : `Branchegrupper (${names.length} valgt): ${names.join(', ')}`,
  submit: 'Sammenlign',
  formErrors: 'Sammenligningen kan ikke laves:',
  unknownField: (name: string) => `Parameteren «${name}»`,
  resultsTitle: (indicator: string, year: number) => `${indicator}, ${year}`,
  chartTitle: (indicator: string, year: number) =>
    `${indicator}, ${year}: branchegrupper med 95 %-konfidensinterval og hele landet som lodret linje`,
  chartLegend:
    'Søjlen er raten, den mørke streg dens 95 %-konfidensinterval; den stiplede lodrette linje er hele landets værdi. Tallene står i tabellen nedenfor.',
  nationalLabel: (value: string) => `Hele landet ${value}`,
  hiddenInChart: 'skjult',
  describeChart: (high: string, highValue: string, low: string, lowValue: string) =>
    `Højest: ${high} (${highValue}). Lavest: ${low} (${lowValue}).`,
  describeNational: (value: string) => `Hele landet: ${value}.`,
  describeCounts: (higher: number, lower: number, similar: number) =>
    `Signifikant over hele landet: ${higher}; under: ${lower}; ikke signifikant forskellig: ${similar}.`,
  describeHidden: (n: number) =>
    n === 1 ? '1 gruppe er skjult af diskretionshensyn.' : `${n} grupper er skjult af diskretionshensyn.`,
  groupsTitle: 'Grupperne sammenlignet med hele landet',
  colGroup: 'Branchegruppe',
  colCount: 'Ulykker',
  colEmployed: 'Beskæftigede',
  colRate: (per: string) => `Rate pr. ${per}`,
  colCi: '95 %-konfidensinterval',
  colVsNational: 'Sammenlignet med hele landet',
  wholeCountry: 'Hele landet',
  hidden: 'Skjult',
  noDenominator: 'Ingen beskæftigelsestal',
  vsNational: {
    higher: 'Signifikant højere end hele landet',
    lower: 'Signifikant lavere end hele landet',
    similar: 'Ikke signifikant forskellig fra hele landet',
  } satisfies Record<BenchmarkComparison, string>,
  reference: 'Reference',
  pairsTitle: 'Parvise sammenligninger',
  pairsIntro:
    'Hver celle sammenligner rækkens gruppe med kolonnens: «højere» betyder, at rækkens rate er signifikant højere end kolonnens (Holm-korrigeret p-værdi under 0,05).',
  pairHigher: 'Signifikant højere',
  pairLower: 'Signifikant lavere',
  pairSimilar: 'Ikke signifikant forskellig',
  pairUntestable: 'Kan ikke testes',
  pairHidden: 'Skjult',
  pairsTableTitle: 'Tallene bag hvert par',
  colPair: 'Par',
  colRateRatio: 'Rate ratio',
  colRateRatioCi: '95 %-konfidensinterval (rate ratio)',
  colP: 'p-værdi',
  colPHolm: 'p-værdi, Holm-korrigeret',
  colConclusion: 'Konklusion',
  pairConclusionSignificant: 'Signifikant forskellige',
  versus: (a: string, b: string) => `${a} mod ${b}`,
  downloadsTitle: 'Hent data',
  downloadCsv: 'Sammenligningen som CSV',
  chartSvg: 'Figur som SVG',
  chartPng: 'Figur som PNG',
  exportNothing: 'Vælg 2–6 branchegrupper for at hente figuren.',
  downloadJson: 'Sammenligningen som JSON',
  aboutTitle: 'Om tallene',
  explorerLink: 'Se flere tal i ulykkesstatistikken',
  issueMin: (min: number, given: number) => `vælg mindst ${min} branchegrupper (${given} valgt)`,
  issueMax: (max: number, given: number) => `vælg højst ${max} branchegrupper (${given} valgt)`,
};

const en: typeof da = {
  title: 'Compare branch groups',
  intro:
    'Put 2–6 branch groups side by side on one indicator, with 95% confidence intervals, and see which differences are statistically significant – against the whole country and between the groups.',
  formLegend: 'What do you want to compare?',
  fieldIndicator: 'Indicator',
  fieldYear: 'Year',
  fieldBranch: 'Branch groups',
  branchHint: (min: number, max: number) => `Choose ${min}–${max} branch groups.`,
  branchSummary: (names: string[]) =>
    names.length === 0
      ? 'Choose branch groups'
      : `Branch groups (${names.length} chosen): ${names.join(', ')}`,
  submit: 'Compare',
  formErrors: 'The comparison cannot be made:',
  unknownField: (name: string) => `The parameter “${name}”`,
  resultsTitle: (indicator: string, year: number) => `${indicator}, ${year}`,
  chartTitle: (indicator: string, year: number) =>
    `${indicator}, ${year}: branch groups with 95% confidence intervals and the whole country as a vertical line`,
  chartLegend:
    'The bar is the rate, the dark line its 95% confidence interval; the dashed vertical line is the whole country’s value. The figures are in the table below.',
  nationalLabel: (value: string) => `Whole country ${value}`,
  hiddenInChart: 'hidden',
  describeChart: (high: string, highValue: string, low: string, lowValue: string) =>
    `Highest: ${high} (${highValue}). Lowest: ${low} (${lowValue}).`,
  describeNational: (value: string) => `Whole country: ${value}.`,
  describeCounts: (higher: number, lower: number, similar: number) =>
    `Significantly above the whole country: ${higher}; below: ${lower}; not significantly different: ${similar}.`,
  describeHidden: (n: number) =>
    n === 1 ? '1 group is hidden for confidentiality.' : `${n} groups are hidden for confidentiality.`,
  groupsTitle: 'The groups compared with the whole country',
  colGroup: 'Branch group',
  colCount: 'Accidents',
  colEmployed: 'Employed',
  colRate: (per: string) => `Rate per ${per}`,
  colCi: '95% confidence interval',
  colVsNational: 'Compared with the whole country',
  wholeCountry: 'Whole country',
  hidden: 'Hidden',
  noDenominator: 'No employment figures',
  vsNational: {
    higher: 'Significantly higher than the whole country',
    lower: 'Significantly lower than the whole country',
    similar: 'Not significantly different from the whole country',
  },
  reference: 'Reference',
  pairsTitle: 'Pairwise comparisons',
  pairsIntro:
    'Each cell compares the row’s group with the column’s: “higher” means the row’s rate is significantly higher than the column’s (Holm-adjusted p-value below 0.05).',
  pairHigher: 'Significantly higher',
  pairLower: 'Significantly lower',
  pairSimilar: 'Not significantly different',
  pairUntestable: 'Cannot be tested',
  pairHidden: 'Hidden',
  pairsTableTitle: 'The figures behind each pair',
  colPair: 'Pair',
  colRateRatio: 'Rate ratio',
  colRateRatioCi: '95% confidence interval (rate ratio)',
  colP: 'p-value',
  colPHolm: 'p-value, Holm-adjusted',
  colConclusion: 'Conclusion',
  pairConclusionSignificant: 'Significantly different',
  versus: (a: string, b: string) => `${a} vs ${b}`,
  downloadsTitle: 'Download data',
  downloadCsv: 'The comparison as CSV',
  chartSvg: 'Chart as SVG',
  chartPng: 'Chart as PNG',
  exportNothing: 'Choose 2–6 branch groups to download the chart.',
  downloadJson: 'The comparison as JSON',
  aboutTitle: 'About the figures',
  explorerLink: 'See more figures in the accident statistics',
  issueMin: (min: number, given: number) => `choose at least ${min} branch groups (${given} chosen)`,
  issueMax: (max: number, given: number) => `choose at most ${max} branch groups (${given} chosen)`,
};

export const COMPARE_TEXTS = { da, en };
