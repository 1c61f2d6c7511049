// The shape of a CLI command and the context it runs in (output streams, environment, clock, store).
import type { ParseArgsConfig } from 'node:util';
import type { AuditContext } from '../audit/audit.service.js';
import type { Permission, Principal } from '../auth/policy.js';
import type { Config } from '../config.js';
import type { Store } from '../db/connect.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & {
  description: string;
  value?: string;
};

export interface Command {
  /** Words that select the command, e.g. `targets list`. */
  name: string;
  summary: string;
  /** What follows the command name, e.g. `ID [options]`. */
  usage?: string;
  options: Record<string, OptionSpec>;
  /** What the command needs of the principal running it (auth/policy.ts). */
  permission: Permission;
  positionals?: { name: string; description: string; required: boolean }[];
  /** False for commands that create the schema themselves (migrate, start); the others refuse an outdated one. */
  needsSchema?: boolean;
  run(context: CommandContext, args: ParsedArgs): Promise<number | undefined>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** The value of a string option, or undefined when it was not given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

export interface Output {
  write(text: string): void;
}

export interface CommandContext {
  /** The language problems are reported in (`--lang`, else the environment's locale). */
  locale: 'da' | 'en';
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** The checked configuration, with `--database`/`--port` applied. */
  config(): Config;
  /** The store named by the configuration, opened once; closed by the runner. */
  store(): Promise<Store>;
  /** True when standard error is a terminal (progress bars redraw in place there). */
  stderrIsTty: boolean;
  /** Who runs the command: the owner of the API token in MAALTAL_TOKEN, else the local operator (checked against the
   *  command's permission before it runs). */
  principal(): Promise<Principal>;
  /** The principal, the request id (none) and the origin (`cli`) for the audit trail. */
  auditContext(): Promise<AuditContext>;
  /** All of standard input, for commands that read `-`. */
  readStdin(): Promise<string>;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); long-running commands wait on it. */
  waitForStop(): Promise<void>;
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  database: {
    type: 'string',
    value: 'URL|FILE',
    description:
      'database: postgres://… URL, sqlite:FILE or a file path (default: DATABASE_URL, else var/maaltal.sqlite)',
  },
  debug: { type: 'boolean', description: 'show the stack trace of unexpected errors' },
  lang: {
    type: 'string',
    value: 'da|en',
    description:
      'the language of problems and messages (default: from LC_ALL, LC_MESSAGES or LANG, else English)',
  },
  help: { type: 'boolean', short: 'h', description: 'show help for this command' },
};
