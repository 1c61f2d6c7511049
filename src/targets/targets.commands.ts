// `maaltal targets …`: list, show, add and revise targets from the command line.
import { readFile } from 'node:fs/promises';
import { can } from '../auth/policy.js';
import {
  type Command,
  type CommandContext,
  flag,
  type OptionSpec,
  type ParsedArgs,
  stringOption,
} from '../cli/command.js';
import { actorOf } from '../cli/run.js';
import { type Db, inTransaction } from '../db/connect.js';
import { DEMO_LABEL_DA, DEMO_LABEL_EN } from '../demo/demo.generator.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { AppError, invalidInput, usageError } from '../errors.js';
import { formatDecimal, formatInterval, formatValue, type Locale } from '../format.js';
import { parseOrThrow } from '../validation.js';
import { headlineOf, projectionWords } from './status-words.js';
import type { Observation, Target, TargetHistory, WithheldObservation } from './targets.model.js';
import { presentTargetHistory, presentTargetList } from './targets.presenter.js';
import {
  addTargetSchema,
  listTargetsSchema,
  reviseTargetSchema,
  TARGET_STATUSES,
} from './targets.schemas.js';
import { addTarget, listTargets, reviseTarget, showTarget } from './targets.service.js';

const json: OptionSpec = { type: 'boolean', description: 'print JSON instead of text' };
const lang: OptionSpec = {
  type: 'string',
  value: 'da|en',
  description: 'language of names, statuses and reasons in the text output (default da)',
};

function parseLang(args: ParsedArgs): Locale {
  const value = stringOption(args, 'lang') ?? 'da';
  if (value !== 'da' && value !== 'en') {
    throw usageError('Invalid --lang', [{ field: '--lang', message: 'must be "da" or "en"' }]);
  }
  return value;
}

/** Flags of `add`/`revise` and the input field each one sets. */
const VALUE_FLAGS: Record<string, { field: string; spec: OptionSpec }> = {
  branch: { field: 'branchGroup', spec: { type: 'string', value: 'CODE', description: 'branch group code' } },
  'sub-branch': {
    field: 'subBranch',
    spec: { type: 'string', value: 'CODE', description: 'sub-branch code' },
  },
  goal: { field: 'goal', spec: { type: 'string', value: 'CODE', description: 'national goal code' } },
  'sub-problem': {
    field: 'subProblem',
    spec: { type: 'string', value: 'CODE', description: 'sub-problem code' },
  },
  indicator: { field: 'indicator', spec: { type: 'string', value: 'CODE', description: 'indicator code' } },
  'baseline-year': {
    field: 'baselineYear',
    spec: { type: 'string', value: 'YEAR', description: 'baseline year' },
  },
  'baseline-value': {
    field: 'baselineValue',
    spec: { type: 'string', value: 'NUMBER', description: 'baseline value (decimal point or comma)' },
  },
  'target-year': { field: 'targetYear', spec: { type: 'string', value: 'YEAR', description: 'target year' } },
  'target-value': {
    field: 'targetValue',
    spec: { type: 'string', value: 'NUMBER', description: 'target value' },
  },
  owner: { field: 'owner', spec: { type: 'string', value: 'BFA', description: 'owner BFA code' } },
  status: {
    field: 'status',
    spec: { type: 'string', value: 'STATUS', description: TARGET_STATUSES.join(' | ') },
  },
  notes: { field: 'notes', spec: { type: 'string', value: 'TEXT', description: 'notes' } },
  reason: {
    field: 'reason',
    spec: { type: 'string', value: 'TEXT', description: 'why (kept in the history)' },
  },
};
const FLAG_FOR_FIELD = new Map(Object.entries(VALUE_FLAGS).map(([name, { field }]) => [field, `--${name}`]));
const REVISABLE = [
  'indicator',
  'baseline-year',
  'baseline-value',
  'target-year',
  'target-value',
  'owner',
  'status',
  'notes',
  'reason',
];

function valueOptions(names: string[]): Record<string, OptionSpec> {
  return Object.fromEntries(names.map((name) => [name, VALUE_FLAGS[name]?.spec as OptionSpec]));
}

/** Build the input object from a JSON file (if given) with flags on top; "12,5" is read as 12.5. */
async function readInput(
  args: ParsedArgs,
  flags: string[],
): Promise<{ input: Record<string, unknown>; file?: string }> {
  const file = stringOption(args, 'file');
  let input: Record<string, unknown> = {};
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw invalidInput('Cannot read the input file', [
        { field: '--file', message: `${file}: ${(error as Error).message}` },
      ]);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('expected one JSON object');
      input = parsed as Record<string, unknown>;
    } catch (error) {
      throw invalidInput('The input file is not valid JSON', [
        { field: '--file', message: `${file}: ${(error as Error).message}` },
      ]);
    }
  }
  for (const name of flags) {
    const value = stringOption(args, name);
    const spec = VALUE_FLAGS[name];
    if (value === undefined || spec === undefined) continue;
    input[spec.field] = /^-?\d+,\d+$/.test(value.trim()) ? value.trim().replace(',', '.') : value;
  }
  return file === undefined ? { input } : { input, file };
}

const flagName = (field: string) => FLAG_FOR_FIELD.get(field) ?? field;

/** Name fields as the user gave them: flags as `--target-year`, file fields by their JSON name. */
function validate<S extends Parameters<typeof parseOrThrow>[0]>(
  schema: S,
  input: Record<string, unknown>,
  message: string,
  file?: string,
) {
  return parseOrThrow(schema, input, message, file === undefined ? { fieldName: flagName } : { file });
}

/** Run a service call; when the input came from flags, its errors name the flags. */
async function asGiven<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (file === undefined && error instanceof AppError) throw error.withFieldNames(flagName);
    throw error;
  }
}

function parseId(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) {
    throw usageError('Invalid target id', [
      { field: 'ID', message: `"${value ?? ''}" is not a whole number` },
    ]);
  }
  return Number(value);
}

function describeTarget(target: Target, locale: Locale = 'da'): string {
  const name = (named: { nameDa: string; nameEn: string }) => (locale === 'en' ? named.nameEn : named.nameDa);
  const where =
    target.branchGroup === null
      ? { da: 'Hele landet', en: 'Whole country' }[locale]
      : name(target.branchGroup);
  const sub = target.subBranch === null ? '' : `: ${name(target.subBranch)}`;
  const problem =
    target.subProblem === null ? name(target.goal) : `${name(target.goal)} – ${name(target.subProblem)}`;
  return `${where}${sub} · ${problem}`;
}

/** The headline every output uses, then the headline kind and R for scripts. */
function progressLabel(target: Target, locale: Locale): string {
  const assessment = target.assessment;
  if (assessment === null) return '–';
  const r = assessment.r === null ? '' : `, R = ${formatDecimal(assessment.r, locale)}`;
  return `${headlineOf(assessment)[locale]} [${assessment.headline}${r}]`;
}

function targetLine(target: Target, locale: Locale = 'da'): string {
  const unit = target.indicator.unit;
  const value = (v: number | null) => formatValue(v, unit, locale);
  const latest =
    target.latest === null
      ? 'no observation'
      : `${target.latest.year}: ${value(target.latest.value)} (${formatInterval(target.latest.lowercl, target.latest.uppercl, unit, locale)})`;
  return [
    `#${target.id}`.padEnd(5),
    describeTarget(target, locale),
    `\n      owner ${target.owner?.short ?? '–'} · baseline ${target.baseline.year}: ${value(target.baseline.value)}`,
    ` · latest ${latest} · target ${target.target.year}: ${value(target.target.value)} · ${target.status}`,
    `\n      progress: ${progressLabel(target, locale)}`,
  ].join(' ');
}

/** The assessment's projection, reasons, caveats and the points left out of it (METHODS §9). */
function whyLines(target: Target, locale: Locale): string[] {
  const explanation = target.assessment?.explanation;
  if (explanation === undefined) return [];
  const projection = projectionWords(target.assessment, target.indicator.unit);
  const tag = { caveat: { da: 'forbehold', en: 'caveat' }, leftOut: { da: 'udeladt', en: 'left out' } };
  return [
    ...(projection === null ? [] : [`      projection: ${projection[locale]}`]),
    '',
    'Why this status:',
    ...explanation.reasons.map((reason) => `  - ${reason[locale]}`),
    ...explanation.caveats.map((caveat) => `  - (${tag.caveat[locale]}) ${caveat[locale]}`),
    ...explanation.leftOut.map((note) => `  - (${tag.leftOut[locale]}) ${note[locale]}`),
  ];
}

/** Every stored observation, oldest first; a withheld one is flagged with a warning line (operator view). */
function observationLines(history: TargetHistory): string[] {
  const unit = history.current.indicator.unit;
  const all: (Observation | WithheldObservation)[] = [...history.observations, ...history.withheld];
  return all
    .sort((a, b) => a.year - b.year)
    .flatMap((o) => {
      const line = `  ${o.year}  ${formatValue(o.value, unit, 'da').padStart(8)}  (${formatInterval(o.lowercl, o.uppercl, unit, 'da')})  n=${o.respondents ?? '–'}  ${o.seriesLabel}${o.seriesBreak ? '  ← series break' : ''}`;
      if (!('warning' in o)) return [line];
      return [
        `${line}  [IKKE OFFENTLIGGJORT / NOT PUBLISHED]`,
        `        ! ${o.warning.da} / ${o.warning.en}`,
      ];
    });
}

async function historyJson(db: Db, id: number): Promise<string> {
  const [history, demo] = await Promise.all([showTarget(db, id), holdsDemoData(db)]);
  return `${JSON.stringify(presentTargetHistory(history, demo), null, 2)}\n`;
}

async function demoNotice(context: CommandContext, demo: boolean) {
  if (demo) context.stderr.write(`${DEMO_LABEL_DA} / ${DEMO_LABEL_EN}\n`);
}

export const targetCommands: Command[] = [
  {
    name: 'targets list',
    summary: 'List the current targets with baseline, latest observation and target value',
    permission: 'public',
    options: {
      branch: { type: 'string', value: 'CODE', description: 'only this branch group' },
      goal: { type: 'string', value: 'CODE', description: 'only this national goal' },
      lang,
      json,
    },
    async run(context, args) {
      const filter = parseOrThrow(
        listTargetsSchema,
        { branch: stringOption(args, 'branch'), goal: stringOption(args, 'goal') },
        'Invalid filter',
      );
      const { db } = await context.store();
      const [targets, demo] = await Promise.all([listTargets(db, filter), holdsDemoData(db)]);
      if (flag(args, 'json')) {
        context.stdout.write(`${JSON.stringify(presentTargetList(targets, demo), null, 2)}\n`);
        return 0;
      }
      await demoNotice(context, demo);
      const locale = parseLang(args);
      for (const target of targets) context.stdout.write(`${targetLine(target, locale)}\n`);
      context.stdout.write(`${targets.length} target(s)\n`);
      return 0;
    },
  },
  {
    name: 'targets show',
    summary:
      'Show one target with every revision and its observations (unpublished ones too, flagged, for data stewards)',
    usage: 'ID [options]',
    // Withheld observations are shown only to a principal with `data.unsuppressed` (the operator, a steward).
    permission: 'public',
    positionals: [{ name: 'ID', description: 'the target id (see `maaltal targets list`)', required: true }],
    options: {
      json: {
        type: 'boolean',
        description: 'print the public JSON (as GET /api/v1/targets/ID): unpublished observations left out',
      },
      lang,
    },
    async run(context, args) {
      const id = parseId(args.positionals[0]);
      const locale = parseLang(args);
      const { db } = await context.store();
      if (flag(args, 'json')) {
        context.stdout.write(await historyJson(db, id));
        return 0;
      }
      const includeWithheld = can(await context.principal(), 'data.unsuppressed');
      const [history, demo] = await Promise.all([showTarget(db, id, { includeWithheld }), holdsDemoData(db)]);
      await demoNotice(context, demo);
      const target = history.current;
      const unit = target.indicator.unit;
      const lines = [
        targetLine(target, locale),
        `      indicator: ${locale === 'en' ? target.indicator.nameEn : target.indicator.nameDa} [${target.indicator.code}], ${target.indicator.dataSource}`,
        ...whyLines(target, locale),
        '',
        'Revisions:',
        ...history.revisions.map(
          (r) =>
            `  ${r.revision.number}. ${r.revision.revisedAt.slice(0, 10)} by ${r.revision.revisedBy}: baseline ${r.baseline.year} ${formatValue(r.baseline.value, unit, 'da')}, target ${r.target.year} ${formatValue(r.target.value, unit, 'da')}, ${r.status} – ${r.revision.reason}`,
        ),
        '',
        'Observations:',
        ...observationLines(history),
      ];
      context.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    },
  },
  {
    name: 'targets add',
    summary: 'Add a target (revision 1) from flags or a JSON file',
    permission: 'targets.revise',
    options: {
      ...valueOptions(Object.keys(VALUE_FLAGS)),
      file: {
        type: 'string',
        value: 'FILE',
        description: 'a JSON object with the fields (flags override it)',
      },
      json,
    },
    async run(context, args) {
      const { input, file } = await readInput(args, Object.keys(VALUE_FLAGS));
      const parsed = validate(addTargetSchema, input, 'Invalid target', file);
      const { db } = await context.store();
      const actor = await actorOf(context);
      const target = await asGiven(file, () => inTransaction(db, (tx) => addTarget(tx, parsed, actor)));
      context.stdout.write(
        flag(args, 'json')
          ? await historyJson(db, target.id)
          : `Added target #${target.id}: ${describeTarget(target)}\n`,
      );
      return 0;
    },
  },
  {
    name: 'targets revise',
    summary: 'Revise a target: adds a new revision and keeps every earlier one',
    usage: 'ID --reason TEXT [options]',
    permission: 'targets.revise',
    positionals: [{ name: 'ID', description: 'the target id', required: true }],
    options: {
      ...valueOptions(REVISABLE),
      file: {
        type: 'string',
        value: 'FILE',
        description: 'a JSON object with the changed fields (flags override it)',
      },
      json,
    },
    async run(context, args) {
      const id = parseId(args.positionals[0]);
      const { input, file } = await readInput(args, REVISABLE);
      const parsed = validate(reviseTargetSchema, input, 'Invalid revision', file);
      const { db } = await context.store();
      const actor = await actorOf(context);
      const target = await asGiven(file, () =>
        inTransaction(db, (tx) => reviseTarget(tx, id, parsed, actor)),
      );
      context.stdout.write(
        flag(args, 'json')
          ? await historyJson(db, target.id)
          : `Revised target #${target.id} (revision ${target.revision.number}): ${describeTarget(target)}\n`,
      );
      return 0;
    },
  },
];
