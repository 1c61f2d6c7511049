// Worker thread: reads the accident aggregates and builds both cubes with their disclosure control on its own
// connection, and hands the result over with its typed arrays transferred (not copied), so that the serving thread
// stays free while the figures are rebuilt after a change.
import { workerData } from 'node:worker_threads';
import type { DatabaseConfig } from '../config.js';
import { answerWithStore } from '../workers/one-shot.js';
import type { AccidentSettings } from './settings.js';
import { buildAccidentParts } from './statistics.js';

const { database, settings } = workerData as { database: DatabaseConfig; settings: AccidentSettings };
await answerWithStore(database, async (store) => {
  const parts = await buildAccidentParts(store.db, settings);
  const buffers = Object.values(parts.cubes).flatMap((cube) =>
    [cube.counts, cube.daysLost, cube.daysKnown, cube.daysImputed, cube.status, cube.exempt].map(
      (array) => array.buffer as ArrayBuffer,
    ),
  );
  return { value: parts, transfer: [...new Set(buffers)] };
});
