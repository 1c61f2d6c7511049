// The shared reach table: shares as percentages with their denominators' source and year, the several-groups row
// named as such, and a missing share explained, in both languages.
import { parseHTML } from 'linkedom';
import { expect, it } from 'vitest';
import type { ReachRow } from './reach.service.js';
import { ReachTable } from './reach-table.js';

const bfa = {
  code: 'ba',
  short: 'BFA B&A',
  nameDa: 'BFA Bygge & Anlæg',
  nameEn: 'BFA Building & Construction',
};

const rows: ReachRow[] = [
  {
    bfa,
    branch: { code: 'anlaegsarbejde', nameDa: 'Anlægsarbejde', nameEn: 'Civil engineering' },
    placement: 'branch',
    year: 2026,
    activities: 1,
    unreported: 0,
    reachedWorkplaces: 20,
    reachedParticipants: 50,
    workplaces: { count: 400, source: 'DST ERH 2026', year: 2026 },
    employed: null,
    workplaceShare: 0.05,
    workplaceShareMissing: null,
    participantShare: null,
    participantShareMissing: {
      code: 'no_denominator',
      da: 'Der er intet antal beskæftigede for Anlægsarbejde i 2026, så andelen kan ikke beregnes.',
      en: 'There is no employment figure for Civil engineering in 2026, so the share cannot be computed.',
    },
  },
  {
    bfa,
    branch: null,
    placement: 'several',
    year: 2025,
    activities: 1,
    unreported: 0,
    reachedWorkplaces: 30,
    reachedParticipants: 60,
    workplaces: null,
    employed: null,
    workplaceShare: null,
    workplaceShareMissing: { code: 'not_placed', da: 'kan ikke fordeles', en: 'cannot be split' },
    participantShare: null,
    participantShareMissing: { code: 'not_placed', da: 'kan ikke fordeles', en: 'cannot be split' },
  },
];

const render = (locale: 'da' | 'en') =>
  parseHTML(`<html><body>${(<ReachTable rows={rows} locale={locale} />).toString()}</body></html>`).document;

it('renders each row with its share, denominator and source, the several-groups row labelled', () => {
  const document = render('da');
  const cells = [...document.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((cell) => (cell.textContent ?? '').replace(/[ \t\n]+/g, ' ').trim()),
  );
  expect(cells[0]?.slice(0, 6)).toEqual([
    'Anlægsarbejde',
    '2026',
    '1',
    '20',
    '400DST ERH 2026, 2026',
    '5,0\u00a0%',
  ]);
  expect(cells[0]?.[8]).toContain('Der er intet antal beskæftigede for Anlægsarbejde i 2026');
  expect(cells[1]?.[0]).toBe('flere branchegrupper (kan ikke fordeles)');
  expect(document.querySelectorAll('th[scope="col"]')).toHaveLength(9);
  expect(document.body.textContent).toContain(
    'overlap ukendt; en arbejdsplads, som flere aktiviteter har nået, tæller én gang pr. aktivitet',
  );
  const english = render('en');
  expect(english.querySelector('tbody th')?.textContent).toBe('Civil engineering');
  expect(english.body.textContent).toContain('several branch groups (cannot be split)');
  expect(english.body.textContent).toContain('5.0%');
});

it('says so when there is nothing to show', () => {
  expect((<ReachTable rows={[]} locale="en" />).toString()).toContain('No activities with reach.');
});
