// Disclosure protection: per counting convention and year, the cells the disclosure audit left hidden (a bitmap
// over the year's cube cells) and the fingerprint of the figures it was computed for. Frozen in time: never imports
// application types.
import type { Kysely } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('disclosure_protection')
    .addColumn('convention', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('hidden', 'text', (c) => c.notNull())
    .addColumn('added_cells', 'integer', (c) => c.notNull())
    .addColumn('rounds', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosure_protection_pk', ['convention', 'year'])
    .execute();
}
