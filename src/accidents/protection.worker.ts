// Worker thread: protects every accident year whose published pattern has not passed the disclosure audit for its
// current figures, on its own connection, so the linear programs never hold up the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseConfig } from '../config.js';
import { openStore } from '../db/connect.js';
import { protectAccidentDisclosure } from './disclosure-audit.service.js';
import { loadAccidentData } from './statistics.js';

const store = await openStore((workerData as { database: DatabaseConfig }).database);
try {
  const done = await protectAccidentDisclosure(store.db, await loadAccidentData(store.db));
  parentPort?.postMessage(done);
} finally {
  await store.close();
}
