// The funding pool pages in a real browser, in Danish and English, public and in the editor area (a form with
// problems and a conflict too): every axe rule passes with the chart's table opened, and the flag is in words.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../../test/browser/axe.js';
import { signedInPage, violationsWithDetailsOpen } from '../../test/browser/signed-in.js';
import { useBrowserSite } from '../../test/browser/site.js';
import type { AuditContext } from '../audit/audit.service.js';
import { copenhagenDate, createPool, setPoolPublished, updatePool } from './funding.service.js';

/** A date `offsetDays` from today in Copenhagen (the day the pools' days left count from). */
const isoDay = (offsetDays: number) =>
  new Date(Date.parse(`${copenhagenDate(new Date())}T12:00:00Z`) + offsetDays * 86_400_000)
    .toISOString()
    .slice(0, 10);

describe('funding pool pages in Chromium', () => {
  const site = useBrowserSite({ accidentScale: 0.001 });
  let page: Page;
  let id = 0;
  let audit: AuditContext;
  const input = {
    name: 'Browserpuljen',
    legalBasis: 'Akt 9 2026',
    amountDkk: 3_000_000,
    periodStart: isoDay(-300),
    periodEnd: isoDay(60),
    purpose: 'Afprøvning i browseren',
    shares: [
      { bfa: 'voa', amountDkk: 1_000_000 },
      { bfa: 'ba', amountDkk: 900_000 },
    ],
  };

  beforeAll(async () => {
    ({ audit, page } = await signedInPage(site, 'admin'));
    id = await createPool(site.store.db, audit, input, new Date());
    await setPoolPublished(site.store.db, audit, id, true, new Date());
  });

  async function check(path: string): Promise<void> {
    expect(await violationsWithDetailsOpen(page, site.url(path)), path).toEqual([]);
  }

  it('passes axe on the public and the editor pages in both languages', async () => {
    for (const prefix of ['', '/en']) {
      await check(`${prefix}/puljer`);
      await check(`${prefix}/puljer?drafts=1`);
      await check(`${prefix}/puljer/${id}`);
      await check(`${prefix}/redaktion/puljer`);
      await check(`${prefix}/redaktion/puljer/ny`);
      await check(`${prefix}/redaktion/puljer/${id}`);
    }
  }, 180_000);

  it('flags the pool ending within 12 months in words in the secretariat’s overview', async () => {
    await page.goto(site.url('/redaktion/puljer'));
    const row = page.locator('tr', { hasText: 'Browserpuljen' }).first();
    expect(await row.textContent()).toContain('Puljen udløber inden for 12 måneder (om 60 dage)');
  });

  it('shows a form’s problems beside their fields with what was typed, and a conflict, and passes axe', async () => {
    await page.goto(site.url('/redaktion/puljer/ny'));
    await page.getByLabel('Navn').fill('For stor');
    await page.getByLabel('Hjemmel').fill('Akt 10 2026');
    await page.getByLabel('Beløb (kr.)').fill('100.000');
    await page.getByLabel('Periodens start').fill('2026-01-01');
    await page.getByLabel('Periodens slut').fill('2026-12-31');
    await page.getByLabel('BFA VOA').fill('200.000');
    await page.getByRole('button', { name: 'Opret puljen' }).click();
    expect(await page.locator('#shares .form-error-message').textContent()).toContain(
      'mere end puljens beløb',
    );
    expect(await page.getByLabel('Navn').inputValue()).toBe('For stor');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(site.url(`/redaktion/puljer/${id}`));
    await updatePool(site.store.db, audit, id, 2, { ...input, legalBasis: 'Akt 11 2026' }, new Date());
    await page.getByLabel('Navn').fill('Browserpuljen, rettet');
    await page.getByRole('button', { name: 'Gem' }).click();
    expect(await page.locator('#legalBasis-error').textContent()).toContain('Akt 11 2026');
    expect(await page.getByLabel('Navn').inputValue()).toBe('Browserpuljen, rettet');
    expect(await axeViolations(page)).toEqual([]);
  });
});
