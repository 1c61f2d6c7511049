// Writes a deterministic accident CSV of any size (same seed → same bytes), for benchmarks and kill tests.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { seededRandom } from '../../src/demo/random.js';

const INDUSTRY_CODES = [
  '412000',
  '421100',
  '432100',
  '439910',
  '471110',
  '494100',
  '561010',
  '862100',
  '873010',
  '889110',
  '101110',
  '251100',
];
const INJURIES = ['Sår', 'Brud', 'Forstuvning', 'Forbrænding', 'Ætsning', 'Forgiftning', 'Hjernerystelse'];
const CONTACTS = ['Fald', 'Klemt', 'Skåret', 'Ramt af genstand', 'Kontakt med kemikalie', 'Overbelastning'];
const BODY_PARTS = ['Hånd', 'Fod', 'Ryg', 'Hoved', 'Øje', 'Knæ'];

/** Records registered in the years `from` to `to` (default 2012–2025), spread evenly. */
export async function writeAccidentsCsv(
  file: string,
  rows: number,
  seed = 42,
  years: { from: number; to: number } = { from: 2012, to: 2025 },
): Promise<void> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next() * list.length)] as T;
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    'sagsnummer,registreringsdato,ulykkesdato,branchekode,alder,køn,fraværsdage,skadetype,legemsdel,kontaktform,dødsulykke\n',
  );
  let buffer = '';
  for (let i = 1; i <= rows; i++) {
    const year = years.from + Math.floor(random.next() * (years.to - years.from + 1));
    const month = 1 + Math.floor(random.next() * 12);
    const day = 1 + Math.floor(random.next() * 28);
    const accidentDay = Math.max(1, day - Math.floor(random.next() * 5));
    const pad = (n: number) => String(n).padStart(2, '0');
    const fatal = random.next() < 0.0008;
    buffer += `U-${i},${year}-${pad(month)}-${pad(day)},${year}-${pad(month)}-${pad(accidentDay)},${pick(INDUSTRY_CODES)},${16 + Math.floor(random.next() * 50)},${random.next() < 0.45 ? 'K' : 'M'},${Math.floor(random.next() * 40)},${pick(INJURIES)},${pick(BODY_PARTS)},${pick(CONTACTS)},${fatal ? 'ja' : 'nej'}\n`;
    if (i % 5000 === 0) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  out.end();
  await once(out, 'finish');
}
