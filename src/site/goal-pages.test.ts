// The overview and the goal pages over HTTP (in process) on both databases: counts by status that match the
// API, headline accident figures from the accident records, sorting by column, the status grid, and 404s.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { formatNumber } from '../format.js';
import { HEADLINE_LABEL } from '../stats/index.js';
import { createApp } from '../web/app.js';
import { HEADLINE_ORDER } from './goal-pages.js';

describeEachDialect('overview and goal pages', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  // biome-ignore lint/suspicious/noExplicitAny: API bodies are checked field by field below
  let targets: any[];
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true });
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
    // The grid: every target once, its headline in words in a cell coloured by it (uncertain: neutral).
    const grid = html.split('<h2>Overblik')[1] ?? '';
    for (const target of targets.filter((t) => t.goal.code === 'chemical')) {
      expect(grid).toContain(
        `<td class="maaltal-status-${target.assessment.headline}"><a href="/maaltal/${target.id}">${target.assessment.headlineText.da}</a>`,
      );
    }
  });

  it('answers an unknown goal with 404, and serves the English goal page', async () => {
    expect((await app.request('/maal/nope')).status).toBe(404);
    const html = await (await app.request('/en/maal/psychosocial')).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('4. Psychosocial working environment');
  });
});
