// Import jobs in worker threads: an unexpected failure reaches the server with its message, code and stack (for the
// log), and the worker's connection is closed whatever happened.
import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../db/connect.js';
import { workerImports } from './import-runner.js';

const dir = mkdtempSync(path.join(tmpdir(), 'maaltal-import-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files of this test's folder that this process (any thread) holds open. */
const openFiles = () =>
  readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(dir) ? [target] : [];
    } catch {
      return [];
    }
  });

it('passes an unexpected failure on with its message and code, and closes the worker’s connection', async () => {
  const file = path.join(dir, 'no-schema.sqlite');
  const store = await openStore({ dialect: 'sqlite', file });
  await store.close();
  const csv = path.join(dir, 'a.csv');
  writeFileSync(csv, 'year;value\n2024;1\n');
  const failure = workerImports({ dialect: 'sqlite', file }).run({
    filePath: csv,
    options: { kind: 'observations' },
    user: 'test',
  });
  await expect(failure).rejects.toMatchObject({
    message: 'no such table: import_batch',
    code: 'SQLITE_ERROR',
  });
  await expect(failure).rejects.toHaveProperty('stack', expect.stringContaining('runImport'));
  expect(openFiles()).toEqual([]);
});
