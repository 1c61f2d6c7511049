// The `workplaces` import kind through the import service: a good file lands with its source and rolls back; bad
// input is refused naming file, row and column, with nothing written.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshStore, type TestStore } from '../../../test/databases.js';
import { expectAppError } from '../../../test/errors.js';
import { type TempFiles, tempFiles } from '../../../test/imports/files.js';
import { dumpDatabase, seedStore } from '../../../test/seed.js';
import { rollbackImport, runImport } from '../imports.service.js';

const actor = { user: 'datastewart', now: () => new Date('2026-03-01T09:00:00Z') };

describeEachDialect('the workplaces import', (dialect) => {
  let store: TestStore;
  let files: TempFiles;
  beforeAll(async () => {
    store = await freshStore(dialect);
    await seedStore(store.db, { demo: false });
    files = tempFiles();
  });
  afterAll(async () => {
    files?.remove();
    await store?.destroy();
  });

  const stored = (batchId: number | null) =>
    store.db
      .selectFrom('workplaceCount')
      .innerJoin('branchGroup', 'branchGroup.id', 'workplaceCount.branchGroupId')
      .select([
        'branchGroup.code',
        'workplaceCount.year',
        'workplaceCount.workplaces',
        'workplaceCount.source',
      ])
      .where('workplaceCount.batchId', '=', batchId ?? 0)
      .orderBy('branchGroup.code')
      .orderBy('workplaceCount.year')
      .execute();

  it('imports counts per branch group and year under their Danish headers, with the source, and rolls back', async () => {
    const file = files.write(
      'arbejdspladser.csv',
      [
        'Branchegruppe;År;Antal arbejdspladser;Kilde',
        'Butikker;2024;12.345;DST ERHVERVS1',
        'Butikker;2025;12.400;DST ERHVERVS1',
        'engros;2024;3.210;"DST; 2025"',
      ].join('\r\n'),
      'latin1',
    );
    const report = await runImport(store, file, { kind: 'workplaces' }, actor);
    expect(report).toMatchObject({ rows: 3, dryRun: false });
    expect(
      (await stored(report.batchId)).map((r) => [r.code, Number(r.year), Number(r.workplaces), r.source]),
    ).toEqual([
      ['butikker', 2024, 12345, 'DST ERHVERVS1'],
      ['butikker', 2025, 12400, 'DST ERHVERVS1'],
      ['engros', 2024, 3210, 'DST; 2025'],
    ]);

    // The same branch group and year again is a duplicate of the stored count, unless it replaces it.
    const again = files.write(
      'igen.csv',
      'branch_group,year,workplaces,source\nbutikker,2024,13000,DST 2026\n',
    );
    const refused = await expectAppError(runImport(store, again, { kind: 'workplaces' }, actor));
    expect(refused.code).toBe('invalid_input');
    expect(refused.issues[0]).toMatchObject({ file: 'igen.csv', row: 2 });
    const replaced = await runImport(store, again, { kind: 'workplaces', replace: true }, actor);
    expect((await stored(replaced.batchId)).map((r) => Number(r.workplaces))).toEqual([13000]);
    await rollbackImport(store, replaced.batchId ?? 0, actor, 'test');
    expect((await stored(report.batchId)).map((r) => Number(r.workplaces))).toEqual([12345, 12400, 3210]);

    await rollbackImport(store, report.batchId ?? 0, actor, 'test');
    expect(await stored(report.batchId)).toEqual([]);
  });

  it('reads the English and the other Danish headers ("arbejdssteder")', async () => {
    const english = await runImport(
      store,
      files.write('en.csv', 'branch,year,workplaces\nButikker,2023,"1,200"\n'),
      { kind: 'workplaces' },
      actor,
    );
    expect((await stored(english.batchId)).map((r) => Number(r.workplaces))).toEqual([1200]);
    await rollbackImport(store, english.batchId ?? 0, actor, 'test');
    const danish = await runImport(
      store,
      files.write('steder.csv', 'Branche;Aar;Arbejdssteder\nButikker;2023;900\n'),
      { kind: 'workplaces' },
      actor,
    );
    expect((await stored(danish.batchId)).map((r) => Number(r.workplaces))).toEqual([900]);
    await rollbackImport(store, danish.batchId ?? 0, actor, 'test');
  });

  const refusals = [
    {
      name: 'an unknown branch group',
      content: 'Branchegruppe;År;Arbejdspladser\nButikker;2024;10\nMånebaser;2024;3\n',
      issue: { field: 'branch', row: 3, column: 'Branchegruppe' },
      messageDa: /ukendt branchegruppe "Månebaser"/,
    },
    {
      name: 'a negative count',
      content: 'Branchegruppe;År;Arbejdspladser\nButikker;2024;-1\n',
      issue: { field: 'workplaces', row: 2, column: 'Arbejdspladser' },
      messageDa: /mindre end 0/,
    },
    {
      name: 'a count that is not a whole number',
      content: 'Branchegruppe;År;Arbejdspladser\nButikker;2024;10,5\n',
      issue: { field: 'workplaces', row: 2, column: 'Arbejdspladser' },
      messageDa: /ikke et helt tal/,
    },
    {
      name: 'a duplicate branch group and year',
      content: 'Branchegruppe;År;Arbejdspladser\nButikker;2024;10\nbutikker;2024;11\n',
      issue: { row: 3 },
      messageDa: /række 2/,
    },
    {
      name: 'a sub-branch',
      content: 'Branchegruppe;Underbranche;År;Arbejdspladser\nButikker;x;2024;10\n',
      issue: { field: 'subBranch', row: 2 },
      messageDa: /udelad underbranchen/,
    },
  ];

  it.each(refusals.map((c) => [c.name, c] as const))(
    'refuses %s, naming row and column, writing nothing',
    async (_name, c) => {
      const before = await dumpDatabase(store.db);
      const file = files.write('forkert.csv', c.content);
      const error = await expectAppError(runImport(store, file, { kind: 'workplaces' }, actor));
      expect(error.code).toBe('invalid_input');
      const issue = error.issues.find((i) => i.row === c.issue.row);
      expect(issue, JSON.stringify(error.issues)).toMatchObject({ ...c.issue, file: 'forkert.csv' });
      expect(issue?.messageDa).toMatch(c.messageDa);
      expect(await dumpDatabase(store.db)).toEqual(before);
    },
  );
});
