import { once } from 'node:events';
import { copyFileSync, createWriteStream } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { appError, fixture, issueOf, readAll, useTempDir } from '../../../test/imports/reader-testing.js';
import { detectFormat, openTable } from './open-table.js';

const temp = useTempDir();

/** A copy of a fixture under another name, to test detection by content. */
function renamed(name: string, as: string): string {
  const path = temp(as, '');
  copyFileSync(fixture(name), path);
  return path;
}

describe('openTable detection', () => {
  it.each([
    ['observations-da.csv', 'csv'],
    ['employment-tab.tsv', 'csv'],
    ['sdmx-1.csv', 'sdmx-csv'],
    ['sdmx-2.csv', 'sdmx-csv'],
    ['observations.xlsx', 'xlsx'],
    ['employment.json', 'json-stat'],
    ['employment.px', 'px'],
  ])('opens %s as %s', async (name, format) => {
    const table = await openTable(fixture(name), name.endsWith('.xlsx') ? { headerRow: 3 } : {});
    expect(table.settings.format).toBe(format);
    expect((await readAll(table)).length).toBeGreaterThan(0);
  });

  it('treats .txt as delimited text', async () => {
    const table = await openTable(renamed('observations-da.csv', 'observations.txt'));
    expect(table.settings).toMatchObject({ format: 'csv', delimiter: ';' });
  });

  it.each([
    ['observations.xlsx', 'xlsx'],
    ['employment.json', 'json-stat'],
    ['employment.px', 'px'],
    ['accidents.csv', 'csv'],
  ])('recognises %s by its content without a known extension', async (name, format) => {
    expect(await detectFormat(renamed(name, `${name}.download`))).toBe(format);
  });

  it('obeys a forced format', async () => {
    const table = await openTable(fixture('sdmx-1.csv'), { format: 'csv' });
    expect(table.settings.format).toBe('csv');
    expect(table.settings.dimensions).toBeUndefined();
  });

  it('refuses formats it cannot read, and names a missing file', async () => {
    expect(await issueOf(openTable(temp('old.xls', 'x')))).toMatchObject({
      field: 'file',
      message: expect.stringContaining('.xlsx'),
    });
    const missing = await appError(openTable(temp('here.csv', '').replace('here.csv', 'gone.csv')));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toContain('gone.csv');
  });
});

describe('openTable streaming', () => {
  it('streams 200,000 CSV rows with bounded heap', async () => {
    // A GC before each measurement makes the heap figure what is retained, not what awaits collection.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const rows = 200_000;
    const path = temp('large.csv', '');
    const out = createWriteStream(path);
    out.write('indikator;branchegruppe;år;andel;antal svar;nedre;øvre\n');
    for (let row = 0; row < rows; row++) {
      if (
        !out.write(
          `Højt tempo;Branchegruppe ${row % 36};${2012 + (row % 12)};${row % 100},5;${row};1,5;2,5\n`,
        )
      ) {
        await once(out, 'drain');
      }
    }
    out.end();
    await once(out, 'finish');

    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let last = 0;
    const table = await openTable(path);
    expect(table.settings).toMatchObject({ delimiter: ';', decimalComma: true, encoding: 'utf-8' });
    for await (const row of table.rows) {
      count++;
      last = row.row;
      if (count % 20_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      }
    }
    expect(count).toBe(rows);
    expect(last).toBe(rows + 1);
    // Holding the rows instead would take about 70 MB.
    expect(peak).toBeLessThan(50 * 1024 * 1024);
  });
});
