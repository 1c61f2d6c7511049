// Killing `maaltal import` midway (SIGKILL, no chance to clean up) leaves no rows of that batch behind.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src/db/connect.js';
import type { Dialect } from '../../src/db/dialect.js';
import { cli } from '../cli.js';
import { describeEachDialect, emptyDatabase } from '../databases.js';
import { type TempFiles, tempFiles } from '../imports/files.js';
import { writeAccidentsCsv } from '../imports/generate-accidents.js';

const MAIN = path.resolve('dist/cli/main.js');
const ROWS = 120_000;

let files: TempFiles;
let csv: string;
beforeAll(async () => {
  files = tempFiles();
  csv = path.join(files.dir, 'accidents.csv');
  await writeAccidentsCsv(csv, ROWS);
});
afterAll(() => files.remove());

async function counts(dialect: Dialect, setting: string) {
  const store = await openStore(
    dialect === 'sqlite' ? { dialect, file: setting } : { dialect, url: setting, display: setting },
  );
  try {
    const accidents = await store.db
      .selectFrom('accident')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const batches = await store.db
      .selectFrom('importBatch')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { accidents: Number(accidents.n), batches: Number(batches.n) };
  } finally {
    await store.close();
  }
}

describeEachDialect('an import killed midway', (dialect) => {
  it('leaves nothing of its batch, and the file imports whole afterwards', async () => {
    const database = await emptyDatabase(dialect);
    try {
      expect((await cli(['migrate', '--database', database.setting])).code).toBe(0);
      expect((await cli(['seed', '--database', database.setting])).code).toBe(0);
      const child = spawn(
        process.execPath,
        [MAIN, 'import', csv, '--kind', 'accidents', '--database', database.setting],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { PATH: process.env.PATH, TZ: 'UTC' },
        },
      );
      let stderr = '';
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_code, signal) => resolve(signal)),
      );
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          // The first progress line comes after the first rows went into the open transaction.
          if (stderr.includes('rows read so far')) resolve();
        });
        child.once('exit', () => reject(new Error(`the import ended before it could be killed:\n${stderr}`)));
      });
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(await counts(dialect, database.setting)).toEqual({ accidents: 0, batches: 0 });

      const whole = await cli(['import', csv, '--kind', 'accidents', '--database', database.setting]);
      expect(whole.stderr).not.toContain('maaltal:');
      expect(whole.code).toBe(0);
      expect(await counts(dialect, database.setting)).toEqual({ accidents: ROWS, batches: 1 });
    } finally {
      await database.drop();
    }
  }, 120_000);
});
