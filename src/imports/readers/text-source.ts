// Text files as the readers see them: the sniffed head, the encoding guess and a streamed, checked decoding.
import { isAscii, isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { AppError } from '../../errors.js';
import { bilingual } from '../texts.js';
import { withFile } from './file-handle.js';
import { fileSystemError, readError } from './reader-errors.js';
import type { DetectedSettings } from './table.js';

export type TextEncoding = NonNullable<DetectedSettings['encoding']>;

/** How much of a file is read to guess its encoding, delimiter and format. */
export const SNIFF_BYTES = 64 * 1024;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const EMPTY = Buffer.alloc(0);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export interface FileHead {
  /** The first SNIFF_BYTES bytes (or the whole file). */
  bytes: Buffer;
  /** The file's size in bytes. */
  size: number;
  /** True when `bytes` is the whole file. */
  complete: boolean;
}

export async function readHead(path: string, file: string, length = SNIFF_BYTES): Promise<FileHead> {
  return withFile(path, file, async (read, size) => {
    const bytes = await read(0, Math.min(size, length));
    return { bytes, size, complete: bytes.length >= size };
  });
}

export function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.subarray(0, 3).equals(UTF8_BOM);
}

export function isZip(bytes: Buffer): boolean {
  return bytes.subarray(0, 4).equals(ZIP_MAGIC);
}

/** Refuses what cannot be a text file: zip containers (XLSX renamed), UTF-16 and anything with NUL bytes. */
export function assertText(head: FileHead, file: string): void {
  const { bytes } = head;
  if (isZip(bytes)) {
    throw readError(
      file,
      'file',
      bilingual(
        'is not a text file: it is a zip archive, probably an Excel workbook (.xlsx) with the wrong extension',
        'er ikke en tekstfil: det er et zip-arkiv, formentlig en Excel-projektmappe (.xlsx) med forkert filtype',
      ),
    );
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    throw readError(
      file,
      'encoding',
      bilingual(
        'is UTF-16 text, which is not supported: save it as UTF-8',
        'er UTF-16-tekst, som ikke understøttes: gem filen som UTF-8',
      ),
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw notText(file, 1 + countNewlines(bytes, 0, nul));
}

/** True when the file holds nothing but an optional BOM and whitespace. */
export function isBlank(head: FileHead): boolean {
  if (!head.complete) return false;
  const body = hasUtf8Bom(head.bytes) ? head.bytes.subarray(3) : head.bytes;
  return body.toString('latin1').trim() === '';
}

export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
  /** UTF-8 chosen only because the head was plain ASCII: a later invalid byte switches to Windows-1252. */
  tentative: boolean;
}

/** UTF-8 when the head is valid UTF-8 (or starts with a BOM), else Windows-1252 (a superset of Latin-1). */
export function guessEncoding(head: FileHead): EncodingGuess {
  if (hasUtf8Bom(head.bytes)) return { encoding: 'utf-8', bom: true, tentative: false };
  const body = head.complete ? head.bytes : head.bytes.subarray(0, completeUtf8Length(head.bytes));
  if (!isUtf8(body)) return { encoding: 'windows-1252', bom: false, tentative: false };
  return { encoding: 'utf-8', bom: false, tentative: isAscii(body) && !head.complete };
}

/** Decodes the head for sniffing, cutting a character split at the end of the sample. */
export function decodeHead(head: FileHead, encoding: string, bom: boolean): string {
  let bytes = bom && hasUtf8Bom(head.bytes) ? head.bytes.subarray(3) : head.bytes;
  if (!head.complete && isUtf8Label(encoding)) bytes = bytes.subarray(0, completeUtf8Length(bytes));
  return new TextDecoder(encoding).decode(bytes);
}

/** Throws when a forced UTF-8 reading meets invalid bytes in the head, naming the first bad line. */
export function assertUtf8Head(head: FileHead, file: string): void {
  const body = head.complete ? head.bytes : head.bytes.subarray(0, completeUtf8Length(head.bytes));
  if (isUtf8(body)) return;
  throw invalidUtf8(file, 1 + countNewlines(body, 0, firstInvalidUtf8(body)));
}

export interface DecodeOptions {
  file: string;
  /** A TextDecoder label; UTF-8 is validated byte by byte so a bad byte can be reported with its line. */
  encoding: string;
  /** Skip a leading UTF-8 byte-order mark. */
  bom: boolean;
  /** Called when a tentative UTF-8 guess turns out wrong (only ASCII seen so far) and Windows-1252 takes over. */
  onFallback?: () => void;
  /** Refuse a single-byte reading (Windows-1252, ISO-8859-x) at the first UTF-8-encoded letter (æ written as
   *  C3 A6 reads as "Ã¦"): the file mixes encodings, or its declared code page is not the one its bytes use. */
  refuseUtf8Letters?: boolean;
}

/** The first byte of a UTF-8-encoded Latin-1 letter (À–ÿ: C3 80–C3 BF) in bytes, -1 for none; `before` is the
 *  byte that preceded the chunk (a pair may be cut between chunks). */
function firstUtf8Letter(bytes: Buffer, before: number): number {
  if (before === 0xc3 && (bytes[0] ?? 0) >= 0x80 && (bytes[0] ?? 0) <= 0xbf) return 0;
  for (let at = bytes.indexOf(0xc3); at >= 0 && at < bytes.length - 1; at = bytes.indexOf(0xc3, at + 1)) {
    const next = bytes[at + 1] as number;
    if (next >= 0x80 && next <= 0xbf) return at;
  }
  return -1;
}

function mixedEncodings(file: string, row: number, encoding: string): AppError {
  return readError(
    file,
    'encoding',
    bilingual(
      `mixes encodings: this line is written in UTF-8, but the file reads as ${encoding}; save the whole file in one encoding`,
      `blander tegnkodninger: denne linje er skrevet i UTF-8, men filen læses som ${encoding}; gem hele filen i én tegnkodning`,
    ),
    { row },
  );
}

/**
 * Streams the file as decoded text, chunk by chunk. Invalid UTF-8 and NUL bytes are errors naming the line
 * (a tentative UTF-8 guess falls back to Windows-1252 instead, which is lossless while only ASCII was seen).
 */
export async function* decodeFile(path: string, options: DecodeOptions): AsyncGenerator<string> {
  const { file, onFallback } = options;
  let utf8 = isUtf8Label(options.encoding);
  let decoder = utf8 ? undefined : new TextDecoder(options.encoding);
  let skipBom = options.bom;
  let pending: Buffer = EMPTY;
  let line = 1;
  let seenNonAscii = false;
  let lastByte = 0;
  const stream = createReadStream(path, { highWaterMark: SNIFF_BYTES });

  const fallBack = (bytes: Buffer, at: number): string => {
    if (onFallback === undefined || seenNonAscii || !isAscii(bytes.subarray(0, at))) {
      throw invalidUtf8(file, line + countNewlines(bytes, 0, at));
    }
    onFallback();
    utf8 = false;
    decoder = new TextDecoder('windows-1252');
    return decoder.decode(bytes, { stream: true });
  };

  /** Decodes complete bytes and keeps a UTF-8 sequence cut at the chunk's end for the next chunk. */
  const decode = (bytes: Buffer, final: boolean): string => {
    const nul = bytes.indexOf(0);
    if (nul >= 0) throw notText(file, line + countNewlines(bytes, 0, nul));
    let text: string;
    if (utf8) {
      const complete = final ? bytes.length : completeUtf8Length(bytes);
      const body = bytes.subarray(0, complete);
      if (isUtf8(body)) {
        if (!seenNonAscii && !isAscii(body)) seenNonAscii = true;
        text = body.toString('utf8');
        pending = bytes.subarray(complete);
      } else {
        text = fallBack(bytes, firstInvalidUtf8(body));
      }
    } else {
      if (options.refuseUtf8Letters === true) {
        const at = firstUtf8Letter(bytes, lastByte);
        if (at >= 0) throw mixedEncodings(file, line + countNewlines(bytes, 0, at), options.encoding);
      }
      text = (decoder as InstanceType<typeof TextDecoder>).decode(bytes, { stream: !final });
    }
    lastByte = bytes[bytes.length - 1] ?? lastByte;
    line += countNewlines(bytes, 0, bytes.length - pending.length);
    return text;
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let bytes = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      pending = EMPTY;
      if (skipBom) {
        if (bytes.length < UTF8_BOM.length) {
          pending = bytes;
          continue;
        }
        if (hasUtf8Bom(bytes)) bytes = bytes.subarray(UTF8_BOM.length);
        skipBom = false;
      }
      const text = decode(bytes, false);
      if (text !== '') yield text;
    }
    const rest = pending;
    pending = EMPTY;
    const text = decode(rest, true);
    if (text !== '') yield text;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileSystemError(error, file);
  } finally {
    stream.destroy();
  }
}

function isUtf8Label(label: string): boolean {
  return new TextDecoder(label).encoding === 'utf-8';
}

function notText(file: string, row: number): AppError {
  return readError(
    file,
    'file',
    bilingual(
      'is not a text file: it contains a NUL byte (binary data)',
      'er ikke en tekstfil: den indeholder en NUL-byte (binære data)',
    ),
    { row },
  );
}

function invalidUtf8(file: string, row: number): AppError {
  return readError(
    file,
    'encoding',
    bilingual(
      'is not valid UTF-8 here; the file is probably Windows-1252 (Latin-1): read it with that encoding',
      'er ikke gyldig UTF-8 her; filen er formentlig Windows-1252 (Latin-1): læs den med den tegnkodning',
    ),
    { row },
  );
}

/** Counts LF bytes in bytes[start, end): CRLF files count once per line, like everyone else. */
function countNewlines(bytes: Buffer, start = 0, end = bytes.length): number {
  let count = 0;
  for (let at = bytes.indexOf(10, start); at >= 0 && at < end; at = bytes.indexOf(10, at + 1)) count++;
  return count;
}

/** Line breaks in decoded text, as editors count them: CRLF, LF or a lone CR each end one line. */
export function countLineBreaks(text: string): number {
  let breaks = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || (code === 13 && text.charCodeAt(at + 1) !== 10)) breaks++;
  }
  return breaks;
}

/** The length of `bytes` without a UTF-8 sequence cut off at its end. */
export function completeUtf8Length(bytes: Buffer): number {
  const length = bytes.length;
  for (let back = 1; back <= Math.min(3, length); back++) {
    const byte = bytes[length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? length - back : length;
  }
  return length;
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence (bytes.length if none). */
export function firstInvalidUtf8(bytes: Buffer): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    if (lead < 0x80) {
      at++;
      continue;
    }
    const [length, min, max] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead === 0xf4
                  ? [4, 0x80, 0x8f]
                  : lead >= 0xf1 && lead <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (length === 0) return at;
    const second = bytes[at + 1];
    if (second === undefined || second < min || second > max) return at;
    for (let k = 2; k < length; k++) {
      const next = bytes[at + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return at;
    }
    at += length;
  }
  return at;
}
