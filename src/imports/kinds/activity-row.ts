// One row of an `activities` import, checked and resolved: the BFA (and, for a BFA editor's upload, that it is
// theirs), type and status by Danish label or code, the period, counts and cost, the branch groups (each the BFA's
// own) with sub-branches, the targets (each the BFA's), the funding pool and the campaign. Every problem is reported
// with its field before the row is given up.
import type { ActivityStatus, ActivityType } from '../../db/schema.js';
import { MAX_NOTES, MAX_TITLE } from '../../work/activities.schemas.js';
import { type Bilingual, STATUS_LABELS, TYPE_LABELS } from '../../work/activities.texts.js';
import { normaliseHeader } from '../fields.js';
import type { Lookups } from '../lookups.js';
import { bilingual } from '../texts.js';
import { AMBIGUOUS, type NamedBfa, type WorkLookups } from '../work-lookups.js';
import type { ParsedValue, Report, Typed } from './kind.js';

/** The stored row as `build` returns it (the kind's `columns` order; links as JSON). */
export type ActivityRow = [
  number,
  string,
  string,
  ActivityType,
  string | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  ActivityStatus,
  string,
  string,
];

/** The links `build` resolved: the BFA's code, [group id, group code, sub-branch id, sub-branch code] per branch
 *  link, and target ids. */
export interface ActivityLinks {
  bfa: string;
  branches: [number, string, number | null, string | null][];
  targets: number[];
}

/** Other words spreadsheets use for a status. */
const STATUS_SYNONYMS: Record<ActivityStatus, string[]> = {
  planned: [],
  running: ['In progress', 'Igangværende', 'Ongoing'],
  done: ['Completed', 'Afsluttet'],
  cancelled: ['Canceled'],
};

/** Each code by itself, its Danish and English label and any synonyms, compared as headers are. */
function labelsOf<T extends string>(
  labels: Record<T, Bilingual>,
  synonyms: Partial<Record<T, string[]>> = {},
) {
  const found = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, Bilingual][])
    for (const name of [code, label.da, label.en, ...(synonyms[code] ?? [])])
      found.set(normaliseHeader(name), code);
  return found;
}

const TYPE_BY_LABEL = labelsOf(TYPE_LABELS);
const STATUS_BY_LABEL = labelsOf(STATUS_LABELS, STATUS_SYNONYMS);

const danishLabels = (labels: Record<string, Bilingual>) =>
  Object.values(labels)
    .map((label) => label.da)
    .join(', ');

const text = (value: ParsedValue | undefined) => (typeof value === 'string' ? value : null);
const number = (value: ParsedValue | undefined) => (typeof value === 'number' ? value : null);

/** The row's stored values, or undefined when it has problems (each reported with its field). */
export function buildActivity(
  values: Record<string, ParsedValue>,
  lookups: Lookups,
  report: Report,
  typed: Typed,
): ActivityRow | undefined {
  let ok = true;
  const note: Report = (field, message) => {
    ok = false;
    report(field, message);
  };
  const bfa = resolveBfa(text(values.bfa) ?? '', lookups.work, note);
  const type = labelled('type', TYPE_BY_LABEL, TYPE_LABELS, values, typed, note);
  const status = labelled('status', STATUS_BY_LABEL, STATUS_LABELS, values, typed, note);
  const title = checkText('title', text(values.title) ?? '', MAX_TITLE, note);
  const notes = checkText('notes', text(values.notes) ?? '', MAX_NOTES, note);
  const { start, end } = checkPeriod(values, typed, note);
  const cost = number(values.cost);
  if (cost !== null && !Number.isInteger(cost))
    note('cost', bilingual(`${typed('cost')} is not whole kroner`, `${typed('cost')} er ikke hele kroner`));
  const links: ActivityLinks = {
    bfa: bfa?.code ?? '',
    branches: resolveBranches(values, bfa, lookups, note),
    targets: resolveTargets(text(values.targets), bfa, lookups, note),
  };
  const pool = resolvePool(text(values.pool), lookups.work, note);
  const campaign = resolveCampaign(text(values.campaign), bfa, lookups.work, note);
  if (!ok || bfa === undefined || type === undefined || status === undefined) return undefined;
  return [
    bfa.id,
    title,
    start,
    type,
    end,
    number(values.plannedWorkplaces),
    number(values.plannedParticipants),
    number(values.reachedWorkplaces),
    number(values.reachedParticipants),
    cost,
    pool,
    campaign,
    status,
    notes,
    JSON.stringify(links),
  ];
}

/** A type or status by its code, Danish or English label. */
function labelled<T extends string>(
  field: string,
  byLabel: Map<string, T>,
  labels: Record<T, Bilingual>,
  values: Record<string, ParsedValue>,
  typed: Typed,
  report: Report,
): T | undefined {
  const found = byLabel.get(normaliseHeader(text(values[field]) ?? ''));
  if (found === undefined) {
    const known = danishLabels(labels);
    const written = typed(field);
    report(field, bilingual(`"${written}" is not one of ${known}`, `"${written}" er ikke en af ${known}`));
  }
  return found;
}

/** The start (required, so parsed) and the end, which may not come before it. */
function checkPeriod(values: Record<string, ParsedValue>, typed: Typed, report: Report) {
  const start = text(values.start) ?? '';
  const end = text(values.end);
  if (end !== null && end < start)
    report(
      'end',
      bilingual(
        `ends (${typed('end')}) before it starts (${typed('start')})`,
        `slutter (${typed('end')}) før den starter (${typed('start')})`,
      ),
    );
  return { start, end };
}

function checkText(field: string, value: string, max: number, report: Report): string {
  if (value.includes('\u0000')) report(field, bilingual('holds a NUL character', 'indeholder et NUL-tegn'));
  if (value.length > max)
    report(field, bilingual(`is longer than ${max} characters`, `er længere end ${max} tegn`));
  return value;
}

/** The row's BFA; for an import limited to one BFA (a BFA editor's), only that one. */
function resolveBfa(written: string, work: WorkLookups, report: Report): NamedBfa | undefined {
  const bfa = work.bfa(written);
  if (bfa === undefined) {
    report('bfa', bilingual(`unknown BFA "${written}"`, `ukendt BFA "${written}"`));
    return undefined;
  }
  const only = work.onlyBfa();
  if (only !== undefined && only.id !== bfa.id) {
    const own = only.short || '—';
    report(
      'bfa',
      bilingual(
        `"${written}" is not your BFA: you may import activities of ${own} only`,
        `"${written}" er ikke din BFA: du må kun importere aktiviteter for ${own}`,
      ),
    );
    return undefined;
  }
  return bfa;
}

/**
 * The names in a list cell, separated by `;` or `,`, each resolved; a name that itself holds a comma ("Plast, glas
 * og beton") is kept whole: from each point the longest run of comma-separated parts that resolves is taken.
 */
export function resolveList<T>(
  cell: string,
  resolve: (name: string) => T | undefined,
): { found: T[]; unknown: string[] } {
  const found: T[] = [];
  const unknown: string[] = [];
  for (const piece of cell.split(';')) {
    const parts = piece
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    let from = 0;
    while (from < parts.length) {
      let to = parts.length;
      let hit: T | undefined;
      for (; to > from && hit === undefined; to--) hit = resolve(parts.slice(from, to).join(', '));
      if (hit === undefined) {
        unknown.push(parts[from] as string);
        from++;
      } else {
        found.push(hit);
        from = to + 1;
      }
    }
  }
  return { found, unknown };
}

/** The branch groups (each of the row's BFA) with the sub-branches named under them: one link per sub-branch, or one
 *  for the whole group when none of its sub-branches is named. */
function resolveBranches(
  values: Record<string, ParsedValue>,
  bfa: NamedBfa | undefined,
  lookups: Lookups,
  report: Report,
): ActivityLinks['branches'] {
  const groups = resolveList(text(values.branches) ?? '', (name) => lookups.branchGroup(name));
  for (const name of groups.unknown)
    report('branches', bilingual(`unknown branch group "${name}"`, `ukendt branchegruppe "${name}"`));
  const unique = [...new Map(groups.found.map((group) => [group.id, group])).values()];
  if (unique.length === 0 && groups.unknown.length === 0)
    report('branches', bilingual('names no branch group', 'nævner ingen branchegruppe'));
  if (bfa !== undefined)
    for (const group of unique.filter((each) => !lookups.work.ownsBranchGroup(bfa.id, each.id)))
      report(
        'branches',
        bilingual(
          `"${group.code}" is not a branch group of ${bfa.short}`,
          `"${group.code}" er ikke en branchegruppe under ${bfa.short}`,
        ),
      );
  const subs = resolveList(text(values.subBranches) ?? '', (name) => {
    for (const group of unique) {
      const sub = lookups.subBranch(name, group.id);
      if (sub !== undefined) return { ...sub, group };
    }
    return undefined;
  });
  const codes = unique.map((group) => group.code).join(', ');
  for (const name of subs.unknown)
    report(
      'subBranches',
      bilingual(
        `"${name}" is not a sub-branch of the row's branch groups (${codes})`,
        `"${name}" er ikke en underbranche under rækkens branchegrupper (${codes})`,
      ),
    );
  return unique.flatMap((group): ActivityLinks['branches'] => {
    const under = subs.found.filter((sub) => sub.group.id === group.id);
    const distinct = [...new Map(under.map((sub) => [sub.id, sub])).values()];
    return distinct.length === 0
      ? [[group.id, group.code, null, null]]
      : distinct.map((sub) => [group.id, group.code, sub.id, sub.code]);
  });
}

/** Target ids, each an existing target whose current revision the row's BFA is responsible for. */
function resolveTargets(
  cell: string | null,
  bfa: NamedBfa | undefined,
  lookups: Lookups,
  report: Report,
): number[] {
  const ids: number[] = [];
  for (const written of (cell ?? '').split(/[;,\s]+/).filter((part) => part !== '')) {
    const id = /^\d{1,9}$/.test(written) ? lookups.target(Number(written)) : undefined;
    if (id === undefined) {
      report(
        'targets',
        /^\d+$/.test(written)
          ? bilingual(`target ${written} does not exist`, `måltal nr. ${written} findes ikke`)
          : bilingual(`"${written}" is not a target number`, `"${written}" er ikke et måltalsnummer`),
      );
    } else if (bfa !== undefined && lookups.work.targetOwner(id) !== bfa.id) {
      report(
        'targets',
        bilingual(
          `target ${id} is not ${bfa.short}'s (another BFA, or none, is responsible for it)`,
          `måltal nr. ${id} hører ikke under ${bfa.short} (en anden BFA eller ingen er ansvarlig for det)`,
        ),
      );
    } else if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

function resolvePool(written: string | null, work: WorkLookups, report: Report): number | null {
  if (written === null) return null;
  const pool = work.fundingPool(written);
  if (pool === AMBIGUOUS)
    report(
      'pool',
      bilingual(
        `several funding pools are called "${written}": write the pool's id`,
        `flere puljer hedder "${written}": skriv puljens id`,
      ),
    );
  else if (pool === undefined)
    report('pool', bilingual(`unknown funding pool "${written}"`, `ukendt pulje "${written}"`));
  return typeof pool === 'object' ? pool.id : null;
}

function resolveCampaign(
  written: string | null,
  bfa: NamedBfa | undefined,
  work: WorkLookups,
  report: Report,
): number | null {
  if (written === null) return null;
  const campaign = work.campaign(written);
  if (campaign === AMBIGUOUS)
    report(
      'campaign',
      bilingual(
        `several campaigns are called "${written}": write the campaign's id`,
        `flere kampagner hedder "${written}": skriv kampagnens id`,
      ),
    );
  else if (campaign === undefined)
    report('campaign', bilingual(`unknown campaign "${written}"`, `ukendt kampagne "${written}"`));
  else if (bfa !== undefined && campaign.bfaId !== null && campaign.bfaId !== bfa.id)
    report(
      'campaign',
      bilingual(
        `campaign "${written}" belongs to another BFA than ${bfa.short}`,
        `kampagnen "${written}" hører til en anden BFA end ${bfa.short}`,
      ),
    );
  return typeof campaign === 'object' ? campaign.id : null;
}
