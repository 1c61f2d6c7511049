// Stored disclosure protection: per counting convention and year, the cells left hidden after the disclosure audit.
import type { Db } from '../db/connect.js';
import type { DisclosureProtectionTable } from '../db/schema.js';

export type StoredProtection = DisclosureProtectionTable;

export async function readProtections(db: Db): Promise<StoredProtection[]> {
  return db.selectFrom('disclosureProtection').selectAll().execute();
}

/** Replaces a convention and year's protection (in the caller's transaction). */
export async function saveProtection(db: Db, protection: StoredProtection): Promise<void> {
  await db
    .deleteFrom('disclosureProtection')
    .where('convention', '=', protection.convention)
    .where('year', '=', protection.year)
    .execute();
  await db.insertInto('disclosureProtection').values(protection).execute();
}
