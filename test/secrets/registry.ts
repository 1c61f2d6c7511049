// The secrets a test run makes (passwords, session ids, CSRF tokens, API tokens, reset codes), written to the run's
// capture directory so that the global teardown (global.ts) can look for them in everything the tests printed.
// Outside a run with the capture (no directory in the environment) registering does nothing.
import { appendFileSync } from 'node:fs';
import path from 'node:path';

/** The environment variable naming the run's capture directory (set by global.ts, passed on by capture.ts). */
export const CAPTURE_DIR_ENV = 'MAALTAL_LOG_CAPTURE_DIR';

export type SecretKind = 'password' | 'session id' | 'CSRF token' | 'API token' | 'reset code';

/** Shorter values are too likely to turn up by chance (every real secret here is far longer). */
export const MIN_SECRET_LENGTH = 12;

/** Files of the capture directory: the registered secrets per process, and the output of each test file. */
export const SECRETS_FILE = /^secrets-\d+\.jsonl$/;
export const LOG_FILE = /\.log$/;

export interface RegisteredSecret {
  kind: SecretKind;
  value: string;
  /** The test file that registered it, when known. */
  file: string;
}

/** The test file running in this process, as capture.ts last set it. */
const currentFile = () => process.env.MAALTAL_LOG_CAPTURE_FILE ?? '';

/** Remembers a secret the tests made, so the run fails if it is ever printed. */
export function registerSecret(value: string, kind: SecretKind): void {
  const dir = process.env[CAPTURE_DIR_ENV];
  if (dir === undefined || dir === '' || value.length < MIN_SECRET_LENGTH) return;
  const record: RegisteredSecret = { kind, value, file: currentFile() };
  appendFileSync(path.join(dir, `secrets-${process.pid}.jsonl`), `${JSON.stringify(record)}\n`, {
    mode: 0o600,
  });
}
