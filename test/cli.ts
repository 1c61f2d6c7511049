// Test helper: run the `maaltal` CLI in-process and capture what it prints.
import { COMMANDS } from '../src/cli/commands.js';
import { run } from '../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], env: NodeJS.ProcessEnv = {}, stdin = ''): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(COMMANDS, argv, {
    stdout: {
      write: (text) => {
        stdout += text;
      },
    },
    stderr: {
      write: (text) => {
        stderr += text;
      },
    },
    env: { MAALTAL_USER: 'test', ...env },
    now: () => new Date('2026-01-02T03:04:05Z'),
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}
