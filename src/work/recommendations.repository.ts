// The council's recommendations and their follow-up items: the SQL.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db, Tx } from '../db/connect.js';
import type { FollowUpItemTable, RecommendationTable } from '../db/schema.js';

type Handle = Db | Tx;

export type RecommendationRow = Selectable<RecommendationTable>;
export type FollowUpItemRow = Selectable<FollowUpItemTable>;

export async function insertRecommendation(
  db: Handle,
  row: Insertable<RecommendationTable>,
): Promise<number> {
  const inserted = await db
    .insertInto('recommendation')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export const recommendationById = (db: Handle, id: number): Promise<RecommendationRow | undefined> =>
  db.selectFrom('recommendation').selectAll().where('id', '=', id).executeTakeFirst();

/** Every recommendation (only the published ones unless `drafts`), newest first. */
export const recommendations = (db: Handle, options: { drafts: boolean }): Promise<RecommendationRow[]> => {
  let query = db.selectFrom('recommendation').selectAll();
  if (!options.drafts) query = query.where('published', '=', 1);
  return query.orderBy('issuedOn', 'desc').orderBy('id', 'desc').execute();
};

/** Saves a recommendation when it is still at `version`; the number of rows changed (0: someone saved first). */
export async function updateRecommendationAt(
  db: Handle,
  id: number,
  version: number,
  values: Updateable<RecommendationTable>,
): Promise<number> {
  const result = await db
    .updateTable('recommendation')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Items follow their recommendation's publication (an item is public when its recommendation is). */
export async function setItemsPublished(
  db: Handle,
  recommendationId: number,
  published: boolean,
  at: string,
): Promise<void> {
  await db
    .updateTable('followUpItem')
    .set({ published: published ? 1 : 0, publishedAt: published ? at : null })
    .where('recommendationId', '=', recommendationId)
    .execute();
}

export async function insertFollowUpItem(db: Handle, row: Insertable<FollowUpItemTable>): Promise<number> {
  const inserted = await db.insertInto('followUpItem').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export const followUpItemById = (db: Handle, id: number): Promise<FollowUpItemRow | undefined> =>
  db.selectFrom('followUpItem').selectAll().where('id', '=', id).executeTakeFirst();

/** The items of these recommendations, each recommendation's by due date. */
export async function itemsOf(db: Handle, recommendationIds: readonly number[]): Promise<FollowUpItemRow[]> {
  if (recommendationIds.length === 0) return [];
  return db
    .selectFrom('followUpItem')
    .selectAll()
    .where('recommendationId', 'in', [...recommendationIds])
    .orderBy('recommendationId')
    .orderBy('dueOn')
    .orderBy('id')
    .execute();
}

/** Saves an item when it is still at `version`; the number of rows changed (0: someone saved first). */
export async function updateFollowUpItemAt(
  db: Handle,
  id: number,
  version: number,
  values: Updateable<FollowUpItemTable>,
): Promise<number> {
  const result = await db
    .updateTable('followUpItem')
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
