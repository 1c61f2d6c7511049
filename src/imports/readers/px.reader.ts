// Reads PX (PC-Axis) files from Statistics Denmark and the Nordic offices into a long table, streaming DATA.

import { bilingual } from '../texts.js';
import {
  type CubeDimension,
  checkCubeCells,
  cubeColumns,
  cubeRows,
  describeSize,
  type Observation,
} from './cube-table.js';
import { displayName, readError } from './reader-errors.js';
import type { DetectedSettings, OpenedTable, RawRow, ReadOptions } from './table.js';
import {
  assertText,
  countLineBreaks,
  decodeFile,
  type FileHead,
  guessEncoding,
  hasUtf8Bom,
  isBlank,
  readHead,
  type TextEncoding,
} from './text-source.js';

/** PX's missing-value markers (dots for the kinds of "not available", colon for confidential), quoted or not. */
const MISSING_MARKERS = new Set(['.', '..', '...', '....', '.....', '......', ':']);
/** PX's DATASYMBOLNIL: a dash is a true zero (nothing there), not a missing value. */
const NIL_MARKER = '-';
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

interface PxSource {
  path: string;
  file: string;
  /** The TextDecoder label to read the file with (CODEPAGE, else a guess). */
  decoder: string;
  bom: boolean;
  settings: DetectedSettings;
  tentativeEncoding: boolean;
}

export async function readPx(path: string, options: ReadOptions = {}): Promise<OpenedTable> {
  const file = displayName(path, options);
  const head = await readHead(path, file);
  if (head.size === 0 || isBlank(head)) throw readError(file, 'file', bilingual('is empty', 'er tom'));
  assertText(head, file);
  const { decoder, encoding, tentative } = pxEncoding(head, file, options.encoding);
  const settings: DetectedSettings = { format: 'px', encoding };
  const source: PxSource = {
    path,
    file,
    decoder,
    bom: hasUtf8Bom(head.bytes),
    settings,
    tentativeEncoding: tentative,
  };
  const { metadata } = await openPx(source, { keepOpen: false });
  const dimensions = pxDimensions(file, metadata);
  checkCubeCells(file, dimensions);
  settings.dimensions = dimensions.map(({ id }) => id);
  const title = metadata.get('TITLE');
  if (title !== undefined) settings.title = title.join('');
  return {
    settings,
    columns: cubeColumns(file, dimensions),
    rows: { [Symbol.asyncIterator]: () => pxRows(source, dimensions) },
  };
}

/** The declared CODEPAGE wins (CHARSET="ANSI" alone means Windows-1252); undeclared files are sniffed. */
function pxEncoding(
  head: FileHead,
  file: string,
  forced: TextEncoding | undefined,
): { decoder: string; encoding: TextEncoding; tentative: boolean } {
  if (forced !== undefined) return { decoder: forced, encoding: forced, tentative: false };
  const codepage = /(?:^|[;\n])\s*CODEPAGE\s*=\s*"([^"]*)"/.exec(head.bytes.toString('latin1'))?.[1]?.trim();
  if (codepage === undefined || hasUtf8Bom(head.bytes)) {
    const guess = guessEncoding(head);
    return { decoder: guess.encoding, encoding: guess.encoding, tentative: guess.tentative };
  }
  let label: string;
  try {
    label = new TextDecoder(codepage).encoding;
  } catch {
    throw readError(
      file,
      'encoding',
      bilingual(
        `declares CODEPAGE="${codepage}", which is not a known encoding`,
        `angiver CODEPAGE="${codepage}", som ikke er en kendt tegnkodning`,
      ),
    );
  }
  // Latin-1 and its relatives are reported as Windows-1252, the superset every decoder here maps them to.
  return { decoder: label, encoding: label === 'utf-8' ? 'utf-8' : 'windows-1252', tentative: false };
}

/** Keyword (default language only) → value list; subkeyed keywords are stored as `VALUES("var")`. */
type Metadata = Map<string, string[]>;

/** Reads the statements up to `DATA=`; with keepOpen the scanner is left at the first DATA token. */
async function openPx(
  source: PxSource,
  { keepOpen }: { keepOpen: boolean },
): Promise<{ metadata: Metadata; scanner: PxScanner }> {
  const { file, settings } = source;
  const chunks = decodeFile(source.path, {
    file,
    encoding: source.decoder,
    bom: source.bom,
    // A code page the bytes do not follow (declared ISO-8859-15, written in UTF-8) is refused, not read garbled.
    refuseUtf8Letters: true,
    ...(source.tentativeEncoding && {
      onFallback: () => {
        settings.encoding = 'windows-1252';
      },
    }),
  });
  const scanner = new PxScanner(file, chunks);
  const metadata: Metadata = new Map();
  try {
    for (;;) {
      const statement = await scanner.nextStatement();
      if (statement === null)
        throw readError(file, 'structure', bilingual('has no DATA section', 'har ingen DATA-del'));
      if (statement.language !== undefined) continue; // other languages' texts; the default language is read
      if (statement.keyword === 'DATA') break;
      if (statement.keyword === 'KEYS') {
        throw readError(
          file,
          'structure',
          bilingual(
            `line ${statement.line}: PX files with KEYS are not supported`,
            `linje ${statement.line}: PX-filer med KEYS understøttes ikke`,
          ),
        );
      }
      const key =
        statement.subkeys.length > 0 ? `${statement.keyword}("${statement.subkeys[0]}")` : statement.keyword;
      metadata.set(key, parseList(statement.value));
    }
  } catch (error) {
    await chunks.return(undefined);
    throw error;
  }
  if (!keepOpen) await chunks.return(undefined);
  return { metadata, scanner };
}

/** STUB variables then HEADING variables, each with its VALUES (labels) and CODES (default: the labels). */
function pxDimensions(file: string, metadata: Metadata): CubeDimension[] {
  const stub = metadata.get('STUB');
  const heading = metadata.get('HEADING');
  if (stub === undefined && heading === undefined) {
    throw readError(
      file,
      'structure',
      bilingual(
        'has neither STUB nor HEADING: the variables of the table are unknown',
        'har hverken STUB eller HEADING: tabellens variable er ukendte',
      ),
    );
  }
  return [...(stub ?? []), ...(heading ?? [])].map((name) => {
    const labels = metadata.get(`VALUES("${name}")`);
    if (labels === undefined)
      throw readError(
        file,
        'structure',
        bilingual(
          `has no VALUES("${name}") for the variable "${name}"`,
          `har ingen VALUES("${name}") til variablen "${name}"`,
        ),
      );
    const codes = metadata.get(`CODES("${name}")`) ?? labels;
    if (codes.length !== labels.length) {
      throw readError(
        file,
        'structure',
        bilingual(
          `CODES("${name}") has ${codes.length} entries but VALUES("${name}") has ${labels.length}`,
          `CODES("${name}") har ${codes.length} elementer, men VALUES("${name}") har ${labels.length}`,
        ),
      );
    }
    return { id: name.trim(), codes, labels };
  });
}

async function* pxRows(source: PxSource, dimensions: CubeDimension[]): AsyncGenerator<RawRow> {
  const { scanner } = await openPx(source, { keepOpen: true });
  const { file } = source;
  try {
    yield* cubeRows(dimensions, observations(file, scanner), (expected, found) =>
      readError(
        file,
        'value',
        bilingual(
          `DATA has ${found} values but the variables (${describeSize(dimensions)}) make ${expected} cells`,
          `DATA har ${found} værdier, men variablene (${describeSize(dimensions)}) giver ${expected} celler`,
        ),
      ),
    );
  } finally {
    await scanner.close();
  }
}

async function* observations(file: string, scanner: PxScanner): AsyncGenerator<Observation> {
  let row = 0;
  for await (const { text, line } of scanner.dataTokens()) {
    row++;
    if (text === NIL_MARKER) {
      yield { value: 0, status: null };
    } else if (MISSING_MARKERS.has(text)) {
      yield { value: null, status: text };
    } else if (NUMBER.test(text)) {
      yield { value: Number(text), status: null };
    } else {
      const markers = [...MISSING_MARKERS].join(' ');
      throw readError(
        file,
        'value',
        bilingual(
          `the DATA value "${text}" on line ${line} is neither a number nor a missing marker (${markers})`,
          `DATA-værdien "${text}" i linje ${line} er hverken et tal eller en markering af en manglende værdi (${markers})`,
        ),
        { row, column: 'value' },
      );
    }
  }
}

/** Items separated by commas; quoted pieces of one item are concatenated ("a" "b" → "ab"), so long texts
 *  may be split over lines. Unquoted items (numbers, YES/NO) are kept as written. */
export function parseList(value: string): string[] {
  const items: string[] = [];
  let item = '';
  let bare = '';
  let started = false;
  for (let at = 0; at < value.length; at++) {
    const char = value[at] as string;
    if (char === '"' || char === ',' || !/\s/.test(char)) started = true;
    if (char === '"') {
      const end = value.indexOf('"', at + 1);
      const stop = end < 0 ? value.length : end;
      item += value.slice(at + 1, stop);
      at = stop;
    } else if (char === ',') {
      items.push(item + bare.trim());
      item = '';
      bare = '';
    } else if (!/\s/.test(char)) {
      bare += char;
    } else if (bare !== '') {
      bare += char;
    }
  }
  if (started) items.push(item + bare.trim());
  return items;
}

interface Statement {
  keyword: string;
  language: string | undefined;
  subkeys: string[];
  value: string;
  line: number;
}

const STATEMENT_HEAD = /^([A-Za-z][A-Za-z0-9_-]*)\s*(?:\[([^\]]*)\])?\s*(?:\(([\s\S]*)\))?$/;

/** Walks decoded PX text: `KEYWORD[lang]("subkey")=value;` statements, then the whitespace-separated DATA. */
class PxScanner {
  private text = '';
  private at = 0;
  private ended = false;
  line = 1;

  constructor(
    private readonly file: string,
    private readonly chunks: AsyncGenerator<string>,
  ) {}

  async close(): Promise<void> {
    await this.chunks.return(undefined);
  }

  /** The next statement; DATA comes back without its value (the scanner stops after `DATA=`). */
  async nextStatement(): Promise<Statement | null> {
    const head = await this.readUntil('=');
    const line = this.line - countLineBreaks(head.text.trimStart());
    if (!head.found) {
      if (head.text.trim() === '') return null;
      throw readError(
        this.file,
        'structure',
        bilingual(
          `line ${line}: expected KEYWORD=value; but the file ends`,
          `linje ${line}: forventede NØGLEORD=værdi; men filen slutter`,
        ),
      );
    }
    const match = STATEMENT_HEAD.exec(head.text.trim());
    if (match === null) {
      throw readError(
        this.file,
        'structure',
        bilingual(
          `line ${line}: "${head.text.trim().slice(0, 60)}" is not a PX keyword`,
          `linje ${line}: "${head.text.trim().slice(0, 60)}" er ikke et PX-nøgleord`,
        ),
      );
    }
    const keyword = (match[1] as string).toUpperCase();
    const language = match[2]?.trim();
    const subkeys = match[3] === undefined ? [] : parseList(match[3]);
    if (keyword === 'DATA' && language === undefined) return { keyword, language, subkeys, value: '', line };
    const value = await this.readUntil(';');
    if (!value.found)
      throw readError(
        this.file,
        'structure',
        bilingual(
          `line ${line}: ${keyword} is not closed by ";"`,
          `linje ${line}: ${keyword} er ikke afsluttet med ";"`,
        ),
      );
    return { keyword, language, subkeys, value: value.text, line };
  }

  /** DATA tokens without their quotes, up to the closing ";" (or the end of the file). */
  async *dataTokens(): AsyncGenerator<{ text: string; line: number }> {
    let token = '';
    let quoted = false;
    let started = false;
    for (;;) {
      if (this.at >= this.text.length && !(await this.fill())) break;
      const char = this.text[this.at++] as string;
      if (quoted) {
        if (char === '"') quoted = false;
        else token += char;
        continue;
      }
      const ends = char === ';' || char === ' ' || char === '\t' || char === '\n' || char === '\r';
      if (ends && started) {
        yield { text: token, line: this.line };
        token = '';
        started = false;
      }
      if (char === '\n') this.line++;
      // DATA is the file's last keyword: a semicolon ends it, and files that end every data line with one (as
      // Spain's INE writes them) go on after it, so every value up to the end of the file is read.
      if (ends) continue;
      started = true;
      if (char === '"') quoted = true;
      else token += char;
    }
    if (started) yield { text: token, line: this.line };
  }

  /** Text up to `stop` outside quotes (consumed, not returned); found is false when the file ends first. */
  private async readUntil(stop: string): Promise<{ text: string; found: boolean }> {
    let text = '';
    let quoted = false;
    for (;;) {
      if (this.at >= this.text.length && !(await this.fill())) return { text, found: false };
      const chunk = this.text;
      let at = this.at;
      for (; at < chunk.length; at++) {
        const char = chunk[at];
        if (char === '"') quoted = !quoted;
        else if (char === '\n') this.line++;
        else if (char === stop && !quoted) break;
      }
      text += chunk.slice(this.at, at);
      if (at < chunk.length) {
        this.at = at + 1;
        return { text, found: true };
      }
      this.at = at;
    }
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.chunks.next();
    if (next.done === true) {
      this.ended = true;
      return false;
    }
    this.text = next.value;
    this.at = 0;
    return true;
  }
}
