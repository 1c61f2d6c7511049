// What the public may see of a target's observations (METHODS §9): a survey observation with fewer respondents
// than the configured minimum is stored but never published, and never used in a public assessment. The
// targets service applies this to every observation it reads, so no page, API answer, download or CLI listing
// can bypass it. The public learns the year and the rule, never the value, its interval or the exact count.
import { formatNumber } from '../format.js';
import { primarySuppression } from '../stats/index.js';
import { DEFAULT_SURVEY_SETTINGS, type SurveySettings } from './survey-settings.js';
import type { LeftOut, Observation, WithheldObservation } from './targets.model.js';

export interface Publication {
  published: Observation[];
  withheld: Observation[];
  /** One note per withheld observation, for the assessment's explanation. */
  leftOut: LeftOut[];
}

/** True when the observation is a survey cell below the minimum number of respondents. */
export function isWithheld(observation: Observation, settings: SurveySettings = DEFAULT_SURVEY_SETTINGS) {
  if (observation.respondents === null) return false;
  const reason = primarySuppression(
    { value: observation.value, respondents: observation.respondents },
    { minRespondents: settings.publication.minRespondents },
  );
  return reason === 'primary_small_n';
}

/** The public note on a point left out: the year and the rule, without the value or the respondent count. */
export function leftOutNote(observation: Observation, settings: SurveySettings): LeftOut {
  const min = settings.publication.minRespondents;
  const year = observation.year;
  return {
    year,
    code: 'below_min_respondents',
    params: { year, minRespondents: min },
    da: `${year}: færre end ${formatNumber(min, 'da')} svarpersoner – ikke offentliggjort og ikke brugt i vurderingen`,
    en: `${year}: fewer than ${formatNumber(min, 'en')} respondents – not published and not used in the assessment`,
  };
}

/** The data steward's warning on a withheld observation; it may name the count, as the steward sees the value. */
export function withheldWarning(observation: Observation, settings: SurveySettings): WithheldObservation {
  const min = settings.publication.minRespondents;
  const n = observation.respondents ?? 0;
  return {
    ...observation,
    warning: {
      da: `Ikke offentliggjort: ${formatNumber(n, 'da')} svarpersoner, færre end ${formatNumber(min, 'da')}. Kun til datafolk; indgår ikke i vurderingen.`,
      en: `Not published: ${formatNumber(n, 'en')} respondents, fewer than ${formatNumber(min, 'en')}. For data stewards only; not used in the assessment.`,
    },
  };
}

/**
 * Split a target's stored observations (oldest first) into what is published and what is withheld. A series
 * break on a withheld observation moves to the next published one, so no assessment compares across it.
 */
export function publicationOf(
  observations: readonly Observation[],
  settings: SurveySettings = DEFAULT_SURVEY_SETTINGS,
): Publication {
  const published: Observation[] = [];
  const withheld: Observation[] = [];
  let pendingBreak = false;
  for (const observation of observations) {
    if (isWithheld(observation, settings)) {
      withheld.push(observation);
      pendingBreak ||= observation.seriesBreak;
    } else {
      published.push(pendingBreak ? { ...observation, seriesBreak: true } : observation);
      pendingBreak = false;
    }
  }
  return { published, withheld, leftOut: withheld.map((o) => leftOutNote(o, settings)) };
}
