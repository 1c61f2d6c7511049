// Cell parsing's refusals: formula-shaped text never gets in, while negative numbers still read as numbers.
import { describe, expect, it } from 'vitest';
import { type FieldSpec, isPersonalHeader, normaliseHeader, parseField } from './fields.js';

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
