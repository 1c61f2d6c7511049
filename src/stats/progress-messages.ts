// Danish and English texts for the stable reason and caveat codes of a progress assessment.

export type ProgressStatus =
  | 'achieved'
  | 'on_track'
  | 'needs_acceleration'
  | 'limited_progress'
  | 'deterioration'
  | 'insufficient_data';

export type Text = { da: string; en: string };

export const STATUS_TEXT: Readonly<Record<ProgressStatus | 'uncertain', Text>> = {
  achieved: { da: 'Målet er nået', en: 'Target achieved' },
  on_track: { da: 'På rette vej', en: 'On track' },
  needs_acceleration: { da: 'Skal accelereres', en: 'Needs acceleration' },
  limited_progress: { da: 'Begrænset fremgang', en: 'Limited progress' },
  deterioration: { da: 'Forværring', en: 'Deterioration' },
  insufficient_data: { da: 'Utilstrækkelige data', en: 'Insufficient data' },
  uncertain: { da: 'Usikkert', en: 'Uncertain' },
};

/** The statuses as they read inside a sentence ("between deterioration and achieved"). */
export const STATUS_IN_SENTENCE: Readonly<Record<ProgressStatus, Text>> = {
  achieved: { da: 'målet er nået', en: 'achieved' },
  on_track: { da: 'på rette vej', en: 'on track' },
  needs_acceleration: { da: 'skal accelereres', en: 'needs acceleration' },
  limited_progress: { da: 'begrænset fremgang', en: 'limited progress' },
  deterioration: { da: 'forværring', en: 'deterioration' },
  insufficient_data: { da: 'utilstrækkelige data', en: 'insufficient data' },
};

/** The one phrase that names an uncertain status's categories: "mellem X og Y" / "between X and Y", worst first. */
export function rangePhrase(worst: ProgressStatus, best: ProgressStatus): Text {
  const [from, to] = [STATUS_IN_SENTENCE[worst], STATUS_IN_SENTENCE[best]];
  return { da: `mellem ${from.da} og ${to.da}`, en: `between ${from.en} and ${to.en}` };
}

/** The parameters each code carries; they are exported with the text so other renderings can be built. */
export interface MessageParams {
  target_achieved: { year: number; value: number; target: number };
  ratio_status: { r: number; status: ProgressStatus; threshold: number };
  cagr_status: { cagr: number; status: ProgressStatus; threshold: number };
  required_change_zero: { target: number };
  target_reached_uncertain: { year: number; value: number; target: number };
  ratio_uncertain: { r: number };
  cagr_uncertain: { cagr: number };
  required_change_zero_uncertain: { target: number };
  no_baseline: { year: number };
  too_few_observations: { baselineYear: number };
  series_break: { year: number; baselineYear: number; latestYear: number };
  series_break_comparable_before: { year: number; baselineYear: number; lastComparableYear: number };
  negative_value: { year: number; value: number };
  zero_replaced: { replacement: number };
  baseline_value_override: { year: number; observed: number; used: number };
  change_not_significant: { method: string };
  significance_not_assessed: Record<string, never>;
  ci_overlap_conservative: Record<string, never>;
  category_range: { worst: ProgressStatus; best: ProgressStatus };
  projection_unweighted: Record<string, never>;
  projection_interval: Record<string, never>;
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
const daStatus = (s: ProgressStatus) => STATUS_IN_SENTENCE[s].da;
const enStatus = (s: ProgressStatus) => STATUS_IN_SENTENCE[s].en;
const NOT_SIGNIFICANT: Text = {
  da: 'men ændringen fra udgangspunktet er ikke statistisk signifikant, så status kan ikke fastslås',
  en: 'but the change from the baseline is not statistically significant, so the status cannot be settled',
};

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
  target_reached_uncertain: (p) => ({
    da: `Værdien ${da(p.value)} i ${p.year} ligger på målets side af ${da(p.target)}, ${NOT_SIGNIFICANT.da}.`,
    en: `The value ${en(p.value)} in ${p.year} is on the target's side of ${en(p.target)}, ${NOT_SIGNIFICANT.en}.`,
  }),
  ratio_uncertain: (p) => ({
    da: `Forholdet R mellem faktisk og nødvendig årlig ændring er ${da(p.r)} for den seneste værdi, ${NOT_SIGNIFICANT.da}.`,
    en: `The ratio R of observed to required annual change is ${en(p.r)} at the latest value, ${NOT_SIGNIFICANT.en}.`,
  }),
  cagr_uncertain: (p) => ({
    da: `Den årlige ændring i ønsket retning er ${daPercent.format(p.cagr)}, ${NOT_SIGNIFICANT.da}.`,
    en: `The annual change in the desired direction is ${enPercent.format(p.cagr)}, ${NOT_SIGNIFICANT.en}.`,
  }),
  required_change_zero_uncertain: (p) => ({
    da: `Målet ${da(p.target)} er lig med udgangspunktet, og den seneste værdi ligger længere fra det, ${NOT_SIGNIFICANT.da}.`,
    en: `The target ${en(p.target)} equals the baseline and the latest value is further from it, ${NOT_SIGNIFICANT.en}.`,
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
  series_break_comparable_before: (p) => ({
    da: `Målingerne ${p.baselineYear}–${p.lastComparableYear} før bruddet kan sammenlignes, men en status for dem ville stoppe i ${p.lastComparableYear} og blive læst som en vurdering af den nyeste måling; derfor gives ingen status. Et nyt udgangspunkt i den nye serie (en revision af måltallet) giver en status.`,
    en: `The measurements ${p.baselineYear}–${p.lastComparableYear} before the break are comparable, but a status on them would stop in ${p.lastComparableYear} and be read as an assessment of the newest measurement, so none is given. A new baseline in the new series (a revision of the target) gives a status.`,
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
    da: 'Usikkerheden kan ikke vurderes: der er intet konfidensinterval eller antal at teste ændringen med, så status bygger på tallene alene og vises ikke som sikker.',
    en: 'Uncertainty cannot be assessed: there is no confidence interval or count to test the change with, so the status rests on the figures alone and is not shown as certain.',
  }),
  ci_overlap_conservative: () => ({
    da: 'Signifikans er vurderet ved overlap af konfidensintervaller, hvilket er forsigtigt: en reel ændring kan blive vurderet som usikker.',
    en: 'Significance was judged by overlap of confidence intervals, which is conservative: a real change may be marked uncertain.',
  }),
  category_range: (p) => ({
    da: `Inden for den seneste værdis konfidensinterval ligger status ${rangePhrase(p.worst, p.best).da}.`,
    en: `Within the latest value's confidence interval the status lies ${rangePhrase(p.worst, p.best).en}.`,
  }),
  projection_unweighted: () => ({
    da: 'Ikke alle punkter har konfidensintervaller, så den log-lineære fremskrivning er uvægtet.',
    en: 'Not every point has a confidence interval, so the log-linear projection is unweighted.',
  }),
  projection_interval: () => ({
    da: 'Fremskrivningens interval er CAGR-fremskrivningen med den seneste værdi i hver ende af dens konfidensinterval (den årlige vækstrate fra udgangspunktet til grænsen, ført frem til målåret). Det viser kun usikkerheden på den seneste værdi, ikke på udgangspunktet eller den fremtidige udvikling.',
    en: "The projection's interval is the CAGR projection with the latest value at each end of its confidence interval (the annual growth rate from the baseline to that limit, carried to the target year). It shows only the uncertainty of the latest value, not of the baseline or of the future.",
  }),
  target_year_passed: (p) => ({
    da: `Målåret ${p.year} er passeret, uden at værdien har nået målet.`,
    en: `The target year ${p.year} has passed without the value reaching the target.`,
  }),
  no_target: () => ({
    da: 'Der er intet talmæssigt mål; status bygger på den årlige ændring i ønsket retning.',
    en: 'There is no numeric target; the status is based on the annual change in the desired direction.',
  }),
};

export function message<C extends MessageCode>(code: C, params: MessageParams[C]): ProgressMessage {
  return { code, params, ...TEXTS[code](params) };
}
