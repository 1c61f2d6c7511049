// The CLI runner: finds the command, parses its flags strictly, runs it, and renders every error in one place.
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.js';
import { openStore, type Store } from '../db/connect.js';
import { pendingMigrations } from '../db/migrate.js';
import { AppError, toAppError, usageError } from '../errors.js';
import { type Command, type CommandContext, GLOBAL_OPTIONS, type Output } from './command.js';
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

export async function run(commands: Command[], argv: string[], io: RunIo): Promise<number> {
  let store: Store | undefined;
  let debug = argv.includes('--debug');
  let locale: 'da' | 'en' = 'en';
  try {
    locale = localeOf(argv, io.env);
    const { command, words } = findCommand(commands, argv);
    if (command === undefined) {
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
    const parsed = parseCommandArgs(command, argv.slice(words.length));
    debug = parsed.values.debug === true;
    if (parsed.values.help === true) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
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
    let config: Config | undefined;
    const context: CommandContext = {
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
        if (store === undefined) {
          store = await openStore(context.config().database, field);
          if (command.needsSchema !== false) await requireCurrentSchema(store, field);
        }
        return store;
      },
    };
    return (await command.run(context, parsed)) ?? 0;
  } catch (error) {
    const known = toAppError(error);
    if (known !== undefined) {
      io.stderr.write(`maaltal: ${terminalSafe(known.oneLineFor(locale))}\n`);
      if (debug && known.stack !== undefined) io.stderr.write(`${known.stack}\n`);
      return known.exitCode;
    }
    io.stderr.write(
      `maaltal: unexpected error: ${terminalSafe((error as Error)?.message ?? String(error))}\n`,
    );
    if (debug) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    else io.stderr.write('maaltal: run again with --debug for details\n');
    return 70;
  } finally {
    await store?.close();
  }
}
