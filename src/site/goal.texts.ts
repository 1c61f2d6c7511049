// The goal pages' own texts in Danish and English, and units in words (pr. 10.000 beskæftigede), so a column that
// mixes percentages and rates says which is which.
import { perEmployedOf } from '../accidents/series.js';
import { formatNumber, type Locale } from '../format.js';

/** "pr. 10.000 beskæftigede" for a rate per N employed; the unit as stored for any other non-percent unit. */
export function unitWords(unit: string, locale: Locale): string | null {
  if (unit === 'percent' || unit === 'count') return null;
  const per = perEmployedOf(unit);
  if (per === null) return unit;
  return locale === 'en'
    ? `per ${formatNumber(per, 'en')} employed`
    : `pr. ${formatNumber(per, 'da')} beskæftigede`;
}

/** The value axis of a chart: the unit (the chart's title names the indicator). */
export function axisLabel(unit: string, locale: Locale): string {
  if (unit === 'percent') return locale === 'en' ? 'Per cent' : 'Procent';
  return unitWords(unit, locale) ?? (locale === 'en' ? 'Number' : 'Antal');
}

export interface ChartSummary {
  total: number;
  reached: number;
  toward: number;
  away: number;
  unmeasured: number;
}

const da = {
  oneProblem: (problem: string) => `Alle måltal under målet gælder delproblemet «${problem}».`,
  chartsTitle: 'Hvor langt er måltallene nået?',
  chartTitle: (indicator: string) => `${indicator}: udgangspunkt, seneste måling og måltal`,
  chartLegend:
    'Grå firkant: udgangspunkt. Blå prik: seneste måling, med 95 %-konfidensinterval som bred streg. Grøn rombe: måltal. Den stiplede streg går fra udgangspunkt til måltal. Tallene står i tabellen «Måltallene» nedenfor.',
  chartSummary: (s: ChartSummary) =>
    [
      `${s.total} måltal.`,
      s.reached > 0 ? `Seneste måling har nået måltallet for ${s.reached}.` : '',
      s.toward > 0 ? `Seneste måling ligger mellem udgangspunkt og måltal for ${s.toward}.` : '',
      s.away > 0 ? `Seneste måling er ikke kommet nærmere måltallet end udgangspunktet for ${s.away}.` : '',
      s.unmeasured > 0 ? `${s.unmeasured} har ingen måling endnu.` : '',
      'Status i tabellen tager også højde for usikkerheden.',
    ]
      .filter((part) => part !== '')
      .join(' '),
  chartData: 'Måltallene under målet som JSON',
  chartSvg: 'Figur som SVG',
  chartPng: 'Figur som PNG',
  compareLink: 'Sammenlign ulykkesraten i 2–6 branchegrupper, med konfidensintervaller og signifikanstest',
};

const en: typeof da = {
  oneProblem: (problem: string) => `Every target under this goal concerns the sub-problem “${problem}”.`,
  chartsTitle: 'How far have the targets come?',
  chartTitle: (indicator: string) => `${indicator}: baseline, latest measurement and target`,
  chartLegend:
    'Grey square: baseline. Blue dot: latest measurement, with its 95% confidence interval as a wide bar. Green diamond: target. The dashed line runs from baseline to target. The figures are in the table “The targets” below.',
  chartSummary: (s: ChartSummary) =>
    [
      `${s.total} ${s.total === 1 ? 'target' : 'targets'}.`,
      s.reached > 0 ? `The latest measurement has reached the target for ${s.reached}.` : '',
      s.toward > 0 ? `The latest measurement lies between baseline and target for ${s.toward}.` : '',
      s.away > 0
        ? `The latest measurement has come no closer to the target than the baseline for ${s.away}.`
        : '',
      s.unmeasured > 0 ? `${s.unmeasured} have no measurement yet.` : '',
      'The status in the table also takes the uncertainty into account.',
    ]
      .filter((part) => part !== '')
      .join(' '),
  chartData: 'The targets under this goal as JSON',
  chartSvg: 'Chart as SVG',
  chartPng: 'Chart as PNG',
  compareLink:
    'Compare the accident rate of 2–6 branch groups, with confidence intervals and significance tests',
};

export const GOAL_TEXTS = { da, en };
