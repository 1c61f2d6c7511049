// The streaming CSV tokenizer: the same records however the text is cut into chunks (a CRLF, a "" or a quoted line
// break split between two chunks), the same records as the sample splitter the dialect detection uses, rows that
// count the lines a person sees, and the limits named with their row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { sampleRecords } from './csv.reader.js';
import { type CsvRecord, CsvTokenizer } from './csv-tokenizer.js';

const limits = { file: 'f.csv', delimiter: ',', maxRecordChars: 1000, maxColumns: 50 };

function tokenize(chunks: readonly string[], options = limits): CsvRecord[] {
  const tokenizer = new CsvTokenizer(options);
  return [...chunks.flatMap((chunk) => tokenizer.push(chunk)), ...tokenizer.end()];
}

function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return [...points, text.length].map((end, i) => text.slice(i === 0 ? 0 : (points[i - 1] as number), end));
}

const csvText = fc
  .array(fc.constantFrom('a', 'b', ',', '"', '""', '\n', '\r', '\r\n', ' ', 'ø', '😀'), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('CSV tokenizer', () => {
  it('gives the same records however the text is cut into chunks', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 6 }), (text, at) => {
        const whole = (() => {
          try {
            return tokenize([text]);
          } catch (error) {
            return (error as AppError).issues;
          }
        })();
        const chunked = (() => {
          try {
            return tokenize(cut(text, at));
          } catch (error) {
            return (error as AppError).issues;
          }
        })();
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 2000 },
    );
  });

  it('splits as the sample splitter does, whenever every quote is closed', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        let records: CsvRecord[];
        try {
          records = tokenize([text]);
        } catch {
          return;
        }
        const sample = sampleRecords(text, ',', true).map((r) => ({ row: r.line, fields: r.fields }));
        expect(records).toEqual(sample);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts the lines a person sees, with line breaks inside quotes and mixed line endings', () => {
    expect(tokenize(['a,b\r\n"x\r\ny",z\nc,d\r', 'e,f'])).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['x\r\ny', 'z'] },
      { row: 4, fields: ['c', 'd'] },
      { row: 5, fields: ['e', 'f'] },
    ]);
    expect(tokenize(['"he said ""', '"" hi",1\n'])).toEqual([{ row: 1, fields: ['he said "" hi', '1'] }]);
  });

  it('names the row of a quote never closed, a record too long, and too many fields', () => {
    const problem = (chunks: string[], options = limits) => {
      try {
        tokenize(chunks, options);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).issues[0];
      }
      throw new Error('no problem found');
    };
    expect(problem(['a,b\n"open,', 'c\nd\n'])).toMatchObject({
      row: 2,
      message: expect.stringContaining('never closed'),
    });
    expect(problem(['a\n', 'x'.repeat(600), 'x'.repeat(600)])).toMatchObject({
      row: 2,
      message: expect.stringContaining('longer than 1000 characters'),
    });
    expect(problem([`ok\n${',x'.repeat(60)}\n`])).toMatchObject({ row: 2, column: '51' });
  });
});
