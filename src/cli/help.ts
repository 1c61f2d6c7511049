// Help texts, built from the command definitions so that they cannot drift from what is parsed.
import { type Command, GLOBAL_OPTIONS, type OptionSpec } from './command.js';

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
  lines.push(command.summary, '');
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
  return [
    `Usage: maaltal ${prefix === '' ? '<command>' : `${prefix.trim()} <command>`} [options]`,
    '',
    'Måltal: targets, data and progress toward Denmark’s working-environment goals for 2030.',
    '',
    'Commands:',
    ...shown.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `maaltal <command> --help` for the options of one command.',
    '',
  ].join('\n');
}
