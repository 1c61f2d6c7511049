// A large file validated in a worker thread whose write fails (a case number already stored) ends the worker with
// the import: the process exits with the problems named, instead of waiting for ever; on both databases.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../cli.js';
import { describeEachDialect, emptyDatabase } from '../databases.js';
import { type TempFiles, tempFiles } from '../imports/files.js';
import { writeAccidentsCsv } from '../imports/generate-accidents.js';

const MAIN = path.resolve('dist/cli/main.js');

let files: TempFiles;
let large: string;
beforeAll(async () => {
  files = tempFiles();
  large = path.join(files.dir, 'stor.csv');
  // About 9 MB: above the size from which rows are validated in a worker.
  await writeAccidentsCsv(large, 120_000);
});
afterAll(() => files.remove());

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: { PATH: process.env.PATH, TZ: 'UTC' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the import did not exit:\n${stderr.slice(-2000)}`));
    }, 90_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describeEachDialect('an import validated in a worker whose write fails', (dialect) => {
  it('exits, naming every stored case number with its row', async () => {
    const database = await emptyDatabase(dialect);
    try {
      expect((await cli(['migrate', '--database', database.setting])).code).toBe(0);
      expect((await cli(['seed', '--database', database.setting])).code).toBe(0);
      const small = files.write(
        `allerede-${dialect}.csv`,
        'sagsnummer,registreringsdato,branchekode,alder\nU-5,2024-01-02,471110,30\nU-70000,2024-01-02,471110,30\n',
      );
      expect((await cli(['import', small, '--kind', 'accidents', '--database', database.setting])).code).toBe(
        0,
      );
      const result = await run(['import', large, '--kind', 'accidents', '--database', database.setting]);
      expect(result.code).toBe(65);
      expect(result.stderr).toContain('stor.csv, row 6: sagsnummer: this row is already in the database');
      expect(result.stderr).toContain('stor.csv, row 70001: sagsnummer: this row is already in the database');
    } finally {
      await database.drop();
    }
  }, 120_000);
});
