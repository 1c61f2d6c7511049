// `maaltal import` and `maaltal imports …`: load a file as one batch; list, show and roll back batches.

import { protectAfterChange } from '../accidents/disclosure.commands.js';
import { type Command, type CommandContext, flag, type ParsedArgs, stringOption } from '../cli/command.js';
import { actorOf } from '../cli/run.js';
import { terminalSafe } from '../cli/terminal.js';
import { AppError, formatIssue, usageError } from '../errors.js';
import { formatNumber } from '../format.js';
import { getBatch, listBatches } from './imports.repository.js';
import { type ImportReport, rollbackImport, runImport } from './imports.service.js';
import { IMPORT_KINDS, type ImportKind } from './kinds/index.js';
import { readMapping } from './mapping.js';
import { progressReporter } from './progress-bar.js';
import { describeTimings } from './stage-clock.js';
import { bilingual, issue } from './texts.js';

const json = { type: 'boolean', description: 'print JSON instead of text' } as const;

function parseBatchId(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) {
    throw usageError('Invalid batch id', [
      issue(
        'ID',
        bilingual(`"${value ?? ''}" is not a whole number`, `"${value ?? ''}" er ikke et helt tal`),
      ),
    ]);
  }
  return Number(value);
}

function parseKind(args: ParsedArgs): ImportKind {
  const kind = stringOption(args, 'kind');
  if (kind === undefined || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
    const kinds = IMPORT_KINDS.join(', ');
    throw usageError('Missing or unknown --kind', [
      issue(
        '--kind',
        bilingual(
          `must be one of ${kinds}${kind === undefined ? '' : ` (got "${kind}")`}`,
          `skal være en af ${kinds}${kind === undefined ? '' : ` (fik "${kind}")`}`,
        ),
      ),
    ]);
  }
  return kind as ImportKind;
}

function summary(report: ImportReport): string {
  const settings = report.settings;
  const detected = [
    settings.format,
    settings.encoding,
    settings.delimiter === undefined ? undefined : `delimiter ${JSON.stringify(settings.delimiter)}`,
    settings.decimalComma === true ? 'decimal comma' : undefined,
    settings.sheet === undefined ? undefined : `sheet "${settings.sheet}"`,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
  const lines = [
    report.dryRun
      ? `Dry run: ${formatNumber(report.rows, 'en')} rows of ${report.kind} from ${report.file} are valid; nothing was written`
      : `Imported ${formatNumber(report.rows, 'en')} rows of ${report.kind} from ${report.file} as batch ${report.batchId}`,
    `  read as: ${detected}`,
    `  columns: ${report.columns.map((c) => `${c.column} → ${c.field}`).join(', ')}`,
  ];
  if (report.ignoredColumns.length > 0) lines.push(`  ignored columns: ${report.ignoredColumns.join(', ')}`);
  if (report.skipped > 0)
    lines.push(`  skipped ${report.skipped} cell(s) marked as not published (e.g. "..")`);
  if (report.replaced > 0)
    lines.push(`  replaced ${report.replaced} stored row(s) (restored if this batch is rolled back)`);
  return `${lines.join('\n')}\n`;
}

/** Long validation reports go one problem per line, in the user's language; the runner then prints the summary. */
function reportProblems(context: CommandContext, error: unknown): never {
  if (error instanceof AppError && error.issues.length > 1) {
    for (const issue of error.issues)
      context.stderr.write(`  ${terminalSafe(formatIssue(issue, context.locale))}\n`);
    const summary =
      context.locale === 'da' ? 'Intet blev importeret: ret problemerne ovenfor' : error.message;
    throw new AppError(error.code, summary);
  }
  throw error;
}

export const importCommands: Command[] = [
  {
    name: 'import',
    summary: 'Import a file (CSV, XLSX, JSON-stat, PX, SDMX-CSV) as one atomic batch',
    usage: 'FILE --kind KIND [options]',
    permission: 'data.import',
    positionals: [{ name: 'FILE', description: 'the file to import', required: true }],
    options: {
      kind: { type: 'string', value: 'KIND', description: IMPORT_KINDS.join(' | ') },
      sheet: { type: 'string', value: 'NAME', description: 'XLSX: the sheet to read (default: the first)' },
      mapping: {
        type: 'string',
        value: 'FILE',
        description: 'a JSON mapping of fields to the file’s columns',
      },
      source: {
        type: 'string',
        value: 'LABEL',
        description: 'where the data comes from, kept with the batch',
      },
      'dry-run': { type: 'boolean', description: 'validate everything, write nothing' },
      replace: {
        type: 'boolean',
        description: 'replace stored rows with the same key (rollback restores them)',
      },
      timings: {
        type: 'boolean',
        description: 'print the seconds each stage of the import took (on stderr)',
      },
      json,
    },
    async run(context, args) {
      const file = args.positionals[0] as string;
      const kind = parseKind(args);
      const mappingPath = stringOption(args, 'mapping');
      const mapping = mappingPath === undefined ? undefined : await readMapping(mappingPath);
      const store = await context.store();
      const progress = progressReporter(context.stderr, context.stderrIsTty);
      let report: ImportReport;
      try {
        report = await runImport(
          store,
          file,
          {
            kind,
            sheet: stringOption(args, 'sheet'),
            mapping,
            source: stringOption(args, 'source'),
            dryRun: flag(args, 'dry-run'),
            replace: flag(args, 'replace'),
            onProgress: (p) => progress.update(p),
          },
          await actorOf(context),
        );
      } catch (error) {
        progress.done();
        reportProblems(context, error);
      }
      progress.done();
      const { timings, seconds, ...shown } = report;
      context.stdout.write(flag(args, 'json') ? `${JSON.stringify(shown, null, 2)}\n` : summary(report));
      if (flag(args, 'timings') && timings !== undefined)
        context.stderr.write(
          `Import: ${seconds?.toFixed(2) ?? '?'} s; stages: ${describeTimings(timings)}\n`,
        );
      if (kind === 'accidents' && !flag(args, 'dry-run'))
        return protectAfterChange(store.db, context.stderr, context.now);
      return 0;
    },
  },
  {
    name: 'imports list',
    summary: 'List import batches, newest first',
    permission: 'data.import',
    options: { json },
    async run(context, args) {
      const batches = await listBatches((await context.store()).db);
      if (flag(args, 'json')) {
        context.stdout.write(`${JSON.stringify(batches, null, 2)}\n`);
        return 0;
      }
      for (const b of batches) {
        context.stdout.write(
          `#${b.id}  ${b.importedAt.slice(0, 16).replace('T', ' ')}  ${b.kind.padEnd(12)} ${formatNumber(b.rowCount, 'en').padStart(10)} rows  ${b.status.padEnd(11)} ${b.fileName}  (${b.importedBy})\n`,
        );
      }
      context.stdout.write(`${batches.length} batch(es)\n`);
      return 0;
    },
  },
  {
    name: 'imports show',
    summary: 'Show one import batch with its provenance and settings',
    permission: 'data.import',
    usage: 'ID [options]',
    positionals: [{ name: 'ID', description: 'the batch id', required: true }],
    options: { json },
    async run(context, args) {
      const id = parseBatchId(args.positionals[0]);
      const batch = await getBatch((await context.store()).db, id);
      if (batch === undefined) throw new AppError('not_found', `Import batch ${id} does not exist`);
      const shown = { ...batch, settings: JSON.parse(batch.settings) as unknown };
      if (flag(args, 'json')) {
        context.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
        return 0;
      }
      const lines = Object.entries(shown).map(
        ([key, value]) =>
          `${key.padEnd(15)} ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`,
      );
      context.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    },
  },
  {
    name: 'imports rollback',
    summary: 'Remove exactly one batch’s rows (and restore rows it replaced); the batch stays in the history',
    usage: 'ID [--reason TEXT]',
    permission: 'data.import',
    positionals: [{ name: 'ID', description: 'the batch id', required: true }],
    options: { reason: { type: 'string', value: 'TEXT', description: 'why (kept with the batch)' } },
    async run(context, args) {
      const id = parseBatchId(args.positionals[0]);
      const store = await context.store();
      const result = await rollbackImport(
        store,
        id,
        await actorOf(context),
        stringOption(args, 'reason') ?? '',
      );
      context.stdout.write(
        `Rolled back batch ${result.batchId}: removed ${result.removed} row(s)${result.restored > 0 ? `, restored ${result.restored} replaced row(s)` : ''}\n`,
      );
      return protectAfterChange(store.db, context.stderr, context.now);
    },
  },
];
