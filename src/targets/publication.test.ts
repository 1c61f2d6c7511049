// The publication rule for survey observations (METHODS §9), without a database.
import { describe, expect, it } from 'vitest';
import { publicationOf } from './publication.js';
import type { Observation } from './targets.model.js';

const settings = { publication: { minRespondents: 50, note: '' } };

function observation(year: number, respondents: number | null, seriesBreak = false): Observation {
  return {
    year,
    periodLabel: String(year),
    value: 20,
    lowercl: 18,
    uppercl: 22,
    confidence: 0.95,
    count: null,
    denominator: respondents,
    respondents,
    source: 'NOA-L',
    seriesLabel: seriesBreak || year >= 2021 ? 'NOA-L' : 'AH',
    seriesBreak,
    isDemo: false,
  };
}

describe('publication of survey observations', () => {
  it('withholds cells below the minimum; 50 respondents and figures without respondents are published', () => {
    const shown = publicationOf(
      [observation(2019, null), observation(2021, 50), observation(2023, 49), observation(2025, 1)],
      settings,
    );
    expect(shown.published.map((o) => o.year)).toEqual([2019, 2021]);
    expect(shown.withheld.map((o) => o.year)).toEqual([2023, 2025]);
    expect(shown.leftOut.map((note) => note.year)).toEqual([2023, 2025]);
  });

  it('states the year and the rule in public, never the value, interval or respondent count', () => {
    const [note] = publicationOf([observation(2023, 37)], settings).leftOut;
    expect(note).toMatchObject({ code: 'below_min_respondents', params: { year: 2023, minRespondents: 50 } });
    for (const text of [note?.da, note?.en, JSON.stringify(note)]) {
      expect(text).not.toMatch(/37|\b20\b|18|22/);
    }
  });

  it('moves a series break on a withheld observation to the next published one', () => {
    const shown = publicationOf(
      [observation(2018, 800), observation(2021, 30, true), observation(2023, 700)],
      settings,
    );
    expect(shown.published.map((o) => [o.year, o.seriesBreak])).toEqual([
      [2018, false],
      [2023, true],
    ]);
  });
});
