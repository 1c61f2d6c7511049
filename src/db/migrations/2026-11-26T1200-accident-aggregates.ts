// Accident aggregates: accident counts and days lost per batch and leaf cell (convention × year × branch group ×
// age band × sex × severity × chemical), maintained on import and rollback. Frozen in time: never imports
// application types.
import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('accident_aggregate')
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('convention', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('branch_group_id', 'integer', (c) => c.notNull().references('branch_group.id'))
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('chemical', 'integer', (c) => c.notNull())
    .addColumn('accidents', 'integer', (c) => c.notNull())
    .addColumn('days_lost', 'bigint', (c) => c.notNull())
    .addColumn('days_known', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('accident_aggregate_pk', [
      'batch_id',
      'convention',
      'year',
      'branch_group_id',
      'age_band',
      'sex',
      'severity',
      'chemical',
    ])
    .execute();
}
