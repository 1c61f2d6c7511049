// An import into a SQLite database on a 2 MB disk that fills up: the command says the disk is full (in Danish and
// English, exit 74), nothing of the batch is written, and the database is intact. Needs root to mount a tmpfs, as
// CI runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/connect.js';
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

  it('is named as such, and the import leaves nothing behind', async () => {
    const database = path.join(disk, 'maaltal.sqlite');
    expect((await cli(['migrate', '--database', database])).code).toBe(0);
    expect((await cli(['seed', '--database', database])).code).toBe(0);
    const result = await cli(['import', csv, '--kind', 'accidents', '--database', database]);
    expect(result.stderr).toContain('the disk is full');
    expect(result.stderr).not.toContain('cannot rollback');
    expect(result.code).toBe(74);
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
  }, 120_000);
});
