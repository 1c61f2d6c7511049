// Imports: batches with provenance, the rows they replaced, accident records and disease cases; batch ids on
// observations, employment and target revisions. Frozen in time: never imports application types.
import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const id = (column: ColumnDefinitionBuilder) =>
    dialect === 'postgres'
      ? column.generatedByDefaultAsIdentity().primaryKey()
      : column.primaryKey().autoIncrement();
  const real = 'double precision';

  await db.schema
    .createTable('import_batch')
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('replaced_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('rolled_back_at', 'text')
    .addColumn('rolled_back_by', 'text')
    .addColumn('rollback_reason', 'text')
    .execute();
  // One committed batch per file and kind: the same file twice is refused even when two imports race.
  await db.schema
    .createIndex('import_batch_committed_file_uq')
    .unique()
    .on('import_batch')
    .columns(['sha256', 'kind'])
    .where(sql.ref('status'), '=', 'committed')
    .execute();

  // Rows an import with --replace removed, kept so that rolling that import back puts them back.
  await db.schema
    .createTable('import_replaced_row')
    .addColumn('id', 'integer', id)
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_replaced_row_batch_idx')
    .on('import_replaced_row')
    .column('batch_id')
    .execute();

  for (const table of ['observation', 'employment', 'target_revision']) {
    await db.schema
      .alterTable(table)
      .addColumn('batch_id', 'integer', (c) => c.references('import_batch.id'))
      .execute();
    await db.schema.createIndex(`${table}_batch_idx`).on(table).column('batch_id').execute();
  }

  await db.schema
    .createTable('accident')
    .addColumn('id', 'integer', id)
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('case_id', 'text')
    .addColumn('registration_date', 'text', (c) => c.notNull())
    .addColumn('registration_year', 'integer', (c) => c.notNull())
    .addColumn('accident_date', 'text')
    .addColumn('accident_year', 'integer')
    .addColumn('branch_group_id', 'integer', (c) => c.notNull().references('branch_group.id'))
    .addColumn('industry_code', 'text')
    .addColumn('classification', 'text')
    .addColumn('age', 'integer')
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('days_lost', 'integer')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('injury_type', 'text')
    .addColumn('body_part', 'text')
    .addColumn('deviation', 'text')
    .addColumn('contact_mode', 'text')
    .addColumn('material_agent', 'text')
    .addColumn('fatal', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accident_batch_idx').on('accident').column('batch_id').execute();
  await db.schema.createIndex('accident_case_idx').on('accident').column('case_id').execute();

  await db.schema
    .createTable('disease_case')
    .addColumn('id', 'integer', id)
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('aes_group', 'text', (c) => c.notNull())
    .addColumn('disease_type', 'text', (c) => c.notNull())
    .addColumn('reported', real, (c) => c.notNull())
    .addColumn('recognised', real)
    .addColumn('source', 'text', (c) => c.notNull())
    .addUniqueConstraint('disease_case_year_group_type_uq', ['year', 'aes_group', 'disease_type'])
    .execute();
  await db.schema.createIndex('disease_case_batch_idx').on('disease_case').column('batch_id').execute();
}
