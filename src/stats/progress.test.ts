import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROGRESS_SETTINGS,
  type ProgressInput,
  type ProgressObservation,
  progress,
} from './progress.js';
import { parseProgressInput } from './progress-schema.js';
import { wilsonProportionCi } from './proportion.js';

const inputError = (field: string) => expect.objectContaining({ name: 'StatsInputError', field });

/** METHODS §7 worked example: decrease desired, base 1500 in 2019, target 1200 in 2030. */
function workedExample(latest: number, extra: Partial<ProgressInput> = {}): ProgressInput {
  return {
    observations: [
      { year: 2019, value: 1500 },
      { year: 2023, value: latest },
    ],
    baseline: { year: 2019 },
    target: { year: 2030, value: 1200 },
    polarity: 'lower_is_better',
    ...extra,
  };
}

const codes = (messages: readonly { code: string }[]) => messages.map((m) => m.code);

describe('progress: the METHODS §7 worked example', () => {
  it.each([
    [1380, 1.027, 'on_track'],
    [1440, 0.506, 'limited_progress'],
    [1530, -0.247, 'deterioration'],
  ] as const)('latest %s gives R = %s (%s)', (latest, r, status) => {
    const result = progress(workedExample(latest));
    expect(result.r?.toFixed(3)).toBe(r.toFixed(3));
    expect(result.status).toBe(status);
    expect(result.explanation.reasons[0]?.code).toBe('ratio_status');
  });

  it('reports the required and observed CAGR', () => {
    const { explanation } = progress(workedExample(1380));
    expect(((explanation.requiredCagr ?? 0) * 100).toFixed(4)).toBe('-2.0081');
    expect(((explanation.observedCagr ?? 0) * 100).toFixed(4)).toBe('-2.0630');
  });

  it('uses the thresholds from the settings, not built-in numbers', () => {
    expect(progress(workedExample(1380, { settings: { onTrackRatio: 1.1 } })).status).toBe(
      'needs_acceleration',
    );
    expect(progress(workedExample(1440, { settings: { needsAccelerationRatio: 0.5 } })).status).toBe(
      'needs_acceleration',
    );
    const { explanation } = progress(workedExample(1380, { settings: { onTrackRatio: 1.1 } }));
    expect(explanation.thresholds).toEqual({ ...DEFAULT_PROGRESS_SETTINGS, onTrackRatio: 1.1 });
  });

  it('explains the status in Danish and English', () => {
    const reason = progress(workedExample(1380)).explanation.reasons[0];
    expect(reason?.params).toMatchObject({ status: 'on_track', threshold: 0.95 });
    expect(reason?.en).toContain('1.027');
    expect(reason?.da).toContain('1,027');
    expect(reason?.da).toContain('på rette vej');
  });
});

describe('progress: statuses', () => {
  it('is achieved once the target is met in the desired direction', () => {
    expect(progress(workedExample(1190)).status).toBe('achieved');
    expect(progress(workedExample(1200)).status).toBe('achieved');
    const up: ProgressInput = {
      observations: [
        { year: 2019, value: 60 },
        { year: 2022, value: 71 },
      ],
      baseline: { year: 2019 },
      target: { year: 2025, value: 70 },
      polarity: 'higher_is_better',
    };
    const result = progress(up);
    expect(result.status).toBe('achieved');
    expect(codes(result.explanation.reasons)).toEqual(['target_achieved']);
  });

  it.each([
    [110, 'on_track'],
    [103, 'needs_acceleration'],
    [101, 'limited_progress'],
    [99, 'deterioration'],
  ] as const)(
    'without a target, rising from 100 to %s in 4 years (higher is better) is %s',
    (latest, status) => {
      const input: ProgressInput = {
        observations: [
          { year: 2019, value: 100 },
          { year: 2023, value: latest },
        ],
        baseline: { year: 2019 },
        polarity: 'higher_is_better',
      };
      const result = progress(input);
      expect(result.status).toBe(status);
      expect(result.r).toBeNull();
      expect(result.explanation.variant).toBe('no_target_cagr');
      expect(codes(result.explanation.caveats)).toContain('no_target');
      // The same movement is mirrored when lower is better.
      const mirrored = progress({ ...input, polarity: 'lower_is_better' });
      expect(mirrored.status).toBe(latest > 100 ? 'deterioration' : 'limited_progress');
    },
  );

  it('notes when the target year has passed without reaching the target', () => {
    const result = progress({
      ...workedExample(1300),
      observations: [
        { year: 2019, value: 1500 },
        { year: 2031, value: 1300 },
      ],
    });
    expect(codes(result.explanation.caveats)).toContain('target_year_passed');
  });
});

describe('progress: insufficient data', () => {
  it('refuses to compare across a series break and names the break year', () => {
    const observations: ProgressObservation[] = [
      { year: 2019, value: 1500 },
      { year: 2021, value: 1450 },
      { year: 2022, value: 1300, seriesBreak: true },
      { year: 2023, value: 1280 },
    ];
    const result = progress(workedExample(0, { observations }));
    expect(result.status).toBe('insufficient_data');
    expect(result.r).toBeNull();
    const [reason] = result.explanation.reasons;
    expect(reason).toMatchObject({
      code: 'series_break',
      params: { year: 2022, baselineYear: 2019, latestYear: 2023 },
    });
    expect(reason?.en).toContain('2022');
    expect(reason?.da).toContain('2022');
    expect(result.explanation.seriesBreaks).toEqual([2022]);
  });

  it('accepts a break at or before the baseline year', () => {
    const observations: ProgressObservation[] = [
      { year: 2019, value: 1500, seriesBreak: true },
      { year: 2023, value: 1380 },
    ];
    expect(progress(workedExample(0, { observations })).status).toBe('on_track');
  });

  it('needs an observation after the baseline', () => {
    const result = progress(workedExample(0, { observations: [{ year: 2019, value: 1500 }] }));
    expect(result.status).toBe('insufficient_data');
    expect(codes(result.explanation.reasons)).toEqual(['too_few_observations']);
  });

  it('needs a baseline value', () => {
    const result = progress(
      workedExample(0, {
        observations: [
          { year: 2020, value: 1500 },
          { year: 2023, value: 1400 },
        ],
      }),
    );
    expect(codes(result.explanation.reasons)).toEqual(['no_baseline']);
  });

  it('refuses negative values, for which growth rates are undefined', () => {
    const result = progress({
      observations: [
        { year: 2019, value: -3 },
        { year: 2023, value: 2 },
      ],
      baseline: { year: 2019 },
      polarity: 'higher_is_better',
    });
    expect(codes(result.explanation.reasons)).toEqual(['negative_value']);
  });
});

describe('progress: zero values', () => {
  it('replaces 0 by the configured value and says so', () => {
    const input: ProgressInput = {
      observations: [
        { year: 2019, value: 4 },
        { year: 2023, value: 0 },
      ],
      baseline: { year: 2019 },
      target: { year: 2030, value: 0 },
      polarity: 'lower_is_better',
    };
    const result = progress(input);
    expect(result.status).toBe('achieved');
    expect(codes(result.explanation.caveats)).toContain('zero_replaced');
    const halfway: ProgressInput = {
      ...input,
      observations: [
        { year: 2019, value: 4 },
        { year: 2023, value: 2 },
      ],
    };
    const withDefault = progress(halfway);
    expect(codes(withDefault.explanation.caveats)).toContain('zero_replaced');
    expect(withDefault.r).not.toBeCloseTo(
      progress({ ...halfway, settings: { zeroReplacement: 0.1 } }).r ?? 0,
      3,
    );
  });
});

describe('progress: uncertainty', () => {
  const proportionSeries = (base: [number, number], latest: [number, number]): ProgressInput => ({
    observations: [
      { year: 2019, value: base[0] / base[1], count: base[0], n: base[1] },
      { year: 2023, value: latest[0] / latest[1], count: latest[0], n: latest[1] },
    ],
    baseline: { year: 2019 },
    target: { year: 2030, value: 0.12 },
    polarity: 'lower_is_better',
    measure: 'proportion',
  });

  it('uses Newcombe for proportions with counts and never headlines a non-significant change', () => {
    const small = progress(proportionSeries([150, 1000], [138, 1000]));
    expect(small.status).toBe('on_track');
    expect(small.uncertain).toBe(true);
    expect(small.headline).toBe('uncertain');
    expect(small.explanation.significance.method).toBe('newcombe');
    expect(codes(small.explanation.caveats)).toContain('change_not_significant');
    const large = progress(proportionSeries([15_000, 100_000], [13_800, 100_000]));
    expect(large.uncertain).toBe(false);
    expect(large.headline).toBe('on_track');
  });

  it('uses the exact rate ratio for rates with counts', () => {
    const result = progress({
      observations: [
        { year: 2019, value: 30, count: 30, n: 100_000 },
        { year: 2023, value: 10, count: 10, n: 100_000 },
      ],
      baseline: { year: 2019 },
      target: { year: 2030, value: 5 },
      polarity: 'lower_is_better',
      measure: 'rate',
    });
    expect(result.explanation.significance.method).toBe('rate_ratio_exact');
    expect(result.explanation.significance.significant).toBe(true);
    expect(result.explanation.significance.interval?.uppercl).toBeLessThan(1);
  });

  it('falls back to CI overlap and gives the category range over the latest CI', () => {
    const result = progress(
      workedExample(0, {
        observations: [
          { year: 2019, value: 1500, lowercl: 1420, uppercl: 1580 },
          { year: 2023, value: 1380, lowercl: 1310, uppercl: 1450 },
        ],
      }),
    );
    expect(result.explanation.significance).toMatchObject({ method: 'ci_overlap', significant: false });
    expect(result.headline).toBe('uncertain');
    expect(result.range).toMatchObject({ worst: 'limited_progress', best: 'on_track' });
    expect(result.range?.atLowerLimit.status).toBe('on_track');
    expect(result.range?.atUpperLimit.status).toBe('limited_progress');
    expect(result.explanation.rRange?.map((r) => r.toFixed(3))).toEqual(['0.420', '1.658']);
    expect(codes(result.explanation.caveats)).toEqual(
      expect.arrayContaining(['category_range', 'ci_overlap_conservative', 'change_not_significant']),
    );
  });

  it('says when uncertainty cannot be assessed', () => {
    const result = progress(workedExample(1380));
    expect(result.uncertain).toBe(false);
    expect(result.range).toBeNull();
    expect(result.explanation.significance.method).toBe('not_assessed');
    expect(codes(result.explanation.caveats)).toContain('significance_not_assessed');
  });
});

describe('progress: projection', () => {
  const decline = (withCi: boolean): ProgressInput => ({
    observations: [2019, 2020, 2021, 2022].map((year) => {
      const value = 1000 * 0.97 ** (year - 2019);
      return withCi ? { year, value, lowercl: value * 0.95, uppercl: value * 1.05 } : { year, value };
    }),
    baseline: { year: 2019 },
    target: { year: 2030, value: 800 },
    polarity: 'lower_is_better',
  });

  it('extrapolates the observed CAGR and fits a weighted log-linear trend', () => {
    const { projection } = progress(decline(true));
    const expected = 1000 * 0.97 ** 11;
    expect(projection?.cagr.value).toBeCloseTo(expected, 6);
    expect(projection?.cagr.meetsTarget).toBe(true);
    expect(projection?.logLinear?.value).toBeCloseTo(expected, 6);
    expect(projection?.logLinear?.annualRate).toBeCloseTo(-0.03, 10);
    expect(projection?.logLinear).toMatchObject({ weighted: true, points: 4 });
  });

  it('weights points by inverse variance', () => {
    const input = decline(true);
    const observations = input.observations.map((o) =>
      o.year === 2022 ? { ...o, value: 1000, lowercl: 990, uppercl: 1010 } : o,
    );
    const precise = progress({ ...input, observations }).projection?.logLinear;
    const vague = progress({
      ...input,
      observations: observations.map((o) => (o.year === 2022 ? { ...o, lowercl: 500, uppercl: 1500 } : o)),
    }).projection?.logLinear;
    // A precise last point pulls the trend towards itself (flat); a vague one barely moves it.
    expect(precise?.annualRate).toBeGreaterThan(vague?.annualRate ?? 0);
  });

  it('is unweighted, and says so, when a point lacks a CI; and needs 3 points for the fit', () => {
    const result = progress(decline(false));
    expect(result.projection?.logLinear?.weighted).toBe(false);
    expect(codes(result.explanation.caveats)).toContain('projection_unweighted');
    expect(progress(workedExample(1380)).projection?.logLinear).toBeNull();
  });
});

describe('progress: input errors', () => {
  it('rejects impossible input', () => {
    expect(() => progress(workedExample(1380, { target: { year: 2019, value: 1200 } }))).toThrow(
      inputError('target.year'),
    );
    expect(() =>
      progress(
        workedExample(1380, {
          observations: [
            { year: 2019, value: 1 },
            { year: 2019, value: 2 },
          ],
        }),
      ),
    ).toThrow(inputError('observations[1].year'));
    expect(() => progress(workedExample(1380, { settings: { onTrackRatio: 0.5 } }))).toThrow(
      inputError('settings'),
    );
    expect(() => progress(workedExample(1380, { settings: { confidence: 3 } }))).toThrow(
      inputError('confidence'),
    );
  });

  it('validates JSON input at the boundary', () => {
    const raw = JSON.parse(JSON.stringify(workedExample(1380)));
    expect(progress(parseProgressInput(raw)).status).toBe('on_track');
    expect(() => parseProgressInput({ ...raw, polarity: 'up' })).toThrow(inputError('polarity'));
    expect(() => parseProgressInput({ ...raw, observations: [{ year: 'x', value: 1 }] })).toThrow(
      inputError('observations.0.year'),
    );
  });
});

describe('progress: honest wording of uncertain statuses', () => {
  const CATEGORY = /på rette vej|målet er nået|målet nås|skal accelereres|begrænset fremgang|forværring/iu;
  const CATEGORY_EN = /on track|achieved|needs acceleration|limited progress|deterioration|will be met/iu;
  const RANGE =
    /(mellem|between) (forværring|begrænset fremgang|skal accelereres|på rette vej|målet er nået|deterioration|limited progress|needs acceleration|on track|achieved) (og|and) (forværring|begrænset fremgang|skal accelereres|på rette vej|målet er nået|deterioration|limited progress|needs acceleration|on track|achieved)/giu;

  it.each([
    ['achieved', [26, 200], [21, 200]],
    ['on_track', [26, 200], [23, 200]],
    ['deterioration', [26, 200], [28, 200]],
  ] as const)(
    'names no category outside the range phrase when the point estimate is %s',
    (status, base, latest) => {
      const share = (year: number, [count, n]: readonly [number, number]): ProgressObservation => {
        const { value, lowercl, uppercl } = wilsonProportionCi({ x: count, n }, { multiplier: 1 });
        return { year, value, lowercl, uppercl, count, n };
      };
      const result = progress({
        observations: [share(2021, base), share(2025, latest)],
        baseline: { year: 2021 },
        target: { year: 2030, value: 0.111 },
        polarity: 'lower_is_better',
        measure: 'proportion',
      });
      expect(result).toMatchObject({ status, uncertain: true, headline: 'uncertain' });
      for (const text of [...result.explanation.reasons, ...result.explanation.caveats]) {
        expect(text.da.replace(RANGE, '…'), text.code).not.toMatch(CATEGORY);
        expect(text.en.replace(RANGE, '…'), text.code).not.toMatch(CATEGORY_EN);
      }
      const range = result.explanation.caveats.find((c) => c.code === 'category_range');
      expect(range?.da).toMatch(/mellem forværring og /);
      expect(range?.en).toMatch(/between deterioration and /);
    },
  );

  it('without a target, says the annual change without a category when it is not significant', () => {
    const result = progress({
      observations: [
        { year: 2019, value: 100, lowercl: 90, uppercl: 110 },
        { year: 2023, value: 105, lowercl: 95, uppercl: 115 },
      ],
      baseline: { year: 2019 },
      polarity: 'higher_is_better',
    });
    expect(result.uncertain).toBe(true);
    expect(codes(result.explanation.reasons)).toEqual(['cagr_uncertain']);
    expect(result.explanation.reasons[0]?.da).not.toMatch(CATEGORY);
  });
});

describe('progress: edge case (b), a series break after the baseline', () => {
  it('refuses even with two comparable points before the break, and says why and what would help', () => {
    const result = progress(
      workedExample(0, {
        observations: [
          { year: 2019, value: 1500, lowercl: 1450, uppercl: 1550 },
          { year: 2021, value: 1400, lowercl: 1350, uppercl: 1450 },
          { year: 2022, value: 1300, seriesBreak: true },
          { year: 2023, value: 1280 },
        ],
      }),
    );
    expect(result.status).toBe('insufficient_data');
    expect(result.headline).toBe('insufficient_data');
    expect(result.projection).toBeNull();
    const caveat = result.explanation.caveats.find((c) => c.code === 'series_break_comparable_before');
    expect(caveat?.params).toEqual({ year: 2022, baselineYear: 2019, lastComparableYear: 2021 });
    expect(caveat?.da).toContain('2019–2021');
    expect(caveat?.da).toContain('nyt udgangspunkt');
    expect(caveat?.en).toContain('new baseline');
  });

  it('has no such caveat when nothing comparable lies between the baseline and the break', () => {
    const result = progress(
      workedExample(0, {
        observations: [
          { year: 2019, value: 1500 },
          { year: 2022, value: 1300, seriesBreak: true },
          { year: 2023, value: 1280 },
        ],
      }),
    );
    expect(result.status).toBe('insufficient_data');
    expect(codes(result.explanation.caveats)).not.toContain('series_break_comparable_before');
  });
});
