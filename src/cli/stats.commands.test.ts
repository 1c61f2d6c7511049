import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';
import { deviation, expectMatches, negatives, positives, tolerance } from '../../test/reference-vectors.js';

function tempJson(name: string, value: unknown): string {
  const file = path.join(tmpdir(), `maaltal-${process.pid}-${name}.json`);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

describe('maaltal stats --batch', () => {
  it('reproduces every reference vector within its tolerance', async () => {
    const requests = positives.map(({ method, inputs, confidence, multiplier }) => ({
      method,
      inputs,
      confidence,
      multiplier,
    }));
    const result = await cli(['stats', '--batch', tempJson('vectors', requests)]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const outputs = JSON.parse(result.stdout) as Record<string, number | null>[];
    expect(outputs).toHaveLength(positives.length);
    positives.forEach((vector, index) => {
      expectMatches(vector, outputs[index] ?? {});
    });
  });

  it('evaluates a pilot by difference in differences (METHODS §10 worked example), refusing paired samples', async () => {
    const inputs = { x_i0: 60, n_i0: 200, x_i1: 40, n_i1: 200, x_c0: 58, n_c0: 200, x_c1: 54, n_c1: 200 };
    const result = await cli([
      'stats',
      '--batch',
      tempJson('did', [
        { method: 'did_proportions', inputs },
        { method: 'did_proportions', inputs: { ...inputs, paired: true } },
      ]),
    ]);
    expect(result.code).toBe(65);
    const [estimate, refused] = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(estimate?.value).toBeCloseTo(-0.08, 12);
    expect(estimate?.lowercl).toBeCloseTo(-0.20185, 5);
    expect(estimate?.uppercl).toBeCloseTo(0.04185, 5);
    expect(estimate?.significant).toBe(0);
    expect(refused?.error).toMatch(
      /^paired: paired samples \(the same units before and after\) are not independent/,
    );
  });

  it('does not reproduce the DescTools "Byar" negative controls', async () => {
    const requests = negatives.map(({ inputs, confidence, multiplier }) => ({
      method: 'phe_rate',
      inputs,
      confidence,
      multiplier,
    }));
    expect(negatives).toHaveLength(3);
    const outputs = JSON.parse((await cli(['stats', '--batch', tempJson('negatives', requests)])).stdout);
    negatives.forEach((vector, index) => {
      const ours = outputs[index] as { lowercl: number; uppercl: number };
      for (const key of ['lowercl', 'uppercl'] as const) {
        expect(deviation(vector, ours[key], vector.expected[key] ?? Number.NaN)).toBeGreaterThan(
          tolerance(vector),
        );
      }
    });
  });

  it('answers a bad request with an error for that item alone, and exits 65', async () => {
    const result = await cli([
      'stats',
      '--batch',
      tempJson('mixed', [
        { method: 'phe_proportion', inputs: { x: 120, n: 100 } },
        { method: 'phe_rate', inputs: { x: 5, n: 100 }, confidence: 0.998, multiplier: 10000 },
        { method: 'no_such_method', inputs: {} },
      ]),
    ]);
    expect(result.code).toBe(65);
    const [bad, good, unknown] = JSON.parse(result.stdout);
    expect(bad.error).toMatch(/x/);
    expect(good.value).toBe(500);
    expect(unknown.error).toMatch(/unknown method/);
    expect(result.stderr).toContain('2 of 3 request(s) failed');
  });

  it('names the file when it is not JSON or not an array', async () => {
    const broken = path.join(tmpdir(), `maaltal-${process.pid}-broken.json`);
    writeFileSync(broken, '[{"method": ');
    const notJson = await cli(['stats', '--batch', broken]);
    expect(notJson.code).toBe(65);
    expect(notJson.stderr).toContain(`--batch: ${broken}:`);
    const notArray = await cli(['stats', '--batch', tempJson('object', { method: 'phe_rate' })]);
    expect(notArray.stderr).toContain('The batch must be a JSON array of requests');
    expect((await cli(['stats'])).code).toBe(64);
  });

  it('reads the batch from standard input with -', async () => {
    const stdin = JSON.stringify([{ method: 'wilson_proportion_ci', inputs: { x: 65, n: 100 } }]);
    const result = await cli(['stats', '--batch', '-'], {}, stdin);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)[0].lowercl).toBeCloseTo(0.5525444329688797, 12);
  });
});

describe('maaltal stats progress', () => {
  const worked = (latest: number) => [
    'stats',
    'progress',
    '--series',
    `2019=1500,2023=${latest}`,
    '--target',
    '2030=1200',
    '--json',
  ];

  it('gives the worked examples of METHODS §7', async () => {
    for (const [latest, r, status] of [
      [1380, 1.027, 'on_track'],
      [1440, 0.506, 'limited_progress'],
      [1530, -0.247, 'deterioration'],
    ] as const) {
      const result = await cli(worked(latest));
      expect(result.code).toBe(0);
      const body = JSON.parse(result.stdout);
      expect(body.status).toBe(status);
      expect(body.r.toFixed(3)).toBe(r.toFixed(3));
      expect(body.explanation.requiredCagr).toBeCloseTo(-0.020081, 6);
    }
  });

  it('prints a readable explanation in Danish or English', async () => {
    const da = await cli(['stats', 'progress', '--series', '2019=1500,2023=1380', '--target', '2030=1200']);
    // Without intervals the change cannot be tested, so the status is not put as certain (edge case a).
    expect(da.stdout).toContain(
      'Status: Usikkerheden kan ikke vurderes: der er intet konfidensinterval eller antal at teste ændringen med. Ud fra tallene alene: på rette vej [untested]',
    );
    expect(da.stdout).toContain('R = 1,027');
    expect(da.stdout).toContain(
      'Fremskrivning: hvis udviklingen fortsætter, vil værdien være 1.192,636 i 2030 (uden interval), og tallene kan ikke afgøre, om målet vil blive nået',
    );
    const en = await cli([
      'stats',
      'progress',
      '--series',
      '2019=1500,2023=1440',
      '--target',
      '2030=1200',
      '--lang',
      'en',
    ]);
    expect(en.stdout).toContain('From the figures alone: limited progress [untested]');
    expect(en.stdout).toContain('R = 0.506');
    const certain = await cli([
      'stats',
      'progress',
      '--series',
      '2019=1500:1498:1502,2023=1380:1378:1382',
      '--target',
      '2030=1200',
    ]);
    expect(certain.stdout).toContain('Status: På rette vej [on_track]');
  });

  it('leads with the uncertainty and its range when the change is not significant, in both languages', async () => {
    const args = ['stats', 'progress', '--series', '2019=1500:1420:1580,2023=1380:1310:1450'];
    const da = await cli([...args, '--target', '2030=1200']);
    expect(da.stdout).toContain('Status: Usikkert: mellem begrænset fremgang og på rette vej [uncertain]');
    expect(da.stdout).toMatch(
      /Fremskrivning: hvis udviklingen fortsætter, vil værdien være [\d.,]+ i 2030 \(interval [\d.,]+–[\d.,]+\), og tallene kan ikke afgøre, om målet vil blive nået/,
    );
    const en = await cli([...args, '--target', '2030=1200', '--lang', 'en']);
    expect(en.stdout).toContain('Status: Uncertain: between limited progress and on track [uncertain]');
    expect(en.stdout).not.toMatch(/On track|Target achieved|will be met/);
    const json = JSON.parse((await cli([...args, '--target', '2030=1200', '--json'])).stdout);
    expect(json.headlineText).toEqual({
      da: 'Usikkert: mellem begrænset fremgang og på rette vej',
      en: 'Uncertain: between limited progress and on track',
    });
  });

  it('refuses to compare across a series break, with the reason', async () => {
    const result = await cli([
      'stats',
      'progress',
      '--series',
      '2018=30,!2021=25,2023=24',
      '--baseline',
      '2018',
      '--target',
      '2030=20',
      '--json',
    ]);
    const body = JSON.parse(result.stdout);
    expect(body.status).toBe('insufficient_data');
    expect(body.explanation.reasons[0]).toMatchObject({ code: 'series_break', params: { year: 2021 } });
  });

  it('reads the full input as JSON from a file or standard input', async () => {
    const input = {
      observations: [
        { year: 2021, value: 20, count: 200, n: 1000 },
        { year: 2023, value: 19.5, count: 195, n: 1000 },
      ],
      baseline: { year: 2021 },
      target: { year: 2030, value: 15 },
      polarity: 'lower_is_better',
      measure: 'proportion',
    };
    const body = JSON.parse((await cli(['stats', 'progress', tempJson('progress', input), '--json'])).stdout);
    expect(body.uncertain).toBe(true);
    expect(body.headline).toBe('uncertain');
    expect(body.explanation.significance.method).toBe('newcombe');
    const bad = await cli(['stats', 'progress', tempJson('bad-progress', { ...input, polarity: 'up' })]);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain('polarity');
  });
});
