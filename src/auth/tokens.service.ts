// API tokens for machine clients: made by a user for themself, shown once, kept as a digest, with an expiry and a
// role no higher than their owner's; revocable; the last use is recorded.
import { type AuditContext, recordAudit } from '../audit/audit.service.js';
import { type Db, inTransaction } from '../db/connect.js';
import type { Role } from '../db/schema.js';
import { AppError } from '../errors.js';
import {
  insertToken,
  type TokenRow,
  tokenByHash,
  tokenById,
  tokensOf,
  updateToken,
} from './accounts.repository.js';
import { type NewTokenInput, newTokenSchema } from './accounts.schemas.js';
import { parseInput } from './accounts.service.js';
import { type Principal, roleWithin } from './policy.js';
import { newSecret, secretDigest } from './secrets.js';

export const TOKEN_PREFIX = 'mlt_';

export interface ApiToken {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const presentToken = (row: TokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  revokedAt: row.revokedAt,
  lastUsedAt: row.lastUsedAt,
});

/** The owner a token is made for: the signed-in user (tokens cannot make tokens). */
function ownerOf(principal: Principal): { userId: number; role: Role } {
  if (principal.kind !== 'user') {
    throw new AppError('forbidden', 'Only a signed-in user makes API tokens, for themself', [
      { field: 'token', message: 'sign in as the token’s owner', messageDa: 'log ind som tokenets ejer' },
    ]);
  }
  return { userId: principal.userId, role: principal.role };
}

export async function createToken(
  db: Db,
  audit: AuditContext,
  input: { name: unknown; role: unknown; days: unknown },
  now: Date,
): Promise<{ token: string; record: ApiToken }> {
  const owner = ownerOf(audit.principal);
  const parsed = parseInput<NewTokenInput>(newTokenSchema, input, 'Invalid API token');
  if (!roleWithin(parsed.role as Role, owner.role)) {
    throw new AppError('invalid_input', 'A token cannot have a higher role than its owner', [
      {
        field: 'role',
        message: `must be no higher than your own role (${owner.role})`,
        messageDa: `må ikke være højere end din egen rolle (${owner.role})`,
      },
    ]);
  }
  const token = newSecret(TOKEN_PREFIX);
  const row = {
    userId: owner.userId,
    name: parsed.name,
    tokenHash: secretDigest(token),
    role: parsed.role as Role,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + parsed.days * 86_400_000).toISOString(),
    revokedAt: null,
    lastUsedAt: null,
  };
  const record = await inTransaction(db, async (tx) => {
    const id = await insertToken(tx, row);
    const created = presentToken({ id, ...row });
    await recordAudit(
      tx,
      audit,
      { action: 'token.create', entity: 'api_token', entityId: id, after: created },
      now,
    );
    return created;
  });
  return { token, record };
}

export async function listTokens(db: Db, principal: Principal): Promise<ApiToken[]> {
  return (await tokensOf(db, ownerOf(principal).userId)).map(presentToken);
}

/** Revokes one of the user's own tokens (an admin may revoke anyone's). */
export async function revokeToken(db: Db, audit: AuditContext, id: number, now: Date): Promise<ApiToken> {
  const row = Number.isSafeInteger(id) && id > 0 ? await tokenById(db, id) : undefined;
  const principal = audit.principal;
  const mayRevoke =
    row !== undefined &&
    (principal.kind === 'cli' ||
      (principal.kind === 'user' && (principal.userId === row.userId || principal.role === 'admin')));
  if (!mayRevoke) {
    throw new AppError('not_found', `No API token ${id} of yours`, [
      { field: 'id', message: 'no such token of yours', messageDa: 'intet sådant token af dine' },
    ]);
  }
  const before = presentToken(row);
  const after = { ...before, revokedAt: before.revokedAt ?? now.toISOString() };
  await inTransaction(db, async (tx) => {
    await updateToken(tx, id, { revokedAt: after.revokedAt });
    await recordAudit(
      tx,
      audit,
      { action: 'token.revoke', entity: 'api_token', entityId: id, before, after },
      now,
    );
  });
  return after;
}

const TOUCH_EVERY_MS = 60_000;

/** The principal a bearer token acts as, or undefined when it is unknown, revoked, expired, its owner disabled,
 *  or its role now above its owner's. */
export async function resumeToken(db: Db, token: string, now: Date): Promise<Principal | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await tokenByHash(db, secretDigest(token));
  if (row === undefined || row.revokedAt !== null || row.expiresAt <= now.toISOString()) return undefined;
  if (row.active !== 1 || !roleWithin(row.role, row.ownerRole)) return undefined;
  if (row.lastUsedAt === null || now.getTime() - Date.parse(row.lastUsedAt) >= TOUCH_EVERY_MS) {
    await updateToken(db, row.tokenId, { lastUsedAt: now.toISOString() });
  }
  return {
    kind: 'token',
    userId: row.userId,
    role: row.role,
    bfaId: row.bfaId,
    label: `${row.email} (token ${row.tokenId}: ${row.tokenName})`,
    tokenId: row.tokenId,
  };
}
