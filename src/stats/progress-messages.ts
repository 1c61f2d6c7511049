// Danish and English texts for the stable reason and caveat codes of a progress assessment.

export type ProgressStatus =
  | 'achieved'
  | 'on_track'
  | 'needs_acceleration'
  | 'limited_progress'
  | 'deterioration'
  | 'insufficient_data';

type Text = { da: string; en: string };

export const STATUS_TEXT: Readonly<Record<ProgressStatus | 'uncertain', Text>> = {
  achieved: { da: 'Målet er nået', en: 'Target achieved' },
  on_track: { da: 'På rette vej', en: 'On track' },
  needs_acceleration: { da: 'Skal accelereres', en: 'Needs acceleration' },
  limited_progress: { da: 'Begrænset fremgang', en: 'Limited progress' },
  deterioration: { da: 'Forværring', en: 'Deterioration' },
  insufficient_data: { da: 'Utilstrækkelige data', en: 'Insufficient data' },
  uncertain: { da: 'Usikker', en: 'Uncertain' },
};

/** The parameters each code carries; they are exported with the text so other renderings can be built. */
export interface MessageParams {
  target_achieved: { year: number; value: number; target: number };
  ratio_status: { r: number; status: ProgressStatus; threshold: number };
  cagr_status: { cagr: number; status: ProgressStatus; threshold: number };
  required_change_zero: { target: number };
  no_baseline: { year: number };
  too_few_observations: { baselineYear: number };
  series_break: { year: number; baselineYear: number; latestYear: number };
  negative_value: { year: number; value: number };
  zero_replaced: { replacement: number };
  baseline_value_override: { year: number; observed: number; used: number };
  change_not_significant: { method: string };
  significance_not_assessed: Record<string, never>;
  ci_overlap_conservative: Record<string, never>;
  category_range: { worst: ProgressStatus; best: ProgressStatus };
  projection_unweighted: Record<string, never>;
  target_year_passed: { year: number };
  no_target: Record<string, never>;
}

export type MessageCode = keyof MessageParams;

export interface ProgressMessage {
  code: MessageCode;
  params: Readonly<Record<string, number | string>>;
  da: string;
  en: string;
}

const daNumber = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 3 });
const enNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });
const daPercent = new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 2 });
const enPercent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 2 });

const da = (n: number) => daNumber.format(n);
const en = (n: number) => enNumber.format(n);
const daStatus = (s: ProgressStatus) => STATUS_TEXT[s].da.toLowerCase();
const enStatus = (s: ProgressStatus) => STATUS_TEXT[s].en.toLowerCase();

const TEXTS: { [C in MessageCode]: (p: MessageParams[C]) => Text } = {
  target_achieved: (p) => ({
    da: `Værdien ${da(p.value)} i ${p.year} har nået målet ${da(p.target)}.`,
    en: `The value ${en(p.value)} in ${p.year} has reached the target ${en(p.target)}.`,
  }),
  ratio_status: (p) => ({
    da: `Forholdet R mellem faktisk og nødvendig årlig ændring er ${da(p.r)} (grænse ${da(p.threshold)}): ${daStatus(p.status)}.`,
    en: `The ratio R of observed to required annual change is ${en(p.r)} (threshold ${en(p.threshold)}): ${enStatus(p.status)}.`,
  }),
  cagr_status: (p) => ({
    da: `Den årlige ændring i ønsket retning er ${daPercent.format(p.cagr)} (grænse ${daPercent.format(p.threshold)}): ${daStatus(p.status)}.`,
    en: `The annual change in the desired direction is ${enPercent.format(p.cagr)} (threshold ${enPercent.format(p.threshold)}): ${enStatus(p.status)}.`,
  }),
  required_change_zero: (p) => ({
    da: `Målet ${da(p.target)} er lig med udgangspunktet, og den seneste værdi er længere fra målet: forværring.`,
    en: `The target ${en(p.target)} equals the baseline and the latest value is further from it: deterioration.`,
  }),
  no_baseline: (p) => ({
    da: `Der er ingen værdi for basisåret ${p.year}.`,
    en: `There is no value for the baseline year ${p.year}.`,
  }),
  too_few_observations: (p) => ({
    da: `Der er ingen sammenlignelig observation efter basisåret ${p.baselineYear}.`,
    en: `There is no comparable observation after the baseline year ${p.baselineYear}.`,
  }),
  series_break: (p) => ({
    da: `Databrud i ${p.year}: ${p.baselineYear} og ${p.latestYear} kan ikke sammenlignes.`,
    en: `Series break in ${p.year}: ${p.baselineYear} and ${p.latestYear} cannot be compared.`,
  }),
  negative_value: (p) => ({
    da: `Værdien ${da(p.value)} (${p.year}) er negativ; den årlige vækstrate er ikke defineret.`,
    en: `The value ${en(p.value)} (${p.year}) is negative; the annual growth rate is not defined.`,
  }),
  zero_replaced: (p) => ({
    da: `Værdien 0 er erstattet af ${da(p.replacement)} for at kunne beregne den årlige vækstrate.`,
    en: `The value 0 was replaced by ${en(p.replacement)} so the annual growth rate can be computed.`,
  }),
  baseline_value_override: (p) => ({
    da: `Basisværdien ${da(p.used)} er brugt i stedet for den observerede værdi ${da(p.observed)} i ${p.year}; observationens usikkerhed indgår ikke.`,
    en: `The baseline value ${en(p.used)} was used instead of the observed ${en(p.observed)} in ${p.year}; the observation's uncertainty is not used.`,
  }),
  change_not_significant: (p) => ({
    da: `Ændringen fra basisåret er ikke statistisk signifikant (${p.method}); status er usikker.`,
    en: `The change from the baseline is not statistically significant (${p.method}); the status is uncertain.`,
  }),
  significance_not_assessed: () => ({
    da: 'Der er hverken konfidensintervaller eller tællinger, så usikkerheden kan ikke vurderes.',
    en: 'There are neither confidence intervals nor counts, so the uncertainty cannot be assessed.',
  }),
  ci_overlap_conservative: () => ({
    da: 'Signifikans er vurderet ved overlap af konfidensintervaller, hvilket er forsigtigt: en reel ændring kan blive vurderet som usikker.',
    en: 'Significance was judged by overlap of confidence intervals, which is conservative: a real change may be marked uncertain.',
  }),
  category_range: (p) => ({
    da: `Inden for den seneste værdis konfidensinterval spænder status fra ${daStatus(p.worst)} til ${daStatus(p.best)}.`,
    en: `Within the latest value's confidence interval the status ranges from ${enStatus(p.worst)} to ${enStatus(p.best)}.`,
  }),
  projection_unweighted: () => ({
    da: 'Ikke alle punkter har konfidensintervaller, så den log-lineære fremskrivning er uvægtet.',
    en: 'Not every point has a confidence interval, so the log-linear projection is unweighted.',
  }),
  target_year_passed: (p) => ({
    da: `Målåret ${p.year} er passeret uden at målet er nået.`,
    en: `The target year ${p.year} has passed without the target being reached.`,
  }),
  no_target: () => ({
    da: 'Der er intet talmæssigt mål; status bygger på den årlige ændring i ønsket retning.',
    en: 'There is no numeric target; the status is based on the annual change in the desired direction.',
  }),
};

export function message<C extends MessageCode>(code: C, params: MessageParams[C]): ProgressMessage {
  return { code, params, ...TEXTS[code](params) };
}
