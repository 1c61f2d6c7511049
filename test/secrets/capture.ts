// Vitest setup file (every test file, in every worker process): records everything written to process.stdout,
// process.stderr and console.* into a file per test file and process in the run's capture directory, and still
// passes it all through. The global teardown (global.ts) searches these files for the registered secrets.
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { formatWithOptions } from 'node:util';
import { expect, inject } from 'vitest';
import { CAPTURE_DIR_ENV } from './registry.js';

declare module 'vitest' {
  interface ProvidedContext {
    maaltalLogCapture: string;
  }
}

interface CaptureState {
  /** The open capture file of the test file now running in this process. */
  fd: number | null;
  /** The console object whose methods are wrapped (vitest may give a later test file a new one). */
  console: Console;
}

/** One state per process: a second setup run (another test file in the same process) only switches the file. */
const STATE = Symbol.for('maaltal.test.logCapture');
const holder = globalThis as typeof globalThis & { [STATE]?: CaptureState };

function record(text: string): void {
  const fd = holder[STATE]?.fd;
  if (fd === null || fd === undefined || text === '') return;
  try {
    writeSync(fd, text);
  } catch {
    // The capture must never break a test: an unwritable file only loses the record.
  }
}

const textOf = (chunk: unknown, encoding?: unknown): string => {
  if (typeof chunk === 'string') {
    return typeof encoding === 'string' &&
      encoding !== 'utf8' &&
      encoding !== 'utf-8' &&
      Buffer.isEncoding(encoding)
      ? Buffer.from(chunk, encoding).toString('utf8')
      : chunk;
  }
  if (chunk instanceof Uint8Array)
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
  return String(chunk);
};

function wrapStream(stream: NodeJS.WriteStream): void {
  const original = stream.write;
  stream.write = function write(this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    record(textOf(chunk, rest[0]));
    return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as NodeJS.WriteStream['write'];
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table'] as const;

function wrapConsole(): void {
  const target = console as unknown as Record<string, (...args: unknown[]) => void>;
  for (const name of CONSOLE_METHODS) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function captured(this: unknown, ...args: unknown[]) {
      record(`${formatWithOptions({ colors: false, depth: 8 }, ...args)}\n`);
      return original.apply(this, args);
    };
  }
  const assert = target.assert;
  if (typeof assert === 'function') {
    target.assert = function captured(this: unknown, condition?: unknown, ...args: unknown[]) {
      if (!condition) record(`Assertion failed: ${formatWithOptions({ colors: false }, ...args)}\n`);
      return assert.call(this, condition, ...args);
    };
  }
}

/** The capture file's name for a test file: its path from the project root, made safe as one file name. */
const fileNameFor = (testPath: string) =>
  `${path.relative(process.cwd(), testPath).replace(/[^A-Za-z0-9._-]+/g, '_') || 'unknown'}.${process.pid}.log`;

function start(): void {
  let dir = '';
  try {
    dir = inject('maaltalLogCapture') ?? '';
  } catch {
    dir = process.env[CAPTURE_DIR_ENV] ?? '';
  }
  if (dir === '') return; // Run without the global setup: nothing to capture into.
  process.env[CAPTURE_DIR_ENV] = dir;
  const testPath = expect.getState().testPath ?? 'unknown';
  process.env.MAALTAL_LOG_CAPTURE_FILE = path.relative(process.cwd(), testPath);
  const fd = openSync(path.join(dir, fileNameFor(testPath)), 'a', 0o600);
  const state = holder[STATE];
  if (state === undefined) {
    holder[STATE] = { fd, console };
    wrapStream(process.stdout);
    wrapStream(process.stderr);
    wrapConsole();
    return;
  }
  if (state.fd !== null) closeSync(state.fd);
  state.fd = fd;
  if (state.console !== console) {
    state.console = console;
    wrapConsole();
  }
}

start();
