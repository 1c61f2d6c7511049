// The look-up's search and placement without a database: the shipped DB07 titles and synonyms, placed with the
// shipped industry-code mappings. Every acceptance query lands on a sensible branch group; ranking puts the
// everyday word and whole title words before words found inside others; codes are read in every written form.
import { describe, expect, it } from 'vitest';
import branchGroupData from '../reference/data/branch-groups.json' with { type: 'json' };
import industryCodes from '../reference/data/industry-codes.json' with { type: 'json' };
import mainGroupData from '../reference/data/main-groups.json' with { type: 'json' };
import {
  DB07_QUERY_MAX,
  db07Entry,
  db07Subtree,
  looseForm,
  parseDb07Query,
  searchDb07,
} from '../reference/db07-search.js';
import { type BranchGroup, buildMappings, placeEntry, searchBranches } from './branch-lookup.js';

const GROUPS: BranchGroup[] = branchGroupData.map((g, i) => {
  const main = mainGroupData.find((m) => m.code === g.mainGroup);
  return {
    id: i + 1,
    code: g.code,
    nameDa: g.nameDa,
    nameEn: g.nameEn,
    caveat: g.caveat,
    mainGroupCode: g.mainGroup,
    mainGroupNameDa: main?.nameDa ?? '',
    mainGroupNameEn: main?.nameEn ?? '',
    owners: [],
    subBranches: [],
  };
});
const MAPPINGS = buildMappings(
  GROUPS,
  industryCodes.filter((c) => c.classification === 'DB07'),
);

const words = (query: string) => {
  const parsed = parseDb07Query(query);
  if (parsed.kind !== 'words') throw new Error(`"${query}" is not words: ${parsed.kind}`);
  return parsed.words;
};
const hits = (query: string) => searchDb07(words(query));
/** The branch groups of the codes a query finds, best first. */
const groupsFound = (query: string) =>
  hits(query).flatMap(({ entry }) => {
    const placement = placeEntry(entry, MAPPINGS);
    return placement.kind === 'mapped' ? [placement.group.code] : [];
  });
const codeOf = (query: string) => {
  const parsed = parseDb07Query(query);
  return parsed.kind === 'code' ? parsed.digits : parsed.kind;
};

describe('DB07 search by words', () => {
  it.each([
    ['bager', 'naerings-og-nydelsesmidler'],
    ['bager', 'butikker'],
    ['tømrer', 'faerdiggoerelse-af-byggeri'],
    ['sygehus', 'hospitaler'],
    ['vognmand', 'transport-af-gods'],
    ['lastbil', 'transport-af-gods'],
    ['frisør', 'frisoerer-og-anden-personlig-pleje'],
    ['bakery', 'naerings-og-nydelsesmidler'],
    ['hairdresser', 'frisoerer-og-anden-personlig-pleje'],
  ])('"%s" finds %s among its first three groups', (query, group) => {
    expect(groupsFound(query).slice(0, 3)).toContain(group);
  });

  it('puts the everyday word first, then whole title words, then words inside compounds', () => {
    expect(hits('bager').map((h) => h.entry.codes[0])).toEqual(['10.71.20', '47.24', '10.7', '10.71.10']);
    expect(hits('vognmand')[0]?.entry.titleDa).toBe('Vejgodstransport');
    expect(hits('lastbil')[0]?.entry.titleDa).toBe('Vejgodstransport');
    const frisør = hits('frisør').map((h) => h.entry.codes[0]);
    expect(frisør).toEqual(['96.02.10', '96.02']);
    // "tømrer" is a title word (43.32); "snedker" is inside "bygningssnedkervirksomhed" too, so it ranks lower.
    const snedker = hits('snedker');
    expect(snedker[0]?.entry.codes[0]).toBe('43.32');
    const [first, second] = hits('hospital');
    expect(first?.entry.titleDa).toBe('Hospitaler');
    expect(first?.score).toBeGreaterThan(second?.score ?? 0);
  });

  it('matches every word, inflections and the Danish letters written without them', () => {
    expect(hits('tomrer')[0]?.entry.codes[0]).toBe('43.32');
    expect(hits('toemrer')[0]?.entry.codes[0]).toBe('43.32');
    expect(hits('frisører')[0]?.entry.codes[0]).toBe('96.02.10');
    expect(hits('bagere').map((h) => h.entry.codes[0])).toContain('47.24');
    expect(hits('TØMRER')[0]?.entry.codes[0]).toBe('43.32');
    expect(hits('detailhandel brød').map((h) => h.entry.codes[0])).toEqual(['47.24']);
    expect(hits('vejgodstransport og flytning')[0]?.entry.codes[0]).toBe('49.4');
    expect(hits('xyzzyq')).toEqual([]);
    expect(looseForm('Tømrer Ærø Åbenrå')).toBe('tomrer aro abenra');
  });

  it('finds branch groups by name as before', () => {
    expect(searchBranches(GROUPS, 'transport').map((g) => g.code)).toEqual([
      'transportmidler',
      'transport-af-gods',
      'transport-af-passagerer',
    ]);
  });
});

describe('DB07 queries by code', () => {
  it('reads a code in every written form', () => {
    for (const q of ['47.11', '4711', '47.11.00', '471100', ' 47 11 ', 'G47.11'])
      expect(codeOf(q), q).toBe('4711');
    expect(codeOf('86')).toBe('86');
    expect(codeOf('86.10.00')).toBe('861000');
    expect(codeOf('86.1')).toBe('861');
    expect(codeOf('9999')).toBe('unknownCode');
    expect(codeOf('4.7')).toBe('unknownCode');
  });

  it('gives a division with every code under it, merging codes that only repeat their title', () => {
    const subtree = db07Subtree('86').map((e) => e.codes.join(' '));
    expect(subtree[0]).toBe('86');
    expect(subtree).toContain('86.1 86.10 86.10.00');
    expect(subtree).toContain('86.90.20');
    expect(subtree).toHaveLength(12);
    expect(db07Subtree('4711').map((e) => e.codes[0])).toEqual(['47.11', '47.11.10', '47.11.20', '47.11.30']);
  });

  it('says empty, too long and words apart', () => {
    expect(parseDb07Query('   ')).toEqual({ kind: 'empty' });
    expect(parseDb07Query('a'.repeat(DB07_QUERY_MAX + 1))).toEqual({ kind: 'tooLong', max: DB07_QUERY_MAX });
    expect(parseDb07Query(` ${'a'.repeat(DB07_QUERY_MAX)} `).kind).toBe('words');
    expect(parseDb07Query('detailhandel med brød')).toEqual({
      kind: 'words',
      words: ['detailhandel', 'brød'],
    });
  });
});

describe('placing a DB07 code in a branch group', () => {
  const place = (digits: string) => {
    const entry = db07Entry(digits);
    if (entry === undefined) throw new Error(`no DB07 code ${digits}`);
    return placeEntry(entry, MAPPINGS);
  };

  it('is direct for a mapped code, inferred for a code under one', () => {
    expect(place('861')).toMatchObject({ kind: 'mapped', group: { code: 'hospitaler' }, inferred: false });
    expect(place('8610')).toMatchObject({ kind: 'mapped', group: { code: 'hospitaler' }, inferred: false });
    expect(place('107120')).toMatchObject({ kind: 'mapped', via: ['10'], inferred: true });
    // The longest mapped code wins: 10.11 is slaughterhouses, not division 10's food and drink.
    expect(place('101110')).toMatchObject({ group: { code: 'slagterier' }, via: ['10.11'] });
  });

  it('is inferred from below when every code under it lies in one group, split when not', () => {
    expect(place('494')).toMatchObject({
      kind: 'mapped',
      group: { code: 'transport-af-gods' },
      via: ['49.41', '49.42'],
      inferred: true,
    });
    const health = place('86');
    expect(health.kind).toBe('split');
    if (health.kind !== 'split') return;
    expect(health.parts.map((p) => p.group.code)).toEqual(['hospitaler', 'laeger-tandlaeger-og-dyrlaeger']);
    expect(health.rest).toBe(true);
  });

  it('is unknown where no mapping reaches, with the main group when the division tells it', () => {
    expect(place('869020')).toEqual({
      kind: 'unknown',
      mainGroup: { code: 'social-og-sundhed', nameDa: 'Social og sundhed', nameEn: 'Social care and health' },
    });
    // Division 84 maps to offices (84.1) and to police and prisons (84.23–84.25): two main groups, so none.
    expect(place('8422')).toEqual({ kind: 'unknown', mainGroup: null });
    // Division 66 has no mapped code at all.
    expect(place('66')).toEqual({ kind: 'unknown', mainGroup: null });
  });

  it('answers quickly: the index is built once', () => {
    const started = performance.now();
    for (let i = 0; i < 100; i++) hits(i % 2 === 0 ? 'bager' : 'vognmand lastbil');
    expect((performance.now() - started) / 100).toBeLessThan(20);
  });
});
