// A target's status in words: the stats core's one headline and projection sentence, with values in the
// indicator's unit. The target page, the goal, branch and list pages, the API's text fields and the CLI all use
// these, so a status reads the same everywhere.
import { formatValue } from '../format.js';
import {
  type ProgressHeadline,
  type ProgressResult,
  progressHeadline,
  projectionSentence,
} from '../stats/index.js';

type Text = { da: string; en: string };

const INSUFFICIENT = progressHeadline({
  headline: 'insufficient_data',
  status: 'insufficient_data',
  range: null,
});

/** The headline of a target's assessment; a target without one has insufficient data. */
export function headlineOf(assessment: ProgressResult | null): ProgressHeadline {
  return assessment === null ? INSUFFICIENT : progressHeadline(assessment);
}

/** "hvis udviklingen fortsætter, vil værdien være … (interval …), …" in the indicator's unit; null without one. */
export function projectionWords(assessment: ProgressResult | null, unit: string): Text | null {
  if (assessment === null) return null;
  return projectionSentence(assessment, (value, locale) => formatValue(value, unit, locale));
}
