// Test helpers: load reference (and demo) data into a test store, and dump a whole database for comparisons.

import type { BulkTarget } from '../src/db/bulk-insert.js';
import { type Db, inTransaction } from '../src/db/connect.js';
import type { Database } from '../src/db/schema.js';
import { DEFAULT_DEMO_SEED } from '../src/demo/demo.generator.js';
import { seedDemo } from '../src/demo/demo.seed.js';
import { loadReferenceData } from '../src/reference/reference.data.js';
import { seedReference } from '../src/reference/reference.repository.js';

export async function seedStore(
  db: Db,
  options: {
    demo?: boolean;
    seed?: number;
    /** Share of the full demo accident records; 0.02 (about 14,000 records) keeps test suites quick. */
    accidentScale?: number;
    /** The store, for bulk inserts of the accident records (without it they go through the query builder). */
    bulk?: BulkTarget;
  } = {},
): Promise<void> {
  const reference = loadReferenceData();
  await inTransaction(db, async (tx) => {
    await seedReference(tx, reference);
    if (options.demo === true)
      await seedDemo(tx, reference, options.seed ?? DEFAULT_DEMO_SEED, {
        accidentScale: options.accidentScale ?? 0.02,
        ...(options.bulk === undefined ? {} : { bulk: options.bulk }),
      });
  });
}

const TABLES: (keyof Database)[] = [
  'meta',
  'goal',
  'subProblem',
  'bfa',
  'mainGroup',
  'branchGroup',
  'branchGroupOwner',
  'subBranch',
  'branchProblem',
  'industryCode',
  'indicator',
  'target',
  'targetRevision',
  'observation',
  'employment',
  'importBatch',
  'importReplacedRow',
  'accident',
  'accidentAggregate',
  'accidentUnmappedAggregate',
  'disclosureProtection',
  'diseaseCase',
  'workplaceCount',
  'workActivity',
  'workActivityBranch',
  'workActivityTarget',
  'recordVersion',
];

/** Every row of every table as JSON (keys sorted), in a stable order: equal dumps mean equal content. */
export async function dumpDatabase(db: Db): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    dump[table] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }
  return dump;
}
