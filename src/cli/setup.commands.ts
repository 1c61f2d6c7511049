// `maaltal migrate`, `seed`, `serve` and `start`: set up a database and run the web server.
import { z } from 'zod';
import { inTransaction, type Store } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEFAULT_DEMO_SEED } from '../demo/demo.generator.js';
import { seedDemo } from '../demo/demo.seed.js';
import { type DemoUser, seedDemoUsers } from '../demo/demo-users.js';
import { sweepUploads } from '../imports/upload-sweep.js';
import { loadReferenceData } from '../reference/reference.data.js';
import { seedReference } from '../reference/reference.repository.js';
import { holdsTargetsOrObservations } from '../targets/targets.repository.js';
import { parseOrThrow } from '../validation.js';
import { type Command, type CommandContext, flag, type OptionSpec, stringOption } from './command.js';

const port: OptionSpec = {
  type: 'string',
  value: 'PORT',
  description: 'port to listen on (default: PORT, else 3000)',
};

const host: OptionSpec = {
  type: 'string',
  value: 'ADDRESS',
  description: 'address to listen on (default: HOST, else 127.0.0.1; 0.0.0.0 for every interface)',
};

const seedSchema = z.coerce
  .number({ message: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(2 ** 31 - 1, 'must be below 2^31');

const scaleSchema = z.coerce
  .number({ message: 'must be a number' })
  .gt(0, 'must be more than 0')
  .max(10, 'must be at most 10');

async function migrate(context: CommandContext, store: Store) {
  const { applied } = await migrateToLatest(store.db, store.dialect);
  context.stderr.write(
    applied.length === 0
      ? `Database ${store.location} is up to date\n`
      : `Applied ${applied.join(', ')} to ${store.location}\n`,
  );
}

async function seedAll(
  context: CommandContext,
  store: Store,
  options: { demo: boolean; seed: number; accidentScale?: number },
) {
  const reference = loadReferenceData();
  const outcome = await inTransaction(store.db, async (tx) => {
    const counts = await seedReference(tx, reference);
    const demo = options.demo
      ? await seedDemo(tx, reference, options.seed, {
          bulk: store,
          accidentScale: options.accidentScale ?? 1,
        })
      : undefined;
    return { counts, demo };
  });
  const added = Object.entries(outcome.counts).filter(([, n]) => n > 0);
  context.stderr.write(
    added.length === 0
      ? 'Reference data: unchanged\n'
      : `Reference data: added ${added.map(([table, n]) => `${n} ${table}`).join(', ')}\n`,
  );
  if (outcome.demo !== undefined) {
    await printDemoUsers(context, await seedDemoUsers(store.db, context.now()));
    context.stderr.write(
      outcome.demo.changed
        ? `Demo data (seed ${outcome.demo.seed}): added ${Object.entries(outcome.demo.counts)
            .map(([table, n]) => `${n} ${table}`)
            .join(', ')}\n`
        : `Demo data (seed ${outcome.demo.seed}): unchanged\n`,
    );
  }
}

/** The demo users made on this run, with their passwords: shown now and never again (the database keeps hashes). */
async function printDemoUsers(context: CommandContext, users: DemoUser[]): Promise<void> {
  if (users.length === 0) return;
  const lines = users.map(
    (user) =>
      `  ${user.email.padEnd(30)} ${user.role.padEnd(11)} ${(user.bfa ?? '').padEnd(4)} ${user.password}\n`,
  );
  context.stderr.write(
    `Demo users (passwords shown only now; sign in at /redaktion/login):\n${lines.join('')}`,
  );
}

/** The address people open: the bound one, with IPv6 in brackets and every interface shown as this machine. */
function serverUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

async function serve(context: CommandContext, store: Store) {
  const config = context.config();
  const swept = await sweepUploads(config.uploadDir, context.now());
  if (swept > 0) context.stderr.write(`Removed ${swept} upload(s) left waiting for confirmation\n`);
  // The web server's modules load only for `serve` (every other command starts without them).
  const { startServer } = await import('../web/server.js');
  const server = await startServer(store, {
    port: config.port,
    hostname: config.host,
    pageCacheBytes: config.pageCacheBytes,
    sessions: config.sessions,
    uploadDir: config.uploadDir,
    database: config.database,
    publicUrl: config.publicUrl,
    contactEmail: config.contactEmail,
  });
  context.stderr.write(
    `Måltal is running on ${serverUrl(config.host, server.port)} (database: ${store.location})\n`,
  );
  await context.waitForStop();
  await server.close();
  return 0;
}

export const setupCommands: Command[] = [
  {
    name: 'migrate',
    summary: 'Create or update the database schema',
    permission: 'system',
    options: {},
    needsSchema: false,
    async run(context) {
      await migrate(context, await context.store());
      return 0;
    },
  },
  {
    name: 'seed',
    summary: 'Load the reference data (goals, branch groups, BFAs, …); with --demo also the demo data',
    permission: 'system',
    options: {
      demo: { type: 'boolean', description: 'also load synthetic demo data (marked as such everywhere)' },
      seed: {
        type: 'string',
        value: 'N',
        description: `random seed of the demo data (default ${DEFAULT_DEMO_SEED})`,
      },
      'accident-scale': {
        type: 'string',
        value: 'X',
        description:
          'share of the demo accident records to load (default 1, about 680,000; 0.1 loads faster)',
      },
    },
    async run(context, args) {
      const seed = parseOrThrow(seedSchema, stringOption(args, 'seed') ?? DEFAULT_DEMO_SEED, 'Invalid seed', {
        fieldName: () => '--seed',
      });
      const accidentScale = parseOrThrow(
        scaleSchema,
        stringOption(args, 'accident-scale') ?? 1,
        'Invalid accident scale',
        { fieldName: () => '--accident-scale' },
      );
      const store = await context.store();
      await seedAll(context, store, { demo: flag(args, 'demo'), seed, accidentScale });
      return 0;
    },
  },
  {
    name: 'serve',
    summary: 'Run the web server (public site and JSON API)',
    permission: 'system',
    options: { port, host },
    async run(context) {
      return serve(context, await context.store());
    },
  },
  {
    name: 'start',
    summary: 'Migrate, load reference data (and demo data into an empty database), then serve',
    permission: 'system',
    options: { port, host },
    needsSchema: false,
    async run(context) {
      const store = await context.store();
      await migrate(context, store);
      const empty = !(await holdsTargetsOrObservations(store.db));
      await seedAll(context, store, { demo: empty, seed: DEFAULT_DEMO_SEED });
      return serve(context, store);
    },
  },
];
