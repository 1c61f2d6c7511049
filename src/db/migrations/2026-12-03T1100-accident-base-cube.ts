// The accident base cube: per batch, records counted by registration year × accident year × placement × age band ×
// sex × severity × the three raw codes the chemical setting reads. The leaves under any chemical setting are summed
// from it, so a full rebuild of the aggregates reads these cells instead of every record. Filled here from the
// records already stored. Frozen in time: never imports application types.
import { type Kysely, sql } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('accident_base')
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batch.id'))
    .addColumn('registration_year', 'integer', (c) => c.notNull())
    .addColumn('accident_year', 'integer')
    .addColumn('branch_group_id', 'integer', (c) => c.references('branch_group.id'))
    .addColumn('main_group_id', 'integer', (c) => c.references('main_group.id'))
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('injury_type', 'text')
    .addColumn('contact_mode', 'text')
    .addColumn('material_agent', 'text')
    .addColumn('accidents', 'integer', (c) => c.notNull())
    .addColumn('days_lost', 'bigint', (c) => c.notNull())
    .addColumn('days_known', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accident_base_batch_idx').on('accident_base').column('batch_id').execute();
  await sql`insert into accident_base (batch_id, registration_year, accident_year, branch_group_id, main_group_id,
      age_band, sex, severity, injury_type, contact_mode, material_agent, accidents, days_lost, days_known)
    select batch_id, registration_year, accident_year, branch_group_id,
      case when branch_group_id is null then main_group_id end, age_band, sex,
      case when fatal = 1 then 'fatal' else severity end, injury_type, contact_mode, material_agent,
      count(*), coalesce(sum(days_lost), 0), count(days_lost)
    from accident group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`.execute(db);
}
