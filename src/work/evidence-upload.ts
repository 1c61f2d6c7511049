// Receives an evidence upload (a multipart form with a title and one file) into memory, as the bytes arrive, and
// stops reading the moment the file passes the limit: an oversized upload is refused without being held whole. The
// CSRF token travels in the form's action (`withCsrf`), as the body is read here and not by the session check.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Busboy } from '@fastify/busboy';
import { AppError } from '../errors.js';
import { MAX_EVIDENCE_BYTES, tooLargeFile } from './evidence.js';

export interface EvidenceUpload {
  fields: Record<string, string>;
  file: { fileName: string; content: Buffer } | undefined;
}

const notAnUpload = () =>
  new AppError('invalid_input', 'Send the file as a form upload', [
    { field: 'file', message: 'is required', messageDa: 'skal udfyldes' },
  ]);

export async function receiveEvidenceUpload(
  request: Request,
  limit = MAX_EVIDENCE_BYTES,
): Promise<EvidenceUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data') || request.body === null) throw notAnUpload();
  const busboy = new Busboy({
    headers: { 'content-type': contentType },
    limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
  });
  const received: EvidenceUpload = { fields: Object.create(null) as Record<string, string>, file: undefined };
  const body = Readable.fromWeb(request.body as NodeReadableStream);
  busboy.on('field', (name, value) => {
    received.fields[name] = value;
  });
  busboy.on('file', (name, stream, fileName) => {
    if (name !== 'file' || received.file !== undefined || fileName === '') {
      stream.resume();
      return;
    }
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('limit', () => body.destroy(tooLargeFile(fileName)));
    stream.on('end', () => {
      received.file = { fileName, content: Buffer.concat(chunks) };
    });
  });
  try {
    await pipeline(body, busboy);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid_input', 'The upload was broken off or malformed', [
      {
        field: 'file',
        message: 'the upload was broken off or malformed; send it again',
        messageDa: 'overførslen blev afbrudt eller var forkert udformet; send den igen',
      },
    ]);
  }
  return received;
}
