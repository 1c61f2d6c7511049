// The base cube of a batch: records with the same cell and codes are counted together; fatal records count as
// 'fatal' whatever their severity; records without a branch group keep their main group; the leaves summed from the
// cells follow the chemical setting given, not the one the cells were summed under.
import { describe, expect, it } from 'vitest';
import { accidentsKind } from '../imports/kinds/accidents.kind.js';
import { BaseAccumulator } from './base-cube.js';
import { leavesOf } from './leaf-accumulator.js';
import { DEFAULT_ACCIDENT_SETTINGS } from './settings.js';

const columns = accidentsKind.columns;
function record(values: Partial<Record<(typeof columns)[number], unknown>>): unknown[] {
  const defaults: Record<string, unknown> = {
    registration_year: 2024,
    accident_year: 2024,
    branch_group_id: 3,
    main_group_id: null,
    age_band: '25-34',
    sex: 'K',
    severity: 'minor',
    fatal: 0,
    days_lost: 2,
    injury_type: '062 Ætsning',
    contact_mode: null,
    material_agent: null,
  };
  return columns.map((column) => (column in values ? values[column] : (defaults[column] ?? null)));
}

describe('the base cube', () => {
  it('counts records per cell and codes, with days lost where known', () => {
    const base = new BaseAccumulator(columns);
    base.add(record({}));
    base.add(record({ days_lost: null }));
    base.add(record({ severity: 'serious', fatal: 1, days_lost: 10 }));
    base.add(record({ branch_group_id: null, main_group_id: 7, accident_year: null }));
    const cells = base.result();
    expect(cells).toHaveLength(3);
    expect(cells).toContainEqual(
      expect.objectContaining({
        severity: 'minor',
        branchGroupId: 3,
        accidents: 2,
        daysLost: 2,
        daysKnown: 1,
      }),
    );
    expect(cells).toContainEqual(expect.objectContaining({ severity: 'fatal', accidents: 1, daysLost: 10 }));
    expect(cells).toContainEqual(
      expect.objectContaining({ branchGroupId: null, mainGroupId: 7, accidentYear: null, accidents: 1 }),
    );
  });

  it('gives leaves under whichever chemical codes are asked for', () => {
    const base = new BaseAccumulator(columns);
    base.add(record({ injury_type: '062 Ætsning' }));
    base.add(record({ injury_type: '010' }));
    const chemical = (codes: string[]) =>
      leavesOf(base.result(), {
        ...DEFAULT_ACCIDENT_SETTINGS,
        chemical: {
          ...DEFAULT_ACCIDENT_SETTINGS.chemical,
          injuryTypes: codes,
          contactModes: [],
          materialAgents: [],
        },
      })
        .filter((leaf) => leaf.convention === 'registration' && leaf.chemical === 1)
        .reduce((sum, leaf) => sum + leaf.accidents, 0);
    expect([chemical(['062']), chemical(['010', '062']), chemical([])]).toEqual([1, 2, 0]);
  });
});
