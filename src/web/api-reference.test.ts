// The OpenAPI document covers every API route the app serves, every documented path answers, and the
// reference page lists them all.

import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { MEASURES } from '../accidents/accidents.service.js';
import { operationsOf } from './api-reference.js';
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
    const readable = operationsOf()
      .filter(({ method }) => method === 'get')
      .map(({ path }) => path);
    for (const path of readable) {
      const code = path.startsWith('/api/v1/bfas/') ? 'ba' : 'metal-og-maskiner';
      const response = await app.request(path.replace('{id}', '1').replace('{code}', code));
      const signedInOnly = ['/api/v1/accidents/fatal-cases', '/api/v1/targets/{id}/comments'];
      const expected = signedInOnly.includes(path) ? 401 : 200;
      expect(response.status, path).toBe(expected);
    }
  });

  it('lists every path on the reference page, in Danish and English', async () => {
    const da = await (await app.request('/api')).text();
    const en = await (await app.request('/en/api')).text();
    for (const { path, method } of operationsOf()) {
      expect(da).toContain(`<code>${method.toUpperCase()} ${path}</code>`);
      expect(en).toContain(`<code>${method.toUpperCase()} ${path}</code>`);
    }
  });

  it('names every operation with a unique operationId', () => {
    const ids = operationsOf().map(({ operation }) => operation.operationId);
    expect(ids.every((id) => /^(get|post|put)[A-Z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('getTargetsIdObservationsCsv');
  });

  it('describes every parameter and gives every response a media type with a schema', () => {
    const missing: string[] = [];
    for (const { path, method, operation } of operationsOf()) {
      for (const parameter of operation.parameters ?? []) {
        if ((parameter.description ?? '').trim() === '') missing.push(`${method} ${path} ${parameter.name}`);
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        const media = Object.values(response.content ?? {});
        if (media.length === 0 || media.some((m) => m.schema === undefined)) {
          missing.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('shows a working example request for every public GET operation', async () => {
    const page = parseHTML(await (await app.request('/en/api')).text()).document;
    const examples = [...page.querySelectorAll('.maaltal-endpoint p a')].map(
      (a) => a.getAttribute('href') ?? '',
    );
    const publicGets = operationsOf().filter((o) => o.method === 'get' && o.operation.security === undefined);
    expect(examples.length).toBe(publicGets.length);
    expect(examples).toContain('/api/v1/targets?branch=butikker&goal=accidents');
    expect(examples).toContain('/api/v1/accidents/rates?from=2019&to=2024&branch=butikker&groupBy=year');
    for (const example of examples) expect((await app.request(example)).status, example).toBe(200);
  });

  it('renders the descriptions as text, not Markdown source, with no empty description cells', async () => {
    for (const path of ['/api', '/en/api']) {
      const page = parseHTML(await (await app.request(path)).text()).document;
      const main = page.querySelector('main');
      expect(main?.textContent).not.toContain('`');
      expect(main?.querySelectorAll('code').length).toBeGreaterThan(50);
      const cells = [...page.querySelectorAll('.maaltal-endpoint td:last-child')];
      expect(cells.filter((cell) => (cell.textContent ?? '').trim() === '').length).toBe(0);
      expect(page.querySelector('h2 code')?.textContent).toBe('GET /api/v1/targets');
      expect(main?.textContent).toContain('POST /api/v1/targets/{id}/comments');
    }
  });
});
