// Accounts: users, passwords, resets and roles. Every change is one transaction with its audit row.
import { type AuditContext, recordAudit } from '../audit/audit.service.js';
import { type Db, inTransaction, type Tx } from '../db/connect.js';
import { isUniqueViolation } from '../db/dialect.js';
import type { Role } from '../db/schema.js';
import { AppError, type Issue } from '../errors.js';
import { parseOrThrow } from '../validation.js';
import {
  allUsers,
  bfaCodeById,
  bfaIdByCode,
  deleteSessionsOf,
  expireResetsOf,
  insertReset,
  insertUser,
  markResetUsed,
  resetByHash,
  type UserRow,
  updateUser,
  userByEmail,
  userById,
} from './accounts.repository.js';
import { emailSchema, newUserSchema, roleSchema } from './accounts.schemas.js';
import { danishOf } from './auth.texts.js';
import { hashPassword, type PasswordOwner, passwordMatches, passwordProblem } from './passwords.js';
import { newSecret, secretDigest } from './secrets.js';

/** A user as shown and audited: never the password hash. */
export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  bfa: string | null;
  active: boolean;
  hasPassword: boolean;
  createdAt: string;
}

const RESET_HOURS = 24;

const withDanish = (error: AppError) =>
  new AppError(
    error.code,
    error.message,
    error.issues.map((issue) => {
      const messageDa = issue.messageDa ?? danishOf(issue.message);
      return messageDa === undefined ? issue : { ...issue, messageDa };
    }),
  );

export function parseInput<T>(
  schema: { safeParse(input: unknown): unknown },
  input: unknown,
  what: string,
): T {
  try {
    return parseOrThrow(schema as never, input, what) as T;
  } catch (error) {
    throw error instanceof AppError ? withDanish(error) : error;
  }
}

async function present(db: Db | Tx, row: UserRow): Promise<User> {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    bfa: row.bfaId === null ? null : ((await bfaCodeById(db, row.bfaId)) ?? null),
    active: row.active === 1,
    hasPassword: row.passwordHash !== null,
    createdAt: row.createdAt,
  };
}

const invalid = (message: string, issues: Issue[]) => new AppError('invalid_input', message, issues);

function checkPassword(password: string, owner: PasswordOwner): void {
  const problem = passwordProblem(password, owner);
  if (problem !== undefined) throw invalid('The password cannot be used', [problem]);
}

/** The BFA a role needs: a bfa_editor needs one that exists, every other role none. */
async function bfaFor(db: Db, role: Role, code: string | undefined): Promise<number | null> {
  if (role !== 'bfa_editor') {
    if (code !== undefined) {
      throw invalid('Only a BFA editor belongs to a BFA', [
        {
          field: 'bfa',
          message: 'only the bfa_editor role has a BFA',
          messageDa: 'kun rollen bfa_editor har et BFA',
        },
      ]);
    }
    return null;
  }
  const id = code === undefined ? undefined : await bfaIdByCode(db, code.trim().toLowerCase());
  if (id === undefined) {
    throw invalid('A BFA editor needs an existing BFA', [
      {
        field: 'bfa',
        message: code === undefined ? 'is required for the bfa_editor role' : `no BFA has the code "${code}"`,
        messageDa:
          code === undefined ? 'skal udfyldes for rollen bfa_editor' : `intet BFA har koden "${code}"`,
      },
    ]);
  }
  return id;
}

export async function findUser(db: Db, email: string): Promise<UserRow> {
  const address = parseInput<string>(emailSchema, email, 'Invalid e-mail address');
  const row = await userByEmail(db, address);
  if (row === undefined) {
    throw new AppError('not_found', `No user has the e-mail address ${address}`, [
      { field: 'email', message: 'no such user', messageDa: 'ingen bruger med den e-mailadresse' },
    ]);
  }
  return row;
}

export interface AddUserInput {
  email: string;
  name: string;
  role: string;
  bfa?: string | undefined;
  password?: string | undefined;
  isDemo?: boolean;
}

export async function addUser(db: Db, audit: AuditContext, input: AddUserInput, now: Date): Promise<User> {
  const parsed = parseInput<{ email: string; name: string; role: Role; bfa?: string }>(
    newUserSchema,
    { email: input.email, name: input.name, role: input.role, bfa: input.bfa },
    'Invalid user',
  );
  const bfaId = await bfaFor(db, parsed.role, parsed.bfa);
  if (input.password !== undefined) checkPassword(input.password, parsed);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  try {
    return await inTransaction(db, async (tx) => {
      const at = now.toISOString();
      const id = await insertUser(tx, {
        email: parsed.email,
        name: parsed.name,
        role: parsed.role,
        bfaId,
        passwordHash,
        createdAt: at,
        isDemo: input.isDemo ? 1 : 0,
      });
      const user = await present(tx, (await userById(tx, id)) as UserRow);
      await recordAudit(tx, audit, { action: 'user.create', entity: 'user', entityId: id, after: user }, now);
      return user;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError('conflict', `A user with the e-mail address ${parsed.email} exists`, [
      { field: 'email', message: 'is already in use', messageDa: 'er allerede i brug' },
    ]);
  }
}

export async function listUsers(db: Db): Promise<User[]> {
  return Promise.all((await allUsers(db)).map((row) => present(db, row)));
}

/** One change of a user, audited with the user before and after. */
async function changeUser(
  db: Db,
  audit: AuditContext,
  row: UserRow,
  action: string,
  now: Date,
  change: Parameters<typeof updateUser>[2],
  endSessions = false,
): Promise<User> {
  const before = await present(db, row);
  return inTransaction(db, async (tx) => {
    await updateUser(tx, row.id, change);
    if (endSessions) await deleteSessionsOf(tx, row.id);
    const after = await present(tx, { ...row, ...change });
    await recordAudit(tx, audit, { action, entity: 'user', entityId: row.id, before, after }, now);
    return after;
  });
}

/** Refuses a change that would leave no active admin (nobody could manage users any more). */
async function keepAnAdmin(db: Db, row: UserRow, after: { role: Role; active: boolean }): Promise<void> {
  if (row.role !== 'admin' || row.active !== 1 || (after.role === 'admin' && after.active)) return;
  const admins = (await allUsers(db)).filter((user) => user.role === 'admin' && user.active === 1);
  if (admins.length > 1) return;
  throw new AppError('conflict', 'The last active admin cannot be disabled or lose the role', [
    {
      field: 'role',
      message: 'the last active admin cannot be disabled or lose the role',
      messageDa: 'den sidste aktive admin kan ikke deaktiveres eller miste rollen',
    },
  ]);
}

/** Disabling ends the user's sessions at once; their tokens stop working while they are disabled. */
export async function setActive(db: Db, audit: AuditContext, email: string, active: boolean, now: Date) {
  const row = await findUser(db, email);
  await keepAnAdmin(db, row, { role: row.role, active });
  return changeUser(
    db,
    audit,
    row,
    active ? 'user.enable' : 'user.disable',
    now,
    { active: active ? 1 : 0 },
    !active,
  );
}

export async function setRole(
  db: Db,
  audit: AuditContext,
  email: string,
  role: string,
  bfa: string | undefined,
  now: Date,
) {
  const row = await findUser(db, email);
  const newRole = parseInput<Role>(roleSchema, role, 'Invalid role');
  const bfaId = await bfaFor(db, newRole, bfa);
  await keepAnAdmin(db, row, { role: newRole, active: row.active === 1 });
  return changeUser(db, audit, row, 'user.set_role', now, { role: newRole, bfaId });
}

/** A one-time code (valid 24 hours) the user sets a new password with; shown once, stored as a digest. */
export async function startReset(db: Db, audit: AuditContext, email: string, now: Date): Promise<string> {
  const row = await findUser(db, email);
  const code = newSecret();
  const expiresAt = new Date(now.getTime() + RESET_HOURS * 3600_000).toISOString();
  await inTransaction(db, async (tx) => {
    await expireResetsOf(tx, row.id, now.toISOString());
    await insertReset(tx, {
      codeHash: secretDigest(code),
      userId: row.id,
      createdAt: now.toISOString(),
      expiresAt,
    });
    await recordAudit(
      tx,
      audit,
      { action: 'user.reset_start', entity: 'user', entityId: row.id, after: { expiresAt } },
      now,
    );
  });
  return code;
}

const badCode = () =>
  invalid('The reset code is wrong, used or expired', [
    { field: 'code', message: 'is wrong, used or expired', messageDa: 'er forkert, brugt eller udløbet' },
  ]);

/** Sets a new password with a reset code; every session of the user ends. */
export async function finishReset(db: Db, audit: AuditContext, code: string, password: string, now: Date) {
  const reset = await resetByHash(db, secretDigest(code));
  if (reset === undefined || reset.usedAt !== null || reset.expiresAt <= now.toISOString()) throw badCode();
  const row = (await userById(db, reset.userId)) as UserRow;
  checkPassword(password, row);
  const passwordHash = await hashPassword(password);
  await markResetUsed(db, reset.codeHash, now.toISOString());
  return changeUser(
    db,
    audit,
    row,
    'user.reset_finish',
    now,
    { passwordHash, passwordChangedAt: now.toISOString() },
    true,
  );
}

/** A signed-in user's own change: the current password first. Every session of the user ends (the page signs
 *  the user in again with a new session). */
export async function changePassword(
  db: Db,
  audit: AuditContext,
  userId: number,
  current: string,
  next: string,
  now: Date,
): Promise<void> {
  const row = await userById(db, userId);
  if (row?.passwordHash == null || !(await passwordMatches(row.passwordHash, current))) {
    throw invalid('The current password is wrong', [
      { field: 'current', message: 'is wrong', messageDa: 'er forkert' },
    ]);
  }
  checkPassword(next, row);
  const passwordHash = await hashPassword(next);
  const change = { passwordHash, passwordChangedAt: now.toISOString() };
  await changeUser(db, audit, row, 'user.password_change', now, change, true);
}
