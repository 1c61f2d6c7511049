#!/usr/bin/env node
// The `maaltal` command: wires the process (argv, streams, signals) to the runner.
import { COMMANDS } from './commands.js';
import { run } from './run.js';

const stopSignal = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

const code = await run(COMMANDS, process.argv.slice(2), {
  stdout: { write: (text) => process.stdout.write(text) },
  stderr: { write: (text) => process.stderr.write(text) },
  env: process.env,
  stopSignal,
});
process.exitCode = code;
