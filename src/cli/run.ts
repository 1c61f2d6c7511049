// The CLI runner: finds the command, parses its flags strictly, checks that the principal may run it, runs it, and
// renders every error in one place.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { AuditContext } from '../audit/audit.service.js';
import { can, type Principal, type Role, roleOf } from '../auth/policy.js';
import { resumeToken } from '../auth/tokens.service.js';
import { type Config, loadConfig } from '../config.js';
import { openStore, type Store } from '../db/connect.js';
import { pendingMigrations } from '../db/migrate.js';
import { AppError, toAppError, usageError } from '../errors.js';
import {
  type Command,
  type CommandContext,
  GLOBAL_OPTIONS,
  type Output,
  type ParsedArgs,
} from './command.js';
import { commandHelp, overviewHelp } from './help.js';
import { terminalSafe } from './terminal.js';

export interface RunIo {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  now?: () => Date;
  waitForStop?: () => Promise<void>;
  readStdin?: () => Promise<string>;
  stderrIsTty?: boolean;
  /** Asks for a secret without echoing it; without one, a prompt is offered only when stdin and stderr are terminals. */
  readSecret?: (prompt: string) => Promise<string>;
}

/** What the runner's context offers beside `CommandContext`: a prompt for a secret, when a person is at a terminal. */
export interface SecretPrompt {
  readSecret?(prompt: string): Promise<string>;
}

/** One line from the terminal with nothing echoed (the prompt goes to stderr); Ctrl-C cancels. */
function promptOnTerminal(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk as Buffer);
      done();
    },
  });
  const line = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve, reject) => {
    line.on('SIGINT', () => {
      line.close();
      process.stderr.write('\n');
      reject(usageError('Cancelled', [{ field: 'input', message: 'cancelled', messageDa: 'afbrudt' }]));
    });
    line.question(prompt, (answer) => {
      line.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

function secretReader(io: RunIo): SecretPrompt['readSecret'] {
  if (io.readSecret !== undefined) return io.readSecret;
  return io.stderrIsTty === true && process.stdin.isTTY === true ? promptOnTerminal : undefined;
}

function invalidToken(): AppError {
  return new AppError('unauthorized', 'The API token in MAALTAL_TOKEN cannot be used', [
    {
      field: 'MAALTAL_TOKEN',
      message: 'is unknown, expired or revoked, or its owner is disabled',
      messageDa: 'er ukendt, udløbet eller tilbagekaldt, eller dets ejer er deaktiveret',
    },
  ]);
}

/** The refusal of a command the token's role does not allow (no role: a system command); names the command and its
 *  permission. */
function refusal(command: Command, role: Role | undefined): AppError {
  const name = `maaltal ${command.name}`;
  const [message, messageDa] =
    role === undefined
      ? [
          `"${name}" needs the permission system: only the local operator runs it, without MAALTAL_TOKEN`,
          `"${name}" kræver tilladelsen system: kun den lokale driftsansvarlige kører den, uden MAALTAL_TOKEN`,
        ]
      : [
          `"${name}" needs the permission ${command.permission}, which the token's role (${role}) does not grant`,
          `"${name}" kræver tilladelsen ${command.permission}, som tokenets rolle (${role}) ikke giver`,
        ];
  return new AppError('forbidden', 'Not allowed', [{ field: 'MAALTAL_TOKEN', message, messageDa }]);
}

/** Refuses the command before it does anything when the principal may not run it. The operator (no token) may run
 *  everything, so the store is opened only to resolve a token, and never for a public or system command. */
async function authorise(command: Command, context: CommandContext): Promise<void> {
  if (command.permission === 'public' || context.config().cliToken === null) return;
  // A token never acts as the local operator, so a system command is refused without looking the token up.
  if (command.permission === 'system') throw refusal(command, undefined);
  const principal = await context.principal();
  if (!can(principal, command.permission)) throw refusal(command, roleOf(principal));
}

/** The owner of MAALTAL_TOKEN, or the local operator when none is set. */
async function principalOf(context: CommandContext): Promise<Principal> {
  const { cliToken, user } = context.config();
  if (cliToken === null) return { kind: 'cli', label: user };
  const principal = await resumeToken((await context.store()).db, cliToken, context.now());
  if (principal === undefined) throw invalidToken();
  return principal;
}

/** Who a command's changes are recorded as: the name kept on batches and revisions (the operator's MAALTAL_USER, or
 *  the token's owner), the clock, and the audit trail's context. */
export async function actorOf(
  context: CommandContext,
): Promise<{ user: string; now: () => Date; audit: AuditContext }> {
  const audit = await context.auditContext();
  const user = audit.principal.kind === 'anonymous' ? 'anonymous' : audit.principal.label;
  return { user, now: context.now, audit };
}

/** Commands other than migrate/start work only on a database whose schema is up to date. */
async function requireCurrentSchema(store: Store, field: string): Promise<void> {
  const pending = await pendingMigrations(store.db, store.dialect);
  if (pending.length > 0) {
    throw new AppError('invalid_config', 'The database schema is not up to date', [
      { field, message: `${store.location}: run \`maaltal migrate\` first (pending: ${pending.join(', ')})` },
    ]);
  }
}

/** Split argv into the command's words and the rest. */
function findCommand(commands: Command[], argv: string[]): { command: Command | undefined; words: string[] } {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  for (let length = words.length; length > 0; length--) {
    const name = words.slice(0, length).join(' ');
    const command = commands.find((candidate) => candidate.name === name);
    if (command !== undefined) return { command, words: words.slice(0, length) };
  }
  return { command: undefined, words };
}

function parseCommandArgs(command: Command, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message.replace(/\s*To specify a positional argument.*$/s, '');
    const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '(arguments)';
    throw usageError(`Invalid arguments for "maaltal ${command.name}"`, [{ field: flag, message }]);
  }
}

/** `--lang da|en` (or `--lang=…`), else the environment's locale (LC_ALL, LC_MESSAGES, LANG: da_DK… is Danish). */
function localeOf(argv: string[], env: NodeJS.ProcessEnv): 'da' | 'en' {
  const at = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const given = at < 0 ? undefined : argv[at]?.includes('=') ? argv[at]?.slice(7) : argv[at + 1];
  if (given === 'da' || given === 'en') return given;
  if (given !== undefined) {
    throw usageError('Invalid --lang', [
      {
        field: '--lang',
        message: `"${given}" is not da or en`,
        messageDa: `"${given}" er hverken da eller en`,
      },
    ]);
  }
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^da(_|$|\.)/i.test(fromEnv) ? 'da' : 'en';
}

/** No command matched: the overview or a group's list (exit 0 when asked for, else 64), or an unknown command. */
function withoutCommand(commands: Command[], argv: string[], words: string[], io: RunIo): number {
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  const group = `${words.join(' ')} `;
  if (words.length > 0 && commands.some((candidate) => candidate.name.startsWith(group))) {
    // A command group without its sub-command (`maaltal targets`): list the group.
    io.stdout.write(overviewHelp(commands, group));
    return wantsHelp ? 0 : 64;
  }
  if (words.length === 0) {
    io.stdout.write(overviewHelp(commands));
    return argv.length === 0 || wantsHelp ? 0 : 64;
  }
  throw usageError(`Unknown command "${words.join(' ')}"`, [
    { field: 'command', message: 'run `maaltal --help` for the list of commands' },
  ]);
}

function checkPositionals(command: Command, parsed: ParsedArgs): void {
  const required = (command.positionals ?? []).filter((p) => p.required);
  if (parsed.positionals.length < required.length) {
    const missing = required[parsed.positionals.length];
    throw usageError(`Missing argument for "maaltal ${command.name}"`, [
      { field: missing?.name ?? 'argument', message: missing?.description ?? 'is required' },
    ]);
  }
  if (parsed.positionals.length > (command.positionals ?? []).length) {
    throw usageError(`Too many arguments for "maaltal ${command.name}"`, [
      { field: 'argument', message: `unexpected "${parsed.positionals.at(-1)}"` },
    ]);
  }
}

/** The context a command runs in; the store, configuration and principal are made on first use, and the store is
 *  left in `opened` for the runner to close. */
function commandContext(
  command: Command,
  parsed: ParsedArgs,
  io: RunIo,
  locale: 'da' | 'en',
  opened: { store?: Store },
): CommandContext & SecretPrompt {
  let config: Config | undefined;
  let principal: Promise<Principal> | undefined;
  const readSecret = secretReader(io);
  const context: CommandContext & SecretPrompt = {
    ...(readSecret === undefined ? {} : { readSecret }),
    locale,
    stdout: { write: (text) => io.stdout.write(terminalSafe(text)) },
    stderr: io.stderr,
    env: io.env,
    now: io.now ?? (() => new Date()),
    waitForStop: io.waitForStop ?? (() => new Promise<void>(() => {})),
    readStdin: io.readStdin ?? (async () => ''),
    stderrIsTty: io.stderrIsTty ?? false,
    config: () => {
      config ??= loadConfig(io.env, {
        database: parsed.values.database as string | undefined,
        port: parsed.values.port as string | undefined,
        host: parsed.values.host as string | undefined,
      });
      return config;
    },
    store: async () => {
      const field = parsed.values.database === undefined ? 'DATABASE_URL' : '--database';
      if (opened.store === undefined) {
        opened.store = await openStore(context.config().database, field);
        if (command.needsSchema !== false) await requireCurrentSchema(opened.store, field);
      }
      return opened.store;
    },
    principal: () => {
      principal ??= principalOf(context);
      return principal;
    },
    auditContext: async () => ({
      principal: await context.principal(),
      requestId: null,
      clientAddress: 'cli',
    }),
  };
  return context;
}

export async function run(commands: Command[], argv: string[], io: RunIo): Promise<number> {
  const opened: { store?: Store } = {};
  let debug = argv.includes('--debug');
  let locale: 'da' | 'en' = 'en';
  try {
    locale = localeOf(argv, io.env);
    const { command, words } = findCommand(commands, argv);
    if (command === undefined) return withoutCommand(commands, argv, words, io);
    const parsed = parseCommandArgs(command, argv.slice(words.length));
    debug = parsed.values.debug === true;
    if (parsed.values.help === true) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    const context = commandContext(command, parsed, io, locale, opened);
    // Who may run the command is settled before how it was called, so a refusal does not depend on the arguments.
    await authorise(command, context);
    checkPositionals(command, parsed);
    return (await command.run(context, parsed)) ?? 0;
  } catch (error) {
    return reportError(error, io, locale, debug);
  } finally {
    await opened.store?.close();
  }
}

/** One line for a catalogue error (its exit code), a generic line for anything else (70). */
function reportError(error: unknown, io: RunIo, locale: 'da' | 'en', debug: boolean): number {
  const known = toAppError(error);
  if (known !== undefined) {
    io.stderr.write(`maaltal: ${terminalSafe(known.oneLineFor(locale))}\n`);
    if (debug && known.stack !== undefined) io.stderr.write(`${known.stack}\n`);
    return known.exitCode;
  }
  io.stderr.write(`maaltal: unexpected error: ${terminalSafe((error as Error)?.message ?? String(error))}\n`);
  if (debug) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  else io.stderr.write('maaltal: run again with --debug for details\n');
  return 70;
}
