// Test helper: write import files (text in a chosen encoding, or bytes) to a fresh temporary folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TempFiles {
  dir: string;
  /** Write `content` as `name`; text is UTF-8 unless `encoding` is 'latin1' (Windows-1252 for Danish letters). */
  write(name: string, content: string | Buffer, encoding?: 'utf8' | 'latin1' | 'utf8-bom'): string;
  remove(): void;
}

export function tempFiles(): TempFiles {
  const dir = mkdtempSync(path.join(tmpdir(), 'maaltal-import-'));
  return {
    dir,
    write(name, content, encoding = 'utf8') {
      const file = path.join(dir, name);
      if (typeof content !== 'string') writeFileSync(file, content);
      else if (encoding === 'latin1') writeFileSync(file, Buffer.from(content, 'latin1'));
      else if (encoding === 'utf8-bom') writeFileSync(file, `\uFEFF${content}`, 'utf8');
      else writeFileSync(file, content, 'utf8');
      return file;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
