import { describe, expect, it } from 'vitest';
import { type ProgressInput, type ProgressObservation, progress } from './progress.js';
import { HEADLINE_LABEL, progressHeadline, projectionSentence } from './progress-headline.js';
import { rangePhrase } from './progress-messages.js';
import { wilsonProportionCi } from './proportion.js';

/** METHODS §7 worked example: decrease desired, base 1500 in 2019, target 1200 in 2030. */
function workedExample(observations: ProgressObservation[]): ProgressInput {
  return {
    observations,
    baseline: { year: 2019 },
    target: { year: 2030, value: 1200 },
    polarity: 'lower_is_better',
  };
}

/** A survey share with its Wilson interval and respondent count, as the demo's targets have them. */
function share(year: number, [count, n]: [number, number]): ProgressObservation {
  const { value, lowercl, uppercl } = wilsonProportionCi({ x: count, n }, { multiplier: 1 });
  return { year, value, lowercl, uppercl, count, n };
}

/** Survey shares 2021 → 2025 against a target for 2030 (Newcombe test, category range over the latest CI). */
function survey(base: [number, number], latest: [number, number], target = 0.111): ProgressInput {
  return {
    observations: [share(2021, base), share(2025, latest)],
    baseline: { year: 2021 },
    target: { year: 2030, value: target },
    polarity: 'lower_is_better',
    measure: 'proportion',
  };
}

const plain = (value: number) => String(Math.round(value * 1000) / 1000);
const decimal = (value: number, locale: 'da' | 'en') =>
  new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 3 }).format(value);

describe('progressHeadline: uncertain statuses lead with the uncertainty and the range of categories', () => {
  it('gives the range the assessment computed, worst first, and never the point status alone', () => {
    // 10.75 % of 200 against 13.23 % of 200: the point estimate is below the target of 11.1 %, the CI is wide.
    const result = progress(survey([26, 200], [21, 200]));
    expect(result.status).toBe('achieved');
    expect(result.uncertain).toBe(true);
    expect(result.range).toMatchObject({ worst: 'deterioration', best: 'achieved' });
    expect(progressHeadline(result)).toEqual({
      kind: 'uncertain',
      da: 'Usikkert: mellem forværring og målet er nået',
      en: 'Uncertain: between deterioration and achieved',
    });
  });

  it('names the categories of both ends with their own words', () => {
    const result = progress(
      workedExample([
        { year: 2019, value: 1500, lowercl: 1420, uppercl: 1580 },
        { year: 2023, value: 1380, lowercl: 1310, uppercl: 1450 },
      ]),
    );
    expect(result.status).toBe('on_track');
    expect(progressHeadline(result)).toMatchObject({
      kind: 'uncertain',
      da: 'Usikkert: mellem begrænset fremgang og på rette vej',
      en: 'Uncertain: between limited progress and on track',
    });
  });

  it('says the change is not significant when there is no range to give', () => {
    // The baseline has an interval, the latest value has none: no category range.
    const result = progress(
      workedExample([
        { year: 2019, value: 1500, lowercl: 1300, uppercl: 1700 },
        { year: 2023, value: 1380 },
      ]),
    );
    expect(result.uncertain).toBe(true);
    expect(result.range).toBeNull();
    expect(progressHeadline(result)).toEqual({
      kind: 'uncertain',
      da: 'Usikkert: ændringen fra udgangspunktet er ikke statistisk signifikant',
      en: 'Uncertain: the change from the baseline is not statistically significant',
    });
  });
});

describe('progressHeadline: statuses the data can tell', () => {
  it('gives the status itself when the change is significant and the latest interval lies in one category', () => {
    const result = progress(survey([15_000, 100_000], [13_000, 100_000], 0.1));
    expect(result.uncertain).toBe(false);
    expect(result.range).toMatchObject({ worst: 'needs_acceleration', best: 'needs_acceleration' });
    expect(progressHeadline(result)).toEqual({
      kind: 'needs_acceleration',
      ...HEADLINE_LABEL.needs_acceleration,
    });
  });

  it('names no single category when a significant change leaves the latest interval across several', () => {
    // 13.5 % against 15 % of 100,000 is a significant fall, but the latest interval runs from needing acceleration
    // to on track: the headline says so rather than "on track".
    const result = progress(survey([15_000, 100_000], [13_500, 100_000], 0.12));
    expect(result.uncertain).toBe(false);
    expect(result.status).toBe('on_track');
    expect(result.range).toMatchObject({ worst: 'needs_acceleration', best: 'on_track' });
    expect(progressHeadline(result)).toEqual({
      kind: 'uncertain',
      da: `Usikkert: ${rangePhrase('needs_acceleration', 'on_track').da}`,
      en: `Uncertain: ${rangePhrase('needs_acceleration', 'on_track').en}`,
    });
    expect(result.projection?.verdict).toBe('cannot_tell');
  });

  it('says insufficient data as it is', () => {
    const result = progress(workedExample([{ year: 2019, value: 1500 }]));
    expect(progressHeadline(result)).toEqual({
      kind: 'insufficient_data',
      da: 'Utilstrækkelige data',
      en: 'Insufficient data',
    });
  });
});

describe('progressHeadline: edge case (a), no interval and no counts', () => {
  it.each([
    [1380, 'on_track', 'på rette vej', 'on track'],
    [1440, 'limited_progress', 'begrænset fremgang', 'limited progress'],
    [1530, 'deterioration', 'forværring', 'deterioration'],
  ] as const)('latest %s (%s by R) leads with "uncertainty cannot be assessed"', (latest, status, da, en) => {
    const result = progress(
      workedExample([
        { year: 2019, value: 1500 },
        { year: 2023, value: latest },
      ]),
    );
    // The worked example of METHODS §7 still gives its status; only the headline changes.
    expect(result.status).toBe(status);
    expect(result.uncertain).toBe(false);
    expect(result.headline).toBe('untested');
    const headline = progressHeadline(result);
    expect(headline.kind).toBe('untested');
    expect(headline.da).toBe(
      `Usikkerheden kan ikke vurderes: der er intet konfidensinterval eller antal at teste ændringen med. Ud fra tallene alene: ${da}`,
    );
    expect(headline.en).toBe(
      `Uncertainty cannot be assessed: there is no confidence interval or count to test the change with. From the figures alone: ${en}`,
    );
    expect(result.explanation.caveats.map((c) => c.code)).toContain('significance_not_assessed');
  });

  it('has labels for counting targets by headline, uncertain and untested apart', () => {
    expect(HEADLINE_LABEL.uncertain).toEqual({ da: 'Usikkert', en: 'Uncertain' });
    expect(HEADLINE_LABEL.untested).toEqual({
      da: 'Usikkerheden kan ikke vurderes',
      en: 'Uncertainty cannot be assessed',
    });
    expect(HEADLINE_LABEL.on_track).toEqual({ da: 'På rette vej', en: 'On track' });
  });
});

describe('projectionSentence', () => {
  it('is conditional, gives the interval, and cannot tell for an uncertain status', () => {
    const result = progress(survey([26, 200], [21, 200]));
    const cagr = result.projection?.cagr;
    expect(cagr?.lowercl).toBeLessThan(cagr?.value ?? 0);
    expect(cagr?.uppercl).toBeGreaterThan(cagr?.value ?? 0);
    const sentence = projectionSentence(result, decimal);
    expect(sentence?.da).toBe(
      `hvis udviklingen fortsætter, vil værdien være ${decimal(cagr?.value ?? 0, 'da')} i 2030 (interval ${decimal(cagr?.lowercl ?? 0, 'da')}–${decimal(cagr?.uppercl ?? 0, 'da')}), og tallene kan ikke afgøre, om målet vil blive nået`,
    );
    expect(sentence?.en).toBe(
      `if the trend continues the value would be ${decimal(cagr?.value ?? 0, 'en')} in 2030 (interval ${decimal(cagr?.lowercl ?? 0, 'en')}–${decimal(cagr?.uppercl ?? 0, 'en')}), and the figures cannot tell whether the target would be met`,
    );
    expect(result.projection?.verdict).toBe('cannot_tell');
  });

  it('projects each confidence limit with its own CAGR from the baseline, as the category range does', () => {
    const result = progress(
      workedExample([
        { year: 2019, value: 1500 },
        { year: 2023, value: 1380, lowercl: 1350, uppercl: 1410 },
      ]),
    );
    // (limit / 1500)^(11/4) · 1500: the CAGR projection of a latest value at that limit.
    expect(result.projection?.cagr.lowercl).toBeCloseTo(1500 * (1350 / 1500) ** (11 / 4), 9);
    expect(result.projection?.cagr.uppercl).toBeCloseTo(1500 * (1410 / 1500) ** (11 / 4), 9);
    expect(result.explanation.caveats.map((c) => c.code)).toContain('projection_interval');
  });

  it('says whether the target would be met only when the status is certain and the interval agrees', () => {
    const clear = progress(survey([15_000, 100_000], [12_000, 100_000], 0.1));
    expect(clear.projection?.verdict).toBe('would_meet');
    expect(projectionSentence(clear, (v) => plain(v))?.en).toMatch(/, and the target would be met$/);
    const off = progress(survey([15_000, 100_000], [16_000, 100_000], 0.12));
    expect(off.projection?.verdict).toBe('would_miss');
    expect(projectionSentence(off, (v) => plain(v))?.da).toMatch(/, og så vil målet ikke blive nået$/);
  });

  it('cannot tell without an interval when the uncertainty cannot be assessed (edge case a)', () => {
    const result = progress(
      workedExample([
        { year: 2019, value: 1500 },
        { year: 2023, value: 1380 },
      ]),
    );
    expect(result.projection?.cagr.lowercl).toBeNull();
    expect(result.projection?.verdict).toBe('cannot_tell');
    expect(projectionSentence(result, decimal)?.da).toBe(
      `hvis udviklingen fortsætter, vil værdien være ${decimal(result.projection?.cagr.value ?? 0, 'da')} i 2030 (uden interval), og tallene kan ikke afgøre, om målet vil blive nået`,
    );
  });

  it('is absent without a projection', () => {
    expect(projectionSentence(progress(workedExample([{ year: 2019, value: 1500 }])), decimal)).toBeNull();
  });
});
