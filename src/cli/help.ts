// Help texts, built from the command definitions so that they cannot drift from what is parsed.
import { type Permission, permissionsOf, ROLES } from '../auth/policy.js';
import { type Command, GLOBAL_OPTIONS, type OptionSpec } from './command.js';

/** Who may run a command with this permission: the operator always; with MAALTAL_TOKEN, the roles that grant it. */
function whoMay(permission: Permission): string {
  if (permission === 'public') return 'anyone';
  if (permission === 'system') return 'the local operator only (not with MAALTAL_TOKEN)';
  const roles = ROLES.filter((role) => permissionsOf(role).includes(permission));
  return `the local operator, or a MAALTAL_TOKEN with the role ${roles.join(' or ')}`;
}

function optionLines(options: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short === undefined ? '    ' : `-${spec.short}, `}--${name}${spec.value === undefined ? '' : ` ${spec.value}`}`;
    return [flag, spec.description] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`);
}

export function commandHelp(command: Command): string {
  const lines = [
    `Usage: maaltal ${command.name}${command.usage === undefined ? ' [options]' : ` ${command.usage}`}`,
    '',
  ];
  lines.push(command.summary, '', `Permission: ${command.permission} (${whoMay(command.permission)})`, '');
  if (command.positionals !== undefined && command.positionals.length > 0) {
    lines.push('Arguments:');
    for (const positional of command.positionals)
      lines.push(`  ${positional.name}  ${positional.description}`);
    lines.push('');
  }
  if (Object.keys(command.options).length > 0) {
    lines.push('Options:', ...optionLines(command.options), '');
  }
  lines.push('Global options:', ...optionLines(GLOBAL_OPTIONS));
  return `${lines.join('\n')}\n`;
}

export function overviewHelp(commands: Command[], prefix = ''): string {
  const shown = commands.filter((command) => command.name.startsWith(prefix));
  const width = Math.max(...shown.map((command) => command.name.length));
  const permissionWidth = Math.max(...shown.map((command) => command.permission.length));
  return [
    `Usage: maaltal ${prefix === '' ? '<command>' : `${prefix.trim()} <command>`} [options]`,
    '',
    'Måltal: targets, data and progress toward Denmark’s working-environment goals for 2030.',
    '',
    'Commands (with the permission each needs):',
    ...shown.map(
      (command) =>
        `  ${command.name.padEnd(width)}  ${command.permission.padEnd(permissionWidth)}  ${command.summary}`,
    ),
    '',
    'Without MAALTAL_TOKEN the CLI acts as the local operator, who may run every command; with it, as the token’s',
    'owner with the token’s role.',
    'Run `maaltal <command> --help` for the options of one command.',
    '',
  ].join('\n');
}
