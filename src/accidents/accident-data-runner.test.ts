// The server builds the accident figures in a worker thread: what it hands over is exactly what the serving thread
// would have built itself, on both databases, and a statistics cache told to use it answers from it.
import { expect, it } from 'vitest';
import { useAccidentFixture } from '../../test/accidents/fixture.js';
import { describeEachDialect } from '../../test/databases.js';
import { type DatabaseConfig, parseDatabaseSetting } from '../config.js';
import { workerPartsBuilder } from './accident-data-runner.js';
import { DEFAULT_ACCIDENT_SETTINGS } from './settings.js';
import { AccidentStatistics, buildAccidentParts } from './statistics.js';

describeEachDialect('accident figures built in a worker thread', (dialect) => {
  const workspace = useAccidentFixture(dialect);

  it('are the figures the serving thread builds, and feed the statistics cache', async () => {
    const database = parseDatabaseSetting(workspace.store.setting, 'DATABASE_URL') as DatabaseConfig;
    const builder = workerPartsBuilder(database);
    const [fromWorker, here] = await Promise.all([
      builder(DEFAULT_ACCIDENT_SETTINGS),
      buildAccidentParts(workspace.store.db),
    ]);
    expect(fromWorker).toEqual(here);
    expect(fromWorker.cubes.registration.counts).toBeInstanceOf(Float64Array);

    let built = 0;
    const statistics = new AccidentStatistics(workspace.store.db);
    statistics.buildWith(async (settings) => {
      built++;
      return builder(settings);
    });
    const data = await statistics.current();
    expect(built).toBe(1);
    expect(data.branchByCode.get('butikker')?.code).toBe('butikker');
    expect(data.cubes.accident.years).toEqual([2023, 2024]);
    await statistics.current();
    expect(built).toBe(1);
  }, 60_000);
});
