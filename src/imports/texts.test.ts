import { describe, expect, it } from 'vitest';
import { tempFiles } from '../../test/imports/files.js';
import { appError } from '../../test/imports/reader-testing.js';
import { type FieldSpec, parseField } from './fields.js';
import { readMapping } from './mapping.js';
import { bilingual, fromEnglish, issue, issueMessage, withDanish } from './texts.js';

describe('bilingual problems', () => {
  it('make issues with the English message and the Danish one', () => {
    expect(issue('year', bilingual('is required', 'skal udfyldes'), { file: 'a.csv', row: 2 })).toEqual({
      field: 'year',
      file: 'a.csv',
      row: 2,
      message: 'is required',
      messageDa: 'skal udfyldes',
    });
  });

  it('show the message in the page’s language, English where Danish is missing', () => {
    const both = issue('value', bilingual('"x" is not a number', '"x" er ikke et tal'));
    expect(issueMessage(both, 'da')).toBe('"x" er ikke et tal');
    expect(issueMessage(both, 'en')).toBe('"x" is not a number');
    expect(issueMessage({ field: 'x', message: 'only English' }, 'da')).toBe('only English');
  });

  it('parse failures carry both languages, keeping the value as written', () => {
    const spec: FieldSpec = { name: 'value', type: 'number', required: true, aliases: [], min: 0 };
    expect(parseField(spec, 'tredive', true)).toEqual({
      ok: false,
      message: { en: '"tredive" is not a number', da: '"tredive" er ikke et tal' },
    });
    expect(parseField(spec, '-1,5', true)).toEqual({
      ok: false,
      message: { en: '-1,5 is below 0', da: '-1,5 er mindre end 0' },
    });
    expect(parseField(spec, null, true)).toEqual({
      ok: false,
      message: { en: 'is required', da: 'skal udfyldes' },
    });
  });

  it('give English-only messages from schemas and services Danish', () => {
    expect(fromEnglish('must be 1990 or later')).toEqual({
      en: 'must be 1990 or later',
      da: 'skal være 1990 eller senere',
    });
    expect(fromEnglish('the target year (2020) must be after the baseline year (2024)').da).toBe(
      'målåret (2020) skal ligge efter basisåret (2024)',
    );
    expect(fromEnglish('Invalid input: expected string, received number').da).toBe(
      'ugyldig værdi (Invalid input: expected string, received number)',
    );
    expect(withDanish({ field: 'a', message: 'is not a known field' })).toEqual({
      field: 'a',
      message: 'is not a known field',
      messageDa: 'er ikke et kendt felt',
    });
    const kept = { field: 'a', message: 'x', messageDa: 'y' };
    expect(withDanish(kept)).toBe(kept);
  });

  it('reports a bad mapping file in both languages', async () => {
    const files = tempFiles();
    try {
      const unknownKey = await appError(
        readMapping(files.write('mapping.json', JSON.stringify({ columns: {}, sheets: 'x' }))),
      );
      expect(unknownKey.issues).toEqual([
        expect.objectContaining({
          field: 'sheets',
          message: 'is not a known field',
          messageDa: 'er ikke et kendt felt',
        }),
      ]);
      const notJson = await appError(readMapping(files.write('broken.json', '{')));
      expect(notJson.issues[0]?.messageDa).toContain('er ikke gyldig JSON');
      // A file that is not a mapping is never echoed back (it may hold anything), nor read when it is no file.
      const secret = await appError(readMapping(files.write('secret.txt', 'hemmelig-adgangskode-123\n')));
      expect(JSON.stringify(secret.issues)).not.toContain('hemmelig');
      expect(secret.issues[0]?.message).toContain('is not valid JSON');
      const device = await appError(readMapping('/dev/zero'));
      expect(device.issues[0]?.message).toBe('/dev/zero: is not a regular file');
      const large = await appError(
        readMapping(files.write('large.json', `{"columns":{}} ${' '.repeat(1_100_000)}`)),
      );
      expect(large.issues[0]?.messageDa).toMatch(/er større end 1048576 byte/);
    } finally {
      files.remove();
    }
  });
});
