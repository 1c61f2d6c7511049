// The leaves summed while an import streams equal the SQL's GROUP BY over the stored records, for random records
// that try every rule (codes with and without labels, prefixes that are not codes, fatal records of any severity,
// undated records, codes without a branch group), on both databases; so do the base cells, and the leaves rebuilt from
// them under another chemical setting.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../test/databases.js';
import { type TempFiles, tempFiles } from '../../test/imports/files.js';
import { seedStore } from '../../test/seed.js';
import { inTransaction } from '../db/connect.js';
import { seededRandom } from '../demo/random.js';
import { runImport } from '../imports/imports.service.js';
import {
  readLeaves,
  rebuildAccidentAggregates,
  recomputeLeaves,
  refreshAccidentAggregates,
} from './aggregates.repository.js';
import { DEFAULT_ACCIDENT_SETTINGS } from './settings.js';

const HEADER =
  'sagsnummer;registreringsdato;ulykkesdato;branchekode;alder;koen;fravaersdage;alvorlighed;skadetype;kontaktform;materiel_agens;doedsulykke';
const CODES = ['47.11', '49.41', '49.50', '45.20', '86.10', '4120'];
const INJURIES = ['062', '062 Ætsning', '0621', '071', '010 Sår', '', '06'];
const CONTACTS = ['15', '15 Indånding', '151', '30', '', '17 Slugt'];
const AGENTS = ['14.01', '14.01 Ætsende', '14.011', '14.02', '', '01.00'];
const SEVERITIES = ['dødelig', 'alvorlig', 'let', 'ukendt', ''];

function randomFile(seed: number, rows: number): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random.next() * list.length)] as T;
  const lines = Array.from({ length: rows }, (_, i) => {
    const year = 2021 + Math.floor(random.next() * 4);
    const month = String(1 + Math.floor(random.next() * 12)).padStart(2, '0');
    const dated = random.next() < 0.9;
    const severity = pick(SEVERITIES);
    const fatal = severity === 'dødelig' ? 'ja' : random.next() < 0.02 ? 'ja' : 'nej';
    return [
      `R-${seed}-${i}`,
      `${year}-${month}-20`,
      dated ? `${year - (random.next() < 0.1 ? 1 : 0)}-${month}-10` : '',
      pick(CODES),
      random.next() < 0.05 ? '' : String(16 + Math.floor(random.next() * 55)),
      pick(['K', 'M', '']),
      random.next() < 0.3 ? '' : String(Math.floor(random.next() * 60)),
      fatal === 'ja' && severity !== 'dødelig' && severity !== '' ? '' : severity,
      pick(INJURIES),
      pick(CONTACTS),
      pick(AGENTS),
      fatal,
    ].join(';');
  });
  return `${HEADER}\n${lines.join('\n')}\n`;
}

describeEachDialect('accident leaves summed while streaming', (dialect) => {
  let store: TestStore;
  let files: TempFiles;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db);
    files = tempFiles();
  });
  afterAll(async () => {
    files.remove();
    await store.destroy();
  });

  it('equal the GROUP BY over the stored records, batch after batch', async () => {
    for (const seed of [1, 2, 3]) {
      const file = files.write(`random-${seed}.csv`, randomFile(seed, 1500));
      await runImport(store, file, { kind: 'accidents' }, { user: 'test', now: () => new Date() });
      const stored = await readLeaves(store.db);
      expect(stored.length).toBeGreaterThan(100);
      expect(stored).toEqual(await recomputeLeaves(store.db, DEFAULT_ACCIDENT_SETTINGS));
    }
  });

  it('keep base cells equal to those grouped from the records, and rebuild any chemical setting from them', async () => {
    const base = () =>
      store.db
        .selectFrom('accidentBase')
        .selectAll()
        .execute()
        .then((rows) => rows.map((row) => JSON.stringify(Object.values(row).map(String))).sort());
    const streamed = await base();
    expect(streamed.length).toBeGreaterThan(100);
    // A refresh groups the batches' records again in SQL: the same cells.
    await inTransaction(store.db, (tx) =>
      refreshAccidentAggregates(tx, DEFAULT_ACCIDENT_SETTINGS, [1, 2, 3]),
    );
    expect(await base()).toEqual(streamed);
    const other = {
      ...DEFAULT_ACCIDENT_SETTINGS,
      chemical: {
        ...DEFAULT_ACCIDENT_SETTINGS.chemical,
        injuryTypes: ['010', '071'],
        materialAgents: ['01.00'],
      },
    };
    await inTransaction(store.db, (tx) => rebuildAccidentAggregates(tx, other));
    expect(await readLeaves(store.db)).toEqual(await recomputeLeaves(store.db, other));
  });
});
