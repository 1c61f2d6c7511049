#!/usr/bin/env node
// The `maaltal` command: wires the process (argv, streams, signals) to the runner.
import { COMMANDS } from './commands.js';
import { run } from './run.js';

const code = await run(COMMANDS, process.argv.slice(2), {
  stdout: { write: (text) => process.stdout.write(text) },
  stderr: { write: (text) => process.stderr.write(text) },
  env: process.env,
  stderrIsTty: process.stderr.isTTY === true,
  // Only long-running commands (serve) take over SIGINT/SIGTERM; others keep Node's default of stopping at once.
  waitForStop: () =>
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
});
process.exitCode = code;
