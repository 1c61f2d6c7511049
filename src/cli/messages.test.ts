// What the CLI says: stored text reaches the terminal escaped (a source label or a cell value holding an escape
// sequence is shown, never run), and problems come in Danish with --lang da or a Danish locale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';
import { emptyDatabase } from '../../test/databases.js';
import { tempFiles } from '../../test/imports/files.js';
import { terminalSafe } from './terminal.js';

describe('terminalSafe', () => {
  it('writes control characters as \\u escapes and keeps newlines, tabs and letters', () => {
    expect(terminalSafe('a\u001b]0;pwned\u0007b\u009b2Jc\rd\n\tæøå')).toBe(
      'a\\u001b]0;pwned\\u0007b\\u009b2Jc\\u000dd\n\tæøå',
    );
  });
});

describe('what the CLI prints of stored text and problems', () => {
  const files = tempFiles();
  let database: Awaited<ReturnType<typeof emptyDatabase>>;
  beforeAll(async () => {
    database = await emptyDatabase('sqlite');
    await cli(['migrate', '--database', database.setting]);
    await cli(['seed', '--database', database.setting]);
  });
  afterAll(async () => {
    files.remove();
    await database.drop();
  });

  it('shows stored escape sequences escaped, in listings and in error messages', async () => {
    const csv = path.join(files.dir, 'beskaeftigede.csv');
    writeFileSync(csv, 'branche;år;beskæftigede\nbutikker;2031;1200\n');
    const evil = '\u001b]0;pwned\u0007\u001b[2J';
    const imported = await cli([
      'import',
      csv,
      '--kind',
      'employment',
      '--source',
      evil,
      '--database',
      database.setting,
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    const list = await cli(['imports', 'show', '1', '--database', database.setting]);
    expect(list.stdout).not.toContain('\u001b');
    expect(list.stdout).toContain('\\u001b]0;pwned\\u0007');
    writeFileSync(csv, 'branche;år;beskæftigede\nbutikker;2032;\u001b[31mrød\n');
    const refused = await cli(['import', csv, '--kind', 'employment', '--database', database.setting]);
    expect(refused.code).toBe(65);
    expect(refused.stderr).not.toContain('\u001b');
    expect(refused.stderr).toContain('\\u001b[31mrød');
  });

  it('reports problems in Danish with --lang da or a Danish locale, in English otherwise', async () => {
    const csv = path.join(files.dir, 'fejl.csv');
    writeFileSync(csv, 'branche;år;beskæftigede\nbutikker;2031;mange\nrumfart;2031;5\n');
    const args = ['import', csv, '--kind', 'employment', '--database', database.setting];
    const danish = await cli([...args, '--lang', 'da']);
    expect(danish.code).toBe(65);
    expect(danish.stderr).toContain(
      'fejl.csv, række 2, kolonne beskæftigede: employed: "mange" er ikke et tal',
    );
    expect(danish.stderr).toContain('maaltal: Intet blev importeret: ret problemerne ovenfor');
    const fromLocale = await cli(args, { LANG: 'da_DK.UTF-8' });
    expect(fromLocale.stderr).toContain('"mange" er ikke et tal');
    const english = await cli(args, { LANG: 'en_GB.UTF-8' });
    expect(english.stderr).toContain(
      'fejl.csv, row 2, column beskæftigede: employed: "mange" is not a number',
    );
    const wrong = await cli([...args, '--lang', 'fr']);
    expect(wrong.code).toBe(64);
    expect(wrong.stderr).toContain('"fr" is not da or en');
  });
});
