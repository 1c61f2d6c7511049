// The key/value table for facts about the database itself (demo seed, …).
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
