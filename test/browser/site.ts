// Test helper for browser suites: a store with demo data, Måltal serving it on a free port, and a Chromium page,
// created before the suite and closed after it. The returned object is filled in by `beforeAll`.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { freshStore, type TestStore } from '../databases.js';
import { seedStore } from '../seed.js';
import { launchChromium } from './chromium.js';

export interface BrowserSite {
  store: TestStore;
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** The full address of a path on the running site. */
  url(path: string): string;
}

export function useBrowserSite(options: { accidentScale?: number } = {}): BrowserSite {
  const site = {
    url: (path: string) => `http://127.0.0.1:${site.server.port}${path}`,
  } as BrowserSite;
  beforeAll(async () => {
    site.store = await freshStore('sqlite');
    await seedStore(site.store.db, { demo: true, ...options });
    site.server = await startServer(site.store, { port: 0, hostname: '127.0.0.1' });
    site.browser = await launchChromium();
    site.page = await site.browser.newPage({ acceptDownloads: true });
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
    await site.store?.destroy();
  });
  return site;
}
