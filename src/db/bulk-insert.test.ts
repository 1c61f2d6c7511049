// Bulk inserts store exactly what they are given, on both databases: text with tabs, newlines, carriage returns,
// backslashes and the letters COPY uses for null, empty text apart from null, numbers, and more rows than one
// statement (SQLite) or one COPY buffer (PostgreSQL) holds.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { bulkInsert, openBulkStream, type RowTable } from './bulk-insert.js';

const table = (rows: unknown[][]): RowTable => ({
  length: rows.length,
  cell: (row, column) => (rows[row] as unknown[])[column],
});

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
    await sql`create table bulk_unique (n integer primary key, b integer)`.execute(store.db);
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

  it('streams table after table into one insert, ended once', async () => {
    const tables = Array.from({ length: 7 }, (_, t) => Array.from({ length: 500 }, (_, i) => [t * 500 + i]));
    await store.db.transaction().execute(async (tx) => {
      const stream = openBulkStream(tx, store, 'bulk_unique', ['n', 'b'], { trailing: [3] });
      for (const rows of tables) await stream.write(table(rows));
      await stream.end();
      // The handle is free again once the stream has ended.
      await sql`select 1`.execute(tx);
    });
    const stored = await sql<{
      c: number;
      s: number;
    }>`select count(*) as c, sum(n) as s from bulk_unique`.execute(store.db);
    expect([Number(stored.rows[0]?.c), Number(stored.rows[0]?.s)]).toEqual([3500, (3499 * 3500) / 2]);
  });

  it('fails with the error of the database when it refuses a row, and keeps nothing', async () => {
    const failure = store.db.transaction().execute(async (tx) => {
      const stream = openBulkStream(tx, store, 'bulk_unique', ['n', 'b']);
      try {
        for (let t = 0; t < 50; t++) {
          const rows = Array.from({ length: 500 }, (_, i) => [100_000 + t * 500 + i, 1]);
          // Stored already: refused while more rows are handed on, or at the latest when the insert ends.
          if (t === 0) rows.push([0, 1]);
          await stream.write(table(rows));
        }
      } finally {
        await stream.end().catch(() => {});
      }
      await stream.end();
    });
    await expect(failure).rejects.toThrow(/unique|duplicate/i);
    const left = await sql<{ c: number }>`select count(*) as c from bulk_unique where n >= 100000`.execute(
      store.db,
    );
    expect(Number(left.rows[0]?.c)).toBe(0);
  });
});
