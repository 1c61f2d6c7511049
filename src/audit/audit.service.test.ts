// The audit trail on both databases: rows chained by hash, UPDATE and DELETE refused, a changed or removed row named
// by the verification (also past the first page it reads), concurrent appends kept on one chain, and the filters.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { expectAppError } from '../../test/errors.js';
import type { Principal } from '../auth/policy.js';
import { inTransaction, openStore } from '../db/connect.js';
import {
  type AuditChange,
  type AuditContext,
  eachAuditRow,
  GENESIS_HASH,
  listAudit,
  parseAuditFilter,
  recordAudit,
  stableJson,
  verifyAudit,
} from './audit.service.js';

const admin: Principal = { kind: 'user', userId: 7, role: 'admin', bfaId: null, label: 'a@x.dk' };
const token: Principal = { kind: 'token', userId: 8, role: 'steward', bfaId: null, label: 'bot', tokenId: 3 };
const operator: Principal = { kind: 'cli', label: 'ops' };
const web = (principal: Principal): AuditContext => ({
  principal,
  requestId: 'r-1',
  clientAddress: '10.0.0.1',
});

async function record(
  store: TestStore,
  principal: Principal,
  change: AuditChange,
  at: string,
): Promise<void> {
  await inTransaction(store.db, (tx) => recordAudit(tx, web(principal), change, new Date(at)));
}

/** Three events by a user, a token and the operator. */
async function seedThree(store: TestStore): Promise<void> {
  await record(
    store,
    admin,
    { action: 'create', entity: 'target', entityId: 5, after: { value: 3, name: 'x' } },
    '2026-03-01T08:00:00Z',
  );
  await record(
    store,
    token,
    { action: 'revise', entity: 'target', entityId: '5', before: { value: 3 }, after: { value: 4 } },
    '2026-03-02T23:59:59Z',
  );
  await record(
    store,
    operator,
    { action: 'import', entity: 'batch', entityId: null },
    '2026-03-03T00:00:00Z',
  );
}

async function dropTriggers(store: TestStore): Promise<void> {
  if (store.dialect === 'sqlite') {
    await sql`drop trigger audit_event_no_update`.execute(store.db);
    await sql`drop trigger audit_event_no_delete`.execute(store.db);
  } else {
    await sql`drop trigger audit_event_no_change on audit_event`.execute(store.db);
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('stableJson', () => {
  it('sorts keys recursively and keeps array order', () => {
    expect(stableJson({ b: 1, a: { d: [2, { z: 1, y: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":0,"z":1}]},"b":1}',
    );
  });
});

describe('parseAuditFilter', () => {
  it('names each bad field in English and Danish', async () => {
    const error = await expectAppError(
      (async () => parseAuditFilter({ from: '2026-02-30', to: 'i går', limit: '0' }))(),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.field).sort()).toEqual(['from', 'limit', 'to']);
    const from = error.issues.find((issue) => issue.field === 'from');
    expect(from?.message).toContain('YYYY-MM-DD');
    expect(from?.messageDa).toContain('ÅÅÅÅ-MM-DD');
  });

  it('refuses a to date before the from date, and reads blanks as no filter', () => {
    expect(() => parseAuditFilter({ from: '2026-03-02', to: '2026-03-01' })).toThrow(/Invalid filter/);
    expect(parseAuditFilter({ user: ' ', entity: '', from: '2024-02-29', limit: '5' })).toEqual({
      user: undefined,
      entity: undefined,
      from: '2024-02-29',
      limit: 5,
    });
  });
});

describeEachDialect('audit trail', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await freshStore(dialect);
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('appends rows chained by hash, with the actor columns from the principal', async () => {
    await seedThree(store);
    const rows = await store.db.selectFrom('auditEvent').selectAll().orderBy('id').execute();
    expect(rows.map((row) => [row.id, row.actorKind, row.actorId, row.actorLabel])).toEqual([
      [1, 'user', 7, 'a@x.dk'],
      [2, 'token', 3, 'bot'],
      [3, 'cli', null, 'ops'],
    ]);
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(rows[2]?.prevHash).toBe(rows[1]?.hash);
    const first = rows[0];
    expect(first?.afterJson).toBe('{"name":"x","value":3}');
    expect(first?.beforeJson).toBeNull();
    expect(first?.entityId).toBe('5');
    expect(rows[2]?.entityId).toBeNull();
    const content = {
      action: 'create',
      actorId: 7,
      actorKind: 'user',
      actorLabel: 'a@x.dk',
      afterJson: '{"name":"x","value":3}',
      at: '2026-03-01T08:00:00.000Z',
      beforeJson: null,
      clientAddress: '10.0.0.1',
      entity: 'target',
      entityId: '5',
      requestId: 'r-1',
    };
    expect(first?.hash).toBe(sha256(`${GENESIS_HASH}\n${JSON.stringify(content)}`));
    expect(await verifyAudit(store.db)).toEqual({ checked: 3, problems: [] });
  });

  it('records an anonymous actor as such', async () => {
    await record(
      store,
      { kind: 'anonymous' },
      { action: 'login.failed', entity: 'session', entityId: null },
      '2026-03-01T00:00:00Z',
    );
    const [row] = await listAudit(store.db, {});
    expect([row?.actorKind, row?.actorId, row?.actorLabel]).toEqual(['anonymous', null, 'anonymous']);
  });

  it('refuses UPDATE and DELETE', async () => {
    await seedThree(store);
    await expect(
      sql`update audit_event set after_json = '{}' where id = 2`.execute(store.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event where id = 2`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_event`.execute(store.db)).rejects.toThrow(/append-only/);
    expect((await verifyAudit(store.db)).checked).toBe(3);
  });

  it('names exactly the row whose content was changed', async () => {
    await seedThree(store);
    await dropTriggers(store);
    await sql`update audit_event set after_json = '{"value":40}' where id = 2`.execute(store.db);
    const result = await verifyAudit(store.db);
    expect(result.checked).toBe(3);
    expect(result.problems.map((problem) => problem.id)).toEqual([2]);
    expect(result.problems[0]?.reason).toMatch(/does not match its hash/);
    expect(result.problems[0]?.reasonDa).toMatch(/passer ikke/);
  });

  it('names the row after a removed middle row', async () => {
    await seedThree(store);
    await dropTriggers(store);
    await sql`delete from audit_event where id = 2`.execute(store.db);
    const result = await verifyAudit(store.db);
    expect(result.checked).toBe(2);
    expect(new Set(result.problems.map((problem) => problem.id))).toEqual(new Set([3]));
    const reasons = result.problems.map((problem) => problem.reason).join('; ');
    expect(reasons).toContain('row 2 is missing');
    expect(reasons).toContain('not the hash of row 1');
  });

  it('names a removed first row', async () => {
    await seedThree(store);
    await dropTriggers(store);
    await sql`delete from audit_event where id = 1`.execute(store.db);
    const result = await verifyAudit(store.db);
    expect(result.problems.map((problem) => [problem.id, problem.reason])).toEqual([
      [2, 'row 1 is missing'],
      [2, "the first row's prev_hash is not 64 zeros"],
    ]);
  });

  it('reads the trail in pages: a change past the first thousand rows is found', async () => {
    await inTransaction(store.db, async (tx) => {
      for (let i = 0; i < 1_205; i++)
        await recordAudit(
          tx,
          web(admin),
          { action: 'touch', entity: 'x', entityId: i },
          new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        );
    });
    expect(await verifyAudit(store.db)).toEqual({ checked: 1_205, problems: [] });
    let streamed = 0;
    for await (const _row of eachAuditRow(store.db, {})) streamed++;
    expect(streamed).toBe(1_205);
    await dropTriggers(store);
    await sql`update audit_event set entity = 'y' where id = 1100`.execute(store.db);
    expect((await verifyAudit(store.db)).problems.map((problem) => problem.id)).toEqual([1_100]);
  });

  it('filters by user, entity, action and day, newest first, with parsed before/after', async () => {
    await seedThree(store);
    const ids = async (filter: Parameters<typeof listAudit>[1]) =>
      (await listAudit(store.db, filter)).map((row) => row.id);
    expect(await ids({})).toEqual([3, 2, 1]);
    expect(await ids({ user: 'bot' })).toEqual([2]);
    expect(await ids({ entity: 'target' })).toEqual([2, 1]);
    expect(await ids({ action: 'import' })).toEqual([3]);
    expect(await ids({ from: '2026-03-02' })).toEqual([3, 2]);
    expect(await ids({ to: '2026-03-02' })).toEqual([2, 1]);
    expect(await ids({ from: '2026-03-02', to: '2026-03-02' })).toEqual([2]);
    expect(await ids({ limit: 2 })).toEqual([3, 2]);
    expect(await ids({ user: 'nobody' })).toEqual([]);
    const [revised] = await listAudit(store.db, { action: 'revise' });
    expect(revised).toMatchObject({
      before: { value: 3 },
      after: { value: 4 },
      entityId: '5',
      requestId: 'r-1',
    });
    expect(revised?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.runIf(dialect === 'postgres')('keeps one chain when transactions append at the same time', async () => {
    const other = await openStore({ dialect: 'postgres', url: store.setting, display: 'test' });
    try {
      const writers = 4;
      let started = 0;
      let release: () => void = () => {};
      const allStarted = new Promise<void>((resolve) => {
        release = resolve;
      });
      const append = (db: typeof store.db, n: number) =>
        inTransaction(db, async (tx) => {
          await sql`select 1`.execute(tx);
          if (++started === writers) release();
          await allStarted;
          for (let i = 0; i < 3; i++)
            await recordAudit(
              tx,
              web(admin),
              { action: 'touch', entity: 'x', entityId: `${n}.${i}` },
              new Date(),
            );
          await new Promise((resolve) => setTimeout(resolve, 30));
        });
      await Promise.all([append(store.db, 1), append(other.db, 2), append(store.db, 3), append(other.db, 4)]);
      expect(await verifyAudit(store.db)).toEqual({ checked: 12, problems: [] });
    } finally {
      await other.close();
    }
  });
});
