import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { createApp } from './app.js';

describeEachDialect('web app', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  const logged: unknown[] = [];
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true });
    app = createApp(store, { logError: (error) => logged.push(error) });
  });
  afterAll(async () => {
    await store.destroy();
  });

  // biome-ignore lint/suspicious/noExplicitAny: assertions walk the API's JSON freely
  const json = async (path: string): Promise<any> => (await app.request(path)).json();
  const rows = (html: string) => html.match(/<tr>/g)?.length ?? 0;

  it('shows the target tree in Danish, grouped by goal, with Danish number formats and the demo marker', async () => {
    const response = await app.request('/maaltal');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('<h1>Mål og måltal</h1>');
    expect(html).toContain('Demodata – ikke officielle tal');
    for (const goal of [
      '1. Arbejdsulykker',
      '2. Kemisk arbejdsmiljø',
      '3. Ergonomisk arbejdsmiljø',
      '4. Psykisk arbejdsmiljø',
    ]) {
      expect(html).toContain(goal);
    }
    // 19 branch targets and the national accident target, plus one header row per goal.
    expect(rows(html)).toBe(20 + 4);
    expect(html).toContain('Kontor: Pengeinstitut- og finansieringsvirksomhed');
    expect(html).toMatch(/\d+,\d\u00a0%/);
    expect(html).not.toMatch(/\d+\.\d%/);
    expect(html).toContain('href="/en/maaltal"');
  });

  it('shows the same page in English at /en/maaltal', async () => {
    const html = await (await app.request('/en/maaltal')).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Goals and targets</h1>');
    expect(html).toContain('Demo data – not official figures');
    expect(html).toContain('Office: Banking and financing');
    expect(html).toMatch(/\d+\.\d%/);
    expect(rows(html)).toBe(20 + 4);
  });

  it('answers the health check', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: dialect });
  });

  it('serves one target with its history and observations', async () => {
    const body = await json('/api/v1/targets/2');
    expect(body.data.id).toBe(2);
    expect(body.data.revisions.length).toBeGreaterThanOrEqual(1);
    expect(body.data.observations.map((o: { year: number }) => o.year)).toEqual([
      2012, 2014, 2016, 2018, 2021, 2023, 2025,
    ]);
    expect(body.data.observations.find((o: { year: number }) => o.year === 2021).seriesBreak).toBe(true);
  });

  it('serves the assessment of a target with its full explanation', async () => {
    const body = await json('/api/v1/targets/1/assessment');
    expect(body.data.targetId).toBe(1);
    const statuses = ['achieved', 'on_track', 'needs_acceleration', 'limited_progress', 'deterioration'];
    expect(statuses).toContain(body.data.status);
    const explanation = body.data.explanation;
    expect(explanation).toMatchObject({
      method: 'statcan_opensdg_cagr',
      variant: 'target_ratio',
      polarity: 'lower_is_better',
      measure: 'proportion',
      baseline: { year: 2021 },
      latest: { year: 2025 },
      target: { year: 2030 },
      thresholds: { onTrackRatio: 0.95, needsAccelerationRatio: 0.6 },
      seriesBreaks: [2021],
      significance: { method: 'newcombe' },
    });
    expect(explanation.r).toBeCloseTo(body.data.r, 12);
    // An uncertain status is explained without naming its category (METHODS §7).
    const reasons = body.data.uncertain
      ? ['target_reached_uncertain', 'ratio_uncertain']
      : ['target_achieved', 'ratio_status'];
    expect(reasons).toContain(explanation.reasons[0].code);
    expect(explanation.reasons[0].da.length).toBeGreaterThan(20);
    expect(explanation.reasons[0].en.length).toBeGreaterThan(20);
    // The list carries the same status as a summary.
    const list = await json('/api/v1/targets');
    expect(list.data.find((t: { id: number }) => t.id === 1).assessment).toMatchObject({
      status: body.data.status,
      uncertain: body.data.uncertain,
      headlineText: body.data.headlineText,
    });
  });

  it('shows the progress status in words on the page', async () => {
    const html = await (await app.request('/maaltal')).text();
    expect(html).toMatch(/<td>(På rette vej|Skal accelereres|Begrænset fremgang|Forværring|Målet er nået)</);
    // An uncertain status leads with the uncertainty and gives the range of categories.
    expect(html).toMatch(/<td>Usikkert: mellem [a-zæøå ]+ og [a-zæøå ]+</);
  });

  it('answers API errors as JSON naming the parameter', async () => {
    const unknown = await app.request('/api/v1/targets?colour=red');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({
      error: {
        code: 'invalid_input',
        message: 'Invalid query parameters',
        details: [{ field: 'colour', message: 'is not a known field' }],
      },
    });
    // A goal or branch group that does not exist is named, not answered with an empty list.
    const noGoal = await app.request('/api/v1/targets?goal=xyz&branch=rumfart');
    expect(noGoal.status).toBe(400);
    expect(((await noGoal.json()) as { error: { details: unknown[] } }).error.details).toEqual([
      { field: 'goal', message: 'no goal has the code "xyz"', messageDa: 'intet mål har koden "xyz"' },
      {
        field: 'branch',
        message: 'no branch group has the code "rumfart"',
        messageDa: 'ingen branchegruppe har koden "rumfart"',
      },
    ]);
    expect((await app.request('/api/v1/targets?goal=chemical&branch=butikker')).status).toBe(200);
    const badId = await app.request('/api/v1/targets/abc');
    expect(badId.status).toBe(400);
    expect(
      ((await badId.json()) as { error: { details: { field: string }[] } }).error.details[0]?.field,
    ).toBe('id');
    const missing = await app.request('/api/v1/targets/9999');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await app.request('/api/v1/nothing')).status).toBe(404);
  });

  it('shows a 404 page in the page’s language', async () => {
    const da = await app.request('/findes-ikke');
    expect(da.status).toBe(404);
    expect(await da.text()).toContain('Siden findes ikke');
    expect(await (await app.request('/en/missing')).text()).toContain('Page not found');
    expect(logged).toEqual([]);
  });

  it('serves the dkfds stylesheet and Måltal’s own', async () => {
    const dkfds = await app.request('/static/dkfds/css/dkfds.min.css');
    expect(dkfds.status).toBe(200);
    expect((await dkfds.text()).length).toBeGreaterThan(10_000);
    expect((await app.request('/static/maaltal.css')).headers.get('content-type')).toContain('text/css');
  });
});
