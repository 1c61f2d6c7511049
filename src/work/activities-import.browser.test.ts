// The activity import pages in Chromium, in Danish and English: the upload page, a preview with problems, a valid
// preview and the page after confirming pass every axe rule. The routes run behind the app's context and sign-in
// middleware, in front of the app itself (its styles and everything else), as in the route test.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, sessionOf } from '../../test/accounts.js';
import { axeViolations } from '../../test/browser/axe.js';
import { launchChromium } from '../../test/browser/chromium.js';
import { freshStore, type TestStore } from '../../test/databases.js';
import { tempFiles } from '../../test/imports/files.js';
import { seedStore } from '../../test/seed.js';
import { toAppError } from '../errors.js';
import { rollbackImport } from '../imports/imports.service.js';
import { createApp } from '../web/app.js';
import { DEFAULT_SESSION_SETTINGS, identify } from '../web/sessions.js';
import { activityImportRoutes } from './activities-import.routes.js';

const HEADER = 'BFA;Titel;Type;Branchegrupper;Måltal;Start;Slut;Planlagte deltagere;Status';

describe('activity import pages in Chromium', () => {
  let store: TestStore;
  let server: ServerType;
  let browser: Browser;
  let page: Page;
  let uploads: string;
  let base = '';
  const files = tempFiles();

  beforeAll(async () => {
    store = await freshStore('sqlite');
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    uploads = mkdtempSync(path.join(tmpdir(), 'maaltal-activity-browser-'));
    const site = createApp(store, { uploadDir: uploads, logError: () => {} });
    const app = new Hono();
    app.use('*', contextStorage());
    app.use('*', identify(store, DEFAULT_SESSION_SETTINGS));
    app.route('/', activityImportRoutes(store, { uploadDir: uploads }));
    app.all('*', (c) => site.fetch(c.req.raw));
    app.onError((error, c) => {
      const known = toAppError(error);
      if (known === undefined) throw error;
      return c.html(known.oneLineFor('da'), known.httpStatus);
    });
    server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage();
    const { cookie } = await sessionOf(store, await makeUser(store, 'bfa_editor', { bfa: 'hfk' }));
    const [name = '', value = ''] = cookie.split('=');
    await page.context().addCookies([{ name, value, url: base }]);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await store?.destroy();
    rmSync(uploads, { recursive: true, force: true });
    files.remove();
  });

  it('passes axe on the upload page, a preview with problems, a valid preview and the result, in both languages', async () => {
    const mixed = files.write(
      'blandet.csv',
      [
        HEADER,
        'ba;Stilladser (browsertest);Kursus;Anlægsarbejde;;2024-01-01;;;Planlagt',
        'hfk;Ergonomi (browsertest);Kursus;Butikker;10;01-03-2024;30-06-2024;40;Planlagt',
      ].join('\n'),
    );
    const own = files.write(
      'egne.csv',
      [HEADER, 'hfk;Ergonomi (browsertest);Kursus;Butikker;10;01-03-2024;30-06-2024;40;Planlagt'].join('\n'),
    );
    for (const [prefix, upload, preview, confirm] of [
      ['', 'Forhåndsvis', 'Forhåndsvisning af aktiviteter', 'Bekræft import'],
      ['/en', 'Preview', 'Preview of activities', 'Confirm import'],
    ] as const) {
      await page.goto(`${base}${prefix}/redaktion/aktiviteter/import`);
      expect(await axeViolations(page), `${prefix} upload`).toEqual([]);

      await page.locator('#file').setInputFiles(mixed);
      await page.getByRole('button', { name: upload }).click();
      await page.waitForURL(/\/aktiviteter\/import\?_csrf=/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(preview);
      expect(await page.getByRole('alert').count()).toBe(1);
      expect(await axeViolations(page), `${prefix} problems`).toEqual([]);

      await page.locator('#file').setInputFiles(own);
      await page.getByRole('button', { name: upload }).click();
      await page.waitForURL(/\/aktiviteter\/import\?_csrf=/);
      expect(await page.getByRole('status').count()).toBe(1);
      expect(await axeViolations(page), `${prefix} valid`).toEqual([]);

      await page.getByRole('button', { name: confirm }).click();
      await page.waitForURL(/done=\d+&rows=1/);
      expect(await axeViolations(page), `${prefix} done`).toEqual([]);
      // The same file again would be refused as already imported: the next language's round starts clean.
      const batch = Number(new URL(page.url()).searchParams.get('done'));
      await rollbackImport(store, batch, { user: 'test', now: () => new Date() }, 'test');
    }
  }, 180_000);
});
