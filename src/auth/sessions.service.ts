// Logins (throttled per account and per client address, in the database), sessions with idle and absolute expiry,
// and API tokens. Session ids, CSRF tokens and API tokens exist only with their holders; the database keeps digests.
import { type AuditContext, recordAudit } from '../audit/audit.service.js';
import type { SessionSettings } from '../config.js';
import { type Db, inTransaction } from '../db/connect.js';
import type { Role } from '../db/schema.js';
import { AppError } from '../errors.js';
import {
  clearThrottle,
  deleteSession,
  giveBackAttempt,
  insertSession,
  sessionByHash,
  takeLoginAttempt,
  throttleWait,
  touchSession,
  userByEmail,
} from './accounts.repository.js';
import { decoyHash, passwordMatches } from './passwords.js';
import { ANONYMOUS, type Principal } from './policy.js';
import { newSecret, secretDigest } from './secrets.js';

/** Failures allowed before each further attempt must wait, per account and per client address. */
const FREE_FAILURES = { account: 5, address: 20 };
/** The wait doubles with every failure past the free ones, up to 15 minutes. */
const MAX_WAIT_SECONDS = 15 * 60;

const waitSeconds = (failures: number, free: number) =>
  failures < free ? 0 : Math.min(MAX_WAIT_SECONDS, 2 ** (failures - free));

const later = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

const throttleKeys = (email: string, address: string) => ({
  account: `account:${email.trim().toLowerCase()}`,
  address: `address:${address}`,
});

export function loginRefused(): AppError {
  return new AppError('unauthorized', 'The e-mail address or password is wrong', [
    {
      field: 'password',
      message: 'the e-mail address or password is wrong',
      messageDa: 'e-mailadressen eller adgangskoden er forkert',
    },
  ]);
}

function loginThrottled(seconds: number): AppError {
  return new AppError('busy', 'Too many failed logins: wait before trying again', [
    {
      field: 'password',
      message: `too many failed logins; try again in ${seconds} seconds`,
      messageDa: `for mange fejlslagne logins; prøv igen om ${seconds} sekunder`,
    },
  ]);
}

/** For each count k of earlier failures, when the wait after one more ends (the allowance `free`, then doubling). */
function waitsFor(now: Date, free: number): { waits: (string | null)[]; longest: string } {
  const steps = free + Math.ceil(Math.log2(MAX_WAIT_SECONDS)) + 1;
  const waits = Array.from({ length: steps }, (_, earlier) => {
    const seconds = waitSeconds(earlier + 1, free);
    return seconds === 0 ? null : later(now, seconds);
  });
  return { waits, longest: later(now, MAX_WAIT_SECONDS) };
}

async function throttled(db: Db, keys: string[], now: Date): Promise<AppError> {
  const until = Math.max(...(await throttleWait(db, keys)).map((row) => Date.parse(row.blockedUntil)));
  return loginThrottled(Math.max(1, Math.ceil((until - now.getTime()) / 1000)));
}

/**
 * Takes an attempt for the account and for the client address before the password is checked, so that guesses sent
 * at once are each counted (a wait started by one holds back the rest). Refused while either key waits: recorded in
 * the audit trail as `login.throttled`.
 */
async function takeAttempts(db: Db, audit: AuditContext, email: string, now: Date): Promise<void> {
  const keys = throttleKeys(email, audit.clientAddress);
  const at = now.toISOString();
  const account = waitsFor(now, FREE_FAILURES.account);
  const address = waitsFor(now, FREE_FAILURES.address);
  const taken = await inTransaction(db, async (tx) => {
    const forAccount = await takeLoginAttempt(tx, keys.account, at, account.waits, account.longest);
    if (forAccount === undefined) return false;
    return (await takeLoginAttempt(tx, keys.address, at, address.waits, address.longest)) !== undefined;
  });
  if (taken) return;
  const refusal = await throttled(db, [keys.account, keys.address], now);
  await inTransaction(db, (tx) =>
    recordAudit(
      tx,
      audit,
      { action: 'login.throttled', entity: 'session', entityId: null, after: { email } },
      now,
    ),
  );
  throw refusal;
}

async function recordFailure(db: Db, audit: AuditContext, email: string, now: Date): Promise<void> {
  await inTransaction(db, (tx) =>
    recordAudit(
      tx,
      audit,
      { action: 'login.failed', entity: 'session', entityId: null, after: { email } },
      now,
    ),
  );
}

export interface NewSession {
  /** The cookie's value: the only copy of the session id. */
  sessionId: string;
  csrfToken: string;
  userId: number;
}

/** Checks the password and opens a new session (a new id at every login). */
export async function logIn(
  db: Db,
  audit: AuditContext,
  credentials: { email: string; password: string },
  now: Date,
): Promise<NewSession & { role: Role }> {
  const email = credentials.email.trim().toLowerCase();
  const keys = throttleKeys(email, audit.clientAddress);
  await takeAttempts(db, audit, email, now);
  const user = email === '' ? undefined : await userByEmail(db, email);
  const stored = user?.active === 1 && user.passwordHash !== null ? user.passwordHash : await decoyHash();
  const matches = await passwordMatches(stored, credentials.password);
  if (user === undefined || user.active !== 1 || user.passwordHash === null || !matches) {
    await recordFailure(db, audit, email, now);
    throw loginRefused();
  }
  await giveBackAttempt(db, keys.address);
  const session = await openSession(
    db,
    { ...audit, principal: principalOfUser(user) },
    user.id,
    now,
    'login',
    keys.account,
  );
  return { ...session, role: user.role };
}

/** A new session; recorded in the audit trail under `action` (a rotation after a change already audited passes
 *  none). */
export async function openSession(
  db: Db,
  audit: AuditContext,
  userId: number,
  now: Date,
  action: string | undefined,
  clearKey?: string,
): Promise<NewSession> {
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const at = now.toISOString();
  await inTransaction(db, async (tx) => {
    if (clearKey !== undefined) await clearThrottle(tx, clearKey);
    await insertSession(tx, {
      idHash: secretDigest(sessionId),
      userId,
      csrfToken,
      createdAt: at,
      lastSeenAt: at,
    });
    if (action !== undefined)
      await recordAudit(tx, audit, { action, entity: 'session', entityId: null, after: { userId } }, now);
  });
  return { sessionId, csrfToken, userId };
}

export function principalOfUser(user: {
  id: number;
  role: Role;
  bfaId: number | null;
  email: string;
}): Principal {
  return { kind: 'user', userId: user.id, role: user.role, bfaId: user.bfaId, label: user.email };
}

export interface ActiveSession {
  principal: Principal;
  csrfToken: string;
  name: string;
}

/** Writes of the last-seen time happen at most once a minute per session. */
const TOUCH_EVERY_MS = 60_000;

/** The session behind a cookie, or undefined when it is unknown, expired or its user disabled (then it ends). */
export async function resumeSession(
  db: Db,
  sessionId: string,
  settings: SessionSettings,
  now: Date,
): Promise<ActiveSession | undefined> {
  const idHash = secretDigest(sessionId);
  const row = await sessionByHash(db, idHash);
  if (row === undefined) return undefined;
  const idleEnd = Date.parse(row.lastSeenAt) + settings.idleMinutes * 60_000;
  const absoluteEnd = Date.parse(row.createdAt) + settings.absoluteHours * 3600_000;
  if (row.active !== 1 || now.getTime() >= idleEnd || now.getTime() >= absoluteEnd) {
    await deleteSession(db, idHash);
    return undefined;
  }
  if (now.getTime() - Date.parse(row.lastSeenAt) >= TOUCH_EVERY_MS) {
    await touchSession(db, idHash, now.toISOString());
  }
  return {
    principal: principalOfUser({ id: row.userId, role: row.role, bfaId: row.bfaId, email: row.email }),
    csrfToken: row.csrfToken,
    name: row.name,
  };
}

/** Ends a session the user replaces (a new login in the same browser): no audit row of its own. */
export async function replaceSession(db: Db, sessionId: string): Promise<void> {
  await deleteSession(db, secretDigest(sessionId));
}

export async function logOut(db: Db, audit: AuditContext, sessionId: string, now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    await deleteSession(tx, secretDigest(sessionId));
    await recordAudit(tx, audit, { action: 'logout', entity: 'session', entityId: null }, now);
  });
}

export const anonymousAudit = (clientAddress: string, requestId: string | null): AuditContext => ({
  principal: ANONYMOUS,
  clientAddress,
  requestId,
});
