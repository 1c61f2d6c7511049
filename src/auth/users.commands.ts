// `maaltal users …`: add, list, disable, enable and re-role users, and make one-time codes to set a password with.
// Every change is audited with the principal running the command. A password is read from standard input or a
// prompt without echo, never from a flag, and never printed.
import { type Command, type CommandContext, flag, type ParsedArgs, stringOption } from '../cli/command.js';
import type { SecretPrompt } from '../cli/run.js';
import { AppError, invalidInput, usageError } from '../errors.js';
import { newUserSchema } from './accounts.schemas.js';
import {
  addUser,
  listUsers,
  parseInput,
  setActive,
  setRole,
  startReset,
  type User,
} from './accounts.service.js';
import { ROLES } from './policy.js';

const EMAIL = { name: 'EMAIL', description: 'the user’s e-mail address', required: true };

const role = { type: 'string', value: 'ROLE', description: `the role: ${ROLES.join(', ')}` } as const;
const bfa = {
  type: 'string',
  value: 'CODE',
  description: 'the BFA a bfa_editor belongs to (its code, e.g. voa); no other role has one',
} as const;

/** The service's fields as the user typed them. */
const FLAG_OF: Record<string, string> = { email: 'EMAIL', name: '--name', role: '--role', bfa: '--bfa' };

/** Runs a service call; its problems name the argument or flag they are about. */
async function asTyped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error.withFieldNames((field) => FLAG_OF[field] ?? field);
    throw error;
  }
}

function requiredOption(args: ParsedArgs, name: string): string {
  const value = stringOption(args, name);
  if (value === undefined) {
    throw usageError(`Missing --${name}`, [
      { field: `--${name}`, message: 'is required', messageDa: 'skal angives' },
    ]);
  }
  return value;
}

const emailOf = (args: ParsedArgs) => args.positionals[0] as string;

/** The first line of standard input (its line ending removed); empty input is a usage error. */
async function passwordFromStdin(context: CommandContext): Promise<string> {
  const line = (await context.readStdin()).split(/\r?\n/)[0] ?? '';
  if (line === '') {
    throw usageError('No password on standard input', [
      {
        field: '--password-stdin',
        message: 'standard input held no password (one line is read)',
        messageDa: 'standardinput indeholdt ingen adgangskode (der læses én linje)',
      },
    ]);
  }
  return line;
}

/** The password typed twice at a prompt without echo; empty: none. */
async function passwordFromPrompt(readSecret: (prompt: string) => Promise<string>, email: string) {
  const first = await readSecret(`Password for ${email} (leave empty to set none now): `);
  if (first === '') return undefined;
  if ((await readSecret('The same password again: ')) !== first) {
    throw invalidInput('The passwords differ', [
      {
        field: 'password',
        message: 'the two entries differ',
        messageDa: 'de to indtastninger er forskellige',
      },
    ]);
  }
  return first;
}

/** `--password-stdin`, else a prompt when a person is at a terminal, else none. */
async function passwordFor(
  context: CommandContext & SecretPrompt,
  args: ParsedArgs,
): Promise<string | undefined> {
  if (flag(args, 'password-stdin')) return passwordFromStdin(context);
  if (context.readSecret === undefined) return undefined;
  return passwordFromPrompt(context.readSecret, emailOf(args));
}

const roleText = (user: User) => (user.bfa === null ? user.role : `${user.role} of BFA ${user.bfa}`);

function userLine(user: User): string {
  return [
    `#${user.id}`,
    user.email,
    user.name,
    roleText(user),
    user.active ? 'active' : 'disabled',
    user.hasPassword ? 'password set' : 'no password',
    `created ${user.createdAt.slice(0, 10)}`,
  ].join('  ');
}

async function add(context: CommandContext & SecretPrompt, args: ParsedArgs): Promise<number> {
  const input = {
    email: emailOf(args),
    name: requiredOption(args, 'name'),
    role: requiredOption(args, 'role'),
  };
  // The flags are checked before anyone is asked for a password.
  await asTyped(async () => parseInput(newUserSchema, input, 'Invalid user'));
  const password = await passwordFor(context, args);
  const { db } = await context.store();
  const audit = await context.auditContext();
  const user = await asTyped(() =>
    addUser(db, audit, { ...input, bfa: stringOption(args, 'bfa'), password }, context.now()),
  );
  context.stdout.write(`Added user #${user.id} ${user.email} (${roleText(user)})\n`);
  if (!user.hasPassword) {
    context.stdout.write(
      `No password is set: make a one-time code for it with \`maaltal users reset-password ${user.email}\`\n`,
    );
  }
  return 0;
}

async function list(context: CommandContext, args: ParsedArgs): Promise<number> {
  const users = await listUsers((await context.store()).db);
  if (flag(args, 'json')) {
    context.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
    return 0;
  }
  for (const user of users) context.stdout.write(`${userLine(user)}\n`);
  context.stdout.write(`${users.length} user(s)\n`);
  return 0;
}

function activeCommand(active: boolean): (context: CommandContext, args: ParsedArgs) => Promise<number> {
  return async (context, args) => {
    const { db } = await context.store();
    const audit = await context.auditContext();
    const user = await asTyped(() => setActive(db, audit, emailOf(args), active, context.now()));
    context.stdout.write(
      active
        ? `Enabled ${user.email}\n`
        : `Disabled ${user.email}: their sessions have ended, and their API tokens do not work while they are disabled\n`,
    );
    return 0;
  };
}

async function resetPassword(context: CommandContext, args: ParsedArgs): Promise<number> {
  const { db } = await context.store();
  const audit = await context.auditContext();
  const email = emailOf(args);
  const code = await asTyped(() => startReset(db, audit, email, context.now()));
  context.stdout.write(
    `One-time code for ${email.trim().toLowerCase()} (shown only now; earlier codes no longer work):\n  ${code}\n` +
      'It is valid for 24 hours and is used at /redaktion/nulstil (in English /en/redaktion/nulstil) to set a new password.\n',
  );
  return 0;
}

async function changeRole(context: CommandContext, args: ParsedArgs): Promise<number> {
  const newRole = requiredOption(args, 'role');
  const { db } = await context.store();
  const audit = await context.auditContext();
  const user = await asTyped(() =>
    setRole(db, audit, emailOf(args), newRole, stringOption(args, 'bfa'), context.now()),
  );
  context.stdout.write(`${user.email} is now ${roleText(user)}\n`);
  return 0;
}

export const userCommands: Command[] = [
  {
    name: 'users add',
    summary:
      'Add a user; the password comes from standard input or a prompt, or is set later with a one-time code',
    usage: 'EMAIL --name NAME --role ROLE [--bfa CODE] [--password-stdin]',
    permission: 'users.manage',
    positionals: [EMAIL],
    options: {
      name: { type: 'string', value: 'NAME', description: 'the user’s name' },
      role,
      bfa,
      'password-stdin': {
        type: 'boolean',
        description: 'read the password from the first line of standard input (else a prompt on a terminal)',
      },
    },
    run: add,
  },
  {
    name: 'users list',
    summary: 'List the users with their roles, and whether they are active and have a password',
    permission: 'users.manage',
    options: { json: { type: 'boolean', description: 'print JSON instead of text' } },
    run: list,
  },
  {
    name: 'users disable',
    summary: 'Disable a user: their sessions end at once, their API tokens stop working',
    usage: 'EMAIL',
    permission: 'users.manage',
    positionals: [EMAIL],
    options: {},
    run: activeCommand(false),
  },
  {
    name: 'users enable',
    summary: 'Enable a disabled user again',
    usage: 'EMAIL',
    permission: 'users.manage',
    positionals: [EMAIL],
    options: {},
    run: activeCommand(true),
  },
  {
    name: 'users reset-password',
    summary: 'Make a one-time code (valid 24 hours) the user sets a new password with; shown once',
    usage: 'EMAIL',
    permission: 'users.manage',
    positionals: [EMAIL],
    options: {},
    run: resetPassword,
  },
  {
    name: 'users set-role',
    summary: 'Change a user’s role (a bfa_editor needs --bfa)',
    usage: 'EMAIL --role ROLE [--bfa CODE]',
    permission: 'users.manage',
    positionals: [EMAIL],
    options: { role, bfa },
    run: changeRole,
  },
];
