// The BFAs' work in a real browser: a BFA editor signs in, registers an activity linked to one of their BFA's targets
// and publishes it; the public target page then lists it and marks its period on the chart's time axis. Two editors
// open the same activity; the second one's save meets the first one's and shows the conflict, keeping what they typed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/auth/policy.js';
import { listTargets } from '../../src/targets/targets.service.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { listActivities } from '../../src/work/activities.service.js';
import { makeUser, TEST_PASSWORD } from '../accounts.js';
import { freshStore, type TestStore } from '../databases.js';
import { seedStore } from '../seed.js';
import { axeViolations } from './axe.js';
import { launchChromium } from './chromium.js';

const TITLE = 'Dialogmøde om stilladser (browsertest)';

describe('the BFAs’ work in Chromium', () => {
  let store: TestStore;
  let server: RunningServer;
  let browser: Browser;
  let base = '';
  const target = { id: 0, bfa: '', branch: '' };
  let activityId = 0;

  beforeAll(async () => {
    store = await freshStore('sqlite');
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    // A target of a BFA, in a branch group, with published observations (so its page has a chart).
    const chosen = (await listTargets(store.db)).find(
      (t) => t.owner !== null && t.branchGroup !== null && t.latest !== null,
    );
    if (chosen?.owner == null || chosen.branchGroup === null) throw new Error('the demo has such a target');
    Object.assign(target, { id: chosen.id, bfa: chosen.owner.code, branch: chosen.branchGroup.code });
    await makeUser(store, 'bfa_editor', { email: 'ole@example.dk', bfa: target.bfa });
    await makeUser(store, 'bfa_editor', { email: 'mette@example.dk', bfa: target.bfa });
    await makeUser(store, 'admin', { email: 'sekretariat@example.dk' });
    server = await startServer(store, { port: 0, hostname: '127.0.0.1' });
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.destroy();
  });

  async function signedIn(email: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${base}/redaktion/login`);
    await page.getByLabel('E-mailadresse').fill(email);
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    return page;
  }

  it('registers an activity linked to a target, publishes it, and shows it on the target page and its chart', async () => {
    const page = await signedIn('ole@example.dk');
    await page.goto(`${base}/redaktion/aktiviteter/ny`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Titel', { exact: true }).fill(TITLE);
    await page.getByLabel('BFA', { exact: true }).selectOption(target.bfa);
    await page.getByLabel('Type', { exact: true }).selectOption('dialogue_meeting');
    await page.getByLabel('Status', { exact: true }).selectOption('done');
    await page.locator(`input[name="branchGroups"][value="${target.branch}"]`).check();
    await page.locator(`input[name="targets"][value="${target.id}"]`).check();
    await page.getByLabel('Startdato').fill('2023-03-01');
    await page.getByLabel('Slutdato').fill('2023-09-30');
    await page.getByLabel('Nåede arbejdspladser').fill('14');
    await page.getByRole('button', { name: 'Opret aktivitet' }).click();
    await page.waitForURL(/\/redaktion\/aktiviteter\/\d+$/);
    activityId = Number(page.url().split('/').at(-1));
    // A draft: not on the public target page yet.
    const anonymous = await browser.newPage();
    await anonymous.goto(`${base}/maaltal/${target.id}`);
    expect(await anonymous.getByRole('link', { name: TITLE }).count()).toBe(0);

    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await page.waitForURL(/\/redaktion\/aktiviteter\/\d+$/);
    expect(await page.getByText('Aktiviteten er offentliggjort.').count()).toBe(1);

    await anonymous.goto(`${base}/maaltal/${target.id}`);
    const link = anonymous.getByRole('link', { name: TITLE });
    expect(await link.count()).toBe(1);
    expect(await link.isVisible()).toBe(true);
    // Its period is a bar under the time axis of the wide chart, named by its title, between 2023's tick and 2024's.
    const bar = anonymous.locator('.maaltal-chart-wide .maaltal-activity-strip rect', {
      has: anonymous.locator('title', { hasText: TITLE }),
    });
    expect(await bar.count()).toBe(1);
    const box = await bar.boundingBox();
    const ticks = await anonymous
      .locator(
        '.maaltal-chart-wide svg [aria-label="x-axis tick label"] text, .maaltal-chart-wide svg g text',
      )
      .evaluateAll((texts) =>
        texts
          .filter((t) => /^20\d\d$/.test(t.textContent ?? ''))
          .map((t) => ({
            year: Number(t.textContent),
            x: t.getBoundingClientRect().x + t.getBoundingClientRect().width / 2,
          })),
      );
    // The axis labels every other year: 2022 and 2024 are a tick each, a year is half the distance between them.
    const x2022 = ticks.find((t) => t.year === 2022)?.x ?? Number.NaN;
    const x2024 = ticks.find((t) => t.year === 2024)?.x ?? Number.NaN;
    const year = (x2024 - x2022) / 2;
    expect(year).toBeGreaterThan(10);
    expect(box).not.toBeNull();
    // March–September 2023 lies within 2023's span (x2022 + ½ year … x2022 + 1½ years).
    expect(box?.x ?? 0).toBeGreaterThan(x2022 + year / 2);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThan(x2022 + 1.5 * year);
    expect(box?.width ?? 0).toBeGreaterThan(year / 3);
    expect(await anonymous.getByText('perioderne for de offentliggjorte aktiviteter').count()).toBe(1);
    expect(await axeViolations(anonymous)).toEqual([]);
    await anonymous.close();
    await page.close();
  });

  it('shows the second editor the conflict with what the first one saved, and keeps everything they typed', async () => {
    const first = await signedIn('ole@example.dk');
    const second = await signedIn('mette@example.dk');
    await first.goto(`${base}/redaktion/aktiviteter/${activityId}`);
    await second.goto(`${base}/redaktion/aktiviteter/${activityId}`);

    await first.getByLabel('Titel', { exact: true }).fill(`${TITLE}, rettet`);
    await first.getByRole('button', { name: 'Gem' }).click();
    await first.waitForURL(/\/redaktion\/aktiviteter\/\d+/);

    const notes = 'Mødet blev holdt på to pladser; referatet kommer.';
    await second.getByLabel('Noter').fill(notes);
    await second.getByLabel('Nåede arbejdspladser').fill('16');
    const response = second.waitForResponse((r) => r.request().method() === 'POST');
    await second.getByRole('button', { name: 'Gem' }).click();
    expect((await response).status()).toBe(409);
    await second.waitForLoadState();
    expect(await second.getByText('En anden har gemt en nyere version').count()).toBeGreaterThan(0);
    const summary = await second.locator('main').textContent();
    expect(summary).toContain(`${TITLE}, rettet`);
    expect(await second.getByLabel('Noter').inputValue()).toBe(notes);
    expect(await second.getByLabel('Nåede arbejdspladser').inputValue()).toBe('16');
    expect(await axeViolations(second)).toEqual([]);
    // Nothing of the second editor's was stored.
    const [stored] = (await listActivities(store.db, ANONYMOUS, {})).filter((a) => a.id === activityId);
    expect(stored?.title).toBe(`${TITLE}, rettet`);
    expect(stored?.notes).toBe('');
    expect(stored?.reachedWorkplaces).toBe(14);

    // Saving again, knowingly, keeps the second editor's text over the new version.
    await second.getByRole('button', { name: 'Gem' }).click();
    await second.waitForURL(/\/redaktion\/aktiviteter\/\d+/);
    const [saved] = (await listActivities(store.db, ANONYMOUS, {})).filter((a) => a.id === activityId);
    expect(saved?.notes).toBe(notes);
    expect(saved?.reachedWorkplaces).toBe(16);
    await first.close();
    await second.close();
  });

  it('has no axe violations on the editor area’s pages of the BFAs’ work, in Danish and English', async () => {
    const page = await signedIn('sekretariat@example.dk');
    const found: string[] = [];
    const paths = [
      '/redaktion/indsats',
      '/redaktion/aktiviteter',
      '/redaktion/aktiviteter/1',
      '/redaktion/kampagner',
      '/redaktion/kampagner/ny',
      '/redaktion/kampagner/1',
      '/redaktion/piloter',
      '/redaktion/piloter/ny',
      '/redaktion/piloter/1',
    ];
    for (const path of paths.flatMap((p) => [p, `/en${p}`])) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(200);
      for (const violation of await axeViolations(page)) found.push(`${path}: ${violation}`);
    }
    // A form sent with problems: each beside its field, still without violations.
    await page.goto(`${base}/redaktion/kampagner/ny`);
    // The browser's own checks would stop an empty form before the server sees it: the server's are tested here.
    await page.evaluate('(() => { for (const form of document.forms) form.noValidate = true; })()');
    const sent = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.locator('main form button[type="submit"]').last().click();
    expect((await sent).status()).toBe(400);
    await page.waitForURL(/\/redaktion\/kampagner$/);
    expect(await page.locator('.form-error-message').count()).toBeGreaterThan(0);
    for (const violation of await axeViolations(page))
      found.push(`campaign form with problems: ${violation}`);
    expect(found).toEqual([]);
    await page.close();
  }, 120_000);
});
