// The overview and the goal pages over HTTP (in process) on both databases: counts by status that match the
// API, headline accident figures from the accident records, sorting by column (the whole country always first),
// the problem column and the status grid only where a goal spans several problems, values with their units,
// a chart per indicator at two widths, and 404s.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { inTransaction } from '../db/connect.js';
import { formatNumber } from '../format.js';
import { HEADLINE_LABEL } from '../stats/index.js';
import { addTargetSchema } from '../targets/targets.schemas.js';
import { addTarget } from '../targets/targets.service.js';
import { createApp } from '../web/app.js';
import { HEADLINE_ORDER } from './goal-pages.js';

/**
 * The demo's psychosocial targets all concern one sub-problem: a target on the other (its indicator has no target
 * in the demo) makes the goal span two.
 */
async function addSecondPsychosocialProblem(store: TestStore) {
  await inTransaction(store.db, async (tx) => {
    await addTarget(
      tx,
      addTargetSchema.parse({
        indicator: 'kraenkende-handlinger',
        branchGroup: 'butikker',
        goal: 'psychosocial',
        subProblem: 'offensive-behaviour-violence-threats',
        baselineYear: 2021,
        baselineValue: 12,
        targetYear: 2030,
        targetValue: 9,
      }),
      { user: 'test', now: () => new Date('2026-03-01T09:00:00Z') },
    );
  });
}

/** The targets table's rows in order: each row's link to its target. */
const rowLinks = (html: string) =>
  [
    ...(html.split('<h2>Overblik')[0] ?? '').matchAll(
      /<th scope="row"><a href="(?:\/en)?(\/maaltal\/\d+)">/g,
    ),
  ].map((m) => m[1]);

describeEachDialect('overview and goal pages', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  // biome-ignore lint/suspicious/noExplicitAny: API bodies are checked field by field below
  let targets: any[];
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true });
    await addSecondPsychosocialProblem(store);
    app = createApp(store, { logError: () => {} });
    targets = ((await (await app.request('/api/v1/targets')).json()) as { data: unknown[] })
      .data as typeof targets;
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('counts each goal’s targets by headline as the API assesses them, and shows the accident headline', async () => {
    const html = await (await app.request('/')).text();
    expect(html).toContain('<h1>Arbejdsmiljøets mål for 2030</h1>');
    for (const goal of ['accidents', 'chemical', 'ergonomic', 'psychosocial']) {
      const section = html.split(`aria-labelledby="goal-${goal}"`)[1]?.split('</section>')[0] ?? '';
      const under = targets.filter((t) => t.goal.code === goal);
      // Uncertain targets are counted apart (a neutral colour), never under the category of their point estimate.
      for (const kind of HEADLINE_ORDER.filter((k) => k !== 'untested')) {
        const count = under.filter((t) => (t.assessment?.headline ?? 'insufficient_data') === kind).length;
        expect(section, `${goal} ${kind}`).toContain(
          `<li class="maaltal-status-${kind}"><strong>${count}</strong> ${HEADLINE_LABEL[kind].da}`,
        );
      }
    }
    const rates = (await (
      await app.request('/api/v1/accidents/rates?groupBy=year&to=2025&from=2025')
    ).json()) as {
      rows: { value: number }[];
    };
    expect(html).toContain(
      `${formatNumber(rates.rows[0]?.value, 'da', 1)} anmeldte ulykker pr. 10.000 beskæftigede i 2025`,
    );
    expect(html).toMatch(/\d+ dødsulykker i 2025/);
    const fatal = (await (
      await app.request('/api/v1/accidents/rates?fatal=true&groupBy=year&from=2025&to=2025')
    ).json()) as {
      rows: { count: number }[];
    };
    expect(html).toContain('Dødsulykker (efter ulykkesår)');
    expect(html).toContain(`${fatal.rows[0]?.count} dødsulykker i 2025`);
    expect(html).toContain('Seneste data er fra 2025');
  });

  it('sorts a goal’s targets by the column asked for, and marks the sorted column', async () => {
    const html = await (await app.request('/maal/chemical?sort=baseline&dir=desc')).text();
    expect(html).toContain('<h1>2. Kemisk arbejdsmiljø</h1>');
    expect(html).toContain('aria-sort="descending"');
    const chemical = targets
      .filter((t) => t.goal.code === 'chemical')
      .sort((a, b) => b.baseline.value - a.baseline.value)
      .map((t) => `/maaltal/${t.id}`);
    const table = html.split('<h2>Overblik')[0] ?? '';
    const linked = [...table.matchAll(/<th scope="row"><a href="(\/maaltal\/\d+)">/g)].map((m) => m[1]);
    expect(linked).toEqual(chemical);
  });

  it('puts the whole country first in every sort, both ways', async () => {
    const national = targets.find((t) => t.goal.code === 'accidents' && t.branchGroup === null);
    expect(national).toBeDefined();
    for (const sort of ['branch', 'status', 'baseline', 'latest', 'target', 'projection']) {
      for (const dir of ['', '&dir=desc']) {
        const html = await (await app.request(`/maal/accidents?sort=${sort}${dir}`)).text();
        const links = rowLinks(html);
        expect(links[0], `${sort}${dir}`).toBe(`/maaltal/${national.id}`);
        expect(links).toHaveLength(targets.filter((t) => t.goal.code === 'accidents').length);
      }
    }
    // The branches after it are still in the order asked for.
    const html = await (await app.request('/maal/accidents?sort=branch&dir=desc')).text();
    const names = [...html.matchAll(/<th scope="row"><a href="\/maaltal\/\d+">([^<]+)<\/a>/g)].map(
      (m) => m[1],
    );
    expect(names.slice(1)).toEqual(
      [...names.slice(1)].sort((a, b) => (b ?? '').localeCompare(a ?? '', 'da')),
    );
  });

  it('shows the problem column and the branch × problem grid only where a goal spans several problems', async () => {
    for (const goal of ['accidents', 'chemical', 'ergonomic']) {
      const html = await (await app.request(`/maal/${goal}`)).text();
      expect(html, goal).not.toContain('<th scope="col">Problem</th>');
      expect(html, goal).not.toContain('<h2>Overblik');
    }
    const html = await (await app.request('/maal/psychosocial')).text();
    expect(html).toContain('<th scope="col">Problem</th>');
    const grid = html.split('<h2>Overblik')[1] ?? '';
    expect(grid).toContain('<th scope="col">Ubalance i høje krav og lav indflydelse</th>');
    expect(grid).toContain('<th scope="col">Krænkende handlinger, vold og trusler</th>');
    // Every target once, its headline in words in a cell coloured by it (uncertain: neutral).
    for (const target of targets.filter((t) => t.goal.code === 'psychosocial')) {
      const headline = target.assessment?.headline ?? 'insufficient_data';
      const words = target.assessment?.headlineText.da ?? HEADLINE_LABEL.insufficient_data.da;
      expect(grid).toContain(
        `<td class="maaltal-status-${headline}"><a href="/maaltal/${target.id}">${words}</a>`,
      );
    }
  });

  it('writes every value with its unit: percentages with %, rates per 10,000 employed', async () => {
    const html = await (await app.request('/maal/accidents')).text();
    const national = targets.find((t) => t.goal.code === 'accidents' && t.branchGroup === null);
    const row = html.split(`<a href="/maaltal/${national.id}">`)[1]?.split('</tr>')[0] ?? '';
    const withUnit = (value: number, locale: 'da' | 'en') =>
      `${formatNumber(value, locale, 1)}<span class="maaltal-ci maaltal-unit"> ${locale === 'da' ? 'pr. 10.000 beskæftigede' : 'per 10,000 employed'}</span>`;
    expect(row).toContain(withUnit(national.baseline.value, 'da'));
    expect(row).toContain(withUnit(national.target.value, 'da'));
    expect(row).toContain(withUnit(national.latest.value, 'da'));
    const branch = targets.find((t) => t.goal.code === 'accidents' && t.branchGroup !== null);
    const branchRow = html.split(`<a href="/maaltal/${branch.id}">`)[1]?.split('</tr>')[0] ?? '';
    expect(branchRow).toContain(`${formatNumber(branch.baseline.value, 'da', 1)}\u00a0%`);
    expect(branchRow).not.toContain('beskæftigede');
    const en = await (await app.request('/en/maal/accidents')).text();
    expect(en).toContain(withUnit(national.baseline.value, 'en'));
  });

  it('draws one chart per indicator, wide and narrow, each described in words beside a table', async () => {
    const html = await (await app.request('/maal/accidents')).text();
    const wide = [...html.matchAll(/<div class="maaltal-chart-wide"><svg[^>]*>/g)].map((m) => m[0]);
    const narrow = [...html.matchAll(/<div class="maaltal-chart-narrow"><svg[^>]*>/g)].map((m) => m[0]);
    // The accident goal has two indicators: reported accidents per 10,000 employed and the survey share.
    expect(wide).toHaveLength(2);
    expect(narrow).toHaveLength(2);
    for (const svg of [...wide, ...narrow]) {
      expect(svg).toContain('role="img"');
      const described = /aria-describedby="([^"]+)"/.exec(svg)?.[1];
      expect(html).toContain(`id="${described}"`);
    }
    expect(narrow[0]).toContain('font-size:12px');
    expect(html).toContain(
      'Anmeldte arbejdsulykker pr. 10.000 beskæftigede: udgangspunkt, seneste måling og måltal',
    );
    const description = html.split('id="goal-chart-1-description"')[1]?.split('</')[0] ?? '';
    expect(description).toMatch(/^>\d+ måltal\./);
    expect(html).toContain('href="/api/v1/targets?goal=accidents"');
  });

  it('downloads each goal chart as SVG and PNG with its title and summary', async () => {
    const page = await (await app.request('/maal/chemical')).text();
    expect(page).toContain('href="/maal/chemical?chart=1&amp;format=svg" download');
    expect(page).toContain('href="/maal/chemical?chart=1&amp;format=png" download');
    const svg = await app.request('/en/maal/chemical?chart=1&format=svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers.get('content-disposition')).toBe('attachment; filename="maal-chemical-1.svg"');
    const text = await svg.text();
    expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).toContain('baseline, latest measurement and target');
    expect(text).toContain('http://localhost/en/maal/chemical');
    const png = await app.request('/maal/chemical?chart=1&format=png');
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await app.request('/maal/chemical?chart=9&format=svg')).status).toBe(404);
  });

  it('answers an unknown goal with 404, and serves the English goal page', async () => {
    expect((await app.request('/maal/nope')).status).toBe(404);
    const html = await (await app.request('/en/maal/psychosocial')).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('4. Psychosocial working environment');
    expect(html).toContain('Overview: branch × problem');
  });

  it('links the accident goal to the comparison of branch groups', async () => {
    expect(await (await app.request('/maal/accidents')).text()).toContain('href="/sammenlign"');
    expect(await (await app.request('/en/maal/accidents')).text()).toContain('href="/en/sammenlign"');
  });
});
