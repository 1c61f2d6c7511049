// Users, sessions, API tokens, password resets and login throttling: the SQL.
import { type Selectable, sql } from 'kysely';
import type { Db, Tx } from '../db/connect.js';
import type { ApiTokenTable, AppUserTable, Role, UserSessionTable } from '../db/schema.js';

type Handle = Db | Tx;
export type UserRow = Selectable<AppUserTable>;
export type SessionRow = Selectable<UserSessionTable>;
export type TokenRow = Selectable<ApiTokenTable>;

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  bfaId: number | null;
  passwordHash: string | null;
  createdAt: string;
  isDemo?: number;
}

export async function insertUser(db: Handle, user: NewUser): Promise<number> {
  const row = await db
    .insertInto('appUser')
    .values({ ...user, active: 1, passwordChangedAt: user.passwordHash === null ? null : user.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const userByEmail = (db: Handle, email: string): Promise<UserRow | undefined> =>
  db.selectFrom('appUser').selectAll().where('email', '=', email).executeTakeFirst();

export const userById = (db: Handle, id: number): Promise<UserRow | undefined> =>
  db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();

export const allUsers = (db: Handle): Promise<UserRow[]> =>
  db.selectFrom('appUser').selectAll().orderBy('email').execute();

export async function updateUser(
  db: Handle,
  id: number,
  change: Partial<Pick<UserRow, 'role' | 'bfaId' | 'active' | 'passwordHash' | 'passwordChangedAt' | 'name'>>,
): Promise<void> {
  await db.updateTable('appUser').set(change).where('id', '=', id).execute();
}

export const bfaIdByCode = async (db: Handle, code: string): Promise<number | undefined> =>
  (await db.selectFrom('bfa').select('id').where('code', '=', code).executeTakeFirst())?.id;

export const allBfas = (db: Handle) =>
  db.selectFrom('bfa').select(['id', 'code', 'short']).orderBy('code').execute();

export const bfaCodeById = async (db: Handle, id: number): Promise<string | undefined> =>
  (await db.selectFrom('bfa').select('code').where('id', '=', id).executeTakeFirst())?.code;

export async function insertSession(db: Handle, session: SessionRow): Promise<void> {
  await db.insertInto('userSession').values(session).execute();
}

export const sessionByHash = (db: Handle, idHash: string) =>
  db
    .selectFrom('userSession')
    .innerJoin('appUser', 'appUser.id', 'userSession.userId')
    .select([
      'userSession.idHash',
      'userSession.csrfToken',
      'userSession.createdAt',
      'userSession.lastSeenAt',
      'appUser.id as userId',
      'appUser.email',
      'appUser.name',
      'appUser.role',
      'appUser.bfaId',
      'appUser.active',
    ])
    .where('userSession.idHash', '=', idHash)
    .executeTakeFirst();

export async function touchSession(db: Handle, idHash: string, at: string): Promise<void> {
  await db.updateTable('userSession').set({ lastSeenAt: at }).where('idHash', '=', idHash).execute();
}

export async function deleteSession(db: Handle, idHash: string): Promise<void> {
  await db.deleteFrom('userSession').where('idHash', '=', idHash).execute();
}

export async function deleteSessionsOf(db: Handle, userId: number): Promise<void> {
  await db.deleteFrom('userSession').where('userId', '=', userId).execute();
}

export async function insertToken(db: Handle, token: Omit<TokenRow, 'id'>): Promise<number> {
  const row = await db.insertInto('apiToken').values(token).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export const tokensOf = (db: Handle, userId: number): Promise<TokenRow[]> =>
  db.selectFrom('apiToken').selectAll().where('userId', '=', userId).orderBy('id').execute();

export const tokenById = (db: Handle, id: number): Promise<TokenRow | undefined> =>
  db.selectFrom('apiToken').selectAll().where('id', '=', id).executeTakeFirst();

export const tokenByHash = (db: Handle, tokenHash: string) =>
  db
    .selectFrom('apiToken')
    .innerJoin('appUser', 'appUser.id', 'apiToken.userId')
    .select([
      'apiToken.id as tokenId',
      'apiToken.name as tokenName',
      'apiToken.role',
      'apiToken.expiresAt',
      'apiToken.revokedAt',
      'apiToken.lastUsedAt',
      'appUser.id as userId',
      'appUser.email',
      'appUser.role as ownerRole',
      'appUser.bfaId',
      'appUser.active',
    ])
    .where('apiToken.tokenHash', '=', tokenHash)
    .executeTakeFirst();

export async function updateToken(
  db: Handle,
  id: number,
  change: Partial<Pick<TokenRow, 'revokedAt' | 'lastUsedAt' | 'role'>>,
): Promise<void> {
  await db.updateTable('apiToken').set(change).where('id', '=', id).execute();
}

export async function insertReset(
  db: Handle,
  reset: { codeHash: string; userId: number; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('passwordReset')
    .values({ ...reset, usedAt: null })
    .execute();
}

export const resetByHash = (db: Handle, codeHash: string) =>
  db.selectFrom('passwordReset').selectAll().where('codeHash', '=', codeHash).executeTakeFirst();

export async function markResetUsed(db: Handle, codeHash: string, at: string): Promise<void> {
  await db.updateTable('passwordReset').set({ usedAt: at }).where('codeHash', '=', codeHash).execute();
}

export async function expireResetsOf(db: Handle, userId: number, at: string): Promise<void> {
  await db
    .updateTable('passwordReset')
    .set({ usedAt: at })
    .where('userId', '=', userId)
    .where('usedAt', 'is', null)
    .execute();
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * Takes one login attempt for the key, counted as a failure until the password proves right: in one statement, so
 * that attempts sent at once are counted one by one and none slips past a wait another has just started. The
 * attempt is taken only when the key is not waiting (`blocked_until <= now`); the wait after this attempt is chosen
 * by the count before it (`waits[k]` for k earlier failures, `longest` beyond). Returns the count with this attempt,
 * or undefined when the key is waiting and the attempt is refused.
 */
export async function takeLoginAttempt(
  db: Handle,
  key: string,
  now: string,
  waits: readonly (string | null)[],
  longest: string,
): Promise<number | undefined> {
  await db
    .insertInto('loginThrottle')
    .values({ key, failures: 0, lastFailureAt: EPOCH, blockedUntil: EPOCH })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  const row = await db
    .updateTable('loginThrottle')
    .set((eb) => ({
      failures: eb('failures', '+', 1),
      lastFailureAt: now,
      blockedUntil: sql<string>`case ${sql.join(
        // A free attempt (no wait) keeps the block as it is: setting it to this request's own clock could hold
        // back a concurrent request whose clock was read a moment earlier.
        waits.map((until, count) => sql`when failures = ${count} then ${until ?? sql.ref('blockedUntil')}`),
        sql` `,
      )} else ${longest} end`,
    }))
    .where('key', '=', key)
    .where('blockedUntil', '<=', now)
    .returning('failures')
    .executeTakeFirst();
  return row?.failures;
}

export const throttleWait = (db: Handle, keys: string[]) =>
  db.selectFrom('loginThrottle').select(['key', 'blockedUntil']).where('key', 'in', keys).execute();

/** A right password at last: the attempt taken for the client address is given back. */
export async function giveBackAttempt(db: Handle, key: string): Promise<void> {
  await db
    .updateTable('loginThrottle')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export async function clearThrottle(db: Handle, key: string): Promise<void> {
  await db.deleteFrom('loginThrottle').where('key', '=', key).execute();
}
