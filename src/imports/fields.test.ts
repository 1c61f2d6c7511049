// Cell parsing's refusals: formula-shaped text never gets in, while negative numbers still read as numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileField, type FieldSpec, isPersonalHeader, normaliseHeader, parseField } from './fields.js';

const text: FieldSpec = { name: 'caseId', type: 'text', required: true, aliases: [] };
const number: FieldSpec = { name: 'value', type: 'number', required: true, aliases: [] };

describe('formula-shaped cells', () => {
  it.each([
    '-1+HYPERLINK("http://evil.example","klik")',
    "-2+3+cmd|' /C calc'!A0",
    '=1+1',
    '+SUM(A1:A2)',
    '@SUM(A1)',
    '-A1',
    '\t=1',
  ])('refuses %j in a text column', (cell) => {
    const parsed = parseField(text, cell, false);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.da).toContain('ligner en regnearksformel');
  });

  it.each([
    ['-5', -5],
    ['-5,3', -5.3],
  ])('reads %j as the number %d', (cell, value) => {
    expect(parseField(number, cell, true)).toEqual({ ok: true, value });
  });

  it('keeps a negative number written in a text column as it is', () => {
    expect(parseField(text, '-12', false)).toEqual({ ok: true, value: '-12' });
  });
});

describe('personal data', () => {
  it.each(['faldt, tilskadekomne 010203-1234 på stige', '010203 1234', '0102031234', 'sag 311299-4321'])(
    'refuses a CPR number in %j',
    (cell) => {
      const parsed = parseField(text, cell, false);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message.en).toContain('CPR');
    },
  );

  it.each(['sag 2024-0001', 'telefon 4711 2233 ukendt', '320199-1234', '011399-1234', 'AT-12345678901'])(
    'keeps %j, which is no CPR number',
    (cell) => {
      expect(parseField(text, cell, false)).toEqual({ ok: true, value: cell });
    },
  );

  it.each([
    'cprnummer',
    'CPR-nummer',
    'Fødselsdag',
    'fødselsdato',
    'Date of birth',
    'Telefonnummer',
    'E-mail',
  ])('knows %j as a personal-data column', (header) => {
    expect(isPersonalHeader(header)).toBe(true);
  });

  it.each(['Branchenavn', 'Skadetype', 'Alder', 'Køn', 'Kontaktform'])(
    'does not take %j for one',
    (header) => {
      expect(isPersonalHeader(header)).toBe(false);
    },
  );

  it('reads a header typed in decomposed Unicode (as on a Mac) as the same header', () => {
    expect(normaliseHeader('A\u030Ar')).toBe(normaliseHeader('År'));
    expect(normaliseHeader('Ma\u030Aned')).toBe('maaned');
  });
});

describe('a compiled column parser', () => {
  const specs: FieldSpec[] = [
    text,
    number,
    { name: 'code', type: 'code', required: false, aliases: [] },
    { name: 'age', type: 'integer', required: false, aliases: [], min: 0, max: 120 },
    { name: 'year', type: 'year', required: true, aliases: [], min: 1990, max: 2040 },
    { name: 'date', type: 'date', required: true, aliases: [], min: 2000, max: 2030 },
    { name: 'fatal', type: 'flag', required: false, aliases: [] },
    { name: 'sex', type: 'sex', required: false, aliases: [] },
  ];
  // Cells as files write them: numbers, dates, words, CPR- and formula-shaped text, blanks, and anything at all.
  const cell = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '12',
      '-5',
      '1.234,5',
      '1,234.5',
      '2024-02-29',
      '29-02-2023',
      'ja',
      'Nej',
      'K',
      'mand',
    ),
    fc.constantFrom('010190-1234', 'cpr 0101901234', '=1+1', '-A1', '..', '130', '12,5', 'x'),
    fc.string({ maxLength: 12 }),
    fc.double(),
    fc.constant(null),
  );

  it('answers exactly as parseField does, for every cell, first time or remembered', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...specs),
        fc.boolean(),
        fc.array(cell, { maxLength: 40 }),
        (spec, comma, cells) => {
          const compiled = compileField(spec, comma);
          // Twice over: the second pass answers from the memo.
          for (const value of [...cells, ...cells])
            expect(compiled(value)).toEqual(parseField(spec, value, comma));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('still parses every cell once its memo is full', () => {
    const compiled = compileField(number, false);
    for (let i = 0; i < 40_000; i++) compiled(String(i));
    expect(compiled('39999')).toEqual({ ok: true, value: 39999 });
    expect(compiled('x9').ok).toBe(false);
  });
});
