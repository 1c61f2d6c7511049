// `maaltal audit list` and `maaltal audit verify`: read the audit trail, and check that its hash chain is whole.
import { type Command, type CommandContext, flag, type ParsedArgs, stringOption } from '../cli/command.js';
import { AppError } from '../errors.js';
import {
  type AuditFilter,
  type AuditRow,
  listAudit,
  parseAuditFilter,
  verifyAudit,
} from './audit.service.js';
import { AUDIT_TEXTS } from './audit.texts.js';

/** Exit code when the trail is not intact (sysexits' EX_DATAERR). */
const EXIT_DATA_ERROR = 65;

const json = { type: 'boolean', description: 'print JSON instead of text' } as const;

const FILTER_FLAGS = ['user', 'entity', 'action', 'from', 'to', 'limit'] as const;

/** The filter from the flags; a bad value is a usage error naming its flag. */
function filterOf(args: ParsedArgs): AuditFilter {
  const input = Object.fromEntries(FILTER_FLAGS.map((name) => [name, stringOption(args, name)]));
  try {
    return parseAuditFilter(input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const named = error.withFieldNames((field) => `--${field}`);
    throw new AppError('usage', named.message, named.issues);
  }
}

function rowLine(row: AuditRow): string {
  const actor = `${row.actorLabel} (${row.actorKind}${row.actorId === null ? '' : ` ${row.actorId}`})`;
  const entity = row.entityId === null ? row.entity : `${row.entity} ${row.entityId}`;
  const request = row.requestId === null ? '' : `  request ${row.requestId}`;
  return `#${row.id}  ${row.at.slice(0, 16).replace('T', ' ')}  ${actor}  ${row.action}  ${entity}  from ${row.clientAddress}${request}\n`;
}

async function list(context: CommandContext, args: ParsedArgs): Promise<number> {
  const filter = filterOf(args);
  const rows = await listAudit((await context.store()).db, filter);
  if (flag(args, 'json')) {
    context.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  for (const row of rows) context.stdout.write(rowLine(row));
  if (rows.length === 0) context.stdout.write(`${AUDIT_TEXTS[context.locale].noEvents}\n`);
  return 0;
}

async function verify(context: CommandContext, args: ParsedArgs): Promise<number> {
  const result = await verifyAudit((await context.store()).db);
  const intact = result.problems.length === 0;
  if (flag(args, 'json')) {
    context.stdout.write(`${JSON.stringify({ intact, ...result }, null, 2)}\n`);
    return intact ? 0 : EXIT_DATA_ERROR;
  }
  const texts = AUDIT_TEXTS[context.locale];
  if (intact) {
    context.stdout.write(`${texts.intact(result.checked)}\n`);
    return 0;
  }
  for (const problem of result.problems) {
    const reason = context.locale === 'da' ? problem.reasonDa : problem.reason;
    context.stdout.write(`${texts.row} ${problem.id}: ${reason}\n`);
  }
  context.stdout.write(`${texts.broken(result.problems.length, result.checked)}\n`);
  return EXIT_DATA_ERROR;
}

export const auditCommands: Command[] = [
  {
    name: 'audit list',
    summary: 'List the audit trail, newest first',
    permission: 'audit.read',
    options: {
      user: { type: 'string', value: 'LABEL', description: 'only this actor (e-mail address or name)' },
      entity: { type: 'string', value: 'ENTITY', description: 'only this kind of record, e.g. target' },
      action: { type: 'string', value: 'ACTION', description: 'only this action' },
      from: { type: 'string', value: 'YYYY-MM-DD', description: 'from this day (UTC), inclusive' },
      to: { type: 'string', value: 'YYYY-MM-DD', description: 'to this day (UTC), inclusive' },
      limit: { type: 'string', value: 'N', description: 'at most N rows (default 100, at most 10000)' },
      json,
    },
    run: list,
  },
  {
    name: 'audit verify',
    summary: 'Check the audit trail’s hash chain; exit 65 when a row was changed or removed',
    permission: 'audit.read',
    options: { json },
    run: verify,
  },
];
