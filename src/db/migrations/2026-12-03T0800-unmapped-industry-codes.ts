// Accident records whose industry code is a valid DB07 code that no branch group covers yet: kept without a branch
// group (branch_group_id null), with the main group when the code's division tells it (main_group_id), and
// aggregated apart per main group until a steward maps the code. Frozen in time: never imports application types.
import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

const ACCIDENT_COLUMNS = `id, batch_id, case_id, registration_date, registration_year, accident_date, accident_year,
  branch_group_id, industry_code, classification, age, age_band, sex, days_lost, severity, injury_type, body_part,
  deviation, contact_mode, material_agent, fatal`;

/** SQLite cannot drop a NOT NULL constraint: the table is rebuilt with the new shape and its rows copied over. */
async function rebuildAccidentForSqlite(db: Kysely<unknown>): Promise<void> {
  const id = (column: ColumnDefinitionBuilder) => column.primaryKey().autoIncrement();
  await db.schema
    .createTable('accident_new')
    .addColumn('id', 'integer', id)
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('case_id', 'text')
    .addColumn('registration_date', 'text', (c) => c.notNull())
    .addColumn('registration_year', 'integer', (c) => c.notNull())
    .addColumn('accident_date', 'text')
    .addColumn('accident_year', 'integer')
    .addColumn('branch_group_id', 'integer', (c) => c.references('branch_group.id'))
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
    .addColumn('main_group_id', 'integer', (c) => c.references('main_group.id'))
    .execute();
  await sql
    .raw(`insert into accident_new (${ACCIDENT_COLUMNS}) select ${ACCIDENT_COLUMNS} from accident`)
    .execute(db);
  await db.schema.dropTable('accident').execute();
  await db.schema.alterTable('accident_new').renameTo('accident').execute();
  await db.schema.createIndex('accident_batch_idx').on('accident').column('batch_id').execute();
  await db.schema.createIndex('accident_case_idx').on('accident').column('case_id').execute();
}

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await rebuildAccidentForSqlite(db);
  else {
    await db.schema
      .alterTable('accident')
      .alterColumn('branch_group_id', (column) => column.dropNotNull())
      .execute();
    await db.schema
      .alterTable('accident')
      .addColumn('main_group_id', 'integer', (c) => c.references('main_group.id'))
      .execute();
  }
  await db.schema
    .createIndex('accident_unmapped_idx')
    .on('accident')
    .columns(['classification', 'industry_code'])
    .where(sql.ref('branch_group_id'), 'is', null)
    .execute();

  // Accidents without a branch group per batch and leaf cell, as accident_aggregate holds those with one; the main
  // group is null when the code's division does not tell it.
  await db.schema
    .createTable('accident_unmapped_aggregate')
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('convention', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('main_group_id', 'integer', (c) => c.references('main_group.id'))
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('chemical', 'integer', (c) => c.notNull())
    .addColumn('accidents', 'integer', (c) => c.notNull())
    .addColumn('days_lost', 'bigint', (c) => c.notNull())
    .addColumn('days_known', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('accident_unmapped_aggregate_batch_idx')
    .on('accident_unmapped_aggregate')
    .column('batch_id')
    .execute();
}
