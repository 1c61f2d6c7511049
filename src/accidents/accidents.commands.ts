// `maaltal accidents …`: every accident measure with the API's filters (as flags), as a table, JSON or CSV;
// the stewards' fatal-accident case list; and a rebuild of the aggregates from the base cube (a job of its own thread).
import { type Command, type CommandContext, flag, type OptionSpec, type ParsedArgs } from '../cli/command.js';
import { actorOf } from '../cli/run.js';
import { openableByOtherThreads } from '../db/connect.js';
import { AppError, usageError } from '../errors.js';
import { formatDecimal } from '../format.js';
import { inThreadImports, workerImports } from '../imports/import-runner.js';
import { answerMeasure, EMPTY_COLUMNS, MEASURES, type MeasureName } from './accidents.service.js';
import { protectAfterChange } from './disclosure.commands.js';
import { toCsv } from './downloads.js';
import { fatalCases } from './fatal-cases.repository.js';
import { emptyParameters, parseFilters, type RawParameters } from './query.js';
import { AccidentStatistics } from './statistics.js';

/** Flag → API parameter. */
const FILTER_FLAGS: Record<string, { parameter: string; option: OptionSpec }> = {
  from: { parameter: 'from', option: { type: 'string', value: 'YEAR', description: 'first year' } },
  to: { parameter: 'to', option: { type: 'string', value: 'YEAR', description: 'last year' } },
  branch: {
    parameter: 'branch',
    option: { type: 'string', multiple: true, value: 'CODE', description: 'branch group (repeatable)' },
  },
  'main-group': {
    parameter: 'mainGroup',
    option: { type: 'string', value: 'CODE', description: 'main group' },
  },
  'age-band': {
    parameter: 'ageBand',
    option: { type: 'string', value: 'BAND', description: '15-24, 25-34, … 65+' },
  },
  sex: { parameter: 'sex', option: { type: 'string', value: 'K|M', description: 'sex' } },
  severity: {
    parameter: 'severity',
    option: { type: 'string', value: 'S', description: 'fatal, serious, minor or unknown' },
  },
  fatal: {
    parameter: 'fatal',
    option: { type: 'string', value: 'true|false', description: 'fatal accidents only, or none' },
  },
  chemical: {
    parameter: 'chemical',
    option: { type: 'string', value: 'true|false', description: 'chemical exposures only, or none' },
  },
  convention: {
    parameter: 'convention',
    option: {
      type: 'string',
      value: 'C',
      description: 'registration (default) or accident (default for fatal accidents) year',
    },
  },
  'per-employed': {
    parameter: 'perEmployed',
    option: { type: 'string', value: 'N', description: 'rate per N employed (10000; 100000 for fatal)' },
  },
  'group-by': {
    parameter: 'groupBy',
    option: {
      type: 'string',
      value: 'LIST',
      description: 'comma list of year, branch, mainGroup, ageBand, sex, severity, chemical',
    },
  },
};
const BAND_FLAG = {
  band: {
    parameter: 'band',
    option: { type: 'string', multiple: true, value: 'BAND', description: '15-24 and/or 55+ (default both)' },
  },
} satisfies typeof FILTER_FLAGS;

const PARAMETER_TO_FLAG = new Map(
  Object.entries({ ...FILTER_FLAGS, ...BAND_FLAG }).map(([name, spec]) => [spec.parameter, `--${name}`]),
);

function parametersOfArgs(args: ParsedArgs, flags: typeof FILTER_FLAGS): RawParameters {
  const raw = emptyParameters();
  for (const [name, { parameter }] of Object.entries(flags)) {
    const value = args.values[name];
    if (value === undefined) continue;
    raw[parameter] = (Array.isArray(value) ? value : [value]).map(String);
  }
  return raw;
}

/** Problems name the flag the user typed, not the API parameter. */
function asFlags(error: unknown): never {
  if (error instanceof AppError) {
    throw new AppError(
      error.code,
      error.message,
      error.issues.map((issue) => ({ ...issue, field: PARAMETER_TO_FLAG.get(issue.field) ?? issue.field })),
    );
  }
  throw error;
}

const cellText = (value: unknown) =>
  value === null || value === undefined
    ? '–'
    : typeof value === 'number'
      ? formatDecimal(value, 'en', 2)
      : String(value);

function table(rows: readonly object[]): string {
  if (rows.length === 0) return '(no rows)\n';
  const columns = Object.keys(rows[0] as object);
  const cells = [
    columns,
    ...rows.map((row) => columns.map((c) => cellText((row as Record<string, unknown>)[c]))),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => (line[i] as string).length)));
  return `${cells
    .map((line) =>
      line
        .map((text, i) => text.padEnd(widths[i] as number))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

const OUTPUT_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'print JSON (rows and meta)' },
  csv: { type: 'boolean', description: 'print CSV' },
};

function measureCommand(measure: MeasureName, summary: string): Command {
  const flags = measure === 'age-comparison' ? { ...FILTER_FLAGS, ...BAND_FLAG } : FILTER_FLAGS;
  return {
    name: `accidents ${measure}`,
    summary,
    usage: '[filters] [--json|--csv]',
    // Published figures only: the rows leave through the disclosure gate.
    permission: 'public',
    options: {
      ...Object.fromEntries(Object.entries(flags).map(([name, spec]) => [name, spec.option])),
      ...OUTPUT_OPTIONS,
    },
    async run(context: CommandContext, args: ParsedArgs) {
      if (flag(args, 'json') && flag(args, 'csv'))
        throw usageError('Choose one output format', [
          { field: '--csv', message: 'cannot be used with --json' },
        ]);
      const store = await context.store();
      const answer = await answerMeasure(
        store.db,
        new AccidentStatistics(store.db),
        measure,
        parametersOfArgs(args, flags),
      ).catch(asFlags);
      if (flag(args, 'json')) context.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
      else if (flag(args, 'csv')) context.stdout.write(toCsv(answer.rows, EMPTY_COLUMNS[measure]));
      else {
        context.stdout.write(table(answer.rows));
        const meta = answer.meta;
        context.stdout.write(
          `${meta.convention.labelEn}; ${meta.method.en}\n${meta.suppression.noteEn}${meta.demoLabel === null ? '' : `\n${meta.demoLabel.en}`}\n`,
        );
      }
      return 0;
    },
  };
}

const SUMMARIES: Record<MeasureName, string> = {
  rates: 'reported accidents and incidence per N employed, with confidence intervals',
  'age-comparison': 'young workers (15-24) and seniors (55+) against all ages: rate ratio with CI',
  standardised: 'incidence standardised by branch structure (Dobson)',
  'labour-loss': 'labour-supply loss: days lost as full-time years',
  trend: 'one series by year with its progress assessment (against a target if one exists)',
};

export const accidentCommands: Command[] = [
  ...MEASURES.map((measure) => measureCommand(measure, SUMMARIES[measure])),
  {
    name: 'accidents fatal-cases',
    summary: 'the fatal-accident case list (data stewards only: not for publication)',
    usage: '[--from YEAR] [--to YEAR] [--branch CODE] [--json|--csv]',
    permission: 'data.unsuppressed',
    options: {
      from: FILTER_FLAGS.from?.option as OptionSpec,
      to: FILTER_FLAGS.to?.option as OptionSpec,
      branch: FILTER_FLAGS.branch?.option as OptionSpec,
      'main-group': FILTER_FLAGS['main-group']?.option as OptionSpec,
      ...OUTPUT_OPTIONS,
    },
    async run(context, args) {
      const store = await context.store();
      let filters: ReturnType<typeof parseFilters>;
      try {
        filters = parseFilters(parametersOfArgs(args, FILTER_FLAGS));
      } catch (error) {
        asFlags(error);
      }
      const rows = await fatalCases(store.db, filters);
      if (flag(args, 'json')) context.stdout.write(`${JSON.stringify({ rows }, null, 2)}\n`);
      else if (flag(args, 'csv')) context.stdout.write(toCsv(rows, ['caseId', 'accidentDate', 'branch']));
      else context.stdout.write(table(rows));
      return 0;
    },
  },
  {
    name: 'accidents rebuild',
    summary:
      'rebuild the accident aggregates from the base cube (after changing the accident settings), then protect the years whose figures changed',
    permission: 'data.import',
    options: {},
    async run(context) {
      const store = await context.store();
      // A job of its own thread where the database can be opened there (as the server runs it), else on this one.
      const { database } = context.config();
      const jobs = openableByOtherThreads(database) ? workerImports(database) : inThreadImports(store);
      const { user, audit } = await actorOf(context);
      const rebuilt = await jobs.rebuild({ user, audit });
      context.stdout.write(`Rebuilt the accident aggregates in ${rebuilt.milliseconds} ms\n`);
      return protectAfterChange(store.db, context.stderr, context.now);
    },
  },
];
