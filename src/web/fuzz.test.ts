// Every public route under hostile query parameters: names like JavaScript built-ins, hex and huge numbers, odd
// unicode. Nothing may answer with a server error; bad values are refused with a 400 naming the parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { createApp } from './app.js';

const ROUTES = [
  '/',
  '/en/',
  '/maal/chemical',
  '/maaltal',
  '/maaltal/1',
  '/en/maaltal/1',
  '/branche',
  '/branche/butikker',
  '/ulykker',
  '/en/ulykker',
  '/metode',
  '/api',
  '/api/openapi.json',
  '/api/v1/targets',
  '/api/v1/targets/1',
  '/api/v1/targets/1/assessment',
  '/api/v1/targets/1/observations.csv',
  '/api/v1/targets/1/observations.xlsx',
  '/api/v1/goals',
  '/api/v1/branches',
  '/api/v1/branches/butikker',
  '/api/v1/accidents/rates',
  '/api/v1/accidents/rates.csv',
  '/api/v1/accidents/age-comparison',
  '/api/v1/accidents/standardised',
  '/api/v1/accidents/labour-loss',
  '/api/v1/accidents/trend',
  '/healthz',
];
const NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  'from',
  'q',
  'sort',
];
const VALUES = ['x', '0x10', '1e309', '99999999999999999999', '-1', '0000', 'ÆØÅ', '💥', '%00', ''];

describe('hostile query parameters', () => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await freshStore('sqlite');
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    app = createApp(store, { logError: () => {} });
  }, 120_000);
  afterAll(async () => store?.destroy());

  it('never gives a server error on any public route', async () => {
    const failures: string[] = [];
    for (const route of ROUTES)
      for (const name of NAMES)
        for (const value of VALUES) {
          const url = `${route}?${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
          const response = await app.request(url);
          if (response.status >= 500) failures.push(`${url} → ${response.status}`);
        }
    expect(failures.slice(0, 10), `${failures.length} server errors`).toEqual([]);
  }, 120_000);

  it('reads numbers as plain decimal integers only', async () => {
    for (const url of [
      '/api/v1/targets/0x1',
      '/api/v1/targets/1e0',
      '/api/v1/targets/+1',
      '/api/v1/accidents/rates?from=0000',
      '/api/v1/accidents/rates?perEmployed=0x10',
      '/api/v1/accidents/rates?perEmployed=1e4',
    ]) {
      const response = await app.request(url);
      expect([400, 404], url).toContain(response.status);
    }
  });
});
