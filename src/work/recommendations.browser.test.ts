// The recommendations' pages in a real browser, in Danish and English, public and in the editor area (a form with
// problems too): every axe rule passes with every history opened, and the overdue item is flagged in words.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../../test/browser/axe.js';
import { signedInPage, violationsWithDetailsOpen } from '../../test/browser/signed-in.js';
import { useBrowserSite } from '../../test/browser/site.js';
import {
  addFollowUpItem,
  createRecommendation,
  setRecommendationPublished,
  updateFollowUpItem,
} from './recommendations.service.js';

describe('recommendation pages in Chromium', () => {
  const site = useBrowserSite({ accidentScale: 0.001 });
  let page: Page;
  let id = 0;

  beforeAll(async () => {
    const signedIn = await signedInPage(site, 'admin');
    const audit = signedIn.audit;
    page = signedIn.page;
    const now = new Date();
    id = await createRecommendation(
      site.store.db,
      audit,
      {
        topic: 'Unges arbejdsmiljø (browsertest)',
        body: 'Første afsnit.\nEn ny linje.\n\nAndet afsnit <b>fed?</b>',
        issuedOn: '2025-02-25',
        addressee: 'Arbejdstilsynet',
        answerOn: '2025-04-29',
        answerText: 'Svaret.',
        answerUrl: 'https://at.dk/svar',
      },
      now,
    );
    await setRecommendationPublished(site.store.db, audit, id, 1, true, now);
    const item = await addFollowUpItem(
      site.store.db,
      audit,
      id,
      { action: 'Tilsyn med unge', owner: 'Arbejdstilsynet', dueOn: '2021-12-31' },
      now,
    );
    await updateFollowUpItem(site.store.db, audit, item, 1, { status: 'in_progress' }, now);
    await addFollowUpItem(
      site.store.db,
      audit,
      id,
      { action: 'Temadag', owner: 'Sekretariatet', dueOn: '2099-01-31', status: 'done' },
      now,
    );
  });

  async function check(path: string): Promise<void> {
    expect(await violationsWithDetailsOpen(page, site.url(path)), path).toEqual([]);
  }

  it('passes axe on the public and the editor pages in both languages', async () => {
    for (const prefix of ['', '/en']) {
      await check(`${prefix}/anbefalinger`);
      await check(`${prefix}/anbefalinger/${id}`);
      await check(`${prefix}/redaktion/anbefalinger`);
      await check(`${prefix}/redaktion/anbefalinger/ny`);
      await check(`${prefix}/redaktion/anbefalinger/${id}`);
    }
  }, 120_000);

  it('flags the overdue item in words and shows its history', async () => {
    await page.goto(site.url(`/anbefalinger/${id}`));
    const row = page.locator('tr', { hasText: 'Tilsyn med unge' }).first();
    expect(await row.textContent()).toContain('Frist overskredet');
    const history = page.locator('details', { hasText: 'Historik: Tilsyn med unge' });
    await history.locator('summary').click();
    expect(await history.getAttribute('open')).not.toBeNull();
    expect(await history.textContent()).toContain('Status: Åben → I gang');
  });

  it('shows a form’s problems beside their fields with what was typed, and passes axe', async () => {
    await page.goto(site.url('/redaktion/anbefalinger/ny'));
    await page.getByLabel('Emne').fill('Ny anbefaling fra browseren');
    await page.getByLabel('Anbefalingens tekst').fill('Tekst');
    await page.getByLabel('Afgivet').fill('2026-01-13');
    await page.getByLabel('Modtager').fill('Arbejdstilsynet');
    await page.getByLabel('Link til svaret').fill('ftp://at.dk/svar');
    await page.getByRole('button', { name: 'Opret anbefaling' }).click();
    expect(await page.locator('#rec-answerUrl-error').textContent()).toContain('https://');
    expect(await page.getByLabel('Emne').inputValue()).toBe('Ny anbefaling fra browseren');
    expect(await axeViolations(page)).toEqual([]);
  });
});
