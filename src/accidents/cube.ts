// The accident cube: every combination of year, branch (with main groups), age band, sex, severity and chemical
// exposure, margins included, with counts, days lost and disclosure control decided once for all of it. Pure:
// built from the aggregate leaves; queries only read it.
import { CELL_PUBLISHED, type CubeDimension, suppressCube } from '../stats/index.js';
import type { LeafRow } from './aggregates.repository.js';
import type { AccidentSettings } from './settings.js';

export const AGE_BANDS = ['15-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export const SEXES = ['K', 'M'] as const;
export const SEVERITIES = ['fatal', 'serious', 'minor', 'unknown'] as const;
export const ALL = 'all';
const UNKNOWN_AGE = 'unknown';
const UNKNOWN_SEX = 'U';

export type DimensionName = 'year' | 'branch' | 'ageBand' | 'sex' | 'severity' | 'chemical';
export const DIMENSIONS: readonly DimensionName[] = [
  'year',
  'branch',
  'ageBand',
  'sex',
  'severity',
  'chemical',
];

export interface BranchInfo {
  id: number;
  code: string;
  nameDa: string;
  nameEn: string;
  /** The main group's code; empty for the accidents without a branch group whose main group is not known. */
  mainGroup: string;
  /** A leaf of accidents whose industry code no branch group covers yet (not a branch group; no employment). */
  unmapped?: true;
}

/** The branch-axis leaf code of accidents without a branch group: one per main group, one for main group unknown. */
export const UNMAPPED = 'uden-branchegruppe';

export function unmappedCode(mainGroup: string | null): string {
  return mainGroup === null || mainGroup === '' ? UNMAPPED : `${UNMAPPED}.${mainGroup}`;
}

/**
 * The branch groups followed by a leaf for each main group whose accidents include some without a branch group
 * (and one for those whose main group is not known), so that national and main-group figures count every
 * accident while the branch-group rows hold only their own.
 */
export function withUnmapped(
  branches: readonly BranchInfo[],
  mainGroups: readonly MainGroupInfo[],
  leaves: readonly LeafRow[],
): BranchInfo[] {
  const present = new Set(
    leaves.filter((leaf) => leaf.branchGroupId === null).map((leaf) => leaf.mainGroup ?? ''),
  );
  const extra: BranchInfo[] = [...mainGroups, { code: '', nameDa: '', nameEn: '' }]
    .filter((group) => present.has(group.code))
    .map((group) => ({
      id: 0,
      code: unmappedCode(group.code),
      nameDa: group.code === '' ? 'Uden branchegruppe' : `Uden branchegruppe (${group.nameDa})`,
      nameEn: group.code === '' ? 'No branch group' : `No branch group (${group.nameEn})`,
      mainGroup: group.code,
      unmapped: true,
    }));
  return [...branches, ...extra];
}

export interface MainGroupInfo {
  code: string;
  nameDa: string;
  nameEn: string;
}

/**
 * One dimension's values: leaves, then margins; `parent` links each value to the margin it adds up to. Years have
 * no grand total: each year is a table of its own (so a disclosure audit can take one year at a time), and a
 * range of years is the sum of its years' cells.
 */
export interface Axis extends CubeDimension {
  name: DimensionName;
  values: string[];
  /** Leaf values (no margins), in display order. */
  leaves: number[];
  index: Map<string, number>;
  /** For margins: the leaves under them. */
  leavesUnder: Map<number, number[]>;
  /** The grand total's index, or -1 for a dimension without one (years). */
  all: number;
}

function axis(
  name: DimensionName,
  leaves: readonly string[],
  groups: { code: string; members: string[] }[] = [],
  grandTotal = true,
) {
  const values = [...leaves, ...groups.map((g) => g.code), ...(grandTotal ? [ALL] : [])];
  const index = new Map(values.map((value, i) => [value, i]));
  const all = grandTotal ? values.length - 1 : -1;
  const parent = values.map(() => all);
  if (grandTotal) parent[all] = -1;
  const leavesUnder = new Map<number, number[]>(grandTotal ? [[all, leaves.map((_, i) => i)]] : []);
  for (const group of groups) {
    const groupIndex = index.get(group.code) as number;
    const members = group.members.map((member) => index.get(member) as number);
    for (const member of members) parent[member] = groupIndex;
    leavesUnder.set(groupIndex, members);
  }
  return {
    name,
    values,
    leaves: leaves.map((_, i) => i),
    index,
    leavesUnder,
    all,
    size: values.length,
    parent,
  } satisfies Axis;
}

export interface AccidentCube {
  convention: string;
  axes: Axis[];
  strides: number[];
  counts: Float64Array;
  daysLost: Float64Array;
  /** Records behind each cell that state their days lost. */
  daysKnown: Float64Array;
  /** Days lost counted at severity-band midpoints for records that do not state them. */
  daysImputed: Float64Array;
  /** Disclosure status per cell (CELL_PUBLISHED, CELL_PRIMARY, CELL_SECONDARY). */
  status: Uint8Array;
  exempt: Uint8Array;
  unprotectedGroups: number;
  years: number[];
}

export function cellIndex(cube: AccidentCube, coordinates: readonly number[]): number {
  let cell = 0;
  coordinates.forEach((value, d) => {
    cell += value * (cube.strides[d] as number);
  });
  return cell;
}

export function buildCube(
  convention: string,
  leaves: readonly LeafRow[],
  branches: readonly BranchInfo[],
  mainGroups: readonly MainGroupInfo[],
  settings: AccidentSettings,
): AccidentCube {
  const mine = leaves.filter((leaf) => leaf.convention === convention);
  const years = [...new Set(mine.map((leaf) => leaf.year))].sort((a, b) => a - b);
  const branchById = new Map(branches.filter((b) => b.unmapped !== true).map((b) => [b.id, b.code]));
  const axes: Axis[] = [
    axis(
      'year',
      years.map((year) => String(year)),
      [],
      false,
    ),
    axis(
      'branch',
      branches.map((b) => b.code),
      mainGroups.map((group) => ({
        code: group.code,
        members: branches.filter((b) => b.mainGroup === group.code).map((b) => b.code),
      })),
    ),
    axis('ageBand', [...AGE_BANDS, UNKNOWN_AGE]),
    axis('sex', [...SEXES, UNKNOWN_SEX]),
    axis('severity', SEVERITIES),
    axis('chemical', ['1', '0']),
  ];
  const strides: number[] = [];
  let size = 1;
  for (let d = axes.length - 1; d >= 0; d--) {
    strides[d] = size;
    size *= (axes[d] as Axis).size;
  }
  const counts = new Float64Array(size);
  const daysLost = new Float64Array(size);
  const daysKnown = new Float64Array(size);
  const daysImputed = new Float64Array(size);
  const midpoints = settings.labourLoss.severityMidpointDays;

  /** The value and all the margins above it, as offsets along the dimension. */
  const chains = axes.map((a, d) =>
    a.values.map((_, value) => {
      const chain: number[] = [];
      for (let v = value; v >= 0; v = a.parent[v] as number) chain.push(v * (strides[d] as number));
      return chain;
    }),
  );
  for (const leaf of mine) {
    const branchCode =
      leaf.branchGroupId === null ? unmappedCode(leaf.mainGroup) : branchById.get(leaf.branchGroupId);
    const coordinates = [
      axes[0]?.index.get(String(leaf.year)),
      branchCode === undefined ? undefined : axes[1]?.index.get(branchCode),
      axes[2]?.index.get(leaf.ageBand),
      axes[3]?.index.get(leaf.sex),
      axes[4]?.index.get(leaf.severity),
      axes[5]?.index.get(String(leaf.chemical)),
    ];
    if (coordinates.some((c) => c === undefined)) {
      throw new Error(`Accident aggregate leaf outside the cube: ${JSON.stringify(leaf)}`);
    }
    const imputed =
      (leaf.accidents - leaf.daysKnown) * (midpoints[leaf.severity as keyof typeof midpoints] ?? 0);
    const [c0, c1, c2, c3, c4, c5] = coordinates.map((c, d) => chains[d]?.[c as number] as number[]) as [
      number[],
      number[],
      number[],
      number[],
      number[],
      number[],
    ];
    for (const o0 of c0)
      for (const o1 of c1)
        for (const o2 of c2)
          for (const o3 of c3)
            for (const o4 of c4)
              for (const o5 of c5) {
                const cell = o0 + o1 + o2 + o3 + o4 + o5;
                counts[cell] = (counts[cell] as number) + leaf.accidents;
                daysLost[cell] = (daysLost[cell] as number) + leaf.daysLost;
                daysKnown[cell] = (daysKnown[cell] as number) + leaf.daysKnown;
                daysImputed[cell] = (daysImputed[cell] as number) + imputed;
              }
  }

  const exempt = new Uint8Array(size);
  if (settings.suppression.exemptFatal) {
    const fatal = axes[4]?.index.get('fatal') as number;
    const stride = strides[4] as number;
    const block = stride * (axes[4] as Axis).size;
    const all = axes[4]?.index.get(ALL) as number;
    for (let outer = 0; outer < size; outer += block) {
      exempt.fill(1, outer + fatal * stride, outer + (fatal + 1) * stride);
      // A cell over all severities that holds only fatal accidents equals a published fatal figure.
      for (let inner = 0; inner < stride; inner++) {
        const total = outer + all * stride + inner;
        if (counts[total] === counts[outer + fatal * stride + inner]) exempt[total] = 1;
      }
    }
  }
  const { status, unprotectedGroups } = suppressCube({
    dimensions: axes,
    counts,
    exempt,
    minCount: settings.suppression.minCount,
    protectionWidth: settings.suppression.protectionWidth,
  });
  return {
    convention,
    axes,
    strides,
    counts,
    daysLost,
    daysKnown,
    daysImputed,
    status,
    exempt,
    unprotectedGroups,
    years,
  };
}

export function isPublished(cube: AccidentCube, cell: number): boolean {
  return cube.status[cell] === CELL_PUBLISHED;
}
