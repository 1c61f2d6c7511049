// Evidence of an activity: links (http/https only) and files kept in the database. A file's type is decided by its
// first bytes, never by the name or the type the browser claims: PDF, PNG, JPEG, DOCX and XLSX (a zip holding a Word
// or Excel document), and text (CSV, TXT) served as text/plain; anything else, an HTML page among it, is refused,
// naming the file. Files are served as attachments with the type they were stored with (see the routes). Every
// change is a write of the activity: its version bumps and is kept, the data version bumps, one audit row.
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { AuditContext } from '../audit/audit.service.js';
import type { Principal } from '../auth/policy.js';
import { type Db, inTransaction, type Tx } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { Activity } from './activities.model.js';
import { deleteEvidence, evidenceWithContent, insertEvidence } from './activities.repository.js';
import type { LinkEvidenceInput } from './activities.schemas.js';
import { activityForWrite, actorLabel, finishWrite, getActivity, saveRow } from './activities.service.js';

/** The largest file an activity takes as evidence (bytes). */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export interface FileKind {
  contentType: string;
  /** The extensions a file of this kind may carry (the first is added when the name has none of them). */
  extensions: string[];
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const DOCX: FileKind = {
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extensions: ['.docx'],
};
const XLSX: FileKind = {
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extensions: ['.xlsx'],
};

/** A zip is a Word or Excel document when it holds the package's content types and the document's main part. */
function officeKind(bytes: Uint8Array): FileKind | undefined {
  const names = new Set<string>();
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name);
        return false;
      },
    });
  } catch {
    return undefined;
  }
  if (!names.has('[Content_Types].xml')) return undefined;
  if (names.has('word/document.xml')) return DOCX;
  if (names.has('xl/workbook.xml')) return XLSX;
  return undefined;
}

/** Text: no control characters but tab, line breaks and form feed, valid UTF-8 or a single-byte encoding. */
function textKind(bytes: Uint8Array): FileKind | undefined {
  for (const byte of bytes) {
    if (byte === 0x7f || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d))
      return undefined;
  }
  let text: string;
  let charset = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    charset = 'windows-1252';
  }
  // A page or other markup is not a text file here, whatever its name says.
  if (/^\s*</.test(text.replace(/^\uFEFF/, ''))) return undefined;
  return { contentType: `text/plain; charset=${charset}`, extensions: ['.txt', '.csv'] };
}

/** The file's kind by its first bytes, or undefined when it is none that is taken. */
export function detectFileKind(bytes: Uint8Array): FileKind | undefined {
  if (bytes.length === 0) return undefined;
  if (startsWith(bytes, PDF)) return { contentType: 'application/pdf', extensions: ['.pdf'] };
  if (startsWith(bytes, PNG)) return { contentType: 'image/png', extensions: ['.png'] };
  if (startsWith(bytes, JPEG)) return { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'] };
  if (startsWith(bytes, ZIP)) return officeKind(bytes);
  return textKind(bytes);
}

/** The user's file name without folders or control characters, at most 200 characters, with an extension that
 *  matches what the file is (added when it does not: `report.exe` holding a PDF is kept as `report.exe.pdf`). */
export function storedFileName(name: string, kind: FileKind): string {
  const base =
    (name.split(/[/\\]/).pop() ?? '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f-\u009f"]/g, '')
      .trim()
      .slice(0, 200) || 'fil';
  const lower = base.toLowerCase();
  return kind.extensions.some((extension) => lower.endsWith(extension))
    ? base
    : `${base}${kind.extensions[0] ?? ''}`;
}

const DANISH_LETTERS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa' };

/** RFC 6266: an ASCII fallback name and the exact name in UTF-8 (RFC 5987 encoding). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName
    .replace(/[æøåÆØÅ]/g, (letter) => DANISH_LETTERS[letter] ?? '_')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const fileProblem = (fileName: string, en: string, da: string) =>
  new AppError('invalid_input', `The file ${fileName} is not taken: ${en}`, [
    { field: 'file', message: `${fileName}: ${en}`, messageDa: `${fileName}: ${da}` },
  ]);

export const tooLargeFile = (fileName: string) =>
  new AppError('too_large', `The file ${fileName} is larger than 10 MB`, [
    {
      field: 'file',
      message: `${fileName}: is larger than 10 MB`,
      messageDa: `${fileName}: er større end 10 MB`,
    },
  ]);

/** Bumps the activity's version for a change of its evidence, then runs `change`, then the write's common end. */
async function evidenceWrite(
  db: Db,
  audit: AuditContext,
  activityId: number,
  now: Date,
  action: string,
  change: (tx: Tx, activity: Activity) => Promise<number>,
): Promise<{ activity: Activity; evidenceId: number }> {
  return inTransaction(db, async (tx) => {
    const stored = await activityForWrite(tx, audit, activityId);
    const evidenceId = await change(tx, stored);
    await saveRow(tx, stored, stored.version, {
      updatedAt: now.toISOString(),
      updatedBy: actorLabel(audit.principal),
    });
    const activity = await finishWrite(tx, audit, { action, id: activityId, before: stored }, now);
    return { activity, evidenceId };
  });
}

/** Adds a link (http or https; the schema checked it) to the activity's evidence; returns its id. */
export async function addLinkEvidence(
  db: Db,
  audit: AuditContext,
  activityId: number,
  input: LinkEvidenceInput,
  now: Date,
): Promise<number> {
  const { evidenceId } = await evidenceWrite(db, audit, activityId, now, 'activity.evidence.add', (tx) =>
    insertEvidence(tx, {
      activityId,
      kind: 'link',
      title: input.title,
      url: input.url,
      addedAt: now.toISOString(),
      addedBy: actorLabel(audit.principal),
    }),
  );
  return evidenceId;
}

/** Adds a file (at most 10 MB, of a kind its first bytes show to be taken); returns its id. */
export async function addFileEvidence(
  db: Db,
  audit: AuditContext,
  activityId: number,
  file: { title: string; fileName: string; content: Uint8Array },
  now: Date,
): Promise<number> {
  const shownName = file.fileName.trim() || 'fil';
  if (file.content.byteLength > MAX_EVIDENCE_BYTES) throw tooLargeFile(shownName);
  if (file.content.byteLength === 0) throw fileProblem(shownName, 'is empty', 'er tom');
  const kind = detectFileKind(file.content);
  if (kind === undefined)
    throw fileProblem(
      shownName,
      'is not a PDF, PNG, JPEG, DOCX, XLSX, CSV or text file (judged by its content, not its name)',
      'er ikke en PDF-, PNG-, JPEG-, DOCX-, XLSX-, CSV- eller tekstfil (bedømt på indholdet, ikke navnet)',
    );
  const content = Buffer.from(file.content);
  const { evidenceId } = await evidenceWrite(db, audit, activityId, now, 'activity.evidence.add', (tx) =>
    insertEvidence(tx, {
      activityId,
      kind: 'file',
      title: file.title,
      fileName: storedFileName(shownName, kind),
      contentType: kind.contentType,
      sizeBytes: content.byteLength,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      addedAt: now.toISOString(),
      addedBy: actorLabel(audit.principal),
    }),
  );
  return evidenceId;
}

const noEvidence = (id: number) =>
  new AppError('not_found', `No evidence ${id} of this activity`, [
    { field: 'evidenceId', message: 'no such evidence', messageDa: 'ingen sådan dokumentation' },
  ]);

export async function removeEvidence(
  db: Db,
  audit: AuditContext,
  activityId: number,
  evidenceId: number,
  now: Date,
): Promise<void> {
  await evidenceWrite(db, audit, activityId, now, 'activity.evidence.remove', async (tx, activity) => {
    if (!activity.evidence.some((item) => item.id === evidenceId)) throw noEvidence(evidenceId);
    await deleteEvidence(tx, activityId, evidenceId);
    return evidenceId;
  });
}

export interface EvidenceFile {
  fileName: string;
  contentType: string;
  content: Uint8Array<ArrayBuffer>;
}

/** A stored file of an activity the principal may see (a draft's only for who may read the draft). */
export async function evidenceFile(
  db: Db,
  principal: Principal,
  activityId: number,
  evidenceId: number,
): Promise<EvidenceFile> {
  await getActivity(db, principal, activityId);
  const row = Number.isSafeInteger(evidenceId)
    ? await evidenceWithContent(db, activityId, evidenceId)
    : undefined;
  if (row === undefined || row.kind !== 'file' || row.content === null) throw noEvidence(evidenceId);
  return {
    fileName: row.fileName ?? 'fil',
    contentType: row.contentType ?? 'application/octet-stream',
    content: new Uint8Array(row.content),
  };
}
