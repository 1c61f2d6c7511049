// Filters of the accident statistics, read from query parameters (web) or flags (CLI): the same names, the
// same checks, and a 400 naming the parameter for anything unknown or out of range.
import { AppError, type Issue } from '../errors.js';
import type { Convention } from './aggregates.repository.js';
import { AGE_BANDS, SEVERITIES } from './cube.js';

export const GROUP_BY = ['year', 'branch', 'mainGroup', 'ageBand', 'sex', 'severity', 'chemical'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface AccidentFilters {
  from: number | null;
  to: number | null;
  branch: string[];
  mainGroup: string | null;
  ageBand: string | null;
  sex: 'K' | 'M' | null;
  severity: string | null;
  fatal: boolean | null;
  chemical: boolean | null;
  /** null: the measure's default (registration year; accident year for fatal accidents). */
  convention: Convention | null;
  perEmployed: number | null;
  groupBy: GroupBy[];
}

export type RawParameters = Record<string, string[]>;

const PARAMETERS = [
  'from',
  'to',
  'branch',
  'mainGroup',
  'ageBand',
  'sex',
  'severity',
  'fatal',
  'chemical',
  'convention',
  'perEmployed',
  'groupBy',
] as const;

/** Read filters; `extra` names further parameters a measure accepts (returned untouched). */
export function parseFilters(raw: RawParameters, extra: readonly string[] = []): AccidentFilters {
  const { filters, issues } = readFilters(raw, extra);
  if (issues.length > 0) throw new AppError('invalid_input', 'Invalid accident statistics query', issues);
  return filters;
}

/**
 * Filters with every problem found, without failing: a parameter with a problem is left unset, so the rest can
 * still be checked against the data (the explorer lists every problem at once).
 */
export function readFilters(
  raw: RawParameters,
  extra: readonly string[] = [],
): { filters: AccidentFilters; issues: Issue[] } {
  const issues: Issue[] = [];
  const known = new Set<string>([...PARAMETERS, ...extra]);
  for (const name of Object.keys(raw)) {
    if (!known.has(name))
      issues.push({
        field: name,
        message: 'is not a known parameter',
        messageDa: 'er ikke en kendt parameter',
      });
  }
  const single = (name: string): string | null => {
    const values = raw[name] ?? [];
    if (values.length > 1)
      issues.push({ field: name, message: 'may be given only once', messageDa: 'må kun angives én gang' });
    const value = values[0]?.trim();
    return value === undefined || value === '' ? null : value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T | null => {
    const value = single(name);
    if (value === null) return null;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    issues.push({
      field: name,
      message: `"${value}" is not one of ${allowed.join(', ')}`,
      messageDa: `"${value}" er ikke en af ${allowed.join(', ')}`,
    });
    return null;
  };
  const year = (name: string): number | null => {
    const value = single(name);
    if (value === null) return null;
    if (!/^[12]\d{3}$/.test(value)) {
      issues.push({
        field: name,
        message: `"${value}" is not a year (four digits)`,
        messageDa: `"${value}" er ikke et årstal (fire cifre)`,
      });
      return null;
    }
    return Number(value);
  };
  const flag = (name: string): boolean | null => {
    const value = oneOf(name, ['true', 'false']);
    return value === null ? null : value === 'true';
  };

  const from = year('from');
  const to = year('to');
  if (from !== null && to !== null && from > to)
    issues.push({
      field: 'from',
      message: `${from} is after to=${to}`,
      messageDa: `${from} ligger efter til-året ${to}`,
    });
  const branch = (raw.branch ?? []).flatMap((value) => value.split(',')).map((value) => value.trim());
  if (branch.some((value) => value === ''))
    issues.push({ field: 'branch', message: 'is empty', messageDa: 'er tom' });
  const perEmployedText = single('perEmployed');
  let perEmployed: number | null = null;
  if (perEmployedText !== null) {
    perEmployed = /^[1-9]\d{0,6}$/.test(perEmployedText) ? Number(perEmployedText) : Number.NaN;
    if (!(perEmployed >= 1 && perEmployed <= 1_000_000)) {
      issues.push({
        field: 'perEmployed',
        message: `"${perEmployedText}" is not a whole number from 1 to 1000000`,
        messageDa: `"${perEmployedText}" er ikke et helt tal fra 1 til 1000000`,
      });
      perEmployed = null;
    }
  }
  const groupBy: GroupBy[] = [];
  for (const value of (raw.groupBy ?? []).flatMap((text) => text.split(','))) {
    const name = value.trim();
    if (name === '') continue;
    if (!(GROUP_BY as readonly string[]).includes(name)) {
      issues.push({
        field: 'groupBy',
        message: `"${name}" is not one of ${GROUP_BY.join(', ')}`,
        messageDa: `"${name}" er ikke en af ${GROUP_BY.join(', ')}`,
      });
    } else if (groupBy.includes(name as GroupBy)) {
      issues.push({
        field: 'groupBy',
        message: `"${name}" is given twice`,
        messageDa: `"${name}" er angivet to gange`,
      });
    } else groupBy.push(name as GroupBy);
  }
  const filters: AccidentFilters = {
    from,
    to,
    branch: [...new Set(branch)],
    mainGroup: single('mainGroup'),
    ageBand: oneOf('ageBand', AGE_BANDS),
    sex: oneOf('sex', ['K', 'M'] as const),
    severity: oneOf('severity', SEVERITIES),
    fatal: flag('fatal'),
    chemical: flag('chemical'),
    convention: oneOf('convention', ['registration', 'accident'] as const),
    perEmployed,
    groupBy,
  };
  if (
    filters.fatal !== null &&
    filters.severity !== null &&
    (filters.severity === 'fatal') !== filters.fatal
  ) {
    issues.push({
      field: 'severity',
      message: `"${filters.severity}" contradicts fatal=${filters.fatal}`,
      messageDa: `"${filters.severity}" passer ikke med fatal=${filters.fatal}`,
    });
  }
  return { filters, issues };
}

/** Query parameters from a URL (repeated names kept). */
export function parametersOf(url: URL): RawParameters {
  const raw = emptyParameters();
  for (const [name, value] of url.searchParams) raw[name] = [...(raw[name] ?? []), value];
  return raw;
}

/** A parameter record without a prototype, so names like `__proto__` or `toString` are only names. */
export function emptyParameters(): RawParameters {
  return Object.create(null) as RawParameters;
}

/** The parameters without `name`, and that parameter's single value (undefined when absent). */
export function parametersWithout(raw: RawParameters, name: string): [RawParameters, string | undefined] {
  const values = Object.hasOwn(raw, name) ? raw[name] : undefined;
  const rest = emptyParameters();
  for (const key of Object.keys(raw)) if (key !== name) rest[key] = raw[key] as string[];
  if (values !== undefined && values.length > 1)
    throw new AppError('invalid_input', 'Invalid accident statistics query', [
      { field: name, message: 'may be given only once' },
    ]);
  return [rest, values?.[0]];
}

/** Filters for code that asks for a figure directly: everything unset except what is given. */
export function accidentFilters(given: Partial<AccidentFilters>): AccidentFilters {
  return {
    from: null,
    to: null,
    branch: [],
    mainGroup: null,
    ageBand: null,
    sex: null,
    severity: null,
    fatal: null,
    chemical: null,
    convention: null,
    perEmployed: null,
    groupBy: [],
    ...given,
  };
}
