// Cell parsing's refusals: formula-shaped text never gets in, while negative numbers still read as numbers.
import { describe, expect, it } from 'vitest';
import { type FieldSpec, parseField } from './fields.js';

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
