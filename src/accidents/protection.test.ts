// Stored disclosure protection on a real database: `maaltal disclosure protect` hides cells until the audit passes
// and stores the pattern; answers then say their years are audited, the audit reports nothing unprotected, and a
// year whose figures change (a new import) falls back to the line rules until it is protected again, while a year
// that only gains an empty leaf of accidents without a branch group keeps its protection.
import { expect, it } from 'vitest';
import { useAccidentFixture } from '../../test/accidents/fixture.js';
import { cli } from '../../test/cli.js';
import { describeEachDialect } from '../../test/databases.js';
import { tempFiles } from '../../test/imports/files.js';
import { dataVersion } from '../db/meta.js';
import { runImport } from '../imports/imports.service.js';
import { createApp } from '../web/app.js';
import type { MeasureAudit, ProtectedYear } from './disclosure-audit.service.js';
import { readProtections } from './protection.repository.js';
import { AccidentStatistics } from './statistics.js';

const actor = { user: 'datastewart', now: () => new Date('2026-03-01T09:00:00Z') };

describeEachDialect('stored disclosure protection', (dialect) => {
  const workspace = useAccidentFixture(dialect, [2023]);
  const run = (...args: string[]) => cli([...args, '--database', workspace.store.setting]);
  const audited = async (query: string) => {
    const response = await createApp(workspace.store).request(`/api/v1/accidents/rates?${query}`);
    return ((await response.json()) as { meta: { suppression: { audited: boolean; noteEn: string } } }).meta
      .suppression;
  };

  it('protects every year, stores the pattern, and answers and the audit say so', async () => {
    expect((await audited('from=2023&to=2023')).audited).toBe(false);
    const before = await dataVersion(workspace.store.db);
    const result = await run('disclosure', 'protect', '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const done = JSON.parse(result.stdout) as ProtectedYear[];
    expect(done.map((entry) => [entry.convention, entry.year, entry.unprotected])).toEqual([
      ['registration', 2023, 0],
      ['accident', 2023, 0],
    ]);
    expect(await dataVersion(workspace.store.db)).not.toBe(before);
    const stored = await readProtections(workspace.store.db);
    expect(stored.map((row) => [row.convention, row.year])).toEqual(
      expect.arrayContaining([
        ['registration', 2023],
        ['accident', 2023],
      ]),
    );
    const suppression = await audited('from=2023&to=2023');
    expect(suppression.audited).toBe(true);
    expect(suppression.noteEn).toContain('passed the disclosure audit');
    const audit = await run('disclosure', 'audit', '--json');
    expect(audit.code).toBe(0);
    for (const measure of JSON.parse(audit.stdout) as MeasureAudit[]) expect(measure.unprotected).toEqual([]);
    const again = await run('disclosure', 'protect');
    expect(again.stdout).toBe('Every year is already protected for its current figures\n');
  });

  it('publishes a year whose figures changed with the line rules until protected; CLI changes protect at once', async () => {
    // As the editor area imports: through the service, with no protection run after it.
    const report = await runImport(
      workspace.store,
      workspace.fixture.accidents2024,
      { kind: 'accidents' },
      actor,
    );
    const data = await new AccidentStatistics(workspace.store.db).current();
    // The first 2024 record happened in December 2023: the accident-year count of 2023 changed, the
    // registration-year one did not.
    expect(data.auditedYears).toEqual({ registration: [2023], accident: [] });
    expect((await audited('from=2023&to=2023&convention=accident')).audited).toBe(false);
    expect((await audited('from=2023&to=2024')).audited).toBe(false);
    const text = await run('disclosure', 'protect', '--convention', 'accident');
    expect(text.stdout).toMatch(/^accident 2023: protected: \d+ cells hidden beyond the line rules/m);
    expect(text.stdout).toMatch(/^accident 2024: protected/m);
    expect(text.stdout).not.toContain('registration');
    expect((await new AccidentStatistics(workspace.store.db).current()).auditedYears).toEqual({
      registration: [2023],
      accident: [2023, 2024],
    });
    const rolledBack = await run('imports', 'rollback', String(report.batchId));
    expect(rolledBack.code).toBe(0);
    expect(rolledBack.stderr).toMatch(/^Disclosure control: accident 2023: protected/m);
    expect((await new AccidentStatistics(workspace.store.db).current()).auditedYears).toEqual({
      registration: [2023],
      accident: [2023],
    });
  });

  it('keeps the audited years when accidents without a branch group arrive for another year only', async () => {
    // Records of 2024 whose valid DB07 code no branch group covers: the branch axis gains a leaf in every year.
    const files = tempFiles();
    try {
      const lines = Array.from(
        { length: 12 },
        (_, i) => `N-${i};2024-05-0${(i % 9) + 1};2024-05-0${(i % 9) + 1};49.50;41;M;3`,
      );
      const file = files.write(
        'uden-branche.csv',
        `sagsnummer;registreringsdato;ulykkesdato;branchekode;alder;koen;fravaersdage\n${lines.join('\n')}\n`,
      );
      await runImport(workspace.store, file, { kind: 'accidents' }, actor);
    } finally {
      files.remove();
    }
    // 2023 holds none of them: its audited protection still applies.
    expect((await new AccidentStatistics(workspace.store.db).current()).auditedYears).toEqual({
      registration: [2023],
      accident: [2023],
    });
    const text = await run('disclosure', 'protect');
    expect(text.stdout).not.toContain('2023');
    expect(text.stdout).toMatch(/^registration 2024: protected/m);
    // Every year audited, with the new leaf's zeros of 2023 published: the audit finds nothing to pin.
    const audit = await run('disclosure', 'audit', '--json');
    expect(audit.code).toBe(0);
    for (const measure of JSON.parse(audit.stdout) as MeasureAudit[]) expect(measure.unprotected).toEqual([]);
  });
});
