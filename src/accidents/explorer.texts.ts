// The accident explorer's and the accident charts' own texts in Danish and English (the older shared ones are in
// web/i18n.ts): the period and the selection in words, person-years, the reference line, the notes under a chart
// and the chart downloads.
import type { Locale } from '../format.js';

const da = {
  period: (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`),
  groupedBy: (dimensions: string) => `fordelt på ${dimensions}`,
  and: 'og',
  mainGroupWord: (name: string) => `hovedgruppe ${name}`,
  women: 'kvinder',
  men: 'mænd',
  ageWord: (band: string) => (band === '65+' ? '65 år og derover' : `${band} år`),
  chemicalOnly: 'kun kemiske påvirkninger',
  chemicalNone: 'uden kemiske påvirkninger',
  notFatal: 'uden dødsulykker',
  personYears: (period: string) => `Personår i beskæftigelse, summeret over ${period}`,
  personYearsNote: (period: string, years: number) =>
    `Beskæftigede er lagt sammen over de ${years} år ${period} (personår), så tallet er ikke et antal personer. Raten er ulykker pr. personår: en gennemsnitlig årlig rate.`,
  defaultPeriodNote: (year: number) =>
    `Uden valgt periode sammenligner figuren det seneste år, ${year}. En sum over alle år ville tage 2020–2022 med, hvor anmeldte COVID-19-smitter hæver især social- og sundhedsbranchernes tal, så rækkefølgen ville vise smitten mere end ulykkerne. Vælg Fra år og Til år for en anden periode.`,
  periodHint:
    'Standard: alle år, når tallene vises efter år; ellers det seneste år (se noten under figuren).',
  national: 'Hele landet',
  total: 'I alt',
  referenceSentence: (label: string, value: string) => `${label}: ${value} (stiplet linje).`,
  describeOne: (value: string, year: string) => `I ${year}: ${value}.`,
  hidden: 'skjult',
  hiddenInTable: 'Skjult',
  topSeriesNote: (shown: number, total: number, year: number) =>
    `Figuren viser de ${shown} af ${total} med de højeste rater i ${year}; tabellen har dem alle.`,
  topBarsNote: (shown: number, total: number) =>
    `Figuren viser de ${shown} første af ${total} rækker; tabellen har dem alle.`,
  notesTitle: 'Bemærk',
  conventionNote: {
    registration: 'Opgjort efter registreringsår: en ulykke tælles i det år, den blev anmeldt.',
    accident: 'Opgjort efter ulykkesår: en ulykke tælles i det år, den skete.',
  },
  groupYearBranch: 'År og branchegruppe',
  groupYearMainGroup: 'År og hovedgruppe',
  chemicalYes: 'Kemisk påvirkning',
  chemicalNo: 'Ikke kemisk påvirkning',
  colReference: (label: string, per: string) => `${label}, pr. ${per}`,
  chartDownloads: 'Hent figuren',
  downloadSvg: 'Figur som SVG',
  downloadPng: 'Figur som PNG',
  exportFile: 'arbejdsulykker',
  exportSource: (sources: string) => `Kilde: ${sources}. Måltal.`,
  exportProblem: 'Figuren kan ikke tegnes for dette udvalg:',
  formatField: 'Format',
  errorSummary: (n: number) => (n === 1 ? 'Ret dette valg:' : `Ret disse ${n} valg:`),
};

type ExplorerTexts = typeof da;

const en: ExplorerTexts = {
  period: da.period,
  groupedBy: (dimensions) => `by ${dimensions}`,
  and: 'and',
  mainGroupWord: (name) => `main group ${name}`,
  women: 'women',
  men: 'men',
  ageWord: (band) => (band === '65+' ? '65 years and over' : `${band} years`),
  chemicalOnly: 'chemical exposures only',
  chemicalNone: 'without chemical exposures',
  notFatal: 'without fatal accidents',
  personYears: (period) => `Person-years in employment, summed over ${period}`,
  personYearsNote: (period, years) =>
    `The employed are added up over the ${years} years ${period} (person-years), so the figure is not a number of people. The rate is accidents per person-year: an average yearly rate.`,
  defaultPeriodNote: (year) =>
    `With no period chosen, the chart compares the latest year, ${year}. A sum over all years would include 2020–2022, when reported COVID-19 infections raise the figures of the social and health branches in particular, so the order would show the infections more than the accidents. Choose From year and To year for another period.`,
  periodHint:
    'Default: every year when the figures are shown by year; otherwise the latest year (see the note under the chart).',
  national: 'All of Denmark',
  total: 'Total',
  referenceSentence: (label, value) => `${label}: ${value} (dashed line).`,
  describeOne: (value, year) => `In ${year}: ${value}.`,
  hidden: 'hidden',
  hiddenInTable: 'Hidden',
  topSeriesNote: (shown, total, year) =>
    `The chart shows the ${shown} of ${total} with the highest rates in ${year}; the table has them all.`,
  topBarsNote: (shown, total) =>
    `The chart shows the first ${shown} of ${total} rows; the table has them all.`,
  notesTitle: 'Notes',
  conventionNote: {
    registration: 'Counted by registration year: an accident counts in the year it was reported.',
    accident: 'Counted by accident year: an accident counts in the year it happened.',
  },
  groupYearBranch: 'Year and branch group',
  groupYearMainGroup: 'Year and main group',
  chemicalYes: 'Chemical exposure',
  chemicalNo: 'No chemical exposure',
  colReference: (label, per) => `${label}, per ${per}`,
  chartDownloads: 'Download the chart',
  downloadSvg: 'Chart as SVG',
  downloadPng: 'Chart as PNG',
  exportFile: 'work-accidents',
  exportSource: (sources) => `Source: ${sources}. Måltal.`,
  exportProblem: 'The chart cannot be drawn for this selection:',
  formatField: 'Format',
  errorSummary: (n) => (n === 1 ? 'Correct this choice:' : `Correct these ${n} choices:`),
};

export const EXPLORER_TEXTS: Record<Locale, ExplorerTexts> = { da, en };
