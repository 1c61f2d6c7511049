// Receives an editor-area upload (multipart form) straight to disk as the bytes arrive: the serving thread never
// holds or parses the whole body at once, and a failed or oversized upload leaves no file behind.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Busboy } from '@fastify/busboy';
import { AppError } from '../errors.js';
import { bilingual, issue } from './texts.js';
import { partialName } from './upload-sweep.js';

/** The largest file the editor area takes (bytes). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export interface ReceivedFile {
  /** The name it waits under in the upload folder: a random id, then the user's file name made safe. */
  stored: string;
  filePath: string;
  displayName: string;
  size: number;
}

export interface ReceivedForm {
  fields: Record<string, string>;
  file: ReceivedFile | undefined;
}

/** The user's file name, made safe for the upload folder and for display. */
const safeName = (name: string) =>
  path
    .basename(name)
    .replace(/[^\w.æøåÆØÅ -]/g, '_')
    .slice(0, 200) || 'upload';

const tooLarge = (limit: number) =>
  new AppError('too_large', `Files of more than ${limit / 1024 / 1024} MB are not taken`, [
    issue(
      'file',
      bilingual(
        `is larger than ${limit / 1024 / 1024} MB: split it into smaller files`,
        `er større end ${limit / 1024 / 1024} MB: del den op i mindre filer`,
      ),
    ),
  ]);

function parse(request: Request, uploadDir: string, limit: number, received: ReceivedForm): Promise<void> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data') || request.body === null)
    return Promise.reject(
      new AppError('invalid_input', 'Send the file as a form upload', [
        issue('file', bilingual('is required', 'skal udfyldes')),
      ]),
    );
  const busboy = new Busboy({
    headers: { 'content-type': contentType },
    limits: { fileSize: limit, files: 1 },
  });
  const writes: Promise<void>[] = [];
  busboy.on('field', (name, value) => {
    received.fields[name] = value;
  });
  busboy.on('file', (name, stream, filename) => {
    if (name !== 'file' || received.file !== undefined) {
      stream.resume();
      return;
    }
    const displayName = safeName(filename);
    const stored = `${randomUUID()}__${displayName}`;
    const file: ReceivedFile = { stored, filePath: path.join(uploadDir, stored), displayName, size: 0 };
    received.file = file;
    stream.on('data', (chunk: Buffer) => {
      file.size += chunk.byteLength;
    });
    // Received under a partial name, renamed once whole: a server stopped mid-upload leaves a `.part` file, which the
    // next start removes.
    const partial = partialName(file.filePath);
    writes.push(
      pipeline(stream, createWriteStream(partial))
        .then(() => {
          if (stream.truncated) throw tooLarge(limit);
          return rename(partial, file.filePath);
        })
        .catch(async (error: unknown) => {
          await unlink(partial).catch(() => {});
          throw error;
        }),
    );
  });
  const body = Readable.fromWeb(request.body as NodeReadableStream);
  return pipeline(body, busboy).then(() => Promise.all(writes).then(() => undefined));
}

/** The form's fields and its file (saved in `uploadDir`); on any failure the saved file is removed. */
export async function receiveUpload(
  request: Request,
  uploadDir: string,
  limit = MAX_UPLOAD_BYTES,
): Promise<ReceivedForm> {
  await mkdir(uploadDir, { recursive: true });
  const received: ReceivedForm = { fields: Object.create(null) as Record<string, string>, file: undefined };
  try {
    await parse(request, uploadDir, limit, received);
    return received;
  } catch (error) {
    if (received.file !== undefined) await unlink(received.file.filePath).catch(() => {});
    throw error;
  }
}
