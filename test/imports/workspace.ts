// Test helper: for import suites, a migrated store with reference and demo data plus a folder for files,
// created before the suite and removed after it.
import { afterAll, beforeAll } from 'vitest';
import type { Dialect } from '../../src/db/dialect.js';
import { freshStore, type TestStore } from '../databases.js';
import { seedStore } from '../seed.js';
import { type TempFiles, tempFiles } from './files.js';

export interface ImportWorkspace {
  store: TestStore;
  files: TempFiles;
}

/** The returned object is filled in by `beforeAll`; read its fields inside tests. */
export function useImportWorkspace(dialect: Dialect): ImportWorkspace {
  const workspace = {} as ImportWorkspace;
  beforeAll(async () => {
    workspace.store = await freshStore(dialect);
    // Few demo accident records: the bad-input suite compares whole-database dumps around every case.
    await seedStore(workspace.store.db, { demo: true, accidentScale: 0.001 });
    workspace.files = tempFiles();
  });
  afterAll(async () => {
    workspace.files?.remove();
    await workspace.store?.destroy();
  });
  return workspace;
}
