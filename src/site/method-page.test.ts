// The method page states the thresholds and settings the code uses, in Danish and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import { DEFAULT_ACCIDENT_SETTINGS } from '../accidents/settings.js';
import { DEFAULT_PROGRESS_SETTINGS } from '../stats/index.js';
import { GLOSSARY } from '../targets/glossary.js';
import { DEFAULT_SURVEY_SETTINGS } from '../targets/survey-settings.js';
import { createApp } from '../web/app.js';
import { methodPageRoutes } from './method-page.js';

describe('method page', () => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    store = await freshStore('sqlite');
    await seedStore(store.db);
    app = createApp(store);
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('explains status, uncertainty, projections, suppression and sources with the settings in use', async () => {
    const da = await (await app.request('/metode')).text();
    expect(da).toContain('<h1>Sådan regner Måltal</h1>');
    expect(da).toContain(
      `På rette vej: R ≥ ${String(DEFAULT_PROGRESS_SETTINGS.onTrackRatio).replace('.', ',')}.`,
    );
    expect(da).toContain(
      `Antal fra 1 til ${DEFAULT_ACCIDENT_SETTINGS.suppression.minCount - 1} offentliggøres ikke`,
    );
    expect(da).toContain(
      `divideret med ${DEFAULT_ACCIDENT_SETTINGS.labourLoss.workingDaysPerYear} arbejdsdage`,
    );
    expect(da).toContain('NOA-L');
    const width = DEFAULT_ACCIDENT_SETTINGS.suppression.protectionWidth;
    expect(da).toContain(`under en offentliggjort total er altid mindst ${width} tilsammen`);
    expect(da).toContain(`når intervallet er mindst ${width} bredt`);
    expect(da).toContain('men aldrig hvorfor');
    const en = await (await app.request('/en/metode')).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain(`Needs acceleration: ${DEFAULT_PROGRESS_SETTINGS.needsAccelerationRatio} ≤ R`);
    expect(en).toContain('What it guarantees:');
    expect(en).toContain('What it does not cover:');
    for (const id of [
      'status',
      'status-no-target',
      'uncertainty',
      'projection',
      'suppression',
      'accidents',
      'sources',
    ]) {
      expect(da).toContain(`id="${id}"`);
      expect(en).toContain(`id="${id}"`);
    }
  });

  it('says how an uncertain or untestable status is worded, the projection interval, and the break rule', async () => {
    const da = await (await app.request('/metode')).text();
    expect(da).toContain('»Usikkert: mellem forværring og målet er nået«');
    expect(da).toContain('»Usikkerheden kan ikke vurderes«');
    expect(da).toContain('hvis udviklingen fortsætter');
    expect(da).toContain('den seneste værdi i hver ende af dens konfidensinterval');
    expect(da).toContain('også når målingerne før bruddet kan sammenlignes');
    const en = await (await app.request('/en/metode')).text();
    expect(en).toContain('“Uncertain: between deterioration and achieved”');
    expect(en).toContain('“Uncertainty cannot be assessed”');
    expect(en).toContain('if the trend continues');
    expect(en).toContain('the latest value at each end of its confidence interval');
    expect(en).toContain('even when the measurements before the break are comparable');
  });

  it('has a glossary of the terms the target pages link to, in Danish and English', async () => {
    const pages = {
      da: await (await app.request('/metode')).text(),
      en: await (await app.request('/en/metode')).text(),
    };
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(12);
    for (const locale of ['da', 'en'] as const) {
      const html = pages[locale];
      expect(html).toContain('<a href="#ordliste">');
      expect(html).toMatch(/<section id="ordliste"[^>]*>\s*<h2[^>]*>(Ordliste|Glossary)<\/h2>/);
      for (const entry of GLOSSARY) {
        const item = new RegExp(`<dt id="${entry.id}">([\\s\\S]*?)</dt>\\s*<dd>([\\s\\S]*?)</dd>`).exec(html);
        expect(item, entry.id).not.toBeNull();
        expect(item?.[1]).toBe(entry.term[locale]);
        expect(item?.[2]?.replace(/<[^>]+>/g, '')).toBe(entry.definition[locale]);
      }
    }
    expect(pages.da).toContain('id="ordliste-konfidensinterval"');
    expect(pages.en).toContain('id="ordliste-konfidensinterval"');
  });

  it('states the minimum number of survey respondents from the settings, and follows a change', async () => {
    const min = DEFAULT_SURVEY_SETTINGS.publication.minRespondents;
    expect(await (await app.request('/metode')).text()).toContain(
      `Celler fra spørgeskemaer med færre end ${min} svarpersoner offentliggøres ikke`,
    );
    expect(await (await app.request('/en/metode')).text()).toContain(
      `Survey cells with fewer than ${min} respondents are not published`,
    );
    const changed = methodPageRoutes(store, { publication: { minRespondents: 1000, note: '' } });
    const da = await (await changed.request('/metode')).text();
    expect(da).toContain('færre end 1.000 svarpersoner');
    expect(da).not.toContain(`færre end ${min} svarpersoner`);
    expect(await (await changed.request('/en/metode')).text()).toContain('fewer than 1,000 respondents');
  });
});
