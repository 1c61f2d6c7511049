import { copyFileSync, truncateSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, issueOf, readAll, useTempDir } from '../../../test/imports/reader-testing.js';
import { MAX_JSON_STAT_BYTES, readJsonStat } from './json-stat.reader.js';

const temp = useTempDir();
const json = (name: string, value: unknown) => temp(name, JSON.stringify(value));

const minimal = {
  version: '2.0',
  class: 'dataset',
  id: ['BRANCHE07', 'Tid'],
  size: [2, 2],
  dimension: {
    BRANCHE07: { category: { index: ['A', 'F'], label: { A: 'Landbrug', F: 'Bygge og anlæg' } } },
    Tid: { category: { index: ['2022', '2023'] } },
  },
  value: { '0': 1, '3': 4 },
  status: 'p',
};

describe('readJsonStat', () => {
  it('refuses a cube of more cells than an import takes before reading any (a small file can declare 10¹⁰)', async () => {
    const codes = Array.from({ length: 100_000 }, (_, i) => `k${i}`);
    const bomb = json('bombe.json', {
      version: '2.0',
      class: 'dataset',
      id: ['A', 'B', 'C'],
      size: [1, 100_000, 100_000],
      dimension: {
        A: { category: { index: ['x'] } },
        B: { category: { index: codes } },
        C: { category: { index: codes } },
      },
      value: { '0': 1 },
    });
    const error = await readJsonStat(bomb).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'too_large' });
    expect((error as { issues: { message: string }[] }).issues[0]?.message).toMatch(
      /make 10000000000 cells, more than the 10000000 an import takes/,
    );
  });

  it('reads a StatBank-style dataset into the long table, in row-major order', async () => {
    const table = await readJsonStat(fixture('employment.json'));
    expect(table.settings).toEqual({
      format: 'json-stat',
      encoding: 'utf-8',
      dimensions: ['BRANCHE07', 'ContentsCode', 'Tid'],
      title: 'Beskæftigede efter branche, enhed og tid',
    });
    expect(table.columns).toEqual([
      'BRANCHE07',
      'BRANCHE07_label',
      'ContentsCode',
      'ContentsCode_label',
      'Tid',
      'Tid_label',
      'value',
      'status',
    ]);
    const unit = ['BESK', 'Beskæftigede (antal)'];
    expect(await readAll(table)).toEqual([
      { row: 1, values: ['A', 'Landbrug, skovbrug og fiskeri', ...unit, '2022', '2022', 67200, null] },
      { row: 2, values: ['A', 'Landbrug, skovbrug og fiskeri', ...unit, '2023', '2023', 68100, null] },
      { row: 3, values: ['F', 'Bygge og anlæg', ...unit, '2022', '2022', 199500, null] },
      { row: 4, values: ['F', 'Bygge og anlæg', ...unit, '2023', '2023', null, '..'] },
      { row: 5, values: ['Q', 'Sundhed og socialvæsen', ...unit, '2022', '2022', 301200, null] },
      { row: 6, values: ['Q', 'Sundhed og socialvæsen', ...unit, '2023', '2023', 305400, null] },
    ]);
  });

  it('reads array indexes, missing labels, sparse values and a dataset-wide status', async () => {
    const table = await readJsonStat(json('sparse.json', minimal));
    expect(table.settings.title).toBeUndefined();
    expect(await readAll(table)).toEqual([
      { row: 1, values: ['A', 'Landbrug', '2022', '2022', 1, 'p'] },
      { row: 2, values: ['A', 'Landbrug', '2023', '2023', null, 'p'] },
      { row: 3, values: ['F', 'Bygge og anlæg', '2022', '2022', null, 'p'] },
      { row: 4, values: ['F', 'Bygge og anlæg', '2023', '2023', 4, 'p'] },
    ]);
  });

  it('places categories by their index positions, not by key order', async () => {
    const path = json('positions.json', {
      ...minimal,
      dimension: {
        ...minimal.dimension,
        // Integer-like keys are enumerated in numeric order by JavaScript; the positions must win.
        Tid: { category: { index: { '2023': 0, '2022': 1 } } },
        BRANCHE07: { category: { label: { A: 'Landbrug' } } },
      },
      size: [1, 2],
      value: [10, 20],
      status: undefined,
    });
    expect(await readAll(readJsonStat(path))).toEqual([
      { row: 1, values: ['A', 'Landbrug', '2023', '2023', 10, null] },
      { row: 2, values: ['A', 'Landbrug', '2022', '2022', 20, null] },
    ]);
  });

  it('refuses a value array of the wrong length, saying expected and found', async () => {
    const issue = await issueOf(readJsonStat(fixture('wrong-length.json')));
    expect(issue).toEqual({
      field: 'value',
      file: 'wrong-length.json',
      message: '"value" has 5 entries but the dimensions (3 × 1 × 2) make 6 cells',
      messageDa: '"value" har 5 elementer, men dimensionerne (3 × 1 × 2) giver 6 celler',
    });
    const sparse = await issueOf(
      readJsonStat(json('sparse-outside.json', { ...minimal, value: { '4': 1 } })),
    );
    expect(sparse.message).toContain('"4"');
  });

  it('refuses text that is not JSON, naming the line', async () => {
    const issue = await issueOf(
      readJsonStat(temp('broken.json', '{\n  "version": "2.0",\n  "class": "dataset",\n}')),
    );
    expect(issue).toMatchObject({ field: 'file', file: 'broken.json', row: 4 });
    expect(issue.message).toContain('not valid JSON');
  });

  it('reads JSON-stat 1.x as Statistics Denmark’s API answers it, and a dataset chosen from a 1.x bundle', async () => {
    const { version: _version, class: _class, id, size, dimension, ...rest } = minimal;
    const v1 = { ...rest, dimension: { ...dimension, id, size, role: { time: ['Tid'] } } };
    const expected = await readAll(readJsonStat(json('v2.json', minimal)));
    const dst = await readJsonStat(json('dst.json', { dataset: v1 }));
    expect(dst.settings.dimensions).toEqual(['BRANCHE07', 'Tid']);
    expect(await readAll(dst)).toEqual(expected);
    const bundle = json('bundt.json', { beskaeftigede: v1, ledige: v1 });
    expect((await issueOf(readJsonStat(bundle))).messageDa).toBe(
      'JSON-stat-bundtet rummer datasættene beskaeftigede, ledige: vælg ét (som ark)',
    );
    expect(await readAll(readJsonStat(bundle, { sheet: 'ledige' }))).toEqual(expected);
  });

  it('refuses JSON that is not a JSON-stat 2.0 dataset', async () => {
    expect((await issueOf(readJsonStat(json('other.json', { rows: [] })))).message).toContain(
      'not a JSON-stat 2.0 dataset',
    );
    expect((await issueOf(readJsonStat(json('bundle.json', { dataset: { value: [] } })))).message).toContain(
      '1.x bundle',
    );
    expect(
      (await issueOf(readJsonStat(json('collection.json', { ...minimal, class: 'collection' })))).field,
    ).toBe('structure');
  });

  it('refuses a workbook saved with a .json name', async () => {
    const path = temp('workbook.json', '');
    copyFileSync(fixture('observations.xlsx'), path);
    expect(await issueOf(readJsonStat(path))).toMatchObject({
      field: 'file',
      message: expect.stringContaining('zip'),
    });
  });

  it('refuses inconsistent structure', async () => {
    const sizes = await issueOf(readJsonStat(json('sizes.json', { ...minimal, size: [3, 2] })));
    expect(sizes.message).toBe('dimension "BRANCHE07" has 2 categories but "size" says 3');
    const ids = await issueOf(readJsonStat(json('ids.json', { ...minimal, id: ['BRANCHE07', 'TID'] })));
    expect(ids.message).toContain('"TID"');
    const shape = await issueOf(readJsonStat(json('shape.json', { ...minimal, size: 'two' })));
    expect(shape).toMatchObject({ field: 'structure', message: expect.stringContaining('size') });
  });

  it('refuses files over the size limit before reading them', async () => {
    const path = temp('huge.json', '{');
    truncateSync(path, MAX_JSON_STAT_BYTES + 1); // sparse: no disk is used
    expect((await issueOf(readJsonStat(path))).message).toContain('200 MB');
  });
});
