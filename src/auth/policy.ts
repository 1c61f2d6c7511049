// The one authorisation policy: which principal may do what. Every route and CLI command declares one of these
// permissions; record-level rules (a BFA editor's own BFA) are decided here too, by `canOn`.
import type { Role } from '../db/schema.js';

export type { Role };

export const ROLES: readonly Role[] = ['admin', 'steward', 'bfa_editor', 'viewer'];

export type Permission =
  /** Anyone, signed in or not: published data only. */
  | 'public'
  /** Any signed-in user: their own account, password and API tokens. */
  | 'account'
  /** Unpublished material: target comments and drafts (a BFA editor: only their BFA's). */
  | 'drafts.read'
  /** Writing a comment on a target (a BFA editor: only their BFA's targets). */
  | 'comments.write'
  /** The BFAs' activities, campaigns and pilots: create, edit, publish, attach evidence (a BFA editor: only their
   *  BFA's; campaigns of no BFA: the secretariat). */
  | 'work.write'
  /** Funding pools, the council's recommendations and their follow-up: the secretariat's records. */
  | 'secretariat.write'
  /** Imports, rollbacks and industry-code mapping. */
  | 'data.import'
  /** Figures before disclosure control, and the list of fatal cases. */
  | 'data.unsuppressed'
  /** Target revisions. */
  | 'targets.revise'
  /** Users, roles, resets. */
  | 'users.manage'
  /** The audit trail. */
  | 'audit.read'
  /** Schema, demo data, disclosure protection runs, the server: the local operator's own commands (no role). */
  | 'system';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    'public',
    'account',
    'drafts.read',
    'comments.write',
    'work.write',
    'secretariat.write',
    'data.import',
    'data.unsuppressed',
    'targets.revise',
    'users.manage',
    'audit.read',
  ],
  steward: ['public', 'account', 'drafts.read', 'comments.write', 'data.import', 'data.unsuppressed'],
  bfa_editor: ['public', 'account', 'drafts.read', 'comments.write', 'work.write'],
  viewer: ['public', 'account', 'drafts.read'],
};

/** Who is asking: nobody, a signed-in user, an API token (acting with its own role) or the local operator. */
export type Principal =
  | { kind: 'anonymous' }
  | {
      kind: 'user' | 'token';
      userId: number;
      /** The role this request acts with (a token's role, never above its owner's). */
      role: Role;
      bfaId: number | null;
      label: string;
      tokenId?: number;
    }
  | { kind: 'cli'; label: string };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export const RANK: Record<Role, number> = { viewer: 0, bfa_editor: 1, steward: 2, admin: 3 };

/** True when `role` grants no more than `owner`'s role (a token can never outrank its owner). A BFA editor's token
 *  is a BFA editor's for the same BFA, so it cannot read other BFAs' drafts as a viewer would. */
export function roleWithin(role: Role, owner: Role): boolean {
  if (role === owner) return true;
  if (role === 'bfa_editor' || owner === 'bfa_editor') return false;
  return RANK[role] <= RANK[owner];
}

export function roleOf(principal: Principal): Role | undefined {
  if (principal.kind === 'anonymous') return undefined;
  if (principal.kind === 'cli') return 'admin';
  return principal.role;
}

export function can(principal: Principal, permission: Permission): boolean {
  if (permission === 'public') return true;
  if (permission === 'system') return principal.kind === 'cli';
  const role = roleOf(principal);
  return role !== undefined && GRANTS[role].includes(permission);
}

/** A permission on a record owned by a BFA (null: no owner): a BFA editor only reaches their own BFA's records. */
export function canOn(principal: Principal, permission: Permission, ownerBfaId: number | null): boolean {
  if (!can(principal, permission)) return false;
  if (principal.kind !== 'user' && principal.kind !== 'token') return true;
  if (principal.role !== 'bfa_editor') return true;
  return ownerBfaId !== null && ownerBfaId === principal.bfaId;
}

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}
