// `maaltal stats`: the statistics engine as a calculator for analysts (batches of requests, progress toward a target).
import { readFile } from 'node:fs/promises';
import { invalidInput, usageError } from '../errors.js';
import { formatDecimal, formatPercent, type Locale } from '../format.js';
import {
  isBatchError,
  type ProgressInput,
  type ProgressResult,
  parseProgressInput,
  progress,
  progressHeadline,
  projectionSentence,
  rangePhrase,
  runBatch,
} from '../stats/index.js';
import { type Command, type CommandContext, flag, stringOption } from './command.js';

/** Read a JSON document from a file, or from standard input when the name is `-`. */
async function readJson(context: CommandContext, source: string, field: string): Promise<unknown> {
  let text: string;
  try {
    text = source === '-' ? await context.readStdin() : await readFile(source, 'utf8');
  } catch (error) {
    throw invalidInput('Cannot read the input', [
      { field, message: `${source}: ${(error as Error).message}` },
    ]);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const name = source === '-' ? 'standard input' : source;
    throw invalidInput('The input is not valid JSON', [
      { field, message: `${name}: ${(error as Error).message}` },
    ]);
  }
}

/** `YEAR=VALUE[:LOWER:UPPER]`, comma-separated; `!` before a year marks the first point after a series break. */
function parseSeries(text: string): ProgressInput['observations'] {
  return text.split(',').map((part, index) => {
    const match = /^\s*(!?)(\d{4})=(-?[\d.]+)(?::(-?[\d.]+):(-?[\d.]+))?\s*$/.exec(part);
    if (match === null) {
      throw usageError('Invalid --series', [
        { field: '--series', message: `item ${index + 1} "${part}" is not YEAR=VALUE[:LOWER:UPPER]` },
      ]);
    }
    const [, breakMark, year, value, lower, upper] = match;
    return {
      year: Number(year),
      value: Number(value),
      lowercl: lower === undefined ? null : Number(lower),
      uppercl: upper === undefined ? null : Number(upper),
      seriesBreak: breakMark === '!',
    };
  });
}

function parseYearValue(text: string | undefined, field: string, valueRequired: boolean) {
  if (text === undefined) return undefined;
  const match = /^\s*(\d{4})(?:=(-?[\d.]+))?\s*$/.exec(text);
  if (match === null || (valueRequired && match[2] === undefined)) {
    throw usageError(`Invalid ${field}`, [
      { field, message: `"${text}" is not YEAR${valueRequired ? '=VALUE' : '[=VALUE]'}` },
    ]);
  }
  return { year: Number(match[1]), value: match[2] === undefined ? undefined : Number(match[2]) };
}

function progressFromFlags(args: Parameters<Command['run']>[1]): ProgressInput {
  const series = stringOption(args, 'series');
  const baseline = parseYearValue(stringOption(args, 'baseline'), '--baseline', false);
  const target = parseYearValue(stringOption(args, 'target'), '--target', true);
  const polarity = stringOption(args, 'polarity') ?? 'lower';
  if (series === undefined) {
    throw usageError('Missing input', [
      { field: '--series', message: 'give a FILE, `-` for stdin, or --series' },
    ]);
  }
  if (polarity !== 'lower' && polarity !== 'higher') {
    throw usageError('Invalid --polarity', [{ field: '--polarity', message: 'must be "lower" or "higher"' }]);
  }
  const observations = parseSeries(series);
  const first = observations[0];
  return parseProgressInput({
    observations,
    baseline: baseline ?? { year: first?.year ?? 0 },
    target: target === undefined ? null : { year: target.year, value: target.value },
    polarity: polarity === 'lower' ? 'lower_is_better' : 'higher_is_better',
  });
}

function progressText(result: ProgressResult, locale: Locale): string {
  const e = result.explanation;
  const n = (value: number | null | undefined) => formatDecimal(value, locale);
  const pct = (value: number | null | undefined) =>
    value === null || value === undefined ? '–' : formatPercent(value * 100, locale, 2);
  const da = locale === 'da';
  const lines = [`Status: ${progressHeadline(result)[locale]} [${result.headline}]`];
  if (result.r !== null) lines.push(`R = ${n(result.r)}`);
  if (result.range !== null) {
    lines.push(
      `${da ? 'Spænd over seneste værdis konfidensinterval' : 'Range over the latest value’s confidence interval'}: ${rangePhrase(result.range.worst, result.range.best)[locale]}`,
    );
  }
  if (e.baseline !== null)
    lines.push(`${da ? 'Udgangspunkt' : 'Baseline'} ${e.baseline.year}: ${n(e.baseline.value)}`);
  if (e.latest !== null) lines.push(`${da ? 'Seneste' : 'Latest'} ${e.latest.year}: ${n(e.latest.value)}`);
  if (e.target !== null) lines.push(`${da ? 'Mål' : 'Target'} ${e.target.year}: ${n(e.target.value)}`);
  if (e.requiredCagr !== null || e.observedCagr !== null) {
    lines.push(
      `${da ? 'Årlig ændring, krævet' : 'Annual change, required'}: ${pct(e.requiredCagr)}; ${da ? 'observeret' : 'observed'}: ${pct(e.observedCagr)}`,
    );
  }
  const projection = projectionSentence(result, (value, l) => formatDecimal(value, l));
  if (result.projection !== null && projection !== null) {
    const fit = result.projection.logLinear;
    lines.push(
      `${da ? 'Fremskrivning' : 'Projection'}: ${projection[locale]}${fit === null ? '' : ` (${da ? 'log-lineær' : 'log-linear'}: ${n(fit.value)})`}`,
    );
  }
  const list = (title: string, items: { da: string; en: string }[]) =>
    items.length === 0 ? [] : [title, ...items.map((item) => `  - ${item[locale]}`)];
  lines.push(...list(da ? 'Begrundelse:' : 'Reasons:', e.reasons));
  lines.push(...list(da ? 'Forbehold:' : 'Caveats:', e.caveats));
  lines.push(`${da ? 'Metode' : 'Method'}: ${e.methodName}`);
  return `${lines.join('\n')}\n`;
}

/** The whole result, with its headline and projection in words as every output puts them. */
function progressJson(result: ProgressResult) {
  const { da, en } = progressHeadline(result);
  const projectionText = projectionSentence(result, (value, locale) => formatDecimal(value, locale));
  return { ...result, headlineText: { da, en }, projectionText };
}

export const statsCommands: Command[] = [
  {
    name: 'stats',
    summary: 'Run a batch of statistical requests (intervals, standardised rates, …) from a JSON file',
    usage: '--batch FILE|- [options]',
    // A calculator over the figures it is given: it reads no stored data.
    permission: 'public',
    options: {
      batch: {
        type: 'string',
        value: 'FILE|-',
        description: 'a JSON array of { method, inputs, confidence, multiplier }; - reads standard input',
      },
    },
    async run(context, args) {
      const source = stringOption(args, 'batch');
      if (source === undefined) {
        throw usageError('Missing --batch', [
          { field: '--batch', message: 'name a JSON file, or - for standard input' },
        ]);
      }
      const requests = await readJson(context, source, '--batch');
      if (!Array.isArray(requests)) {
        throw invalidInput('The batch must be a JSON array of requests', [
          { field: '--batch', message: `${source}: found ${requests === null ? 'null' : typeof requests}` },
        ]);
      }
      const results = runBatch(requests);
      context.stdout.write(`[\n${results.map((result) => JSON.stringify(result)).join(',\n')}\n]\n`);
      const failed = results.filter(isBatchError).length;
      if (failed > 0)
        context.stderr.write(`${failed} of ${results.length} request(s) failed; see their "error"\n`);
      // Every result is printed either way; the exit code tells scripts whether all of them succeeded.
      return failed === 0 ? 0 : 65;
    },
  },
  {
    name: 'stats progress',
    summary: 'Assess progress toward a target (METHODS §7) from a JSON file or from flags',
    usage: '[FILE|-] [options]',
    permission: 'public',
    positionals: [
      {
        name: 'FILE',
        description: 'JSON { observations, baseline, target, polarity, measure?, settings? }; - reads stdin',
        required: false,
      },
    ],
    options: {
      series: {
        type: 'string',
        value: 'LIST',
        description: 'observations as YEAR=VALUE[:LOWER:UPPER],…; !YEAR marks the first year after a break',
      },
      baseline: {
        type: 'string',
        value: 'YEAR[=VALUE]',
        description: 'baseline (default: the first observation)',
      },
      target: {
        type: 'string',
        value: 'YEAR=VALUE',
        description: 'target year and value (none: CAGR thresholds)',
      },
      polarity: {
        type: 'string',
        value: 'lower|higher',
        description: 'which direction is better (default lower)',
      },
      lang: { type: 'string', value: 'da|en', description: 'language of the text output (default da)' },
      json: { type: 'boolean', description: 'print the whole result with its explanation as JSON' },
    },
    async run(context, args) {
      const file = args.positionals[0];
      const lang = stringOption(args, 'lang') ?? 'da';
      if (lang !== 'da' && lang !== 'en') {
        throw usageError('Invalid --lang', [{ field: '--lang', message: 'must be "da" or "en"' }]);
      }
      const input =
        file === undefined
          ? progressFromFlags(args)
          : parseProgressInput(await readJson(context, file, 'FILE'));
      const result = progress(input);
      context.stdout.write(
        flag(args, 'json')
          ? `${JSON.stringify(progressJson(result), null, 2)}\n`
          : progressText(result, lang),
      );
      return 0;
    },
  },
];
