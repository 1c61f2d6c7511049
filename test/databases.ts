// Test helper: a fresh, migrated store per dialect, so one suite runs on real SQLite and real PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { openStore, type Store } from '../src/db/connect.js';
import type { Dialect } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestStore extends Store {
  /** The setting that opens this same database again (a file path or a postgres:// URL). */
  setting: string;
  /** Close the store and delete the database. */
  destroy(): Promise<void>;
}

/** A new empty database of the given dialect (not migrated). */
export async function emptyDatabase(dialect: Dialect): Promise<{ setting: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'maaltal-test-'));
    return {
      setting: path.join(dir, 'test.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `maaltal_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    setting: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function freshStore(dialect: Dialect, options: { migrate?: boolean } = {}): Promise<TestStore> {
  const database = await emptyDatabase(dialect);
  const store = await openStore(
    dialect === 'sqlite'
      ? { dialect: 'sqlite', file: database.setting }
      : { dialect: 'postgres', url: database.setting, display: database.setting },
  );
  if (options.migrate !== false) await migrateToLatest(store.db, dialect);
  return {
    ...store,
    setting: database.setting,
    destroy: async () => {
      await store.close();
      await database.drop();
    },
  };
}

/** `describe` once per dialect. */
export function describeEachDialect(name: string, body: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) describe(`${name} [${dialect}]`, () => body(dialect));
}
