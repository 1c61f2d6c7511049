// The server protects the accident figures in a worker thread: at start, and again after the editor area imports
// or rolls back a batch; the event loop keeps answering meanwhile.
import { expect, it } from 'vitest';
import { useAccidentFixture } from '../../test/accidents/fixture.js';
import { describeEachDialect } from '../../test/databases.js';
import { type DatabaseConfig, parseDatabaseSetting } from '../config.js';
import { startServer } from '../web/server.js';
import { AccidentStatistics } from './statistics.js';

describeEachDialect('background disclosure protection', (dialect) => {
  const workspace = useAccidentFixture(dialect);

  it('protects every year in a worker when the server starts', async () => {
    const lines: string[] = [];
    const reported = new Promise<void>((resolve) => {
      const server = startServer(workspace.store, {
        port: 0,
        hostname: '127.0.0.1',
        database: parseDatabaseSetting(workspace.store.setting, 'DATABASE_URL') as DatabaseConfig,
        log: (line) => {
          lines.push(line);
          void server.then((running) => running.close()).then(resolve);
        },
      });
      void server.then(async (running) => {
        // The server answers while the worker runs.
        expect((await fetch(`http://127.0.0.1:${running.port}/healthz`)).status).toBe(200);
      });
    });
    await reported;
    expect(lines.join('')).toMatch(/Disclosure control: registration 2023 protected/);
    const data = await new AccidentStatistics(workspace.store.db).current();
    expect(data.auditedYears).toEqual({ registration: [2023, 2024], accident: [2023, 2024] });
  }, 60_000);
});
