import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueOf, useTempDir } from '../../../test/imports/reader-testing.js';
import { completeUtf8Length, decodeFile, firstInvalidUtf8, guessEncoding } from './text-source.js';

const temp = useTempDir();

describe('UTF-8 checks', () => {
  it('find no invalid byte in encoded text, and agree with Node on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const bytes = Buffer.from(text);
        expect(firstInvalidUtf8(bytes)).toBe(bytes.length);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (array) => {
        const bytes = Buffer.from(array);
        const at = firstInvalidUtf8(bytes);
        expect(at === bytes.length).toBe(isUtf8(bytes));
        expect(isUtf8(bytes.subarray(0, at))).toBe(true);
      }),
    );
  });

  it('cut a chunk before a split character and never more', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.nat(), (text, cut) => {
        const bytes = Buffer.from(text);
        const chunk = bytes.subarray(0, cut % (bytes.length + 1));
        const complete = completeUtf8Length(chunk);
        expect(isUtf8(chunk.subarray(0, complete))).toBe(true);
        expect(chunk.length - complete).toBeLessThan(4);
      }),
    );
  });
});

describe('guessEncoding', () => {
  const head = (bytes: number[] | string, complete = true) => {
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
    return { bytes: buffer, size: buffer.length + (complete ? 0 : 1), complete };
  };

  it('tells UTF-8 from Windows-1252 and notices a BOM', () => {
    expect(guessEncoding(head('år'))).toEqual({ encoding: 'utf-8', bom: false, tentative: false });
    expect(guessEncoding(head([0xe5, 0x72]))).toEqual({
      encoding: 'windows-1252',
      bom: false,
      tentative: false,
    });
    expect(guessEncoding(head([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      encoding: 'utf-8',
      bom: true,
      tentative: false,
    });
  });

  it('calls plain ASCII UTF-8 tentatively when more of the file follows', () => {
    expect(guessEncoding(head('abc', false)).tentative).toBe(true);
    expect(guessEncoding(head('abc', true)).tentative).toBe(false);
  });

  it('does not mistake a character cut at the end of the sample for bad UTF-8', () => {
    expect(guessEncoding(head([0x61, 0xc3], false)).encoding).toBe('utf-8');
  });
});

describe('decodeFile', () => {
  it('decodes UTF-8 whose characters straddle chunks', async () => {
    const text = 'æøå'.repeat(50_000); // 300 KB: several 64 KiB chunks, some split mid-character
    const path = temp('straddle.txt', text);
    let decoded = '';
    for await (const chunk of decodeFile(path, { file: 'straddle.txt', encoding: 'utf-8', bom: false })) {
      decoded += chunk;
    }
    expect(decoded).toBe(text);
  });

  it('refuses a file cut in the middle of a character', async () => {
    const path = temp('cut.txt', Buffer.concat([Buffer.from('ok\nø'), Buffer.from([0xc3])]));
    const chunks = async () => {
      for await (const _chunk of decodeFile(path, { file: 'cut.txt', encoding: 'utf-8', bom: false })) {
        // drained
      }
    };
    expect(await issueOf(chunks())).toMatchObject({ field: 'encoding', row: 2 });
  });
});
