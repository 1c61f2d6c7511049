// Accident records lose their per-row foreign keys (checked for every one of a million inserted rows): an import
// resolves the batch, branch group and main group against the reference tables in its own transaction, and triggers
// refuse to delete a batch, branch group or main group that accident records still refer to. Frozen in time: never
// imports application types.
import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

const COLUMNS = `id, batch_id, case_id, registration_date, registration_year, accident_date, accident_year,
  branch_group_id, industry_code, classification, age, age_band, sex, days_lost, severity, injury_type, body_part,
  deviation, contact_mode, material_agent, fatal, main_group_id`;

/** The parents and the accident column that refers to each. */
const PARENTS = [
  ['import_batch', 'batch_id'],
  ['branch_group', 'branch_group_id'],
  ['main_group', 'main_group_id'],
] as const;

async function rebuildWithoutForeignKeys(db: Kysely<unknown>): Promise<void> {
  const id = (column: ColumnDefinitionBuilder) => column.primaryKey().autoIncrement();
  await db.schema
    .createTable('accident_new')
    .addColumn('id', 'integer', id)
    .addColumn('batch_id', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('registration_date', 'text', (c) => c.notNull())
    .addColumn('registration_year', 'integer', (c) => c.notNull())
    .addColumn('accident_date', 'text')
    .addColumn('accident_year', 'integer')
    .addColumn('branch_group_id', 'integer')
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
    .addColumn('main_group_id', 'integer')
    .execute();
  await sql.raw(`insert into accident_new (${COLUMNS}) select ${COLUMNS} from accident`).execute(db);
  await db.schema.dropTable('accident').execute();
  await db.schema.alterTable('accident_new').renameTo('accident').execute();
  await db.schema.createIndex('accident_batch_idx').on('accident').column('batch_id').execute();
  await db.schema
    .createIndex('accident_case_uq')
    .on('accident')
    .column('case_id')
    .unique()
    .where(sql.ref('case_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('accident_unmapped_idx')
    .on('accident')
    .columns(['classification', 'industry_code'])
    .where(sql.ref('branch_group_id'), 'is', null)
    .execute();
  for (const [parent, column] of PARENTS)
    await sql
      .raw(`create trigger ${parent}_keeps_accidents before delete on ${parent}
        when exists (select 1 from accident where ${column} = old.id)
        begin select raise(abort, 'accident records refer to this ${parent.replace('_', ' ')}'); end`)
      .execute(db);
}

async function dropForeignKeysOnPostgres(db: Kysely<unknown>): Promise<void> {
  const keys = await sql<{ conname: string }>`select conname from pg_constraint
    where conrelid = 'accident'::regclass and contype = 'f'`.execute(db);
  for (const key of keys.rows)
    await sql`alter table accident drop constraint ${sql.id(key.conname)}`.execute(db);
  await sql
    .raw(`create function refuse_deleting_accident_parent() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from accident where
          (tg_table_name = 'import_batch' and batch_id = old.id)
          or (tg_table_name = 'branch_group' and branch_group_id = old.id)
          or (tg_table_name = 'main_group' and main_group_id = old.id)) then
        raise exception 'accident records refer to this %', replace(tg_table_name, '_', ' ')
          using errcode = '23503';
      end if;
      return old;
    end $$`)
    .execute(db);
  for (const [parent] of PARENTS)
    await sql
      .raw(`create trigger ${parent}_keeps_accidents before delete on ${parent}
        for each row execute function refuse_deleting_accident_parent()`)
      .execute(db);
}

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') await rebuildWithoutForeignKeys(db);
  else await dropForeignKeysOnPostgres(db);
}
