// Vitest global setup: makes the run's capture directory (capture.ts writes every test file's output there, the test
// helpers register the secrets they make through registry.ts) and, at the end of the run, fails it when any
// registered secret appears in any captured output. The message names the kind of secret, the test file whose output
// held it and the one that made it, never the secret itself. The directory is deleted either way.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CAPTURE_DIR_ENV, LOG_FILE, type RegisteredSecret, SECRETS_FILE } from './registry.js';

export interface Leak {
  kind: RegisteredSecret['kind'];
  /** The capture file (test file and process) whose output held the secret. */
  log: string;
  /** The test file that registered the secret, when known. */
  madeBy: string;
}

/** Every registered secret found in a captured output, once per secret kind × capture file × maker. */
export function findLeaks(dir: string): Leak[] {
  const names = readdirSync(dir);
  const secrets = new Map<string, RegisteredSecret>();
  for (const name of names.filter((n) => SECRETS_FILE.test(n))) {
    for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const secret = JSON.parse(line) as RegisteredSecret;
      secrets.set(secret.value, secret);
    }
  }
  const leaks = new Map<string, Leak>();
  for (const name of names.filter((n) => LOG_FILE.test(n))) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    if (text === '') continue;
    for (const secret of secrets.values()) {
      // Also as the URL-encoded form a query string or a cookie header would carry.
      if (!text.includes(secret.value) && !text.includes(encodeURIComponent(secret.value))) continue;
      const leak = { kind: secret.kind, log: name, madeBy: secret.file || 'unknown' };
      leaks.set(JSON.stringify(leak), leak);
    }
  }
  return [...leaks.values()];
}

export const describeLeaks = (leaks: Leak[]) =>
  [
    `${leaks.length} secret(s) appeared in test output (values not shown):`,
    ...leaks.map((leak) => `  a ${leak.kind} (made in ${leak.madeBy}) in the output of ${leak.log}`),
  ].join('\n');

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'maaltal-log-capture-'));
  process.env[CAPTURE_DIR_ENV] = dir;
  project.provide('maaltalLogCapture', dir);
  return () => {
    let leaks: Leak[];
    try {
      leaks = findLeaks(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      delete process.env[CAPTURE_DIR_ENV];
    }
    if (leaks.length > 0) {
      // Vitest only logs an error thrown here, so the exit code is set as well.
      process.exitCode = 1;
      throw new Error(describeLeaks(leaks));
    }
  };
}
