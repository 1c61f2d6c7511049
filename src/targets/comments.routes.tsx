// The editor area's targets: the targets a signed-in user may comment on (a BFA editor: their own BFA's), each with
// its unpublished comments and a form; the same comments for machine clients at /api/v1/targets/:id/comments.
import { type Context, Hono } from 'hono';
import { bfaCodeById } from '../auth/accounts.repository.js';
import { can } from '../auth/policy.js';
import type { Store } from '../db/connect.js';
import { formatDate, type Locale } from '../format.js';
import { principalOf, requires } from '../web/authorize.js';
import { CsrfField, ErrorSummary, Field, type FieldProblems, problemsOf, textOf } from '../web/forms.js';
import { localePath } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { auditContextOf } from '../web/sessions.js';
import { addComment, listComments, MAX_COMMENT_LENGTH } from './comments.service.js';
import { listTargets } from './targets.service.js';

const TEXTS = {
  da: {
    title: 'Måltal i redaktionen',
    intro: 'Måltal, du kan kommentere. Kommentarer er interne og vises ikke offentligt.',
    own: (bfa: string) => `Du er BFA-redaktør for ${bfa} og ser kun jeres egne måltal.`,
    comments: 'Kommentarer',
    none: 'Ingen kommentarer endnu.',
    body: 'Ny kommentar',
    add: 'Tilføj kommentar',
    publicPage: 'Den offentlige side for måltallet',
    problems: 'Der er problemer i formularen',
    colTarget: 'Måltal',
    colOwner: 'Ansvarlig',
  },
  en: {
    title: 'Targets in the editor area',
    intro: 'Targets you can comment on. Comments are internal and never shown publicly.',
    own: (bfa: string) => `You are a BFA editor for ${bfa} and see only your own BFA's targets.`,
    comments: 'Comments',
    none: 'No comments yet.',
    body: 'New comment',
    add: 'Add comment',
    publicPage: 'The target’s public page',
    problems: 'The form has problems',
    colTarget: 'Target',
    colOwner: 'Responsible',
  },
};

const nameOf = (named: { nameDa: string; nameEn: string } | null, locale: Locale) =>
  named === null ? '' : locale === 'da' ? named.nameDa : named.nameEn;

async function listPage(c: Context, store: Store, locale: Locale) {
  const t = TEXTS[locale];
  const principal = principalOf(c);
  const ownBfa =
    (principal.kind === 'user' || principal.kind === 'token') &&
    principal.role === 'bfa_editor' &&
    principal.bfaId !== null
      ? await bfaCodeById(store.db, principal.bfaId)
      : undefined;
  const targets = (await listTargets(store.db)).filter(
    (target) => ownBfa === undefined || target.owner?.code === ownBfa,
  );
  const base = localePath(locale, '/redaktion/maaltal');
  return (
    <Layout locale={locale} path={c.req.path} title={t.title} demo={false}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {ownBfa === undefined ? null : <p>{t.own(ownBfa.toUpperCase())}</p>}
      <div class="table-wrapper">
        <table class="table table--compact table--responsive-headers">
          <thead>
            <tr>
              <th scope="col">{t.colTarget}</th>
              <th scope="col">{t.colOwner}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((target) => (
              <tr>
                <td data-title={t.colTarget}>
                  <a href={`${base}/${target.id}`}>
                    {[
                      nameOf(target.goal, locale),
                      nameOf(target.branchGroup, locale),
                      nameOf(target.subProblem, locale),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </a>
                </td>
                <td data-title={t.colOwner}>{target.owner?.short ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

async function targetPage(
  c: Context,
  store: Store,
  locale: Locale,
  id: number,
  problems: FieldProblems,
  body = '',
) {
  const t = TEXTS[locale];
  const comments = await listComments(store.db, auditContextOf(c), id);
  const target = (await listTargets(store.db)).find((candidate) => candidate.id === id);
  const principal = principalOf(c);
  // Reading the comments checked the target's BFA already; writing needs the role's permission beside it.
  const mayWrite = target !== undefined && can(principal, 'comments.write');
  const title =
    target === undefined
      ? `${t.title} ${id}`
      : `${nameOf(target.goal, locale)} · ${nameOf(target.branchGroup, locale)}`;
  return (
    <Layout locale={locale} path={c.req.path} title={title} demo={false}>
      <h1>{title}</h1>
      <p>
        <a href={localePath(locale, `/maaltal/${id}`)}>{t.publicPage}</a>
      </p>
      <h2>{t.comments}</h2>
      {comments.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="nobullet-list">
          {comments.map((comment) => (
            <li>
              <p>
                <strong>{comment.author.name}</strong>, {formatDate(comment.writtenAt, locale)}
              </p>
              <p class="maaltal-comment">{comment.body}</p>
            </li>
          ))}
        </ul>
      )}
      {mayWrite ? (
        <form method="post" action={localePath(locale, `/redaktion/maaltal/${id}/kommentarer`)}>
          <CsrfField />
          <ErrorSummary problems={problems} title={t.problems} />
          <Field name="body" label={t.body} problems={problems}>
            <textarea class="form-input" id="body" name="body" rows={5} maxlength={MAX_COMMENT_LENGTH}>
              {body}
            </textarea>
          </Field>
          <button class="button button-primary" type="submit">
            {t.add}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

const idOf = (c: Context) => {
  const text = c.req.param('id') ?? '';
  return /^\d{1,9}$/.test(text) ? Number(text) : -1;
};

export function commentRoutes(store: Store): Hono {
  const app = new Hono();
  for (const locale of ['da', 'en'] as const) {
    const base = localePath(locale, '/redaktion/maaltal');
    app.get(base, requires('drafts.read'), async (c) => c.html(await listPage(c, store, locale)));
    app.get(`${base}/:id`, requires('drafts.read'), async (c) =>
      c.html(await targetPage(c, store, locale, idOf(c), {})),
    );
    app.post(`${base}/:id/kommentarer`, requires('comments.write'), async (c) => {
      const form = await c.req.parseBody();
      const id = idOf(c);
      try {
        await addComment(store.db, auditContextOf(c), id, textOf(form, 'body'), new Date());
        return c.redirect(`${base}/${id}`, 303);
      } catch (error) {
        const problems = problemsOf(error, locale);
        return c.html(await targetPage(c, store, locale, id, problems, textOf(form, 'body')), 400);
      }
    });
  }
  app.get('/api/v1/targets/:id/comments', requires('drafts.read'), async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json({ comments: await listComments(store.db, auditContextOf(c), idOf(c)) });
  });
  app.post('/api/v1/targets/:id/comments', requires('comments.write'), async (c) => {
    const body: unknown = await c.req.json().catch(() => ({}));
    const text = typeof body === 'object' && body !== null && 'body' in body ? String(body.body) : '';
    const id = await addComment(store.db, auditContextOf(c), idOf(c), text, new Date());
    return c.json({ id }, 201);
  });
  return app;
}
