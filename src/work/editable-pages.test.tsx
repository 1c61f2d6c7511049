// The display parts every editable record's pages share: periods, the publication status, and a table of records
// whose titles link to the record, whose number columns are marked as such and whose entered titles are marked Danish
// on English pages (and escaped).
import { describe, expect, it } from 'vitest';
import { EDITABLE_TEXTS } from './editable.texts.js';
import { periodText, RecordTable, statusColumn, statusText, type TableColumn } from './editable-pages.js';

interface Thing {
  id: number;
  title: string;
  published: boolean;
  publishedAt: string | null;
  count: number;
}

const things: Thing[] = [
  { id: 7, title: 'Første <b>ting</b>', published: true, publishedAt: '2024-03-01T09:00:00Z', count: 1200 },
  { id: 9, title: 'Anden', published: false, publishedAt: null, count: 3 },
];

const table = (locale: 'da' | 'en') => {
  const t = EDITABLE_TEXTS[locale];
  const columns: TableColumn<Thing>[] = [
    { header: 'Antal', cell: (thing) => String(thing.count), num: true },
    statusColumn(t),
  ];
  return String(
    <RecordTable
      records={things}
      label="Ting"
      titleHeader="Titel"
      columns={columns}
      base="/ting"
      locale={locale}
    />,
  );
};

describe('editable pages', () => {
  it('says a period in the page’s language, open-ended while it runs', () => {
    expect(periodText('2023-09-01', '2024-03-31', 'da')).toBe('1. september 2023 – 31. marts 2024');
    expect(periodText('2023-09-01', null, 'da')).toBe('fra 1. september 2023');
    expect(periodText('2023-09-01', null, 'en')).toBe('from 1 September 2023');
  });

  it('says whether a record is published, and since when', () => {
    const t = EDITABLE_TEXTS.da;
    expect(statusText(things[0] as Thing, t, 'da')).toBe('Offentliggjort 1. marts 2024');
    expect(statusText({ published: true, publishedAt: null }, t, 'da')).toBe('Offentliggjort');
    expect(statusText(things[1] as Thing, EDITABLE_TEXTS.en, 'en')).toBe('Draft (not public)');
  });

  it('links each title to its record, marks number columns, and escapes the entered titles', () => {
    const html = table('da');
    expect(html).toContain('<caption class="sr-only">Ting</caption>');
    expect(html).toContain(
      '<th scope="col">Titel</th><th scope="col" class="num">Antal</th><th scope="col">Status</th>',
    );
    expect(html).toContain('<th scope="row"><a href="/ting/7">Første &lt;b&gt;ting&lt;/b&gt;</a></th>');
    expect(html).toContain('<td class="num">1200</td><td>Offentliggjort</td>');
    expect(html).toContain('<td class="num">3</td><td>Kladde (ikke offentlig)</td>');
    expect(html).not.toContain('<b>');
  });

  it('marks the entered titles Danish on English pages', () => {
    expect(table('en')).toContain('<a href="/ting/9"><span lang="da">Anden</span></a>');
  });
});
