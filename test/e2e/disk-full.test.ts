// An import into a SQLite database on a 2 MB disk that fills up: the command says the disk is full (in Danish and
// English, exit 74), nothing of the batch is written, and the database is intact. Needs root to mount a tmpfs, as
// CI runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/connect.js';
import { workerImports } from '../../src/imports/import-runner.js';
import { createApp } from '../../src/web/app.js';
import { bearerFor } from '../accounts.js';
import { cli } from '../cli.js';
import { type TempFiles, tempFiles } from '../imports/files.js';
import { writeAccidentsCsv } from '../imports/generate-accidents.js';

describe('a full disk', () => {
  let disk: string;
  let files: TempFiles;
  let csv: string;
  beforeAll(async () => {
    disk = mkdtempSync(path.join(tmpdir(), 'maaltal-small-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk]);
    files = tempFiles();
    csv = path.join(files.dir, 'accidents.csv');
    await writeAccidentsCsv(csv, 40_000);
  });
  afterAll(() => {
    execFileSync('umount', [disk]);
    rmSync(disk, { recursive: true, force: true });
    files?.remove();
  });

  /** Nothing of any import is stored, and SQLite finds the file sound. */
  async function expectIntact(database: string) {
    const store = await openStore({ dialect: 'sqlite', file: database });
    try {
      const count = async (table: 'accident' | 'importBatch') =>
        Number(
          (
            await store.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count('accident')).toBe(0);
      expect(await count('importBatch')).toBe(0);
      const check = await sql<Record<string, string>>`pragma integrity_check`.execute(store.db);
      expect(Object.values(check.rows[0] ?? {})).toEqual(['ok']);
    } finally {
      await store.close();
    }
  }

  it('is named as such, and the import leaves nothing behind', async () => {
    const database = path.join(disk, 'maaltal.sqlite');
    expect((await cli(['migrate', '--database', database])).code).toBe(0);
    expect((await cli(['seed', '--database', database])).code).toBe(0);
    const result = await cli(['import', csv, '--kind', 'accidents', '--database', database]);
    expect(result.stderr).toContain('the disk is full');
    expect(result.stderr).not.toContain('cannot rollback');
    expect(result.code).toBe(74);
    await expectIntact(database);
  }, 120_000);

  it('is named on the editor area’s pages too (Danish), from the preview or the confirmation', async () => {
    const database = path.join(disk, 'web.sqlite');
    rmSync(path.join(disk, 'maaltal.sqlite'), { force: true });
    expect((await cli(['migrate', '--database', database])).code).toBe(0);
    expect((await cli(['seed', '--database', database])).code).toBe(0);
    const store = await openStore({ dialect: 'sqlite', file: database });
    const uploads = path.join(files.dir, 'uploads');
    const steward = await bearerFor(store, 'steward');
    const app = createApp(store, {
      uploadDir: uploads,
      imports: workerImports({ dialect: 'sqlite', file: database }),
    });
    try {
      const form = new FormData();
      form.set('file', new File([readFileSync(csv)], 'ulykker.csv', { type: 'text/csv' }));
      form.set('kind', 'accidents');
      let answer = await app.request('/redaktion/import', {
        method: 'POST',
        body: form,
        headers: steward,
      });
      if (answer.status === 200) {
        const stored = /name="upload" value="([^"]+)"/.exec(await answer.text())?.[1] ?? '';
        answer = await app.request('/redaktion/import/confirm', {
          method: 'POST',
          headers: steward,
          body: new URLSearchParams({
            upload: stored,
            kind: 'accidents',
            sheet: '',
            source: '',
            replace: '',
          }),
        });
      }
      expect(answer.status).toBe(507);
      expect(await answer.text()).toContain('disken er fuld');
      expect(readdirSync(uploads)).toEqual([]);
    } finally {
      await store.close();
    }
    await expectIntact(database);
  }, 120_000);
});
