// Splits decoded CSV text into records as it streams, chunk by chunk. A line without a quote (nearly every line of a
// register extract) is split by the engine's native String.split; a record with quotes goes character by character
// (RFC 4180: a field that starts with a quote runs to its closing quote, "" is one quote, line breaks inside are
// kept; a quote elsewhere in a field is an ordinary character). Every line ending (CRLF, LF, CR, mixed) ends a
// record, and each record carries the line it starts on, counting the line breaks inside quoted fields.
import type { AppError } from '../../errors.js';
import { bilingual } from '../texts.js';
import { readError } from './reader-errors.js';

export interface CsvRecord {
  /** The line on which the record starts (a quoted field may span several lines). */
  row: number;
  fields: string[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

interface Limits {
  file: string;
  delimiter: string;
  /** Longer records are refused: in practice they mean a quote that is never closed. */
  maxRecordChars: number;
  maxColumns: number;
}

export class CsvTokenizer {
  /** Text of the record not yet complete at the end of the last chunk. */
  private rest = '';
  /** The line on which `rest` starts. */
  private line = 1;
  private readonly delimiterCode: number;

  constructor(private readonly limits: Limits) {
    this.delimiterCode = limits.delimiter.charCodeAt(0);
  }

  /** The records this chunk completes. */
  push(chunk: string): CsvRecord[] {
    return this.records(this.rest + chunk, false);
  }

  /** The last records, at the end of the text. */
  end(): CsvRecord[] {
    return this.records(this.rest, true);
  }

  private records(text: string, final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    const { length } = text;
    let pos = 0;
    let quoteAt = text.indexOf('"');
    let lfAt = text.indexOf('\n');
    let crAt = text.indexOf('\r');
    while (pos < length) {
      if (lfAt !== -1 && lfAt < pos) lfAt = text.indexOf('\n', pos);
      if (crAt !== -1 && crAt < pos) crAt = text.indexOf('\r', pos);
      if (quoteAt !== -1 && quoteAt < pos) quoteAt = text.indexOf('"', pos);
      const lineEnd = lfAt === -1 ? crAt : crAt === -1 ? lfAt : Math.min(lfAt, crAt);
      const end = lineEnd === -1 ? length : lineEnd;
      // A line end may be the CR of a CRLF split across chunks, and a last line may still grow: wait for more.
      if (!final && (lineEnd === -1 || (lineEnd === length - 1 && text.charCodeAt(lineEnd) === CR))) break;
      if (quoteAt === -1 || quoteAt >= end) {
        if (end - pos > this.limits.maxRecordChars) throw this.tooLong();
        this.emit(out, text.slice(pos, end).split(this.limits.delimiter), 0);
        pos = lineEnd === -1 ? length : afterLineEnd(text, lineEnd);
        continue;
      }
      const quoted = this.quotedRecord(text, pos, final);
      if (quoted === undefined) break;
      this.emit(out, quoted.fields, quoted.breaks);
      pos = quoted.next;
    }
    this.rest = text.slice(pos);
    if (this.rest.length > this.limits.maxRecordChars) throw this.tooLong();
    return out;
  }

  private emit(out: CsvRecord[], fields: string[], breaks: number): void {
    if (fields.length > this.limits.maxColumns) throw this.tooManyFields();
    out.push({ row: this.line, fields });
    this.line += breaks + 1;
  }

  /** The record starting at `pos`, which holds a quote; undefined when the text ends before the record does. */
  private quotedRecord(
    text: string,
    pos: number,
    final: boolean,
  ): { fields: string[]; next: number; breaks: number } | undefined {
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let started = false;
    let breaks = 0;
    for (let at = pos; at < text.length; at++) {
      if (at - pos > this.limits.maxRecordChars) throw this.tooLong();
      const code = text.charCodeAt(at);
      if (quoted) {
        if (code === QUOTE) {
          if (at + 1 === text.length && !final) return undefined;
          if (text.charCodeAt(at + 1) === QUOTE) {
            field += '"';
            at++;
          } else quoted = false;
        } else {
          if (code === LF || (code === CR && text.charCodeAt(at + 1) !== LF)) breaks++;
          field += text[at];
        }
      } else if (code === QUOTE && !started) {
        quoted = true;
        started = true;
      } else if (code === this.delimiterCode) {
        fields.push(field);
        field = '';
        started = false;
      } else if (code === LF || code === CR) {
        if (code === CR && at + 1 === text.length && !final) return undefined;
        fields.push(field);
        return { fields, next: afterLineEnd(text, at), breaks };
      } else {
        field += text[at];
        started = true;
      }
    }
    if (!final) return undefined;
    if (quoted) throw this.unclosedQuote();
    fields.push(field);
    return { fields, next: text.length, breaks };
  }

  private unclosedQuote(): AppError {
    return readError(
      this.limits.file,
      'file',
      bilingual(
        'a quoted field starting in this row is never closed (missing ")',
        'et felt i anførselstegn, der begynder i denne række, bliver aldrig afsluttet (mangler ")',
      ),
      { row: this.line },
    );
  }

  private tooLong(): AppError {
    const max = this.limits.maxRecordChars;
    return readError(
      this.limits.file,
      'file',
      bilingual(
        `the record starting in this row is longer than ${max} characters; is a quote never closed?`,
        `posten, der begynder i denne række, er længere end ${max} tegn; mangler et afsluttende anførselstegn?`,
      ),
      { row: this.line },
    );
  }

  private tooManyFields(): AppError {
    const max = this.limits.maxColumns;
    return readError(
      this.limits.file,
      'columns',
      bilingual(
        `the row has more than ${max} fields, the most allowed; is the delimiter right?`,
        `rækken har flere end ${max} felter, som er det højeste tilladte; er skilletegnet det rigtige?`,
      ),
      { row: this.line, column: String(max + 1) },
    );
  }
}

/** The position after the line ending at `at` (CRLF counts as one). */
function afterLineEnd(text: string, at: number): number {
  return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}
