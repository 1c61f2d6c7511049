// Test helper: users of each role with an API token or a signed-in session, made through the real services.
import { operatorAudit } from '../src/audit/audit.service.js';
import { addUser, type User } from '../src/auth/accounts.service.js';
import type { Principal, Role } from '../src/auth/policy.js';
import { openSession } from '../src/auth/sessions.service.js';
import { createToken } from '../src/auth/tokens.service.js';
import type { Store } from '../src/db/connect.js';
import { registerSecret } from './secrets/registry.js';

export const TEST_PASSWORD = 'a long test phrase nobody uses';
registerSecret(TEST_PASSWORD, 'password');

const now = () => new Date();
let counter = 0;

export async function makeUser(
  store: Store,
  role: Role,
  options: { bfa?: string; email?: string; password?: string } = {},
): Promise<User> {
  counter += 1;
  if (options.password !== undefined) registerSecret(options.password, 'password');
  return addUser(
    store.db,
    operatorAudit('test'),
    {
      email: options.email ?? `${role}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.dk`,
      name: `Test ${role} ${counter}`,
      role,
      bfa: role === 'bfa_editor' ? (options.bfa ?? 'voa') : undefined,
      password: options.password ?? TEST_PASSWORD,
    },
    now(),
  );
}

export const principalOfUser = (user: User, bfaId: number | null = null): Principal => ({
  kind: 'user',
  userId: user.id,
  role: user.role,
  bfaId,
  label: user.email,
});

/** `Authorization: Bearer …` headers of a new user of the role (a BFA editor of `bfa`, default voa). */
export async function bearerFor(store: Store, role: Role, bfa = 'voa'): Promise<Record<string, string>> {
  const user = await makeUser(store, role, { bfa });
  const bfaId =
    role === 'bfa_editor'
      ? ((await store.db.selectFrom('bfa').select('id').where('code', '=', bfa).executeTakeFirst())?.id ??
        null)
      : null;
  const audit = { principal: principalOfUser(user, bfaId), requestId: null, clientAddress: 'test' };
  const { token } = await createToken(store.db, audit, { name: 'test', role, days: 30 }, now());
  registerSecret(token, 'API token');
  return { authorization: `Bearer ${token}` };
}

/** A signed-in session of the user: its cookie header and the CSRF token its forms carry. */
export async function sessionOf(store: Store, user: User): Promise<{ cookie: string; csrf: string }> {
  const session = await openSession(store.db, operatorAudit('test'), user.id, now(), 'login');
  registerSecret(session.sessionId, 'session id');
  registerSecret(session.csrfToken, 'CSRF token');
  return { cookie: `maaltal_session=${session.sessionId}`, csrf: session.csrfToken };
}
