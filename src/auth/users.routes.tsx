// The secretariat's user administration: add a user, change a role, disable or enable, make a one-time reset code.
import { type Context, Hono } from 'hono';
import type { Store } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { Locale } from '../format.js';
import { requires } from '../web/authorize.js';
import { CsrfField, ErrorSummary, Field, type FieldProblems, problemsOf, textOf } from '../web/forms.js';
import { localePath } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { auditContextOf } from '../web/sessions.js';
import { allBfas } from './accounts.repository.js';
import { addUser, listUsers, setActive, setRole, startReset, type User } from './accounts.service.js';
import { AUTH_TEXTS } from './auth.texts.js';
import { ROLES } from './policy.js';

interface UsersState {
  problems: FieldProblems;
  form: Record<string, string>;
  notice?: string;
  secret?: string;
}

/** The role (and a BFA editor's BFA) of one user, changed in place. */
function RoleForm({ user, locale, base, bfas }: { user: User; locale: Locale; base: string; bfas: Bfa[] }) {
  const t = AUTH_TEXTS[locale];
  const id = `role-${user.id}`;
  return (
    <form method="post" action={`${base}/${user.id}/rolle`} class="maaltal-inline-form">
      <CsrfField />
      <label class="sr-only" for={id}>{`${t.role}: ${user.email}`}</label>
      <select class="form-select" id={id} name="role">
        {ROLES.map((role) => (
          <option value={role} selected={user.role === role}>
            {t.roleNames[role]}
          </option>
        ))}
      </select>
      <label class="sr-only" for={`${id}-bfa`}>{`${t.bfa}: ${user.email}`}</label>
      <select class="form-select" id={`${id}-bfa`} name="bfa">
        <option value="">{t.noBfa}</option>
        {bfas.map((bfa) => (
          <option value={bfa.code} selected={user.bfa === bfa.code}>
            {bfa.short}
          </option>
        ))}
      </select>
      <button class="button button-secondary" type="submit">
        {t.changeRoleButton}
        <span class="sr-only"> {user.email}</span>
      </button>
    </form>
  );
}

type Bfa = { code: string; short: string };

function UserRow({ user, locale, base, bfas }: { user: User; locale: Locale; base: string; bfas: Bfa[] }) {
  const t = AUTH_TEXTS[locale];
  const action = (path: string, label: string) => (
    <form method="post" action={`${base}/${user.id}/${path}`} class="maaltal-inline-form">
      <CsrfField />
      <button class="button button-secondary" type="submit">
        {label}
        <span class="sr-only"> {user.email}</span>
      </button>
    </form>
  );
  return (
    <tr>
      <td data-title={t.email}>{user.email}</td>
      <td data-title={t.name}>{user.name}</td>
      <td data-title={t.role}>{t.roleNames[user.role]}</td>
      <td data-title={t.bfa}>{user.bfa ?? t.noBfa}</td>
      <td data-title={t.colActive}>{user.active ? t.yes : t.no}</td>
      <td data-title={t.colActions}>
        {user.active ? action('deaktiver', t.disableButton) : action('aktiver', t.enableButton)}
        {action('nulstil', t.resetStartButton)}
        <RoleForm user={user} locale={locale} base={base} bfas={bfas} />
      </td>
    </tr>
  );
}

function RoleFields({
  locale,
  state,
  bfas,
}: {
  locale: Locale;
  state: UsersState;
  bfas: { code: string; short: string }[];
}) {
  const t = AUTH_TEXTS[locale];
  return (
    <>
      <Field name="role" label={t.role} problems={state.problems}>
        <select class="form-select" id="role" name="role">
          {ROLES.map((role) => (
            <option value={role} selected={(state.form.role ?? 'viewer') === role}>
              {t.roleNames[role]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="bfa" label={t.bfa} problems={state.problems}>
        <select class="form-select" id="bfa" name="bfa">
          <option value="">{t.noBfa}</option>
          {bfas.map((bfa) => (
            <option value={bfa.code} selected={state.form.bfa === bfa.code}>
              {bfa.short}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

async function usersPage(c: Context, store: Store, locale: Locale, state: UsersState) {
  const t = AUTH_TEXTS[locale];
  const base = localePath(locale, '/redaktion/brugere');
  const [users, bfas] = await Promise.all([listUsers(store.db), allBfas(store.db)]);
  return (
    <Layout locale={locale} path={c.req.path} title={t.usersTitle} demo={false}>
      <h1>{t.usersTitle}</h1>
      <p>{t.usersIntro}</p>
      {state.notice === undefined ? null : (
        <div class="alert alert-success" role="status">
          <p class="alert-text">{state.notice}</p>
          {state.secret === undefined ? null : (
            <p>
              <code class="maaltal-secret">{state.secret}</code>
            </p>
          )}
        </div>
      )}
      <div class="table-wrapper">
        <table class="table table--compact table--responsive-headers">
          <thead>
            <tr>
              {[t.email, t.name, t.role, t.bfa, t.colActive, t.colActions].map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow user={user} locale={locale} base={base} bfas={bfas} />
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t.addUserTitle}</h2>
      <ErrorSummary problems={state.problems} title={t.problemsTitle} />
      <form method="post" action={base}>
        <CsrfField />
        <Field
          name="email"
          label={t.email}
          type="email"
          value={state.form.email ?? ''}
          problems={state.problems}
          required
        />
        <Field name="name" label={t.name} value={state.form.name ?? ''} problems={state.problems} required />
        <RoleFields locale={locale} state={state} bfas={bfas} />
        <button class="button button-primary" type="submit">
          {t.addUserButton}
        </button>
      </form>
    </Layout>
  );
}

async function userById(store: Store, id: string): Promise<User> {
  const user = (await listUsers(store.db)).find((candidate) => String(candidate.id) === id);
  if (user === undefined) throw new AppError('not_found', `No user ${id}`);
  return user;
}

export function userRoutes(store: Store): Hono {
  const app = new Hono();
  for (const locale of ['da', 'en'] as const) {
    const t = AUTH_TEXTS[locale];
    const base = localePath(locale, '/redaktion/brugere');
    const render = async (c: Context, state: UsersState, status: 200 | 400 = 200) =>
      c.html(await usersPage(c, store, locale, state), status);
    app.get(base, requires('users.manage'), (c) => render(c, { problems: {}, form: {} }));
    app.post(base, requires('users.manage'), async (c) => {
      const form = await c.req.parseBody();
      const input = {
        email: textOf(form, 'email'),
        name: textOf(form, 'name'),
        role: textOf(form, 'role'),
        bfa: textOf(form, 'bfa'),
      };
      try {
        const user = await addUser(
          store.db,
          auditContextOf(c),
          { ...input, bfa: input.bfa || undefined },
          new Date(),
        );
        return render(c, { problems: {}, form: {}, notice: t.userAdded(user.email) });
      } catch (error) {
        return render(c, { problems: problemsOf(error, locale), form: input }, 400);
      }
    });
    for (const [path, active] of [
      ['deaktiver', false],
      ['aktiver', true],
    ] as const) {
      app.post(`${base}/:id/${path}`, requires('users.manage'), async (c) => {
        const user = await userById(store, c.req.param('id'));
        try {
          await setActive(store.db, auditContextOf(c), user.email, active, new Date());
          return c.redirect(base, 303);
        } catch (error) {
          return render(c, { problems: problemsOf(error, locale), form: {} }, 400);
        }
      });
    }
    app.post(`${base}/:id/rolle`, requires('users.manage'), async (c) => {
      const user = await userById(store, c.req.param('id'));
      const form = await c.req.parseBody();
      const role = textOf(form, 'role');
      // A BFA belongs only to a BFA editor: the row's BFA choice is ignored for every other role.
      const bfa = role === 'bfa_editor' ? textOf(form, 'bfa') || undefined : undefined;
      try {
        await setRole(store.db, auditContextOf(c), user.email, role, bfa, new Date());
        return c.redirect(base, 303);
      } catch (error) {
        return render(c, { problems: problemsOf(error, locale), form: {} }, 400);
      }
    });
    app.post(`${base}/:id/nulstil`, requires('users.manage'), async (c) => {
      const user = await userById(store, c.req.param('id'));
      const code = await startReset(store.db, auditContextOf(c), user.email, new Date());
      return render(c, { problems: {}, form: {}, notice: t.resetShown(user.email), secret: code });
    });
  }
  return app;
}
