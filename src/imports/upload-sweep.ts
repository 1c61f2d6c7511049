// Uploads wait in the upload folder between preview and confirmation. One whose import was never confirmed, or
// whose server was killed mid-import, is removed when the server next starts, once it is older than a preview
// may reasonably wait; one still being received when the server stopped (a `.part` file) is removed at once.
import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** How long an upload may wait for its confirmation. */
export const UPLOAD_MAX_AGE_MS = 6 * 60 * 60 * 1000;

/** The name an upload has while it is being received (renamed to its own name once whole). */
export const partialName = (name: string) => `${name}.part`;

/** Removes the uploads in `dir` older than `maxAgeMs`, and every partial one; returns how many. A missing folder
 *  holds none. */
export async function sweepUploads(dir: string, now: Date, maxAgeMs = UPLOAD_MAX_AGE_MS): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    const facts = await stat(file).catch(() => undefined);
    if (facts === undefined || !facts.isFile()) continue;
    if (!name.endsWith(partialName('')) && now.getTime() - facts.mtimeMs < maxAgeMs) continue;
    await unlink(file).catch(() => {});
    removed++;
  }
  return removed;
}
