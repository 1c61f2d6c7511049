// Computes the disclosure protection of the full demo data (default seed, every accident record) and writes it to
// src/demo/data/disclosure-protection.json, which the demo seed loads, so a new installation publishes the demo's
// accident figures with an audited pattern at once. Run again whenever the demo generator or the suppression
// settings change: npx tsx scripts/demo-disclosure-protection.ts
import { writeFileSync } from 'node:fs';
import { protectAccidentDisclosure } from '../src/accidents/disclosure-audit.service.js';
import { readProtections } from '../src/accidents/protection.repository.js';
import { loadAccidentData } from '../src/accidents/statistics.js';
import { freshStore } from '../test/databases.js';
import { seedStore } from '../test/seed.js';

const OUTPUT = new URL('../src/demo/data/disclosure-protection.json', import.meta.url);
/** The demo's fixed clock, so the file is the same on every run. */
const COMPUTED_AT = new Date('2026-01-01T00:00:00Z');

const store = await freshStore('sqlite');
try {
  await seedStore(store.db, { demo: true, accidentScale: 1, bulk: store });
  const data = await loadAccidentData(store.db);
  const done = await protectAccidentDisclosure(store.db, data, {
    now: () => COMPUTED_AT,
    onYear: (entry) =>
      process.stderr.write(
        `${entry.convention} ${entry.year}: ${entry.unprotected} left, ${entry.seconds.toFixed(1)} s\n`,
      ),
  });
  if (done.some((entry) => entry.unprotected > 0)) throw new Error('some years could not be protected');
  const rows = (await readProtections(store.db)).sort((a, b) =>
    a.convention === b.convention ? a.year - b.year : a.convention.localeCompare(b.convention),
  );
  writeFileSync(OUTPUT, `${JSON.stringify(rows, null, 1)}\n`);
  process.stderr.write(`Wrote ${rows.length} years to ${OUTPUT.pathname}\n`);
} finally {
  await store.destroy();
}
