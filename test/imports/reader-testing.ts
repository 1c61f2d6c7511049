// Helpers for the readers' tests: fixture paths, throw-away files, collecting rows and catching AppErrors (whose
// issues must all carry Danish as well as English).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { AppError } from '../../src/errors.js';
import type { OpenedTable, RawRow } from '../../src/imports/readers/table.js';

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/imports/${name}`, import.meta.url));
}

/** A temporary directory for the calling test file, removed when its tests are done. */
export function useTempDir(): (name: string, content: string | Buffer) => string {
  const dir = mkdtempSync(join(tmpdir(), 'maaltal-readers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}

export async function readAll(table: OpenedTable | Promise<OpenedTable>): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of (await table).rows) rows.push(row);
  return rows;
}

/** The AppError the promise rejects with (failing the test if it resolves or throws something else). */
export async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expectBilingual(error as AppError);
  return error as AppError;
}

/** Every issue of the error has a Danish message next to the English one (the editor area shows it). */
export function expectBilingual(error: AppError): void {
  for (const issue of error.issues) {
    expect(issue.messageDa, JSON.stringify(issue)).toBeTruthy();
    expect(issue.messageDa, JSON.stringify(issue)).not.toBe(issue.message);
  }
}

/** The single issue of an `invalid_input` AppError. */
export async function issueOf(promise: Promise<unknown>): Promise<AppError['issues'][number]> {
  const error = await appError(promise);
  expect(error.code).toBe('invalid_input');
  expect(error.issues).toHaveLength(1);
  return error.issues[0] as AppError['issues'][number];
}
