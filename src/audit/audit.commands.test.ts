// `maaltal audit list` and `maaltal audit verify` on both databases: filters, --json, flags named in errors, and
// an exit code that says whether the chain is whole.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import type { Principal } from '../auth/policy.js';
import { inTransaction } from '../db/connect.js';
import { type AuditRow, recordAudit } from './audit.service.js';

const user: Principal = { kind: 'user', userId: 4, role: 'admin', bfaId: null, label: 'a@x.dk' };
const operator: Principal = { kind: 'cli', label: 'ops' };

describeEachDialect('maaltal audit', (dialect) => {
  let store: TestStore;
  const run = (...args: string[]) => cli(['audit', ...args, '--database', store.setting]);

  beforeAll(async () => {
    store = await freshStore(dialect);
    const events: [Principal, string, string, string][] = [
      [user, 'create', 'target', '2026-03-01T08:15:00Z'],
      [operator, 'import', 'batch', '2026-03-02T09:30:00Z'],
      [user, 'revise', 'target', '2026-03-03T10:45:00Z'],
    ];
    for (const [principal, action, entity, at] of events) {
      await inTransaction(store.db, (tx) =>
        recordAudit(
          tx,
          { principal, requestId: null, clientAddress: principal.kind === 'cli' ? 'cli' : '10.1.2.3' },
          { action, entity, entityId: 9, after: { action } },
          new Date(at),
        ),
      );
    }
  });
  afterAll(async () => {
    await store.destroy();
  });

  it('lists the trail newest first, filtered, as text and as JSON', async () => {
    const text = await run('list');
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe(
      '#3  2026-03-03 10:45  a@x.dk (user 4)  revise  target 9  from 10.1.2.3',
    );
    expect(text.stdout).toContain('#2  2026-03-02 09:30  ops (cli)  import  batch 9  from cli');
    const json = await run(
      'list',
      '--json',
      '--entity',
      'target',
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-02',
    );
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as AuditRow[];
    expect(rows.map((row) => [row.id, row.action, row.after])).toEqual([[1, 'create', { action: 'create' }]]);
    const byUser = JSON.parse(
      (await run('list', '--json', '--user', 'ops', '--limit', '5')).stdout,
    ) as AuditRow[];
    expect(byUser.map((row) => row.id)).toEqual([2]);
    const none = await run('list', '--action', 'nothing');
    expect(none.stdout).toBe('no events match the filter\n');
  });

  it('names the flag of a bad value', async () => {
    for (const [flag, value] of [
      ['--from', '2026-02-30'],
      ['--to', 'yesterday'],
      ['--limit', 'many'],
    ] as const) {
      const result = await run('list', flag, value);
      expect(result.code, flag).toBe(64);
      expect(result.stderr, flag).toContain(flag);
    }
    const danish = await run('list', '--from', '2026-1-1', '--lang', 'da');
    expect(danish.stderr).toContain('--from: skal være en gyldig dato');
  });

  it('says the trail is intact, then names a changed row and exits 65', async () => {
    const intact = await run('verify');
    expect([intact.code, intact.stdout]).toEqual([0, 'audit trail intact: 3 rows\n']);
    expect((await run('verify', '--lang', 'da')).stdout).toBe('revisionssporet er intakt: 3 rækker\n');
    if (store.dialect === 'sqlite') await sql`drop trigger audit_event_no_update`.execute(store.db);
    else await sql`drop trigger audit_event_no_change on audit_event`.execute(store.db);
    await sql`update audit_event set actor_label = 'someone' where id = 2`.execute(store.db);
    const broken = await run('verify');
    expect(broken.code).toBe(65);
    expect(broken.stdout).toBe(
      'row 2: its content does not match its hash (changed after it was written)\naudit trail broken: 1 problem in 3 rows\n',
    );
    const json = await run('verify', '--json');
    expect(json.code).toBe(65);
    expect(JSON.parse(json.stdout)).toMatchObject({ intact: false, checked: 3, problems: [{ id: 2 }] });
  });
});
