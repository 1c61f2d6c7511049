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

/** Changes with every write the public pages show (imports, rollbacks, target revisions, seeds, rebuilds). */
export const META_DATA_VERSION = 'data.version';

/**
 * Mark that the data changed: page caches throw away what they rendered before. Call inside the write's
 * transaction. The increment is one atomic upsert, so two writers committing together still move it twice.
 */
export async function bumpDataVersion(db: Handle): Promise<void> {
  await sql`insert into meta (key, value) values (${META_DATA_VERSION}, '1')
    on conflict (key) do update set value = cast(cast(meta.value as integer) + 1 as text)`.execute(db);
}

/** The current data version: one primary-key read, cheap enough for every request. */
export async function dataVersion(db: Handle): Promise<string> {
  return (await getMeta(db, META_DATA_VERSION)) ?? INITIAL_DATA_VERSION;
}

/** The version of a database no write has bumped yet. */
export const INITIAL_DATA_VERSION = 'initial';
