// The pilot pages' texts in Danish and English: the evaluation in words (METHODS §10), its caveats, the cells' names.
import { formatNumber, type Locale } from '../format.js';
import { EDITABLE_TEXTS } from './editable.texts.js';
import type { CellName, PilotDesignName } from './pilots.schemas.js';

type Pair = Record<Locale, string>;

/** A share difference (a fraction) in percentage points, a ratio as it is. */
export function effectText(value: number | null, design: PilotDesignName, locale: Locale): string {
  if (value === null) return '–';
  if (design === 'rates') return formatNumber(value, locale, 2);
  const unit = locale === 'da' ? 'procentpoint' : 'percentage points';
  return `${formatNumber(value * 100, locale, 1)} ${unit}`;
}

/** "−20,2 til 4,2 procentpoint" / "0,32 to 1,13". */
export function rangeText(
  lower: number | null,
  upper: number | null,
  design: PilotDesignName,
  locale: Locale,
): string {
  const to = locale === 'da' ? 'til' : 'to';
  const bound = (value: number | null) =>
    value === null
      ? '–'
      : design === 'rates'
        ? formatNumber(value, locale, 2)
        : formatNumber(value * 100, locale, 1);
  const unit = design === 'rates' ? '' : locale === 'da' ? ' procentpoint' : ' percentage points';
  return `${bound(lower)} ${to} ${bound(upper)}${unit}`;
}

/** A cell's share (percent) or rate (per 1,000 units of person-time). */
export function cellValueText(value: number, design: PilotDesignName, locale: Locale): string {
  if (design === 'rates')
    return `${formatNumber(value * 1000, locale, 1)} ${PILOT_TEXTS[locale].perThousand}`;
  const number = formatNumber(value * 100, locale, 1);
  return locale === 'da' ? `${number}\u00a0%` : `${number}%`;
}

/** The caveats every evaluation carries, and the one of a weak approximation with its conservative range. */
export const CAVEATS = {
  parallelTrends: {
    da: 'Forskel i forskelle forudsætter parallelle tendenser: at de to grupper ville have udviklet sig ens uden indsatsen.',
    en: 'Difference in differences assumes parallel trends: that the two groups would have developed alike without the intervention.',
  },
  nonRandomised: {
    da: 'Sammenligningsgruppen er ikke fundet ved lodtrækning; forskelle mellem grupperne kan påvirke resultatet.',
    en: 'The comparison group was not randomised; differences between the groups may affect the result.',
  },
  independent: {
    da: 'De fire målinger regnes som uafhængige stikprøver; er det de samme personer før og efter, passer formlen ikke.',
    en: 'The four measurements are treated as independent samples; if the same people were measured before and after, the formula does not apply.',
  },
  weak: (range: Pair): Pair => ({
    da: `Tilnærmelsen er svag, fordi en gruppe har under 30, ingen eller alle med udfaldet. Det konservative interval (Wilson-grænserne i værste retning) er ${range.da}.`,
    en: `The approximation is weak because a group has fewer than 30, none or all with the outcome. The conservative range (the Wilson limits in the worst direction) is ${range.en}.`,
  }),
} satisfies Record<string, Pair | ((range: Pair) => Pair)>;

/** Why there is no evaluation yet. */
export const NO_EVALUATION = {
  incomplete: (missing: Pair): Pair => ({
    da: `Der er ingen evaluering endnu: tallene mangler for ${missing.da}.`,
    en: `There is no evaluation yet: the figures are missing for ${missing.en}.`,
  }),
  zeroCount: {
    da: 'Der er ingen evaluering: en gruppe har 0 hændelser i en periode, og forholdet mellem rateforhold kan da ikke beregnes.',
    en: 'There is no evaluation: a group has 0 events in a period, so the ratio of rate ratios cannot be computed.',
  },
  invalid: (problem: string): Pair => ({
    da: `Der er ingen evaluering: tallene hænger ikke sammen (${problem}).`,
    en: `There is no evaluation: the figures do not fit together (${problem}).`,
  }),
};

export const CELL_NAMES_TEXT: Record<Locale, Record<CellName, string>> = {
  da: {
    xI0: 'indsatsgruppen før (x)',
    nI0: 'indsatsgruppen før (n)',
    xI1: 'indsatsgruppen efter (x)',
    nI1: 'indsatsgruppen efter (n)',
    xC0: 'sammenligningsgruppen før (x)',
    nC0: 'sammenligningsgruppen før (n)',
    xC1: 'sammenligningsgruppen efter (x)',
    nC1: 'sammenligningsgruppen efter (n)',
  },
  en: {
    xI0: 'the intervention group before (x)',
    nI0: 'the intervention group before (n)',
    xI1: 'the intervention group after (x)',
    nI1: 'the intervention group after (n)',
    xC0: 'the comparison group before (x)',
    nC0: 'the comparison group before (n)',
    xC1: 'the comparison group after (x)',
    nC1: 'the comparison group after (n)',
  },
};

export const DESIGN_NAMES: Record<Locale, Record<PilotDesignName, string>> = {
  da: { proportions: 'Andele (personer med udfaldet ud af alle)', rates: 'Rater (hændelser pr. persontid)' },
  en: { proportions: 'Shares (people with the outcome of all)', rates: 'Rates (events per person-time)' },
};

const da = {
  ...EDITABLE_TEXTS.da,
  title: 'Piloter',
  intro:
    'Forsøg, hvor et BFA har afprøvet en indsats i en gruppe og sammenlignet med en gruppe uden indsatsen, målt før og efter. Effekten vurderes som forskel i forskelle.',
  caption: 'Piloter',
  none: 'Der er ingen piloter endnu.',
  colPilot: 'Pilot',
  colOutcome: 'Udfald',
  colEffect: 'Forskel i forskelle',
  draftNotice: 'Piloten er en kladde. Den vises kun for redaktører, der må læse den.',
  noEvaluationShort: 'Ingen evaluering endnu',
  notSignificantShort: 'ikke signifikant',
  significantShort: 'signifikant',
  allPilots: 'Alle piloter',
  about: 'Om piloten',
  interventionGroup: 'Indsatsgruppe',
  comparisonGroup: 'Sammenligningsgruppe',
  expected: 'Indsatsgruppen, hvis den havde udviklet sig som sammenligningsgruppen',
  outcome: 'Udfald (hvad der er målt)',
  design: 'Design',
  before: 'Før',
  after: 'Efter',
  change: 'Ændring',
  ofTotal: (x: string, n: string) => `${x} af ${n}`,
  perTime: (x: string, n: string) => `${x} på ${n} persontid`,
  perThousand: 'pr. 1.000 persontid',
  times: (ratio: string) => `× ${ratio}`,
  evaluation: 'Evaluering',
  evaluationProportions: 'Forskel i forskelle',
  evaluationRates: 'Forhold mellem rateforhold',
  interval: (range: string) => `95 %-konfidensinterval: ${range}`,
  significant: (none: string) => `Statistisk signifikant: intervallet omfatter ikke ${none} (ingen effekt).`,
  notSignificant: (none: string) =>
    `Ikke statistisk signifikant: intervallet omfatter ${none} (ingen effekt), så tallene kan ikke skelne indsatsen fra tilfældig variation.`,
  noEffect: { proportions: '0 procentpoint', rates: '1' },
  colGroup: 'Gruppe',
  changesProportions: (i: string, c: string) =>
    `Fra før til efter ændrede andelen sig med ${i} i indsatsgruppen og ${c} i sammenligningsgruppen; forskellen mellem de to ændringer er estimatet.`,
  changesRates: (i: string, c: string) =>
    `Fra før til efter blev raten ganget med ${i} i indsatsgruppen og ${c} i sammenligningsgruppen; forholdet mellem de to er estimatet (under 1: raten faldt mere i indsatsgruppen).`,
  caveats: 'Forbehold',
  figures: 'Tallene',
  figuresCaption: (title: string) => `Tallene bag piloten ${title}`,
  chartTitle: (outcome: string) => `${outcome}: før og efter i de to grupper`,
  chartShare: 'Andel',
  chartRate: 'Rate pr. 1.000 persontid',
  chartDescription: (parts: string) => `Før og efter: ${parts}.`,
  method: 'Metode',
  methodText:
    'Beregnet som beskrevet i metodeafsnittet om piloter (METHODS §10): forskellen mellem ændringen i indsatsgruppen og ændringen i sammenligningsgruppen med et 95 %-konfidensinterval; for rater forholdet mellem rateforholdene på log-skala.',
  methodLink: 'Om metoderne',
  downloads: 'Hent piloterne',
  downloadOne: 'Hent tallene',
  downloadJson: 'Piloten med evalueringen (JSON)',
  // The editor area
  editorTitle: 'Piloter i redaktionen',
  editorIntro: 'Piloter, du kan læse, kladder også. Kladder vises ikke offentligt, før de offentliggøres.',
  newRecord: 'Ny pilot',
  cannotCreate: 'Din rolle kan ikke oprette piloter.',
  readOnly: 'Du kan læse piloten, men ikke redigere den.',
  conflict:
    'En anden har gemt piloten, efter du åbnede den. Felterne med en fejl er ændret siden; det, du skrev, er bevaret. Gem igen for at overskrive med dine værdier.',
  fieldIntervention: 'Indsatsgruppe',
  fieldComparison: 'Sammenligningsgruppe',
  fieldOutcome: 'Udfald (hvad der er målt)',
  hintOutcome: 'Fx “andel seniorer stadig i job efter 12 måneder”.',
  fieldDesign: 'Design',
  hintPeriodEnd: 'Tom, hvis piloten stadig kører.',
  fieldBeforeLabel: 'Navn på før-målingen',
  fieldAfterLabel: 'Navn på efter-målingen',
  hintLabel: 'Fx “2022” eller “Før indsatsen”; tomt giver “Før” og “Efter”.',
  cells: 'Tallene (x og n)',
  cellsHint:
    'x er antal med udfaldet (eller hændelser); n er antal i alt (eller persontid ved rater). Udfyld efterhånden; evalueringen vises, når alle otte tal er der.',
  cellGroup: (group: string, period: string) => `${group}, ${period.toLowerCase()}`,
  cellX: 'x: antal med udfaldet eller hændelser',
  cellN: 'n: antal i alt eller persontid',
  create: 'Opret piloten',
  historyCaption: 'Gemte versioner af piloten',
};

type PilotTexts = typeof da;

const en: PilotTexts = {
  ...EDITABLE_TEXTS.en,
  title: 'Pilots',
  intro:
    'Trials in which a BFA tried an intervention in one group and compared it with a group without it, measured before and after. The effect is assessed as a difference in differences.',
  caption: 'Pilots',
  none: 'There are no pilots yet.',
  colPilot: 'Pilot',
  colOutcome: 'Outcome',
  colEffect: 'Difference in differences',
  draftNotice: 'This pilot is a draft. Only editors who may read it see it.',
  noEvaluationShort: 'No evaluation yet',
  notSignificantShort: 'not significant',
  significantShort: 'significant',
  allPilots: 'All pilots',
  about: 'About the pilot',
  interventionGroup: 'Intervention group',
  comparisonGroup: 'Comparison group',
  expected: 'The intervention group, had it developed like the comparison group',
  outcome: 'Outcome (what was measured)',
  design: 'Design',
  before: 'Before',
  after: 'After',
  change: 'Change',
  ofTotal: (x: string, n: string) => `${x} of ${n}`,
  perTime: (x: string, n: string) => `${x} in ${n} person-time`,
  perThousand: 'per 1,000 person-time',
  times: (ratio: string) => `× ${ratio}`,
  evaluation: 'Evaluation',
  evaluationProportions: 'Difference in differences',
  evaluationRates: 'Ratio of rate ratios',
  interval: (range: string) => `95% confidence interval: ${range}`,
  significant: (none: string) =>
    `Statistically significant: the interval does not include ${none} (no effect).`,
  notSignificant: (none: string) =>
    `Not statistically significant: the interval includes ${none} (no effect), so the figures cannot tell the intervention from chance.`,
  noEffect: { proportions: '0 percentage points', rates: '1' },
  colGroup: 'Group',
  changesProportions: (i: string, c: string) =>
    `From before to after, the share changed by ${i} in the intervention group and by ${c} in the comparison group; the difference between the two changes is the estimate.`,
  changesRates: (i: string, c: string) =>
    `From before to after, the rate was multiplied by ${i} in the intervention group and by ${c} in the comparison group; the ratio of the two is the estimate (below 1: the rate fell more in the intervention group).`,
  caveats: 'Caveats',
  figures: 'The figures',
  figuresCaption: (title: string) => `The figures behind the pilot ${title}`,
  chartTitle: (outcome: string) => `${outcome}: before and after in both groups`,
  chartShare: 'Share',
  chartRate: 'Rate per 1,000 person-time',
  chartDescription: (parts: string) => `Before and after: ${parts}.`,
  method: 'Method',
  methodText:
    'Computed as the method section on pilots describes (METHODS §10): the difference between the change in the intervention group and the change in the comparison group with a 95% confidence interval; for rates the ratio of the rate ratios on the log scale.',
  methodLink: 'About the methods',
  downloads: 'Download the pilots',
  downloadOne: 'Download the figures',
  downloadJson: 'The pilot with its evaluation (JSON)',
  editorTitle: 'Pilots in the editor area',
  editorIntro: 'Pilots you may read, drafts too. Drafts are not shown publicly until published.',
  newRecord: 'New pilot',
  cannotCreate: 'Your role cannot create pilots.',
  readOnly: 'You may read this pilot but not edit it.',
  conflict:
    'Someone else saved the pilot after you opened it. The fields marked changed since; what you typed is kept. Save again to overwrite with your values.',
  fieldIntervention: 'Intervention group',
  fieldComparison: 'Comparison group',
  fieldOutcome: 'Outcome (what was measured)',
  hintOutcome: 'E.g. “share of seniors still employed after 12 months”.',
  fieldDesign: 'Design',
  hintPeriodEnd: 'Empty while the pilot still runs.',
  fieldBeforeLabel: 'Name of the measurement before',
  fieldAfterLabel: 'Name of the measurement after',
  hintLabel: 'E.g. “2022” or “Before the intervention”; empty gives “Before” and “After”.',
  cells: 'The figures (x and n)',
  cellsHint:
    'x is the number with the outcome (or events); n the number in all (or person-time for rates). Fill them in as they come; the evaluation shows once all eight are there.',
  cellGroup: (group: string, period: string) => `${group}, ${period.toLowerCase()}`,
  cellX: 'x: number with the outcome, or events',
  cellN: 'n: number in all, or person-time',
  create: 'Create the pilot',
  historyCaption: 'Saved versions of the pilot',
};

export const PILOT_TEXTS: Record<Locale, PilotTexts> = { da, en };
