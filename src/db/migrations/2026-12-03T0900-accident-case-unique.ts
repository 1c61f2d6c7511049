// An accident's case number is unique among the stored records (records without one are not compared): the database
// refuses a duplicate itself, so an import need not look every case number up before it writes. Frozen in time:
// never imports application types.
import { type Kysely, sql } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.dropIndex('accident_case_idx').execute();
  await db.schema
    .createIndex('accident_case_uq')
    .on('accident')
    .column('case_id')
    .unique()
    .where(sql.ref('case_id'), 'is not', null)
    .execute();
}
