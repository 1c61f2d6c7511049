// The tables in the "download everything" zips: the targets (as the goal pages list them), and the accident
// figures the overview and the explorer show, each answered from the protected cube through the disclosure gate.
import { accidentFilters } from '../accidents/query.js';
import { type Answer, accidentRates, type RateRow } from '../accidents/rates.js';
import type { AccidentData } from '../accidents/statistics.js';
import type { Locale } from '../format.js';
import { headlineOf } from '../targets/status-words.js';
import type { Target } from '../targets/targets.model.js';
import {
  problemLabel,
  scopeLabel,
  sharedDecimals,
  unitLabel,
  unitValue,
} from '../web/download-observations.js';
import { type DownloadColumn, type Label, yesNo } from '../web/download-table.js';
import { MESSAGES, pick } from '../web/i18n.js';

type Column = DownloadColumn<Target>;

/** A value in the target's unit, rounded as the goal page shows it (`decimals` written out when units agree). */
const rounded = (
  header: Label,
  pickValue: (target: Target) => number | null | undefined,
  decimals: number | undefined,
): Column => ({
  header,
  ...(decimals === undefined ? {} : { decimals }),
  cell: (target) => {
    const figure = pickValue(target);
    return figure === null || figure === undefined
      ? null
      : unitValue(figure, target.indicator.unit, decimals);
  },
});

const year = (header: Label, pickYear: (target: Target) => number | null | undefined): Column => ({
  header,
  decimals: 0,
  cell: (target) => pickYear(target) ?? null,
});

function adoption(target: Target, locale: Locale): string {
  const t = MESSAGES[locale];
  return { draft: t.statusDraft, adopted: t.statusAdopted, retired: t.statusRetired }[target.status];
}

const projection = (target: Target) => target.assessment?.projection ?? null;

/** One target per line, with the goal page's columns and the codes a program joins on. */
export function targetColumns(targets: readonly Target[]): Column[] {
  const decimals = sharedDecimals(targets.map((target) => target.indicator.unit));
  const value = (header: Label, pickValue: (target: Target) => number | null | undefined) =>
    rounded(header, pickValue, decimals);
  return [
    { header: { da: 'Måltal-nr.', en: 'Target no.' }, decimals: 0, cell: (target) => target.id },
    { header: { da: 'Mål', en: 'Goal' }, cell: (target, locale) => pick(target.goal, locale) },
    { header: { da: 'Branche', en: 'Branch' }, cell: (target, locale) => scopeLabel(target, locale) },
    {
      header: { da: 'Branchegruppe (kode)', en: 'Branch group (code)' },
      cell: (target) => target.branchGroup?.code ?? null,
    },
    { header: { da: 'Problem', en: 'Problem' }, cell: (target, locale) => problemLabel(target, locale) },
    {
      header: { da: 'Indikator', en: 'Indicator' },
      cell: (target, locale) => pick(target.indicator, locale),
    },
    { header: { da: 'Indikator (kode)', en: 'Indicator (code)' }, cell: (target) => target.indicator.code },
    {
      header: { da: 'Enhed', en: 'Unit' },
      cell: (target, locale) => unitLabel(target.indicator.unit, locale),
    },
    { header: { da: 'BFA', en: 'BFA' }, cell: (target) => target.owner?.short ?? null },
    value({ da: 'Udgangspunkt', en: 'Baseline' }, (target) => target.baseline.value),
    year({ da: 'Udgangspunkt, år', en: 'Baseline year' }, (target) => target.baseline.year),
    value({ da: 'Seneste måling', en: 'Latest measurement' }, (target) => target.latest?.value),
    year({ da: 'Seneste måling, år', en: 'Latest measurement year' }, (target) => target.latest?.year),
    value({ da: 'Seneste måling, nedre grænse', en: 'Latest, lower limit' }, (t) => t.latest?.lowercl),
    value({ da: 'Seneste måling, øvre grænse', en: 'Latest, upper limit' }, (t) => t.latest?.uppercl),
    value({ da: 'Måltal', en: 'Target' }, (target) => target.target.value),
    year({ da: 'Måltal, år', en: 'Target year' }, (target) => target.target.year),
    {
      header: { da: 'Status', en: 'Status' },
      cell: (target, locale) => headlineOf(target.assessment)[locale],
    },
    value({ da: 'Fremskrivning', en: 'Projection' }, (target) => projection(target)?.cagr.value),
    year({ da: 'Fremskrivning, år', en: 'Projection year' }, (target) => projection(target)?.year),
    value(
      { da: 'Fremskrivning, nedre grænse', en: 'Projection, lower limit' },
      (t) => projection(t)?.cagr.lowercl,
    ),
    value(
      { da: 'Fremskrivning, øvre grænse', en: 'Projection, upper limit' },
      (t) => projection(t)?.cagr.uppercl,
    ),
    { header: { da: 'Vedtagelse', en: 'Adoption' }, cell: (target, locale) => adoption(target, locale) },
    { header: { da: 'Demodata', en: 'Demo data' }, cell: (target, locale) => yesNo(target.isDemo, locale) },
  ];
}

export type AccidentTableKey = 'byBranch' | 'bySexAge' | 'fatal';

/** The accident tables of the zips: public answers only (the disclosure gate's), as the explorer would give them. */
export function accidentTables(data: AccidentData): { key: AccidentTableKey; answer: Answer<RateRow> }[] {
  if (data.cubes.registration.years.length === 0) return [];
  return [
    { key: 'byBranch', answer: accidentRates(data, accidentFilters({ groupBy: ['year', 'branch'] })) },
    {
      key: 'bySexAge',
      answer: accidentRates(data, accidentFilters({ groupBy: ['year', 'sex', 'ageBand'] })),
    },
    {
      key: 'fatal',
      answer: accidentRates(
        data,
        accidentFilters({ fatal: true, convention: 'accident', perEmployed: 100_000, groupBy: ['year'] }),
      ),
    },
  ];
}
