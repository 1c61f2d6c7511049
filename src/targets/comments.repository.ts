// Target comments: the SQL.
import type { Db, Tx } from '../db/connect.js';

type Handle = Db | Tx;

/** The BFA owning the target's current revision (null: none), or undefined when there is no such target. */
export async function targetOwner(
  db: Handle,
  targetId: number,
): Promise<{ ownerBfaId: number | null } | undefined> {
  return db
    .selectFrom('targetRevision')
    .select('ownerBfaId')
    .where('targetId', '=', targetId)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export const commentsOf = (db: Handle, targetId: number) =>
  db
    .selectFrom('targetComment')
    .innerJoin('appUser', 'appUser.id', 'targetComment.writtenBy')
    .select([
      'targetComment.id',
      'targetComment.body',
      'targetComment.writtenAt',
      'appUser.name as authorName',
      'appUser.email as authorEmail',
    ])
    .where('targetComment.targetId', '=', targetId)
    .orderBy('targetComment.id')
    .execute();

export async function insertComment(
  db: Handle,
  comment: { targetId: number; body: string; writtenBy: number; writtenAt: string },
): Promise<number> {
  const row = await db.insertInto('targetComment').values(comment).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
