// The target page's own texts in Danish and English: the measurement columns, sources, chart legend, revisions,
// links, and the plain-language "why this status?" with its table of terms.
import { formatNumber, formatValue, type Locale } from '../format.js';
import type { MessageCode, ProgressStatus, SignificanceMethod } from '../stats/index.js';
import type { TargetStatus } from './targets.schemas.js';

/** Indicator data sources stored as codes or as Danish text, in words; others are shown as stored. */
const SOURCE_NAMES: Record<string, { da: string; en: string }> = {
  'accident-register': {
    da: 'Arbejdstilsynets anmeldte arbejdsulykker, opgjort efter registreringsår',
    en: 'Reported work accidents (Danish Working Environment Authority), counted by registration year',
  },
  'NOA-L; før 2021 Arbejdsmiljø og Helbred': {
    da: 'NOA-L (Arbejdstilsynet); før 2021 Arbejdsmiljø og Helbred i Danmark (NFA)',
    en: 'NOA-L (Danish Working Environment Authority); before 2021 Work Environment and Health in Denmark (NFA)',
  },
};

export function sourceName(dataSource: string, locale: Locale): string {
  return SOURCE_NAMES[dataSource]?.[locale] ?? dataSource;
}

/** How the reasons' and caveats' numbers are written: values with their unit, R, yearly changes, statuses. */
export interface MessageFormat {
  value: (value: number) => string;
  ratio: (r: number) => string;
  rate: (rate: number) => string;
  status: (status: ProgressStatus) => string;
  method: (method: SignificanceMethod) => string;
}

type Params = Readonly<Record<string, number | string>>;
/** The stats core's reasons and caveats that carry numbers or method codes, worded for the page. */
type MessageWords = Partial<Record<MessageCode, (p: Params, f: MessageFormat) => string>>;

const n = (value: number | string | undefined) => Number(value);
const status = (value: number | string | undefined) => String(value) as ProgressStatus;

const daMessages: MessageWords = {
  target_achieved: (p, f) =>
    `Værdien ${f.value(n(p.value))} i ${p.year} har nået måltallet ${f.value(n(p.target))}.`,
  ratio_status: (p, f) =>
    `Forholdstallet R er ${f.ratio(n(p.r))} (grænsen er ${f.ratio(n(p.threshold))}): ${f.status(status(p.status))}.`,
  cagr_status: (p, f) =>
    `Den årlige ændring i den ønskede retning er ${f.rate(n(p.cagr))} (grænsen er ${f.rate(n(p.threshold))}): ${f.status(status(p.status))}.`,
  required_change_zero: (p, f) =>
    `Måltallet ${f.value(n(p.target))} er lig med udgangspunktet, og den seneste værdi ligger længere fra det: forværring.`,
  target_reached_uncertain: (p, f) =>
    `Værdien ${f.value(n(p.value))} i ${p.year} ligger på måltallets side af ${f.value(n(p.target))}, men ændringen fra udgangspunktet er ikke statistisk sikker, så status kan ikke fastslås.`,
  ratio_uncertain: (p, f) =>
    `Forholdstallet R er ${f.ratio(n(p.r))} for den seneste måling, men ændringen fra udgangspunktet er ikke statistisk sikker, så status kan ikke fastslås.`,
  cagr_uncertain: (p, f) =>
    `Den årlige ændring i den ønskede retning er ${f.rate(n(p.cagr))}, men ændringen fra udgangspunktet er ikke statistisk sikker, så status kan ikke fastslås.`,
  required_change_zero_uncertain: (p, f) =>
    `Måltallet ${f.value(n(p.target))} er lig med udgangspunktet, og den seneste værdi ligger længere fra det, men ændringen er ikke statistisk sikker, så status kan ikke fastslås.`,
  negative_value: (p, f) =>
    `Værdien ${f.value(n(p.value))} (${p.year}) er negativ, så den årlige ændring kan ikke beregnes.`,
  baseline_value_override: (p, f) =>
    `Udgangspunktet ${f.value(n(p.used))} er brugt i stedet for målingen ${f.value(n(p.observed))} i ${p.year}; målingens usikkerhed indgår ikke.`,
  change_not_significant: (p, f) =>
    `Ændringen fra udgangspunktet er ikke statistisk sikker (testmetode: ${f.method(p.method as SignificanceMethod)}), så status er usikker.`,
  projection_interval: () =>
    'Fremskrivningens interval er samme fremskrivning regnet fra hver ende af den seneste målings konfidensinterval. Det viser kun usikkerheden på den seneste måling, ikke på udgangspunktet eller den fremtidige udvikling.',
};

const enMessages: MessageWords = {
  target_achieved: (p, f) =>
    `The value ${f.value(n(p.value))} in ${p.year} has reached the target of ${f.value(n(p.target))}.`,
  ratio_status: (p, f) =>
    `The ratio R is ${f.ratio(n(p.r))} (the threshold is ${f.ratio(n(p.threshold))}): ${f.status(status(p.status))}.`,
  cagr_status: (p, f) =>
    `The yearly change in the desired direction is ${f.rate(n(p.cagr))} (the threshold is ${f.rate(n(p.threshold))}): ${f.status(status(p.status))}.`,
  required_change_zero: (p, f) =>
    `The target ${f.value(n(p.target))} equals the baseline and the latest value is further from it: deterioration.`,
  target_reached_uncertain: (p, f) =>
    `The value ${f.value(n(p.value))} in ${p.year} is on the target's side of ${f.value(n(p.target))}, but the change from the baseline is not statistically certain, so the status cannot be settled.`,
  ratio_uncertain: (p, f) =>
    `The ratio R is ${f.ratio(n(p.r))} at the latest measurement, but the change from the baseline is not statistically certain, so the status cannot be settled.`,
  cagr_uncertain: (p, f) =>
    `The yearly change in the desired direction is ${f.rate(n(p.cagr))}, but the change from the baseline is not statistically certain, so the status cannot be settled.`,
  required_change_zero_uncertain: (p, f) =>
    `The target ${f.value(n(p.target))} equals the baseline and the latest value is further from it, but the change is not statistically certain, so the status cannot be settled.`,
  negative_value: (p, f) =>
    `The value ${f.value(n(p.value))} (${p.year}) is negative, so the yearly change cannot be computed.`,
  baseline_value_override: (p, f) =>
    `The baseline ${f.value(n(p.used))} was used instead of the measurement ${f.value(n(p.observed))} in ${p.year}; the measurement's uncertainty is not used.`,
  change_not_significant: (p, f) =>
    `The change from the baseline is not statistically certain (test: ${f.method(p.method as SignificanceMethod)}), so the status is uncertain.`,
  projection_interval: () =>
    "The projection's interval is the same projection from each end of the latest measurement's confidence interval. It shows only the latest measurement's uncertainty, not the baseline's or the future's.",
};

const da = {
  messages: daMessages,
  colValue: 'Værdi',
  colValueIn: (unit: string) => `Værdi (${unit})`,
  colAccidents: 'Anmeldte ulykker',
  colEmployed: 'Beskæftigede',
  colRespondents: 'Svarpersoner',
  colSeries: 'Serie',
  colNote: 'Bemærkning',
  seriesBreak: 'Databrud: ny serie',
  perEmployed: (per: string) => `pr. ${per} beskæftigede`,
  axisShare: 'Andel (%)',
  axisPerEmployed: (per: string) => `Pr. ${per} beskæftigede`,
  branchLabel: 'Branchegruppe',
  bfaSource: (short: string) => `Kilde om ${short} (ekstern side)`,
  chartSvg: 'Figur som SVG',
  chartPng: 'Figur som PNG',
  chartSource: (source: string, address: string) => `Kilde: ${source}. Måltal, ${address}`,
  legendTitle: 'Sådan læses grafen',
  legendBars: 'Lodret bjælke: 95 %-konfidensintervallet for målingen – den statistiske usikkerhed',
  legendPoints: 'Punkt og linje: målingerne',
  legendBaseline: 'Udgangspunkt: værdien i basisåret',
  legendTarget: 'Mål: måltallet i målåret',
  legendPath: 'Stiplet grå linje: den vej, der fører til målet',
  legendProjection: 'Prikket linje: fremskrivning, hvis udviklingen fortsætter',
  legendFan: 'Blå skygge: fremskrivningens interval',
  legendBreak: 'Lodret prikket linje: databrud – målingerne før og efter sammenlignes ikke',
  legendActivities:
    'Brune streger under årstallene: perioderne for de offentliggjorte aktiviteter, der er knyttet til måltallet (se tabellen under figuren)',
  activitiesCaption: (n: number) =>
    n === 1
      ? 'Én offentliggjort aktivitet knyttet til måltallet'
      : `${n} offentliggjorte aktiviteter knyttet til måltallet`,
  legendBand: (label: string, from: number, to: number) =>
    `Beige felt: ${label} (${from}–${to}) – se bemærkningerne under grafen`,
  seriesNotesTitle: 'Bemærkninger til tallene',
  revisionsTitle: 'Ændringer af måltallet',
  colRevision: 'Revision',
  colDate: 'Dato',
  colChange: 'Ændring',
  colReason: 'Begrundelse',
  colBy: 'Af',
  adopted: (baseline: string, target: string) => `Fastsat: udgangspunkt ${baseline}, måltal ${target}`,
  changeTarget: 'Måltal',
  changeTargetYear: 'Målår',
  changeBaseline: 'Udgangspunkt',
  changeBaselineYear: 'Basisår',
  changeStatus: 'Status',
  changeIndicator: 'Indikator',
  changeOwner: 'Ansvarligt branchefællesskab',
  changeNone: 'Ingen ændring af tallene',
  targetStatus: { draft: 'kladde', adopted: 'vedtaget', retired: 'udgået' } as Record<TargetStatus, string>,
  none: 'intet',
  whyTechnical: 'Beregningen i tal',
  whyMeasured: (indicator: string, source: string) => `Her måles ${indicator} (${source}).`,
  whyMoved: (from: number, to: number, verb: string, base: string, latest: string, rate: string) =>
    `Fra ${from} til ${to} ${verb} værdien fra ${base} til ${latest} – i gennemsnit ${rate} om året.`,
  whyUnchanged: (from: number, to: number, value: string) =>
    `Fra ${from} til ${to} var værdien uændret: ${value}.`,
  fell: 'faldt',
  rose: 'steg',
  fall: 'falde',
  rise: 'stige',
  whyNeeds: (target: string, year: number, verb: string, rate: string, from: number) =>
    `For at nå måltallet på ${target} i ${year} skal den ${verb} ${rate} om året fra ${from}.`,
  whyPace: (share: string, r: string) =>
    `Udviklingen går altså med ${share} af den nødvendige fart (forholdstallet R er ${r}).`,
  whyWrongWay: (r: string) => `Udviklingen går altså i den forkerte retning (forholdstallet R er ${r}).`,
  whyNotSignificant:
    'Ændringen er ikke større, end tilfældige udsving i målingerne kan forklare – den er ikke statistisk sikker – og derfor er status usikker.',
  whySpans:
    'Ændringen er statistisk sikker, men den seneste målings konfidensinterval rummer mere end én status, og derfor er status usikker.',
  whyRange: (ci: string, range: string) =>
    `Inden for den seneste målings 95 %-konfidensinterval (${ci}) kan status ligge ${range}.`,
  whyUntested:
    'Der er intet konfidensinterval eller antal at teste ændringen med, så usikkerheden kan ikke vurderes; status bygger på tallene alene.',
  whyCertain: (ci: string) =>
    `Ændringen er statistisk sikker, og hele den seneste målings 95 %-konfidensinterval (${ci}) giver samme status.`,
  whyCertainNoCi: 'Ændringen er statistisk sikker.',
  termCi: '95 %-konfidensinterval for seneste måling',
  termRatio: 'Forholdstal R (faktisk ÷ nødvendig)',
  termRange: 'Statusspænd inden for konfidensintervallet',
  termSignificance: 'Er ændringen statistisk sikker?',
  termProjection: 'Fremskrivning med samme årlige ændring',
  termLogLinear: 'Fremskrivning med log-lineær trend',
  perYear: (rate: string) => `${rate} om året`,
  atYear: (value: string, year: number) => `${value} (${year})`,
  inYear: (value: string, year: number) => `${value} i ${year}`,
  interval: (range: string) => `interval ${range}`,
  rangeValue: (low: string, high: string, phrase: string) => `R fra ${low} til ${high}: ${phrase}`,
  yes: 'Ja',
  no: 'Nej – ændringen kan skyldes tilfældige udsving',
  notTested: 'Ikke testet',
  testedBy: (method: string) => `Testmetode: ${method}.`,
  weighted: (points: number) => `vægtet efter målingernes præcision, ${points} målinger`,
  unweighted: (points: number) => `uvægtet, ${points} målinger`,
  methodLine:
    'Statistics Canadas og FN’s Open SDG-metode (efter Eurostat): forholdstallet R mellem faktisk og nødvendig årlig ændring afgør status.',
  significanceMethod: {
    newcombe: 'Newcombes metode for forskellen mellem to andele',
    rate_ratio_exact: 'eksakt test af forholdet mellem to rater',
    ci_overlap: 'overlap mellem de to målingers konfidensintervaller',
    baseline_outside_latest_ci: 'sammenligning af udgangspunktet med den seneste målings konfidensinterval',
    latest_outside_baseline_ci: 'sammenligning af den seneste måling med udgangspunktets konfidensinterval',
    not_assessed: 'ingen test',
  } as Record<SignificanceMethod, string>,
};

export type TargetPageTexts = typeof da & { messages: MessageWords };

const en: TargetPageTexts = {
  messages: enMessages,
  colValue: 'Value',
  colValueIn: (unit) => `Value (${unit})`,
  colAccidents: 'Reported accidents',
  colEmployed: 'Employed',
  colRespondents: 'Respondents',
  colSeries: 'Series',
  colNote: 'Note',
  seriesBreak: 'Series break: new series',
  perEmployed: (per) => `per ${per} employed`,
  axisShare: 'Share (%)',
  axisPerEmployed: (per) => `Per ${per} employed`,
  branchLabel: 'Branch group',
  bfaSource: (short) => `Source on ${short} (external site)`,
  chartSvg: 'Chart as SVG',
  chartPng: 'Chart as PNG',
  chartSource: (source, address) => `Source: ${source}. Måltal, ${address}`,
  legendTitle: 'How to read the chart',
  legendBars: 'Vertical bar: the 95% confidence interval of the measurement – its statistical uncertainty',
  legendPoints: 'Point and line: the measurements',
  legendBaseline: 'Baseline: the value in the baseline year',
  legendTarget: 'Target: the target value in the target year',
  legendPath: 'Dashed grey line: the path that leads to the target',
  legendProjection: 'Dotted line: projection if the trend continues',
  legendFan: "Blue shading: the projection's interval",
  legendBreak: 'Vertical dotted line: series break – measurements before and after are not compared',
  legendActivities:
    'Brown bars under the years: the periods of the published activities linked to this target (see the table below the chart)',
  activitiesCaption: (n) =>
    n === 1
      ? 'One published activity linked to this target'
      : `${n} published activities linked to this target`,
  legendBand: (label, from, to) => `Beige area: ${label} (${from}–${to}) – see the notes below the chart`,
  seriesNotesTitle: 'Notes on the figures',
  revisionsTitle: 'Revisions of the target',
  colRevision: 'Revision',
  colDate: 'Date',
  colChange: 'Change',
  colReason: 'Reason',
  colBy: 'By',
  adopted: (baseline, target) => `Set: baseline ${baseline}, target ${target}`,
  changeTarget: 'Target',
  changeTargetYear: 'Target year',
  changeBaseline: 'Baseline',
  changeBaselineYear: 'Baseline year',
  changeStatus: 'Status',
  changeIndicator: 'Indicator',
  changeOwner: 'Responsible branch body',
  changeNone: 'No change to the figures',
  targetStatus: { draft: 'draft', adopted: 'adopted', retired: 'retired' },
  none: 'none',
  whyTechnical: 'The calculation in figures',
  whyMeasured: (indicator, source) => `This target measures the ${indicator} (${source}).`,
  whyMoved: (from, to, verb, base, latest, rate) =>
    `From ${from} to ${to} the value ${verb} from ${base} to ${latest} – on average ${rate} a year.`,
  whyUnchanged: (from, to, value) => `From ${from} to ${to} the value was unchanged: ${value}.`,
  fell: 'fell',
  rose: 'rose',
  fall: 'fall',
  rise: 'rise',
  whyNeeds: (target, year, verb, rate, from) =>
    `To reach the target of ${target} in ${year} it must ${verb} ${rate} a year from ${from}.`,
  whyPace: (share, r) => `So the development runs at ${share} of the pace needed (the ratio R is ${r}).`,
  whyWrongWay: (r) => `So the development goes the wrong way (the ratio R is ${r}).`,
  whyNotSignificant:
    'The change is no larger than chance variation in the measurements can explain – it is not statistically certain – so the status is uncertain.',
  whySpans:
    "The change is statistically certain, but the latest measurement's confidence interval holds more than one status, so the status is uncertain.",
  whyRange: (ci, range) =>
    `Within the latest measurement's 95% confidence interval (${ci}) the status may lie ${range}.`,
  whyUntested:
    'There is no confidence interval or count to test the change with, so its uncertainty cannot be assessed; the status rests on the figures alone.',
  whyCertain: (ci) =>
    `The change is statistically certain, and the whole of the latest measurement's 95% confidence interval (${ci}) gives the same status.`,
  whyCertainNoCi: 'The change is statistically certain.',
  termCi: '95% confidence interval of the latest measurement',
  termRatio: 'Ratio R (actual ÷ required)',
  termRange: 'Status range within the confidence interval',
  termSignificance: 'Is the change statistically certain?',
  termProjection: 'Projection at the same yearly change',
  termLogLinear: 'Projection by a log-linear trend',
  perYear: (rate) => `${rate} a year`,
  atYear: (value, year) => `${value} (${year})`,
  inYear: (value, year) => `${value} in ${year}`,
  interval: (range) => `interval ${range}`,
  rangeValue: (low, high, phrase) => `R from ${low} to ${high}: ${phrase}`,
  yes: 'Yes',
  no: 'No – the change may be chance variation',
  notTested: 'Not tested',
  testedBy: (method) => `Test: ${method}.`,
  weighted: (points) => `weighted by the measurements' precision, ${points} measurements`,
  unweighted: (points) => `unweighted, ${points} measurements`,
  methodLine:
    'The method of Statistics Canada and the UN’s Open SDG platform (after Eurostat): the ratio R of the actual to the required yearly change decides the status.',
  significanceMethod: {
    newcombe: 'Newcombe’s method for the difference between two shares',
    rate_ratio_exact: 'an exact test of the ratio of two rates',
    ci_overlap: 'overlap of the two measurements’ confidence intervals',
    baseline_outside_latest_ci: 'comparing the baseline with the latest measurement’s confidence interval',
    latest_outside_baseline_ci: 'comparing the latest measurement with the baseline’s confidence interval',
    not_assessed: 'no test',
  },
};

export const TARGET_PAGE_TEXTS: Record<Locale, TargetPageTexts> = { da, en };

/** "per 10,000 employed" for a rate per N employed; '' for other units (a percentage carries its sign). */
export function unitWords(unit: string, locale: Locale): string {
  const per = /^per_(\d+)$/.exec(unit);
  return per === null ? '' : TARGET_PAGE_TEXTS[locale].perEmployed(formatNumber(Number(per[1]), locale));
}

/** A value with its unit in words: "0,3 pr. 10.000 beskæftigede", "8,6 %". */
export function valueWithUnit(value: number | null | undefined, unit: string, locale: Locale): string {
  const words = unitWords(unit, locale);
  const text = formatValue(value, unit, locale);
  return words === '' || text === '–' ? text : `${text} ${words}`;
}

/** The chart's axis title: what the numbers are, briefly. */
export function axisTitle(unit: string, indicatorName: string, locale: Locale): string {
  const t = TARGET_PAGE_TEXTS[locale];
  const per = /^per_(\d+)$/.exec(unit);
  if (per !== null) return t.axisPerEmployed(formatNumber(Number(per[1]), locale));
  return unit === 'percent' ? t.axisShare : indicatorName;
}
