// Runs the schema migrations, in order, on either dialect.
import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { Db } from './connect.js';
import type { Dialect } from './dialect.js';
import * as initial from './migrations/2026-11-26T0800-initial.js';
import * as imports from './migrations/2026-11-26T1000-imports.js';
import * as accidentAggregates from './migrations/2026-11-26T1200-accident-aggregates.js';
import * as disclosureProtection from './migrations/2026-11-30T1000-disclosure-protection.js';
import * as unmappedIndustryCodes from './migrations/2026-12-03T0800-unmapped-industry-codes.js';
import * as accidentCaseUnique from './migrations/2026-12-03T0900-accident-case-unique.js';
import * as accidentParentsGuarded from './migrations/2026-12-03T1000-accident-parents-guarded.js';
import * as accidentBaseCube from './migrations/2026-12-03T1100-accident-base-cube.js';
import * as accountsAndAudit from './migrations/2026-12-03T1200-accounts-and-audit.js';
import * as bfaWork from './migrations/2026-12-03T1300-bfa-work.js';

type MigrationModule = { up(db: Kysely<unknown>, dialect: Dialect): Promise<void> };

/** Every migration, by name; names sort in the order they run. */
const MIGRATIONS: Record<string, MigrationModule> = {
  '2026-11-26T0800-initial': initial,
  '2026-11-26T1000-imports': imports,
  '2026-11-26T1200-accident-aggregates': accidentAggregates,
  '2026-11-30T1000-disclosure-protection': disclosureProtection,
  '2026-12-03T0800-unmapped-industry-codes': unmappedIndustryCodes,
  '2026-12-03T0900-accident-case-unique': accidentCaseUnique,
  '2026-12-03T1000-accident-parents-guarded': accidentParentsGuarded,
  '2026-12-03T1100-accident-base-cube': accidentBaseCube,
  '2026-12-03T1200-accounts-and-audit': accountsAndAudit,
  '2026-12-03T1300-bfa-work': bfaWork,
};

function provider(dialect: Dialect) {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, module]) => [name, { up: (db) => module.up(db, dialect) }]),
      );
    },
  };
}

export interface MigrateOutcome {
  applied: string[];
}

/** Migrations see an untyped handle: they describe the schema as it was then, not as the app types say. */
const untyped = (db: Db) => db as unknown as Kysely<unknown>;

export async function migrateToLatest(db: Db, dialect: Dialect): Promise<MigrateOutcome> {
  const migrator = new Migrator({ db: untyped(db), provider: provider(dialect) });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return {
    applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}

/** Runs the migrations up to and including `name` (to test an upgrade from an earlier schema). */
export async function migrateUpTo(db: Db, dialect: Dialect, name: string): Promise<void> {
  const migrator = new Migrator({ db: untyped(db), provider: provider(dialect) });
  const result = await migrator.migrateTo(name);
  if (result.error !== undefined) throw new Error(`Migration to ${name} failed: ${String(result.error)}`);
}

export async function pendingMigrations(db: Db, dialect: Dialect): Promise<string[]> {
  const migrator = new Migrator({ db: untyped(db), provider: provider(dialect) });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
