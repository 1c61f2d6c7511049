// The OpenAPI document covers every API route the app serves, every documented path answers, and the
// reference page lists them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { MEASURES } from '../accidents/accidents.service.js';
import { createApp } from './app.js';
import { OPENAPI } from './openapi.js';

describe('API description', () => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await freshStore('sqlite');
    await seedStore(store.db, { demo: true });
    app = createApp(store, { logError: () => {} });
  });
  afterAll(async () => {
    await store?.destroy();
  });

  const documented = Object.keys(OPENAPI.paths);

  it('is an OpenAPI 3.1 document served at /api/openapi.json', async () => {
    const body = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: object;
    };
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(documented);
  });

  it('describes every API route the app serves', () => {
    const served = app.routes
      .filter((route) => route.method === 'GET' && route.path.startsWith('/api/'))
      .flatMap((route) =>
        route.path === '/api/v1/accidents/:file'
          ? MEASURES.flatMap((measure) =>
              ['', '.csv', '.xlsx'].map((suffix) => `/api/v1/accidents/${measure}${suffix}`),
            )
          : [route.path.replace(/:(\w+)/g, '{$1}')],
      );
    expect(served.length).toBeGreaterThan(10);
    for (const path of served) expect(documented, path).toContain(path);
  });

  it('answers every documented path', async () => {
    for (const path of documented) {
      const response = await app.request(path.replace('{id}', '1').replace('{code}', 'metal-og-maskiner'));
      const signedInOnly = ['/api/v1/accidents/fatal-cases', '/api/v1/targets/{id}/comments'];
      const expected = signedInOnly.includes(path) ? 401 : 200;
      expect(response.status, path).toBe(expected);
    }
  });

  it('lists every path on the reference page, in Danish and English', async () => {
    const da = await (await app.request('/api')).text();
    const en = await (await app.request('/en/api')).text();
    for (const path of documented) {
      expect(da).toContain(`<code>GET ${path}</code>`);
      expect(en).toContain(`<code>GET ${path}</code>`);
    }
  });
});
