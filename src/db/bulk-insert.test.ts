// Bulk inserts store exactly what they are given, on both databases: text with tabs, newlines, carriage returns,
// backslashes and the letters COPY uses for null, empty text apart from null, numbers, and more rows than one
// statement (SQLite) or one COPY buffer (PostgreSQL) holds.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { bulkInsert } from './bulk-insert.js';

const TRICKY = [
  'a\tb',
  'line\nbreak',
  'carriage\rreturn',
  'back\\slash',
  '\\N',
  'N',
  '',
  'Æble ø å 😀',
  '"quoted"',
  ',',
];

describeEachDialect('bulk insert', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await sql`create table bulk_check (n integer not null, t text, x double precision, b integer)`.execute(
      store.db,
    );
  });
  afterAll(async () => {
    await store.destroy();
  });

  it('stores every value as given, in one transaction with the rest', async () => {
    const rows: unknown[][] = [
      ...TRICKY.map((text, n) => [n, text, n / 3]),
      [TRICKY.length, null, null],
      ...Array.from({ length: 2345 }, (_, i) => [100 + i, `row ${i}`, 0.5 - i * 1.5]),
    ];
    await store.db
      .transaction()
      .execute((tx) => bulkInsert(tx, store, 'bulk_check', ['n', 't', 'x', 'b'], rows, { trailing: [7] }));
    const stored = await sql<{ n: number; t: string | null; x: number | null; b: number }>`
      select n, t, x, b from bulk_check order by n`.execute(store.db);
    expect(stored.rows.map((row) => [Number(row.n), row.t, row.x === null ? null : Number(row.x)])).toEqual(
      rows,
    );
    expect(new Set(stored.rows.map((row) => Number(row.b)))).toEqual(new Set([7]));
  });

  it('leaves nothing when the transaction fails after it', async () => {
    await expect(
      store.db.transaction().execute(async (tx) => {
        await bulkInsert(tx, store, 'bulk_check', ['n', 't', 'x'], [[9999, 'gone', 1]]);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const left = await sql<{ c: number }>`select count(*) as c from bulk_check where n = 9999`.execute(
      store.db,
    );
    expect(Number(left.rows[0]?.c)).toBe(0);
  });
});
