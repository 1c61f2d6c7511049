// Positioned reads of a regular file, with file-system failures turned into catalogue errors.
import { open } from 'node:fs/promises';
import { fileSystemError } from './reader-errors.js';

/** Reads `length` bytes at `position` (fewer at the end of the file). */
export type ReadAt = (position: number, length: number) => Promise<Buffer>;

/** Opens the file, hands `use` a positioned reader and the file's size, and closes the file again. */
export async function withFile<T>(
  path: string,
  file: string,
  use: (read: ReadAt, size: number) => Promise<T>,
): Promise<T> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileSystemError(error, file);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile())
      throw fileSystemError(Object.assign(new Error('not a file'), { code: 'EISDIR' }), file);
    return await use(async (position, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    }, stats.size);
  } finally {
    await handle.close();
  }
}
