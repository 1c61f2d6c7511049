// Accident records whose industry code is a valid DB07 code that no branch group covers: kept, counted nationally and
// in their main group (never in a branch group), listed for stewards, and moved into a branch group's figures when a
// steward maps the code; on both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { type TempFiles, tempFiles } from '../../test/imports/files.js';
import { seedStore } from '../../test/seed.js';
import { rollbackImport, runImport } from '../imports/imports.service.js';
import { readLeaves, recomputeLeaves } from './aggregates.repository.js';
import { listUnmappedCodes, mapIndustryCode } from './industry-codes.service.js';
import { accidentFilters } from './query.js';
import { accidentRates } from './rates.js';
import { DEFAULT_ACCIDENT_SETTINGS } from './settings.js';
import { loadAccidentData } from './statistics.js';

const actor = { user: 'datastewart', now: () => new Date('2026-03-01T09:00:00Z') };
const HEADER = 'sagsnummer;registreringsdato;branchekode;alder;koen;fravaersdage';

/** `count` records with this code, registered in 2024. */
function rows(prefix: string, code: string, count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) =>
      `${prefix}-${i};2024-03-${String((i % 27) + 1).padStart(2, '0')};${code};${30 + (i % 20)};${i % 2 === 0 ? 'K' : 'M'};${i % 9}`,
  );
}

describeEachDialect('industry codes without a branch group', (dialect) => {
  let store: TestStore;
  let files: TempFiles;
  let batchId: number;

  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db);
    files = tempFiles();
    const file = files.write(
      'ulykker.csv',
      `${HEADER}\n${[
        ...rows('A', '47.11', 30),
        ...rows('B', '49.50', 12),
        ...rows('C', '4950', 3),
        ...rows('D', '45.20', 11),
        ...rows('E', '4941', 20),
      ].join('\n')}\n`,
    );
    const report = await runImport(store, file, { kind: 'accidents' }, actor);
    batchId = report.batchId as number;
  });
  afterAll(async () => {
    files.remove();
    await store.close();
  });

  const counts = async (groupBy: ('branch' | 'mainGroup')[]) => {
    const data = await loadAccidentData(store.db);
    const answer = accidentRates(data, accidentFilters({ groupBy }), { unsuppressed: true });
    return Object.fromEntries(answer.rows.map((row) => [row.branch ?? row.mainGroup ?? 'all', row.count]));
  };

  it('keeps them: counted nationally and in the main group the division tells, never in a branch group', async () => {
    expect((await counts([])).all).toBe(76);
    const byMainGroup = await counts(['mainGroup']);
    expect(byMainGroup.transport).toBe(20 + 12 + 3);
    expect(byMainGroup.handel).toBe(30);
    const byBranch = await counts(['branch']);
    expect(byBranch['transport-af-gods']).toBe(20);
    expect(byBranch['uden-branchegruppe.transport']).toBe(15);
    // Division 45 has no mapped code at all: its main group is not known.
    expect(byBranch['uden-branchegruppe']).toBe(11);
    expect(await readLeaves(store.db)).toEqual(await recomputeLeaves(store.db, DEFAULT_ACCIDENT_SETTINGS));
  });

  it('says so in every answer while such records exist', async () => {
    const data = await loadAccidentData(store.db);
    const answer = accidentRates(data, accidentFilters({}));
    expect(answer.meta.seriesNotes.map((note) => note.en).join(' ')).toContain('no branch group covers yet');
    expect(answer.meta.labels.branch['uden-branchegruppe.transport']).toEqual({
      da: 'Uden branchegruppe (Transport)',
      en: 'No branch group (Transport)',
    });
  });

  it('lists them for stewards, one entry per code with its spellings, title, main group and batches', async () => {
    const listed = await listUnmappedCodes(store.db);
    expect(listed.map((entry) => [entry.code, entry.records, entry.mainGroup, entry.spellings])).toEqual([
      ['49.50', 15, 'transport', ['49.50', '4950']],
      ['45.20', 11, null, ['45.20']],
    ]);
    expect(listed[0]?.titleDa).toBe('Rørtransport');
    expect(listed[0]?.batchIds).toEqual([batchId]);
    const text = await cli(['industry-codes', 'unmapped', '--database', store.setting]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('DB07 49.50');
    expect(text.stdout).toContain('(main group unknown)');
    expect(text.stdout).toContain('2 code(s), 26 record(s) without a branch group');
  });

  it('refuses to map a malformed code, an unknown branch group, or a code already mapped', async () => {
    const run = (...args: string[]) => cli(['industry-codes', 'map', ...args, '--database', store.setting]);
    const malformed = await run('tlf 4950', '--branch', 'transport-af-gods');
    expect(malformed.code).toBe(65);
    expect(malformed.stderr).toContain('"tlf 4950" is not a code of DB07');
    const unknown = await run('49.50', '--branch', 'rumfart');
    expect(unknown.code).toBe(65);
    expect(unknown.stderr).toContain('"rumfart" is not a branch group code');
    const mapped = await run('4941', '--branch', 'butikker');
    expect(mapped.code).toBe(75);
    expect(mapped.stderr).toContain('49.41 already maps to transport-af-gods');
    const danish = await run('49.50', '--branch', 'rumfart', '--lang', 'da');
    expect(danish.stderr).toContain('"rumfart" er ikke en kode for en branchegruppe');
  });

  it('moves the records into the branch group when the code is mapped, and places later imports there', async () => {
    const result = await cli([
      'industry-codes',
      'map',
      '49.5',
      '--branch',
      'transport-af-gods',
      '--database',
      store.setting,
    ]);
    expect(result.stderr).not.toContain('unexpected');
    expect(result.stdout).toContain('DB07 49.5 now maps to transport-af-gods: 15 accident record(s) moved');
    const byBranch = await counts(['branch']);
    expect(byBranch['transport-af-gods']).toBe(35);
    expect(byBranch['uden-branchegruppe.transport']).toBeUndefined();
    expect((await counts([])).all).toBe(76);
    expect(await readLeaves(store.db)).toEqual(await recomputeLeaves(store.db, DEFAULT_ACCIDENT_SETTINGS));
    expect((await listUnmappedCodes(store.db)).map((entry) => entry.code)).toEqual(['45.20']);

    const later = files.write('senere.csv', `${HEADER}\n${rows('F', '49.50.00', 4).join('\n')}\n`);
    await runImport(store, later, { kind: 'accidents' }, actor);
    expect((await counts(['branch']))['transport-af-gods']).toBe(39);
  });

  it('removes them with their batch on rollback', async () => {
    await rollbackImport(store, batchId, actor, 'test');
    const byBranch = await counts(['branch']);
    expect(byBranch['uden-branchegruppe']).toBeUndefined();
    expect(await listUnmappedCodes(store.db)).toEqual([]);
    expect(await readLeaves(store.db)).toEqual(await recomputeLeaves(store.db, DEFAULT_ACCIDENT_SETTINGS));
  });

  it('still refuses an industry code no branch group covers when the classification gives no list (DB25)', async () => {
    const file = files.write(
      'db25.csv',
      `${HEADER};klassifikation\n${rows('G', '45.20', 1)
        .map((row) => `${row};DB25`)
        .join('\n')}\n`,
    );
    await expect(runImport(store, file, { kind: 'accidents' }, actor)).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringContaining('maps to no branch group') })],
    });
  });

  it('can be mapped through the service by a steward, with who and when kept with the mapping', async () => {
    const mapped = await mapIndustryCode(store.db, { code: '45', branch: 'butikker', ...actor });
    expect(mapped).toMatchObject({ code: '45', branch: 'butikker', moved: 0 });
    const row = await store.db
      .selectFrom('industryCode')
      .select(['caveat', 'sourceUrl'])
      .where('code', '=', '45')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      caveat: 'mapped by datastewart on 2026-03-01',
      sourceUrl: 'maaltal:industry-codes map',
    });
  });

  it('hides a small count of them like any other cell, with enough beside it that no total gives it away', async () => {
    const file = files.write('faa.csv', `${HEADER}\n${rows('H', '53.10', 3).join('\n')}\n`);
    await runImport(store, file, { kind: 'accidents' }, actor);
    const data = await loadAccidentData(store.db);
    const answer = accidentRates(data, accidentFilters({ from: 2024, to: 2024, groupBy: ['branch'] }));
    const unmapped = answer.rows.find((row) => row.branch === 'uden-branchegruppe');
    expect(unmapped).toMatchObject({ count: null, suppressed: true });
    expect(answer.rows.filter((row) => row.suppressed).length).toBeGreaterThanOrEqual(2);
    const national = accidentRates(data, accidentFilters({ from: 2024, to: 2024 })).rows[0];
    expect(national?.suppressed).toBe(false);
  });
});
