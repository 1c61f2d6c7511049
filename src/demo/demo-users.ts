// Demo users, one per role (BFA editors for two BFAs), made on the run that seeds the demo data. Their passwords are
// random and returned once, to be printed by that run; the database keeps only their argon2id hashes.
import { randomBytes } from 'node:crypto';
import { operatorAudit } from '../audit/audit.service.js';
import { addUser } from '../auth/accounts.service.js';
import type { Role } from '../auth/policy.js';
import type { Db } from '../db/connect.js';
import { demoUsersExist } from './demo.repository.js';

export interface DemoUser {
  email: string;
  role: Role;
  bfa: string | null;
  password: string;
}

const DEMO_USERS: Omit<DemoUser, 'password'>[] = [
  { email: 'sekretariat@demo.maaltal.dk', role: 'admin', bfa: null },
  { email: 'datansvarlig@demo.maaltal.dk', role: 'steward', bfa: null },
  { email: 'bfa-voa@demo.maaltal.dk', role: 'bfa_editor', bfa: 'voa' },
  { email: 'bfa-ba@demo.maaltal.dk', role: 'bfa_editor', bfa: 'ba' },
  { email: 'laeser@demo.maaltal.dk', role: 'viewer', bfa: null },
];

const NAMES: Record<string, string> = {
  admin: 'Demo sekretariat',
  steward: 'Demo datansvarlig',
  bfa_editor: 'Demo BFA-redaktør',
  viewer: 'Demo læser',
};

/** Creates the demo users when none exist yet; returns them with their passwords (empty when they existed). */
export async function seedDemoUsers(db: Db, now: Date): Promise<DemoUser[]> {
  if (await demoUsersExist(db)) return [];
  const made: DemoUser[] = [];
  for (const user of DEMO_USERS) {
    const password = randomBytes(12).toString('base64url');
    await addUser(
      db,
      operatorAudit('seed'),
      {
        email: user.email,
        name: `${NAMES[user.role]}${user.bfa === null ? '' : ` (${user.bfa.toUpperCase()})`}`,
        role: user.role,
        bfa: user.bfa ?? undefined,
        password,
        isDemo: true,
      },
      now,
    );
    made.push({ ...user, password });
  }
  return made;
}
