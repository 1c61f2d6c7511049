// The append-only, tamper-evident audit trail: every row carries the SHA-256 of the previous row's hash and its own
// content, so a changed row no longer matches its hash and a removed row breaks the chain. Rows are numbered
// without gaps (the next number is taken under the chain's lock), so a gap is a removed row too.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Principal } from '../auth/policy.js';
import type { Db, Tx } from '../db/connect.js';
import { lockAuditChain } from '../db/dialect.js';
import type { AuditEventTable } from '../db/schema.js';
import { AppError, type Issue } from '../errors.js';
import {
  type AuditEventRow,
  type AuditQuery,
  auditEventsAfter,
  auditEventsBefore,
  insertAuditEvent,
  lastAuditLink,
} from './audit.repository.js';
import { AUDIT_TEXTS, type AuditProblemKey } from './audit.texts.js';

export interface AuditContext {
  principal: Principal;
  requestId: string | null;
  /** The client's IP address, or 'cli'. */
  clientAddress: string;
}

/** The local operator's context: what a write without a request records. */
export const operatorAudit = (label: string): AuditContext => ({
  principal: { kind: 'cli', label },
  requestId: null,
  clientAddress: 'cli',
});

export interface AuditChange {
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditProblem {
  id: number;
  /** English. */
  reason: string;
  reasonDa: string;
}

export interface AuditFilter {
  /** Matches the actor's label exactly. */
  user?: string | undefined;
  entity?: string | undefined;
  action?: string | undefined;
  /** YYYY-MM-DD (UTC), inclusive. */
  from?: string | undefined;
  /** YYYY-MM-DD (UTC), inclusive. */
  to?: string | undefined;
  limit?: number | undefined;
}

export interface AuditRow {
  id: number;
  at: string;
  actorKind: AuditEventTable['actorKind'];
  actorId: number | null;
  actorLabel: string;
  requestId: string | null;
  clientAddress: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

/** The first row's prev_hash. */
export const GENESIS_HASH = '0'.repeat(64);
export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 10_000;
const PAGE_SIZE = 1_000;

/** JSON with every object's keys sorted, recursively, so equal values always give the same text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort()
            .map((key) => [key, (item as Record<string, unknown>)[key]]),
        )
      : item,
  );
}

function actorOf(principal: Principal): Pick<AuditEventTable, 'actorKind' | 'actorId' | 'actorLabel'> {
  switch (principal.kind) {
    case 'anonymous':
      return { actorKind: 'anonymous', actorId: null, actorLabel: 'anonymous' };
    case 'cli':
      return { actorKind: 'cli', actorId: null, actorLabel: principal.label };
    case 'user':
      return { actorKind: 'user', actorId: principal.userId, actorLabel: principal.label };
    case 'token':
      return { actorKind: 'token', actorId: principal.tokenId ?? null, actorLabel: principal.label };
  }
}

type AuditContent = Omit<AuditEventTable, 'id' | 'prevHash' | 'hash'>;

/** sha256hex(prev_hash + '\n' + canonical JSON of the row's content fields). */
export function auditHash(prevHash: string, row: AuditContent): string {
  const content: AuditContent = {
    at: row.at,
    actorKind: row.actorKind,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    requestId: row.requestId,
    clientAddress: row.clientAddress,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    beforeJson: row.beforeJson,
    afterJson: row.afterJson,
  };
  return createHash('sha256')
    .update(`${prevHash}\n${stableJson(content)}`)
    .digest('hex');
}

const jsonOrNull = (value: unknown) => (value === undefined || value === null ? null : stableJson(value));

/**
 * Appends one row inside the caller's transaction, chained to the previous row's hash. The chain stays locked
 * until the transaction ends, so call it last in a long transaction.
 */
export async function recordAudit(
  tx: Tx,
  context: AuditContext,
  change: AuditChange,
  at: Date,
): Promise<void> {
  await lockAuditChain(tx);
  const last = await lastAuditLink(tx);
  const content: AuditContent = {
    at: at.toISOString(),
    ...actorOf(context.principal),
    requestId: context.requestId,
    clientAddress: context.clientAddress,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId === null ? null : String(change.entityId),
    beforeJson: jsonOrNull(change.before),
    afterJson: jsonOrNull(change.after),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await insertAuditEvent(tx, {
    id: (last?.id ?? 0) + 1,
    ...content,
    prevHash,
    hash: auditHash(prevHash, content),
  });
}

function problem(id: number, pick: (texts: (typeof AUDIT_TEXTS)['en']['reason']) => string): AuditProblem {
  return { id, reason: pick(AUDIT_TEXTS.en.reason), reasonDa: pick(AUDIT_TEXTS.da.reason) };
}

/** What is wrong with one row, given the row before it (undefined for the first row). */
function rowProblems(row: AuditEventRow, previous: AuditEventRow | undefined): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const expectedId = (previous?.id ?? 0) + 1;
  if (row.id > expectedId) problems.push(problem(row.id, (r) => r.missing(expectedId, row.id - 1)));
  const expectedPrev = previous?.hash ?? GENESIS_HASH;
  if (row.prevHash !== expectedPrev) {
    problems.push(
      problem(row.id, (r) => (previous === undefined ? r.firstNotGenesis : r.chainBroken(previous.id))),
    );
  }
  if (auditHash(row.prevHash, row) !== row.hash) problems.push(problem(row.id, (r) => r.contentChanged));
  return problems;
}

/** Walks the whole trail in id order, a page at a time, and names every row that breaks the chain. */
export async function verifyAudit(db: Db): Promise<{ checked: number; problems: AuditProblem[] }> {
  const problems: AuditProblem[] = [];
  let checked = 0;
  let previous: AuditEventRow | undefined;
  for (;;) {
    const page = await auditEventsAfter(db, previous?.id ?? 0, PAGE_SIZE);
    for (const row of page) {
      problems.push(...rowProblems(row, previous));
      previous = row;
    }
    checked += page.length;
    if (page.length < PAGE_SIZE) return { checked, problems };
  }
}

/** Stored JSON as a value; text that is not JSON (the row was tampered with) as the text itself. */
function parseStored(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toAuditRow(row: AuditEventRow): AuditRow {
  const { beforeJson, afterJson, prevHash: _prevHash, hash, ...rest } = row;
  return { ...rest, before: parseStored(beforeJson), after: parseStored(afterJson), hash };
}

/** The day after a YYYY-MM-DD date, as YYYY-MM-DD. */
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function queryOf(filter: AuditFilter): AuditQuery {
  return {
    actorLabel: filter.user,
    entity: filter.entity,
    action: filter.action,
    atFrom: filter.from,
    atBefore: filter.to === undefined ? undefined : nextDay(filter.to),
  };
}

/** The rows matching `filter`, newest first, at most `filter.limit` (100 by default). */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  const rows = await auditEventsBefore(db, queryOf(filter), null, filter.limit ?? DEFAULT_LIST_LIMIT);
  return rows.map(toAuditRow);
}

/** Every row matching `filter` (up to `filter.limit` when given), newest first, read a page at a time. */
export async function* eachAuditRow(db: Db, filter: AuditFilter): AsyncGenerator<AuditRow> {
  const query = queryOf(filter);
  let left = filter.limit ?? Number.POSITIVE_INFINITY;
  let beforeId: number | null = null;
  while (left > 0) {
    const page = await auditEventsBefore(db, query, beforeId, Math.min(PAGE_SIZE, left));
    for (const row of page) yield toAuditRow(row);
    left -= page.length;
    if (page.length < PAGE_SIZE) return;
    beforeId = page.at(-1)?.id ?? null;
  }
}

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const text = z.preprocess(
  blank,
  z
    .string('invalid')
    .trim()
    .max(200, 'tooLong')
    .refine((value) => !value.includes('\u0000'), 'invalid')
    .optional(),
);
const date = z.preprocess(blank, z.string('invalid').trim().refine(isIsoDate, 'badDate').optional());

export const auditFilterSchema = z
  .object({
    user: text,
    entity: text,
    action: text,
    from: date,
    to: date,
    limit: z.preprocess(
      blank,
      z.coerce
        .number('badLimit')
        .int('badLimit')
        .min(1, 'badLimit')
        .max(MAX_LIST_LIMIT, 'badLimit')
        .optional(),
    ),
  })
  .superRefine((filter, ctx) => {
    if (filter.from !== undefined && filter.to !== undefined && filter.to < filter.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'toBeforeFrom' });
  });

function filterIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => {
    const known = issue.message in AUDIT_TEXTS.en.problems;
    const key = (known ? issue.message : 'invalid') as AuditProblemKey;
    return {
      field: issue.path.map(String).join('.') || '(input)',
      message: AUDIT_TEXTS.en.problems[key],
      messageDa: AUDIT_TEXTS.da.problems[key],
    };
  });
}

/** The filter from a query string or CLI flags, or an `invalid_input` error naming each bad field. */
export function parseAuditFilter(input: Record<string, unknown>): AuditFilter {
  const result = auditFilterSchema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('invalid_input', AUDIT_TEXTS.en.invalidFilter, filterIssues(result.error));
}
