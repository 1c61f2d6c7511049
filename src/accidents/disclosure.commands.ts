// `maaltal disclosure audit`: the linear-programming audit of the published accident figures, per measure, with
// every hidden count an attacker could pin to a narrower interval than the protection width.
import { type Command, flag, type Output, type ParsedArgs, stringOption } from '../cli/command.js';
import type { Db } from '../db/connect.js';
import { usageError } from '../errors.js';
import { formatDecimal } from '../format.js';
import { MEASURES, type MeasureName } from './accidents.service.js';
import { CONVENTIONS, type Convention } from './aggregates.repository.js';
import {
  auditAccidentDisclosure,
  type MeasureAudit,
  type ProtectedYear,
  protectAccidentDisclosure,
} from './disclosure-audit.service.js';
import { AccidentStatistics } from './statistics.js';

/** Exit code when a hidden count is not protected (EX_DATAERR). */
const UNPROTECTED_EXIT = 65;

function listOption<T extends string>(
  args: ParsedArgs,
  name: string,
  allowed: readonly T[],
): T[] | undefined {
  const given = stringOption(args, name);
  if (given === undefined) return undefined;
  const values = given.split(',').map((value) => value.trim());
  const unknown = values.filter((value) => !allowed.includes(value as T));
  if (unknown.length > 0)
    throw usageError('Invalid disclosure audit', [
      { field: `--${name}`, message: `"${unknown.join(', ')}" is not one of ${allowed.join(', ')}` },
    ]);
  return values as T[];
}

function yearsOption(args: ParsedArgs): number[] | undefined {
  const given = stringOption(args, 'year');
  if (given === undefined) return undefined;
  const years = given.split(',').map((value) => Number(value.trim()));
  if (years.some((year) => !Number.isInteger(year)))
    throw usageError('Invalid disclosure audit', [{ field: '--year', message: `"${given}" is not a year` }]);
  return years;
}

function report(audits: readonly MeasureAudit[]): string {
  const lines = audits.map(
    (audit) =>
      `${audit.measure}: ${audit.tablesAudited} tables, ${audit.checkedCells} hidden counts checked ` +
      `(${audit.hiddenCells} hidden cells), ${audit.unprotected.length} unprotected`,
  );
  const findings = audits[0]?.unprotected ?? [];
  for (const found of findings.slice(0, 50))
    lines.push(
      `  ${found.convention} ${found.year} ${JSON.stringify(found.cell)}: ` +
        `${formatDecimal(found.lower, 'en', 2)} to ${formatDecimal(found.upper, 'en', 2)}`,
    );
  if (findings.length > 50) lines.push(`  … and ${findings.length - 50} more`);
  return `${lines.join('\n')}\n`;
}

function protectedLine(entry: ProtectedYear): string {
  const verdict =
    entry.unprotected === 0
      ? `protected: ${entry.addedCells} cells hidden beyond the line rules (${entry.rounds} rounds)`
      : `NOT protected: ${entry.unprotected} counts could not be protected; the line rules stay in force`;
  return `${entry.convention} ${entry.year}: ${verdict}, ${entry.seconds.toFixed(1)} s\n`;
}

/**
 * After a change to the accident records (an import or a rollback), protects every year whose figures changed, so
 * the audit's pattern is published again; one line per year on the given output.
 */
export async function protectAfterChange(db: Db, output: Output, now: () => Date): Promise<number> {
  const data = await new AccidentStatistics(db).current();
  const done = await protectAccidentDisclosure(db, data, {
    now,
    onYear: (entry) => output.write(`Disclosure control: ${protectedLine(entry)}`),
  });
  return done.some((entry) => entry.unprotected > 0) ? UNPROTECTED_EXIT : 0;
}

export const disclosureCommands: Command[] = [
  {
    name: 'disclosure audit',
    summary: 'audit the published accident figures with linear programming: can any hidden count be pinned?',
    usage: '[--measure M[,M…]] [--convention C] [--year Y[,Y…]] [--json]',
    // Names hidden cells and how narrowly their counts can be pinned: for data stewards.
    permission: 'data.unsuppressed',
    options: {
      measure: { type: 'string', value: 'M', description: `measures to audit: ${MEASURES.join(', ')}` },
      convention: { type: 'string', value: 'C', description: 'registration or accident (default: both)' },
      year: { type: 'string', value: 'YEAR', description: 'years to audit (default: every year)' },
      json: { type: 'boolean', description: 'print JSON' },
    },
    async run(context, args) {
      const measures = listOption<MeasureName>(args, 'measure', MEASURES);
      const conventions = listOption<Convention>(args, 'convention', CONVENTIONS);
      const years = yearsOption(args);
      const store = await context.store();
      const data = await new AccidentStatistics(store.db).current();
      const audits = await auditAccidentDisclosure(data, {
        ...(measures === undefined ? {} : { measures }),
        ...(conventions === undefined ? {} : { conventions }),
        ...(years === undefined ? {} : { years }),
      });
      context.stdout.write(flag(args, 'json') ? `${JSON.stringify(audits, null, 2)}\n` : report(audits));
      return audits.some((audit) => audit.unprotected.length > 0) ? UNPROTECTED_EXIT : 0;
    },
  },
  {
    name: 'disclosure protect',
    summary:
      'hide cells until the disclosure audit passes, for every year not yet protected for its current figures',
    usage: '[--convention C] [--year Y[,Y…]] [--json]',
    permission: 'system',
    options: {
      convention: { type: 'string', value: 'C', description: 'registration or accident (default: both)' },
      year: { type: 'string', value: 'YEAR', description: 'years to protect (default: every year)' },
      json: { type: 'boolean', description: 'print JSON' },
    },
    async run(context, args) {
      const conventions = listOption<Convention>(args, 'convention', CONVENTIONS);
      const years = yearsOption(args);
      const store = await context.store();
      const data = await new AccidentStatistics(store.db).current();
      const json = flag(args, 'json');
      const done = await protectAccidentDisclosure(store.db, data, {
        ...(conventions === undefined ? {} : { conventions }),
        ...(years === undefined ? {} : { years }),
        now: context.now,
        onYear: (entry) => {
          if (!json) context.stdout.write(protectedLine(entry));
        },
      });
      if (json) context.stdout.write(`${JSON.stringify(done, null, 2)}\n`);
      else if (done.length === 0)
        context.stdout.write('Every year is already protected for its current figures\n');
      return done.some((entry) => entry.unprotected > 0) ? UNPROTECTED_EXIT : 0;
    },
  },
];
