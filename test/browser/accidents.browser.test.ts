// What a person sees in the accident explorer, in a real browser: filters that land in the address, a chart
// with a table of the same numbers, hidden cells shown as hidden, a CSV download, English, and no axe violations.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { useBrowserSite } from './site.js';

describe('accident explorer in Chromium', () => {
  const site = useBrowserSite({ accidentScale: 0.05 });
  const url = (path: string) => site.url(path);
  let page: Page;
  beforeAll(() => {
    page = site.page;
  });

  it('shows reported accidents by year as a chart and a table, with no axe violations', async () => {
    // The content security policy blocks nothing the page itself uses (the chart's inline SVG styles, the fonts).
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(url('/ulykker'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Arbejdsulykker');
    const chart = page.getByRole('img', { name: /Anmeldte arbejdsulykker pr\. 10\.000 beskæftigede/ });
    await expect(chart.count()).resolves.toBe(1);
    expect(await page.locator('figcaption').textContent()).toMatch(/^Fra \d+,\d i 2012 til \d+,\d i 2025\./);
    const table = page.getByRole('table', { name: 'Tallene bag figuren' });
    const years = await table.locator('tbody th').allTextContents();
    expect(years).toEqual(Array.from({ length: 14 }, (_, i) => String(2012 + i)));
    // Danish number formats: thousands with dots, decimals with commas.
    expect(await table.locator('tbody tr').first().textContent()).toMatch(/\d+\.\d{3}.*\d+,\d/);
    expect(await axeViolations(page)).toEqual([]);
    expect(blocked).toEqual([]);
  });

  it('keeps the chosen filters in the address and hides small cells as such', async () => {
    await page.goto(url('/ulykker'));
    await page.getByLabel('Vis efter').selectOption('ageBand');
    await page.getByLabel('Branchegruppe').selectOption('rengoering');
    await page.getByLabel('Fra år').selectOption('2024');
    await page.getByLabel('Til år').selectOption('2024');
    await page.getByRole('button', { name: 'Vis tal' }).click();
    await page.waitForURL(/groupBy=ageBand/);
    const address = new URL(page.url());
    expect(address.searchParams.get('branch')).toBe('rengoering');
    expect(address.searchParams.get('from')).toBe('2024');
    // The page opened again from its address shows the same choices.
    await page.goto(address.toString());
    expect(await page.getByLabel('Branchegruppe').inputValue()).toBe('rengoering');
    const rows = await page
      .getByRole('table', { name: 'Tallene bag figuren' })
      .locator('tbody tr')
      .allTextContents();
    expect(rows[0]).toMatch(/^15-24 år/);
    const api = (await (await fetch(url(`/api/v1/accidents/rates${address.search}`))).json()) as {
      rows: { ageBand: string; count: number | null; suppressed: boolean }[];
    };
    expect(api.rows.some((row) => row.suppressed)).toBe(true);
    for (const [i, row] of api.rows.entries()) {
      if (row.suppressed) expect(rows[i]).toContain('Skjult af diskretionshensyn');
      else expect(rows[i]).toContain(String(row.count));
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it('downloads the same figures as CSV', async () => {
    await page.goto(url('/ulykker?groupBy=mainGroup&fatal=true'));
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(
      /^Dødsulykker pr\. 100\.000/,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    const lines = csv.trim().split('\n');
    // The Danish page's file is in Danish: named columns, semicolons.
    expect(lines[0]).toMatch(/^\uFEFF?Hovedgruppe;Hovedgruppe \(kode\);Antal;Beskæftigede;/);
    expect(lines).toHaveLength(11);
  });

  it('shows the same explorer in English, and names a bad choice in the form', async () => {
    await page.goto(url('/en/ulykker?groupBy=sex&from=2031'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Work accidents');
    expect(await page.getByRole('alert').textContent()).toContain(
      'From year: the accident records end in 2025',
    );
    await page.goto(url('/ulykker?from=2031'));
    expect(await page.getByRole('alert').textContent()).toContain('Fra år: ulykkestallene slutter i 2025');
    expect(await axeViolations(page)).toEqual([]);
  });
  it('fits a 390 px phone: no sideways scrolling, chart text of at least 11 px, the COVID-19 years marked', async () => {
    const phone = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      for (const path of [
        '/ulykker',
        '/ulykker?groupBy=year,branch',
        '/ulykker?groupBy=branch',
        '/en/ulykker',
      ]) {
        await phone.goto(url(path));
        const width = Number(await phone.evaluate('document.documentElement.scrollWidth'));
        expect(width, path).toBeLessThanOrEqual(390);
        // Every chart text as drawn: its font size times the chart's scale on the screen.
        const sizes = (await phone.evaluate(`[...document.querySelectorAll('figure svg')]
          .filter((svg) => svg.getBoundingClientRect().width > 0)
          .flatMap((svg) => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')]
              .filter((text) => (text.textContent ?? '').trim() !== '')
              .map((text) => Number.parseFloat(getComputedStyle(text).fontSize) * scale);
          })`)) as number[];
        expect(sizes.length, path).toBeGreaterThan(5);
        expect(Math.min(...sizes), path).toBeGreaterThanOrEqual(11);
      }
      await phone.goto(url('/ulykker?groupBy=year,branch'));
      const chart = phone.getByRole('img', { name: /fordelt på år og branchegruppe/ });
      await expect(chart.count()).resolves.toBe(1);
      expect(await chart.locator('text', { hasText: 'COVID-19' }).count()).toBe(1);
      expect(
        await phone
          .getByRole('table', { name: 'Tallene bag figuren' })
          .locator('thead th')
          .nth(1)
          .textContent(),
      ).toBe('Branchegruppe');
      expect(await axeViolations(phone)).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('downloads the chart as a PNG picture', async () => {
    await page.goto(url('/ulykker?groupBy=mainGroup'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Figur som PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^arbejdsulykker-\d{4}\.png$/);
    const png = readFileSync((await download.path()) as string);
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
