// Every demo target, in both languages and on both databases: an uncertain status is never put in words as a
// settled category. The target page, the API's text fields and the CLI lead with "Usikkert"/"Uncertain" and
// name categories only inside the "between X and Y" range phrase; and all three use the same headline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { seedStore } from '../../test/seed.js';
import type { Locale } from '../format.js';
import { createApp } from '../web/app.js';

const CATEGORIES = [
  'forværring',
  'begrænset fremgang',
  'skal accelereres',
  'på rette vej',
  'målet er nået',
  'deterioration',
  'limited progress',
  'needs acceleration',
  'on track',
  'achieved',
];
const RANGE_PHRASE = new RegExp(
  `(mellem|between) (${CATEGORIES.join('|')}) (og|and) (${CATEGORIES.join('|')})`,
  'giu',
);
/** Category names, and claims that the target is or will be met. */
const CLAIM = new RegExp(`${CATEGORIES.join('|')}|målet nås|will be met`, 'giu');

/** What a text claims once the one allowed place for category names, the range phrase, is taken out. */
function unconditionalClaims(text: string): string[] {
  return [...text.replace(RANGE_PHRASE, '«range»').matchAll(CLAIM)].map((m) => m[0]);
}

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The parts of the target page that speak about this target's status (not the definitions of the scale). */
function statusParts(html: string, locale: Locale): { headline: string; claims: string } {
  const block = /<div class="maaltal-status\b[^"]*">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  const headline = textOf(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(block)?.[1] ?? '');
  const why = /<section class="maaltal-why"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
  expect(why, 'the page explains its status').not.toBe('');
  // The thresholds row defines the scale: it names every category by design.
  const definitions = /<dt><a href="[^"]*#ordliste-graenser">[\s\S]*?<\/dt>\s*<dd>[\s\S]*?<\/dd>/;
  expect(definitions.test(why), `the thresholds row (${locale})`).toBe(true);
  return { headline, claims: textOf(`${block} ${why.replace(definitions, '')}`) };
}

/** Every Danish or English text in an API body: the values of objects that carry both `da` and `en`. */
function apiTexts(value: unknown, locale: Locale, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) apiTexts(item, locale, into);
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.da === 'string' && typeof record.en === 'string') into.push(record[locale] as string);
    for (const child of Object.values(record)) apiTexts(child, locale, into);
  }
  return into;
}

const LEAD = { da: /^Usikkert: /, en: /^Uncertain: / };

describe('the wording check', () => {
  it('catches the headlines uncertain targets had, and allows the range phrase', () => {
    expect(unconditionalClaims('Status: Målet er nået')).toEqual(['Målet er nået']);
    expect(unconditionalClaims('med den nuværende udvikling bliver den 8,3 % i 2030, og målet nås')).toEqual([
      'målet nås',
    ]);
    expect(
      unconditionalClaims('Status: Target achieved; at the current pace … the target will be met'),
    ).toEqual(['achieved', 'will be met']);
    expect(unconditionalClaims('Status: On track (uncertain)')).toEqual(['On track']);
    expect(unconditionalClaims('Usikkert: mellem forværring og målet er nået')).toEqual([]);
    expect(unconditionalClaims('Uncertain: between limited progress and on track')).toEqual([]);
  });
});

describeEachDialect('honest status wording over every demo target', (dialect) => {
  let store: TestStore;
  let app: ReturnType<typeof createApp>;
  // biome-ignore lint/suspicious/noExplicitAny: API bodies are checked field by field below
  let targets: any[];
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true });
    app = createApp(store, { logError: () => {} });
    targets = ((await (await app.request('/api/v1/targets')).json()) as { data: typeof targets }).data;
  });
  afterAll(async () => {
    await store?.destroy();
  });
  // biome-ignore lint/suspicious/noExplicitAny: API bodies are checked field by field below
  const json = async (path: string): Promise<any> => (await app.request(path)).json();
  const uncertain = () => targets.filter((t) => t.assessment?.uncertain === true);

  it('finds uncertain targets in the demo data to check', () => {
    expect(uncertain().length).toBeGreaterThanOrEqual(10);
  });

  it.each(['da', 'en'] as const)('the target page leads with the uncertainty (%s)', async (locale) => {
    for (const target of uncertain()) {
      const html = await (await app.request(`${locale === 'en' ? '/en' : ''}/maaltal/${target.id}`)).text();
      const { headline, claims } = statusParts(html, locale);
      expect(headline, `#${target.id}`).toMatch(LEAD[locale]);
      expect(unconditionalClaims(claims), `#${target.id}: ${claims}`).toEqual([]);
    }
  });

  it.each(['da', 'en'] as const)('the API text fields lead with the uncertainty (%s)', async (locale) => {
    for (const target of uncertain()) {
      const assessment = await json(`/api/v1/targets/${target.id}/assessment`);
      const history = await json(`/api/v1/targets/${target.id}`);
      expect(assessment.data.headlineText?.[locale], `#${target.id}`).toMatch(LEAD[locale]);
      expect(history.data.assessment.headlineText?.[locale], `#${target.id}`).toMatch(LEAD[locale]);
      for (const text of [...apiTexts(assessment, locale), ...apiTexts(history, locale)]) {
        expect(unconditionalClaims(text), `#${target.id}: ${text}`).toEqual([]);
      }
    }
  });

  it.each(['da', 'en'] as const)('the CLI leads with the uncertainty (%s)', async (locale) => {
    const db = ['--database', store.setting, '--lang', locale];
    const list = await cli(['targets', 'list', ...db]);
    expect(list.code, list.stderr).toBe(0);
    const blocks = new Map(
      list.stdout.split(/^(?=#\d+)/m).map((block) => [Number(/^#(\d+)/.exec(block)?.[1]), block] as const),
    );
    for (const target of uncertain()) {
      const line = blocks.get(target.id) ?? '';
      expect(line, `#${target.id}`).toMatch(
        locale === 'da' ? /progress: Usikkert: / : /progress: Uncertain: /,
      );
      expect(unconditionalClaims(line), `#${target.id}: ${line}`).toEqual([]);
      const shown = await cli(['targets', 'show', String(target.id), ...db]);
      expect(shown.code, shown.stderr).toBe(0);
      expect(unconditionalClaims(shown.stdout), `#${target.id}: ${shown.stdout}`).toEqual([]);
    }
  });

  it('puts every target’s status in the same words on the page, in the API and in the CLI', async () => {
    for (const locale of ['da', 'en'] as const) {
      const list = await cli(['targets', 'list', '--database', store.setting, '--lang', locale]);
      for (const target of targets) {
        const html = await (await app.request(`${locale === 'en' ? '/en' : ''}/maaltal/${target.id}`)).text();
        const words = target.assessment.headlineText[locale];
        expect(statusParts(html, locale).headline).toBe(words);
        expect(list.stdout).toContain(`progress: ${words}`);
      }
    }
  });
});
