// One client may run only so many accident-statistics requests at once; more get a 429 with Retry-After, answers
// from the page cache are not counted, and the limit frees up as requests finish.
import { expect, it } from 'vitest';
import { useAccidentFixture } from '../../test/accidents/fixture.js';
import { describeEachDialect } from '../../test/databases.js';
import { createApp } from './app.js';

describeEachDialect('per-client concurrency limit', (dialect) => {
  const workspace = useAccidentFixture(dialect);

  it('answers 429 beyond the limit, never for cached answers, and frees up as requests finish', async () => {
    const app = createApp(workspace.store, { logError: () => {}, statisticsConcurrency: 2 });
    const distinct = (n: number) => `/api/v1/accidents/rates?groupBy=year&perEmployed=${100 + n}`;
    const responses = await Promise.all(Array.from({ length: 6 }, (_, n) => app.request(distinct(n))));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(2);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    const refused = responses.find((response) => response.status === 429) as Response;
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('busy');
    // Once those finished, the next requests run; cached ones are never refused.
    expect((await app.request(distinct(10))).status).toBe(200);
    const cached = await Promise.all(Array.from({ length: 6 }, () => app.request(distinct(10))));
    expect(cached.map((response) => response.headers.get('x-cache'))).toEqual(Array(6).fill('hit'));
    // Other pages are not limited.
    const pages = await Promise.all(Array.from({ length: 6 }, () => app.request('/api/v1/goals')));
    expect(pages.every((response) => response.status === 200)).toBe(true);
  });
});
