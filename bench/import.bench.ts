// Benchmark: `maaltal import` of a 1,000,000-row accident CSV into SQLite (and PostgreSQL), against DuckDB's
// read_csv of the same file in the same run. Prints rows/s, wall time, peak RSS, the ratio to DuckDB, each stage's
// share of the import (`--timings`), and a 50,000-row yearly file on SQLite.
// A stage's time is what the importing thread spent in it: on PostgreSQL the file's one COPY streams beside the
// validation, so "write" is only the time the importing thread waited for the database (near zero when it keeps up).
// Run: npm run build && npx tsx bench/import.bench.ts [rows]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { emptyDatabase } from '../test/databases.js';
import { writeAccidentsCsv } from '../test/imports/generate-accidents.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const MAIN = path.resolve('dist/cli/main.js');
const RSS = path.resolve('bench/report-rss.mjs');

function maaltal(args: string[], measured = false) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...(measured ? ['--import', RSS] : []), MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MAALTAL_USER: 'bench' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`maaltal ${args.join(' ')} failed:\n${result.stderr}`);
  const rss = /maxrss_kib=(\d+)/.exec(result.stderr)?.[1];
  const stages = /stages: (.*)/.exec(result.stderr)?.[1] ?? null;
  const found = /Import: ([\d.]+) s/.exec(result.stderr)?.[1];
  const importSeconds = found === undefined ? null : Number(found);
  return { seconds, peakMb: rss === undefined ? null : Number(rss) / 1024, stages, importSeconds };
}

async function duckdb(file: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = performance.now();
  await connection.run(`CREATE TABLE accidents AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`);
  const seconds = (performance.now() - started) / 1000;
  const count = await connection.runAndReadAll('SELECT count(*) FROM accidents');
  if (Number(count.getRows()[0]?.[0]) !== ROWS) throw new Error('DuckDB read a different number of rows');
  return seconds;
}

const dir = mkdtempSync(path.join(tmpdir(), 'maaltal-bench-'));
try {
  const csv = path.join(dir, 'accidents.csv');
  let started = performance.now();
  await writeAccidentsCsv(csv, ROWS);
  const sizeMb = statSync(csv).size / 1024 / 1024;
  console.log(
    `file: ${ROWS.toLocaleString('en')} rows, ${sizeMb.toFixed(1)} MB (generated in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  const duck = await duckdb(csv);
  const results: [string, ReturnType<typeof maaltal>][] = [];
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const database = await emptyDatabase(dialect);
    try {
      maaltal(['migrate', '--database', database.setting]);
      maaltal(['seed', '--database', database.setting]);
      started = performance.now();
      results.push([
        dialect,
        maaltal(['import', csv, '--kind', 'accidents', '--timings', '--database', database.setting], true),
      ]);
    } finally {
      await database.drop();
    }
  }
  console.log(
    `DuckDB read_csv → table: ${duck.toFixed(2)} s (${Math.round(ROWS / duck).toLocaleString('en')} rows/s)`,
  );
  for (const [dialect, r] of results) {
    console.log(
      `maaltal import (${dialect}): ${r.seconds.toFixed(2)} s wall, ${Math.round(ROWS / r.seconds).toLocaleString('en')} rows/s, peak RSS ${r.peakMb?.toFixed(0) ?? '?'} MB, ${(r.seconds / duck).toFixed(1)}× DuckDB`,
    );
    console.log(
      `  the import itself (without process start and the disclosure protection after it): ${r.importSeconds?.toFixed(2) ?? '?'} s, ${((r.importSeconds ?? 0) / duck).toFixed(1)}× DuckDB`,
    );
    console.log(`  stages: ${r.stages ?? '?'}`);
  }

  const yearly = path.join(dir, 'yearly.csv');
  // The register's yearly delivery: one registration year.
  await writeAccidentsCsv(yearly, 50_000, 7, { from: 2025, to: 2025 });
  const database = await emptyDatabase('sqlite');
  try {
    maaltal(['migrate', '--database', database.setting]);
    maaltal(['seed', '--database', database.setting]);
    const r = maaltal(['import', yearly, '--kind', 'accidents', '--timings', '--database', database.setting]);
    console.log(
      `50,000-row yearly file (sqlite): ${r.seconds.toFixed(2)} s wall, the import itself ${r.importSeconds?.toFixed(2) ?? '?'} s`,
    );
  } finally {
    await database.drop();
  }
  console.log(
    'goals (#13): 1M rows within 8× DuckDB on SQLite and 10× on PostgreSQL, peak RSS under 300 MB; 50,000 rows under 2 s',
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
