// Benchmark: rows per SQLite INSERT statement for the accident records (bulkInsert), 200,000 rows into a migrated
// file database inside one transaction, each size measured three times (median), with the one-row statement as the
// reference in the same run. Run: npx tsx bench/sqlite-insert.bench.ts [rows]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bulkInsert } from '../src/db/bulk-insert.js';
import { openStore } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { insertBatch } from '../src/imports/imports.repository.js';
import { accidentsKind } from '../src/imports/kinds/accidents.kind.js';
import { seedStore } from '../test/seed.js';

const ROWS = Number(process.argv[2] ?? 200_000);
const SIZES = [1, 25, 50, 100, 200, 400];

const dir = mkdtempSync(path.join(tmpdir(), 'maaltal-bench-'));
const store = await openStore({ dialect: 'sqlite', file: path.join(dir, 'bench.sqlite') });
try {
  await migrateToLatest(store.db, 'sqlite');
  await seedStore(store.db);
  const batchId = await insertBatch(store.db, {
    kind: 'accidents',
    fileName: 'bench',
    sha256: 'bench',
    sizeBytes: 0,
    format: 'csv',
    sourceLabel: '',
    settings: '{}',
    rowCount: 0,
    status: 'committed',
    importedAt: new Date().toISOString(),
    importedBy: 'bench',
    rolledBackAt: null,
    rolledBackBy: null,
    rollbackReason: null,
  });
  const columns = [...accidentsKind.columns, 'batch_id'];
  const rows = Array.from({ length: ROWS }, (_, i) => [
    `B-${i}`,
    '2024-03-15',
    2024,
    '2024-03-10',
    2024,
    1 + (i % 36),
    '471110',
    'DB07',
    20 + (i % 45),
    '25-34',
    i % 2 === 0 ? 'K' : 'M',
    i % 40,
    'minor',
    'Sår',
    'Hånd',
    null,
    'Skåret',
    null,
    0,
    null,
    batchId,
  ]);
  const timeOf = (size: number) => {
    const database = store.sqlite as NonNullable<typeof store.sqlite>;
    database.exec('begin');
    const started = performance.now();
    void bulkInsert(store.db, { dialect: 'sqlite', sqlite: database }, 'accident', columns, rows, {
      rowsPerStatement: size,
    });
    const seconds = (performance.now() - started) / 1000;
    database.exec('rollback');
    return seconds;
  };
  const medians = SIZES.map((size) => {
    const runs = [timeOf(size), timeOf(size), timeOf(size)].sort((a, b) => a - b);
    return [size, runs[1] as number] as const;
  });
  const reference = medians[0]?.[1] as number;
  for (const [size, seconds] of medians)
    console.log(
      `${String(size).padStart(4)} rows/statement: ${seconds.toFixed(2)} s, ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s, ${(seconds / reference).toFixed(2)}× the one-row statement`,
    );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
