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
    expect(lines[0]).toMatch(/^mainGroup,count,denominator,value,lowercl,uppercl,suppressed/);
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
});
