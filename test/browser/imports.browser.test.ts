// A data steward's path through the editor area in a real browser: log in, upload, preview, confirm.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { makeUser, TEST_PASSWORD } from '../accounts.js';
import { freshStore, type TestStore } from '../databases.js';
import { tempFiles } from '../imports/files.js';
import { seedStore } from '../seed.js';
import { axeViolations } from './axe.js';
import { launchChromium } from './chromium.js';

describe('editor area in Chromium', () => {
  let store: TestStore;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let uploads: string;
  const files = tempFiles();

  beforeAll(async () => {
    store = await freshStore('sqlite');
    await seedStore(store.db, { demo: true });
    await makeUser(store, 'steward', { email: 'datansvarlig@example.dk' });
    uploads = mkdtempSync(path.join(tmpdir(), 'maaltal-browser-uploads-'));
    server = await startServer(store, {
      port: 0,
      hostname: '127.0.0.1',
      uploadDir: uploads,
    });
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.destroy();
    rmSync(uploads, { recursive: true, force: true });
    files.remove();
  });

  it('logs in, previews an upload with its validation report, and imports it on confirmation', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    await page.goto(`${base}/redaktion/import`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Log ind');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('E-mailadresse').fill('datansvarlig@example.dk');
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${base}/redaktion/import`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dataimport');
    expect(await axeViolations(page)).toEqual([]);

    const csv = files.write(
      'målinger.csv',
      'Indikator;Branchegruppe;År;Andel;Antal svar\nkemi-udsat;Anlægsarbejde;2029;30,5;600\nkemi-udsat;Butikker;2029;12,5;500\n',
      'latin1',
    );
    await page.getByLabel('Fil', { exact: true }).setInputFiles(csv);
    await page.getByLabel('Datatype').selectOption('observations');
    await page.getByRole('button', { name: 'Forhåndsvis' }).click();
    await page.waitForURL(/\/redaktion\/import\?_csrf=/);
    expect(await page.getByRole('status').textContent()).toContain('Alle 2 rækker er gyldige.');
    expect(await page.getByText('encoding: windows-1252').count()).toBe(1);
    expect(await page.getByRole('cell', { name: 'Anlægsarbejde' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Bekræft import' }).click();
    await page.waitForURL(/done=\d+/);
    expect(await page.getByRole('status').textContent()).toMatch(/Import nr\. \d+ er gemt med 2 rækker\./);
    expect(await page.getByRole('cell', { name: 'målinger.csv' }).count()).toBe(1);
  });
});
