// PostgreSQL going away under load: its connections killed (as a restart does) and new ones refused. The process
// stays up, every answer is 200 or a clean 503 with Retry-After, published pages already cached keep being
// served, and full service resumes by itself once the database is back.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/app.js';
import { freshStore, TEST_DATABASE_URL, type TestStore } from '../databases.js';
import { seedStore } from '../seed.js';

const PUBLIC = ['/', '/en/', '/api/v1/targets', '/maaltal/1', '/api/v1/goals', '/readyz'];

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

describe('PostgreSQL faults', () => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  let name: string;
  const kill = () =>
    admin(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
    );

  beforeAll(async () => {
    store = await freshStore('postgres');
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    name = new URL(store.setting).pathname.slice(1);
    app = createApp(store, { logError: () => {} });
  }, 60_000);
  afterAll(async () => {
    await admin(`alter database ${name} allow_connections true`).catch(() => {});
    await store?.destroy();
  });

  const request = async (path: string) => {
    const response = await app.request(path);
    await response.arrayBuffer();
    return response;
  };

  it('answers 200 or a clean 503 while its connections are killed, and recovers by itself', async () => {
    const statuses = new Map<number, number>();
    let stop = false;
    const load = async (offset: number) => {
      for (let i = offset; !stop; i++) {
        // Every request reads the data version, so every one meets the database (/readyz pings it).
        const path = PUBLIC[i % PUBLIC.length];
        const response = await request(path ?? '/');
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 503) expect(response.headers.get('retry-after')).toBe('5');
      }
    };
    const workers = [load(0), load(1), load(2), load(3)];
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await kill();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop = true;
    await Promise.all(workers);
    expect([...statuses.keys()].filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(50);
    expect((await request('/readyz')).status).toBe(200);
    expect((await request('/api/v1/targets?branch=butikker')).status).toBe(200);
  }, 60_000);

  it('keeps serving cached pages while the database refuses connections, 503 for the rest, then resumes', async () => {
    for (const path of ['/', '/api/v1/targets']) expect((await request(path)).status).toBe(200);
    await admin(`alter database ${name} allow_connections false`);
    await kill();
    const cached = await request('/');
    expect(cached.status).toBe(200);
    expect(cached.headers.get('x-cache')).toBe('stale');
    const api = await app.request('/api/v1/targets?goal=ergonomic');
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('5');
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    const page = await request('/maal/ergonomic');
    expect(page.status).toBe(503);
    expect((await request('/readyz')).status).toBe(503);
    await admin(`alter database ${name} allow_connections true`);
    const started = Date.now();
    let ready = 503;
    while (ready !== 200 && Date.now() - started < 5000) {
      ready = (await request('/readyz')).status;
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready).toBe(200);
    expect((await request('/api/v1/targets?goal=ergonomic')).status).toBe(200);
  }, 60_000);
});
