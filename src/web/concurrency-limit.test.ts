// One client may run only so many accident-statistics requests at once; more get a 429 with Retry-After, the limit
// frees up as requests finish, and other pages are not limited.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { useAccidentFixture } from '../../test/accidents/fixture.js';
import { describeEachDialect } from '../../test/databases.js';
import { createApp } from './app.js';
import { concurrencyLimit } from './concurrency-limit.js';

describe('concurrencyLimit', () => {
  it('refuses requests beyond the limit while others run, and frees up as they finish', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const app = new Hono();
    app.use(
      '*',
      concurrencyLimit(2, (path) => path.startsWith('/slow')),
    );
    app.get('/slow', async (c) => {
      await gate;
      return c.text('done');
    });
    app.get('/fast', (c) => c.text('fast'));
    app.onError((error, c) => c.text(error.message, 429));
    const running = [app.request('/slow'), app.request('/slow')];
    await new Promise((resolve) => setImmediate(resolve));
    const refused = await app.request('/slow');
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('At most 2 statistics requests');
    expect((await app.request('/fast')).status).toBe(200);
    release();
    expect((await Promise.all(running)).map((response) => response.status)).toEqual([200, 200]);
    expect((await app.request('/slow')).status).toBe(200);
  });
});

describeEachDialect('per-client concurrency limit in the app', (dialect) => {
  const workspace = useAccidentFixture(dialect);

  it('limits the accident statistics with 429 and Retry-After, and nothing else', async () => {
    const app = createApp(workspace.store, { logError: () => {}, statisticsConcurrency: 0 });
    const refused = await app.request('/api/v1/accidents/rates?groupBy=year');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('busy');
    expect((await app.request('/ulykker')).status).toBe(429);
    expect((await app.request('/api/v1/goals')).status).toBe(200);
  });
});
