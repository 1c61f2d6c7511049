// Random access to the parts of a zip archive (an XLSX workbook) through its central directory, with node:zlib.
import { createReadStream } from 'node:fs';
import { type Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../errors.js';
import { IMPORT_SETTINGS } from '../import-settings.js';
import { bilingual, issue } from '../texts.js';
import { withFile } from './file-handle.js';
import { readError } from './reader-errors.js';

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  /** As the directory declares it; unpacking stops with an error past it. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Parts at least this large must not be packed tighter than the compression-ratio limit. */
const RATIO_CHECKED_FROM = 10 * 1024 * 1024;

const bomb = (file: string, en: string, da: string) =>
  new AppError('too_large', `Cannot read ${file}: the workbook unpacks to too much`, [
    issue('file', bilingual(en, da), { file }),
  ]);

/** Refuses a workbook whose parts, as declared, unpack to more than the limit or are packed like a zip bomb. */
function checkDeclaredSizes(file: string, entries: Map<string, ZipEntry>): void {
  const { workbookBytes, compressionRatio } = IMPORT_SETTINGS.limits;
  let total = 0;
  for (const entry of entries.values()) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= RATIO_CHECKED_FROM && ratio > compressionRatio)
      throw bomb(
        file,
        `its part ${entry.name} unpacks ${Math.round(ratio)} times larger than it is packed (at most ${compressionRatio})`,
        `dens del ${entry.name} fylder ${Math.round(ratio)} gange mere udpakket end pakket (højst ${compressionRatio})`,
      );
  }
  if (total > workbookBytes)
    throw bomb(
      file,
      `it unpacks to ${total} bytes, more than the ${workbookBytes} an import takes`,
      `den fylder ${total} byte udpakket, mere end de ${workbookBytes}, en import tager`,
    );
}

/** Passes the unpacked bytes on, failing once they pass what the directory declared (a part that lies). */
function declaredSizeGuard(file: string, entry: ZipEntry): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > entry.uncompressedSize)
        done(
          bomb(
            file,
            `its part ${entry.name} unpacks to more than its declared ${entry.uncompressedSize} bytes`,
            `dens del ${entry.name} fylder mere udpakket end de ${entry.uncompressedSize} byte, den angiver`,
          ),
        );
      else done(null, chunk);
    },
  });
}

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * The archive's entries by name. The directory sits at the very end of a zip, so reading it first also catches
 * a truncated file, which a front-to-back reader would partly accept.
 */
export async function readZipDirectory(path: string, file: string): Promise<Map<string, ZipEntry>> {
  return withFile(path, file, async (read, size) => {
    if (size === 0) throw readError(file, 'file', bilingual('is empty', 'er tom'));
    const start = await read(0, Math.min(size, 4));
    if (start.equals(OLE2_MAGIC)) {
      throw readError(
        file,
        'file',
        bilingual(
          'is an old Excel 97–2003 workbook (.xls): save it as .xlsx (or CSV) and try again',
          'er en gammel Excel 97–2003-projektmappe (.xls): gem den som .xlsx (eller CSV), og prøv igen',
        ),
      );
    }
    if (start.length < 4 || start.readUInt32LE(0) !== LOCAL_HEADER) {
      throw readError(
        file,
        'file',
        bilingual(
          'is not an Excel workbook (.xlsx): it is not a zip archive',
          'er ikke en Excel-projektmappe (.xlsx): det er ikke et zip-arkiv',
        ),
      );
    }
    const truncated = readError(
      file,
      'file',
      bilingual(
        'is truncated or damaged: the end of the workbook (its zip directory) is missing',
        'er afkortet eller beskadiget: slutningen af projektmappen (dens zip-indholdsfortegnelse) mangler',
      ),
    );
    // The end-of-directory record is 22 bytes plus a comment of up to 65,535 bytes.
    const tailStart = Math.max(0, size - 22 - 65_535);
    const tail = await read(tailStart, size - tailStart);
    let end = -1;
    for (let at = tail.length - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === END_OF_DIRECTORY) {
        end = at;
        break;
      }
    }
    if (end < 0) throw truncated;
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff) {
      throw readError(
        file,
        'file',
        bilingual(
          'is a Zip64 archive, which is not supported for workbooks',
          'er et Zip64-arkiv, som ikke understøttes for projektmapper',
        ),
      );
    }
    if (directoryOffset + directorySize > tailStart + end) throw truncated;
    const directory = await read(directoryOffset, directorySize);
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    for (let index = 0; index < count; index++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_HEADER) throw truncated;
      const nameLength = directory.readUInt16LE(at + 28);
      const entry: ZipEntry = {
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        uncompressedSize: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      };
      if (entry.localHeaderOffset + entry.compressedSize > directoryOffset) throw truncated;
      entries.set(entry.name, entry);
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    checkDeclaredSizes(file, entries);
    return entries;
  });
}

/** The entry's uncompressed bytes as a stream. */
export async function openZipEntry(path: string, file: string, entry: ZipEntry): Promise<Readable> {
  const dataStart = await withFile(path, file, async (read) => {
    const header = await read(entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) {
      throw readError(
        file,
        'file',
        bilingual(
          `is damaged: the part ${entry.name} cannot be found`,
          `er beskadiget: delen ${entry.name} kan ikke findes`,
        ),
      );
    }
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  });
  if (entry.method !== 0 && entry.method !== 8) {
    throw readError(
      file,
      'file',
      bilingual(
        `uses an unsupported compression method (${entry.method}) for ${entry.name}`,
        `bruger en komprimeringsmetode, der ikke understøttes (${entry.method}), til ${entry.name}`,
      ),
    );
  }
  const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  if (entry.method === 0 || entry.compressedSize === 0) return raw;
  const inflate = createInflateRaw();
  const guard = declaredSizeGuard(file, entry);
  raw.on('error', (error) => inflate.destroy(error));
  inflate.on('error', (error) => guard.destroy(error));
  guard.on('close', () => {
    inflate.destroy();
    raw.destroy();
  });
  return raw.pipe(inflate).pipe(guard);
}
