// The key/value table for facts about the database itself (demo seed, …).
import { sql } from 'kysely';
import type { Db, Tx } from './connect.js';

type Handle = Db | Tx;

export const META_DEMO_SEED = 'demo.seed';

export async function getMeta(db: Handle, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function setMeta(db: Handle, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * A fingerprint of everything the public pages show: it changes whenever an import, a rollback, a target
 * revision, new observations or employment, or a rebuild of the accident aggregates lands. Page caches key on it.
 */
export async function dataVersion(db: Handle): Promise<string> {
  const result = await sql<Record<string, unknown>>`select
      (select count(*) from import_batch where status = 'committed') as batches,
      (select max(id) from import_batch) as last_batch,
      (select count(*) from target) as targets,
      (select max(id) from target_revision) as last_revision,
      (select count(*) from observation) as observations,
      (select max(id) from observation) as last_observation,
      (select count(*) from employment) as employment,
      (select max(id) from employment) as last_employment,
      (select value from meta where key = 'accidents.version') as accidents,
      (select value from meta where key = ${META_DEMO_SEED}) as demo`.execute(db);
  return JSON.stringify(result.rows[0] ?? {});
}
