// The one wording of a progress assessment's headline and projection, in Danish and English. Every output that
// puts a status in words (target page, goal and branch pages, API text fields, CLI) calls these functions, so an
// uncertain status reads the same everywhere and is never put as a settled category.
import type { HeadlineKind, ProgressResult, ProjectionVerdict } from './progress.js';
import { rangePhrase, STATUS_IN_SENTENCE, STATUS_TEXT, type Text } from './progress-messages.js';

export interface ProgressHeadline extends Text {
  kind: HeadlineKind;
}

/** The name of each headline kind, e.g. to count targets by headline; uncertain and untested are kinds apart. */
export const HEADLINE_LABEL: Readonly<Record<HeadlineKind, Text>> = {
  ...STATUS_TEXT,
  untested: { da: 'Usikkerheden kan ikke vurderes', en: 'Uncertainty cannot be assessed' },
};

const NOT_SIGNIFICANT: Text = {
  da: 'ændringen fra udgangspunktet er ikke statistisk signifikant',
  en: 'the change from the baseline is not statistically significant',
};

const UNTESTED: Text = {
  da: 'der er intet konfidensinterval eller antal at teste ændringen med. Ud fra tallene alene',
  en: 'there is no confidence interval or count to test the change with. From the figures alone',
};

/**
 * The headline of an assessment. Uncertain: "Usikkert: mellem forværring og målet er nået" (the category range over
 * the latest value's confidence interval, worst first), or that the change is not significant when there is no
 * range. Untested: leads with "Usikkerheden kan ikke vurderes" and gives the status only as what the figures alone
 * say. Otherwise the status itself.
 */
export function progressHeadline(
  result: Pick<ProgressResult, 'headline' | 'status' | 'range'>,
): ProgressHeadline {
  const kind = result.headline;
  const label = HEADLINE_LABEL[kind];
  if (kind === 'untested') {
    const status = STATUS_IN_SENTENCE[result.status];
    return {
      kind,
      da: `${label.da}: ${UNTESTED.da}: ${status.da}`,
      en: `${label.en}: ${UNTESTED.en}: ${status.en}`,
    };
  }
  if (kind !== 'uncertain') return { kind, ...label };
  const range = result.range;
  const detail =
    range === null || range.worst === range.best ? NOT_SIGNIFICANT : rangePhrase(range.worst, range.best);
  return { kind, da: `${label.da}: ${detail.da}`, en: `${label.en}: ${detail.en}` };
}

const VERDICT: Readonly<Record<ProjectionVerdict, Text>> = {
  would_meet: { da: 'og så vil målet blive nået', en: 'and the target would be met' },
  would_miss: { da: 'og så vil målet ikke blive nået', en: 'and the target would not be met' },
  cannot_tell: {
    da: 'og tallene kan ikke afgøre, om målet vil blive nået',
    en: 'and the figures cannot tell whether the target would be met',
  },
};

/**
 * "hvis udviklingen fortsætter, vil værdien være 8,3 % i 2030 (interval 2,7 %–23,6 %), og tallene kan ikke afgøre,
 * om målet vil blive nået": the CAGR projection with its interval and verdict; null without a projection. `format`
 * writes a value in the indicator's unit.
 */
export function projectionSentence(
  result: Pick<ProgressResult, 'projection'>,
  format: (value: number, locale: 'da' | 'en') => string,
): Text | null {
  const projection = result.projection;
  if (projection === null) return null;
  const { value, lowercl, uppercl } = projection.cagr;
  const verdict = VERDICT[projection.verdict];
  const sentence = (locale: 'da' | 'en') => {
    const interval =
      lowercl === null || uppercl === null
        ? { da: 'uden interval', en: 'no interval' }[locale]
        : `interval ${format(lowercl, locale)}–${format(uppercl, locale)}`;
    const at = `${format(value, locale)} ${locale === 'da' ? 'i' : 'in'} ${projection.year} (${interval})`;
    return locale === 'da'
      ? `hvis udviklingen fortsætter, vil værdien være ${at}, ${verdict.da}`
      : `if the trend continues the value would be ${at}, ${verdict.en}`;
  };
  return { da: sentence('da'), en: sentence('en') };
}
