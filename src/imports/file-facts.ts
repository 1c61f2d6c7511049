// What is known about an import file before it is parsed: SHA-256, size and (for text) its number of lines.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { invalidInput } from '../errors.js';
import { bilingual, issue, type Text } from './texts.js';

export interface FileFacts {
  sha256: string;
  sizeBytes: number;
  /** Newline count: an estimate of the rows of a text file, for the progress bar's ETA. */
  lines: number;
}

export async function fileFacts(path: string, displayName: string): Promise<FileFacts> {
  let problem: Text | undefined;
  try {
    const info = await stat(path);
    if (!info.isFile()) problem = bilingual('not a regular file', 'er ikke en almindelig fil');
  } catch (error) {
    const reason = (error as Error).message;
    problem = bilingual(reason, `kan ikke læses (${reason})`);
  }
  if (problem !== undefined) {
    throw invalidInput('Cannot read the file', [issue('file', problem, { file: displayName })]);
  }
  const hash = createHash('sha256');
  let sizeBytes = 0;
  let lines = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    sizeBytes += chunk.length;
    for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines++;
  }
  return { sha256: hash.digest('hex'), sizeBytes, lines };
}
