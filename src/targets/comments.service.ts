// Comments on a target: unpublished notes of the secretariat, stewards and the target's own BFA. A BFA editor reads
// and writes only on their own BFA's targets; the policy decides (auth/policy.canOn).
import { type AuditContext, recordAudit } from '../audit/audit.service.js';
import { canOn, type Permission } from '../auth/policy.js';
import { type Db, inTransaction } from '../db/connect.js';
import { AppError } from '../errors.js';
import { commentsOf, insertComment, targetOwner } from './comments.repository.js';

export interface TargetComment {
  id: number;
  body: string;
  writtenAt: string;
  author: { name: string; email: string };
}

export const MAX_COMMENT_LENGTH = 5000;

const noTarget = (id: number) =>
  new AppError('not_found', `No target ${id}`, [
    { field: 'id', message: 'no such target', messageDa: 'intet sådant måltal' },
  ]);

/** Refuses unless the principal holds the permission on this target (403), or the target does not exist (404). */
async function authorised(
  db: Db,
  audit: AuditContext,
  targetId: number,
  permission: Permission,
): Promise<void> {
  const owner = Number.isSafeInteger(targetId) ? await targetOwner(db, targetId) : undefined;
  if (owner === undefined) throw noTarget(targetId);
  if (canOn(audit.principal, permission, owner.ownerBfaId)) return;
  throw new AppError('forbidden', `Target ${targetId} belongs to another BFA`, [
    {
      field: 'id',
      message: 'this target belongs to another BFA than yours',
      messageDa: 'dette måltal hører til et andet BFA end dit',
    },
  ]);
}

export async function listComments(db: Db, audit: AuditContext, targetId: number): Promise<TargetComment[]> {
  await authorised(db, audit, targetId, 'drafts.read');
  return (await commentsOf(db, targetId)).map((row) => ({
    id: row.id,
    body: row.body,
    writtenAt: row.writtenAt,
    author: { name: row.authorName, email: row.authorEmail },
  }));
}

export async function addComment(
  db: Db,
  audit: AuditContext,
  targetId: number,
  body: string,
  now: Date,
): Promise<number> {
  await authorised(db, audit, targetId, 'comments.write');
  const text = body.trim();
  if (text === '' || text.length > MAX_COMMENT_LENGTH) {
    throw new AppError('invalid_input', 'The comment is empty or too long', [
      {
        field: 'body',
        message: text === '' ? 'is required' : `must be at most ${MAX_COMMENT_LENGTH} characters`,
        messageDa: text === '' ? 'skal udfyldes' : `må højst være ${MAX_COMMENT_LENGTH} tegn`,
      },
    ]);
  }
  const principal = audit.principal;
  if (principal.kind !== 'user' && principal.kind !== 'token')
    throw new AppError('forbidden', 'Sign in to comment');
  return inTransaction(db, async (tx) => {
    const id = await insertComment(tx, {
      targetId,
      body: text,
      writtenBy: principal.userId,
      writtenAt: now.toISOString(),
    });
    const after = { targetId, body: text };
    await recordAudit(
      tx,
      audit,
      { action: 'comment.create', entity: 'target_comment', entityId: id, after },
      now,
    );
    return id;
  });
}
