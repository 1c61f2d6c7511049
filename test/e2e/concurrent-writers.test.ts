// Twenty `maaltal targets revise` processes on one target at once, on SQLite and on PostgreSQL: each revision
// either lands or is refused as a conflict (exit 75); none is lost and none fails with an unexpected error.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../databases.js';
import { seedStore } from '../seed.js';

const MAIN = path.resolve('dist/cli/main.js');
const WRITERS = 20;

function revise(database: string, value: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        MAIN,
        'targets',
        'revise',
        '1',
        '--target-value',
        value,
        '--reason',
        `Samtidig ${value}`,
        '--database',
        database,
      ],
      {
        env: { PATH: process.env.PATH, TZ: 'UTC', MAALTAL_USER: 'test' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

describeEachDialect('concurrent writers', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
  }, 60_000);
  afterAll(async () => store?.destroy());

  it('lands every revision or refuses it as a conflict, and loses none', async () => {
    const revisions = () =>
      store.db
        .selectFrom('targetRevision')
        .select(['revision', 'reason'])
        .where('targetId', '=', 1)
        .execute();
    const before = (await revisions()).length;
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => revise(store.setting, String(10 + i))),
    );
    const unexpected = results.filter((r) => r.code !== 0 && r.code !== 75);
    expect(unexpected.map((r) => `${r.code}: ${r.stderr}`)).toEqual([]);
    const landed = results.filter((r) => r.code === 0).length;
    expect(landed).toBeGreaterThan(0);
    const after = await revisions();
    expect(after.length).toBe(before + landed);
    expect(new Set(after.map((r) => r.revision)).size).toBe(after.length);
    for (const refused of results.filter((r) => r.code === 75))
      expect(refused.stderr).toContain('was revised by someone else meanwhile');
  }, 120_000);
});
