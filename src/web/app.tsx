// The Hono application: static assets, health check, feature routes, and the one error handler.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { accidentRoutes } from '../accidents/accidents.routes.js';
import { explorerRoutes } from '../accidents/explorer.routes.js';
import { industryCodeRoutes } from '../accidents/industry-codes.routes.js';
import { statisticsFor } from '../accidents/series.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { accountRoutes } from '../auth/account.routes.js';
import { userRoutes } from '../auth/users.routes.js';
import type { SessionSettings } from '../config.js';
import { ping, type Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { toAppError } from '../errors.js';
import type { Locale } from '../format.js';
import type { ImportRunner } from '../imports/import-runner.js';
import { importRoutes } from '../imports/imports.routes.js';
import { aboutPageRoutes } from '../site/about-pages.js';
import { branchPageRoutes } from '../site/branch-pages.js';
import { comparePageRoutes } from '../site/compare-page.js';
import { goalPageRoutes } from '../site/goal-pages.js';
import { methodPageRoutes } from '../site/method-page.js';
import { siteApiRoutes } from '../site/site.api.js';
import { siteDownloadRoutes } from '../site/site-downloads.js';
import { commentRoutes } from '../targets/comments.routes.js';
import { targetPageRoutes } from '../targets/target-page.js';
import { targetRoutes } from '../targets/targets.routes.js';
import { activityRoutes } from '../work/activities.routes.js';
import { activityImportRoutes } from '../work/activities-import.routes.js';
import { bfaPageRoutes } from '../work/bfa-pages.js';
import { campaignRoutes } from '../work/campaigns.routes.js';
import { fundingRoutes } from '../work/funding.routes.js';
import { pilotRoutes } from '../work/pilots.routes.js';
import { recommendationRoutes } from '../work/recommendations.routes.js';
import { apiReferenceRoutes } from './api-reference.js';
import { requires } from './authorize.js';
import { concurrencyLimit } from './concurrency-limit.js';
import { refuseCrossOrigin } from './cross-origin.js';
import { localeOfPath, localePath, MESSAGES } from './i18n.js';
import { Layout } from './layout.js';
import { type PageCacheOptions, pageCache } from './page-cache.js';
import { securityHeaders } from './security-headers.js';
import { DEFAULT_SESSION_SETTINGS, identify } from './sessions.js';
import { siteOrigin } from './site-origin.js';
import { MAALTAL_CSS } from './styles.js';

/** dkfds ships its CSS, fonts and icons in dist/, next to the script its package exports. */
const DKFDS_DIST = join(dirname(createRequire(import.meta.url).resolve('dkfds')), '..');

export interface AppOptions {
  /** Where unexpected errors are reported (full detail); users only see a generic message. */
  logError?: (error: unknown) => void;
  /** Idle and absolute expiry of signed-in sessions, and whether the cookie is Secure. */
  sessions?: SessionSettings;
  /** Where uploads wait between preview and confirmation. */
  uploadDir?: string;
  /** How many accident-statistics requests one client may have running at once (default 2). */
  statisticsConcurrency?: number;
  /** Bounds of the page cache (entries and bytes). */
  pageCache?: PageCacheOptions;
  /** Called after the editor area imports or rolls back a batch (the accident figures may have changed). */
  onDataChanged?: () => void;
  /** Where the editor area's import jobs run (default: on the serving thread). */
  imports?: ImportRunner;
  /** The site's public address (MAALTAL_PUBLIC_URL) for canonical links; else the address each request came to. */
  publicUrl?: string | null;
  /** The operator's contact address (MAALTAL_CONTACT_EMAIL), shown on the contact page. */
  contactEmail?: string | null;
}

/** The site's icon: the letter M on the site's blue. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1a5a8a"/>' +
  '<path d="M7 24V8h3.6l5.4 8.4L21.4 8H25v16h-3.4V14l-5.6 8.4L10.4 14v10z" fill="#fff"/></svg>';

function ErrorPage({
  locale,
  path,
  status,
  message,
  demo,
}: {
  locale: Locale;
  path: string;
  status: number;
  message: string;
  demo: boolean;
}) {
  const t = MESSAGES[locale];
  const title = status === 404 ? t.notFoundTitle : t.errorTitle;
  return (
    <Layout locale={locale} path={path} title={title} demo={demo}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href={localePath(locale, '/')}>{t.backHome}</a>
      </p>
    </Layout>
  );
}

/** Seconds a client is asked to wait before trying again while the database is out of reach. */
const RETRY_AFTER_SECONDS = '5';

export function createApp(store: Store, options: AppOptions = {}): Hono {
  const logError = options.logError ?? ((error: unknown) => console.error(error));
  const app = new Hono();

  app.use('*', securityHeaders());
  app.use('*', refuseCrossOrigin());
  app.use('*', contextStorage());
  app.use('*', siteOrigin(options.publicUrl));
  app.use(
    '/static/dkfds/*',
    serveStatic({
      root: DKFDS_DIST,
      rewriteRequestPath: (path) => path.replace(/^\/static\/dkfds/, ''),
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=86400'),
    }),
  );
  app.get('/static/maaltal.css', requires('public'), (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(MAALTAL_CSS);
  });

  const favicon = (c: Context) => {
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(FAVICON_SVG);
  };
  app.get('/favicon.svg', requires('public'), favicon);
  app.get('/favicon.ico', requires('public'), favicon);

  const sessions = options.sessions ?? DEFAULT_SESSION_SETTINGS;
  app.use('*', pageCache(store, options.pageCache));
  app.use('*', identify(store, sessions));
  app.use(
    '*',
    concurrencyLimit(options.statisticsConcurrency ?? 2, (path) =>
      /^\/(en\/)?ulykker|^\/api\/v1\/accidents\//.test(path),
    ),
  );

  // For a load balancer: 200 when the database answers, else 503 with Retry-After.
  app.get('/readyz', requires('public'), async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await ping(store.db);
      return c.json({ status: 'ready', database: store.dialect });
    } catch {
      c.header('Retry-After', RETRY_AFTER_SECONDS);
      return c.json({ status: 'unavailable', database: store.dialect }, 503);
    }
  });

  app.get('/healthz', requires('public'), async (c) => {
    try {
      await ping(store.db);
      return c.json({ status: 'ok', database: store.dialect });
    } catch (error) {
      logError(error);
      return c.json({ status: 'error', database: store.dialect }, 503);
    }
  });

  app.route('/', commentRoutes(store));
  app.route('/', targetRoutes(store));
  app.route('/', targetPageRoutes(store));
  app.route('/', goalPageRoutes(store));
  app.route('/', comparePageRoutes(store));
  app.route('/', siteDownloadRoutes(store));
  app.route('/', branchPageRoutes(store));
  app.route('/', methodPageRoutes(store));
  app.route('/', aboutPageRoutes(store, { contactEmail: options.contactEmail ?? null }));
  app.route('/', siteApiRoutes(store));
  app.route(
    '/',
    activityImportRoutes(store, {
      uploadDir: options.uploadDir ?? join('var', 'uploads'),
      ...(options.imports === undefined ? {} : { imports: options.imports }),
    }),
  );
  app.route('/', activityRoutes(store));
  app.route('/', campaignRoutes(store));
  app.route('/', pilotRoutes(store));
  app.route('/', fundingRoutes(store));
  app.route('/', recommendationRoutes(store));
  app.route('/', bfaPageRoutes(store));
  app.route(
    '/',
    apiReferenceRoutes(() => holdsDemoData(store.db)),
  );
  app.route('/', accountRoutes(store, sessions));
  app.route('/', userRoutes(store));
  app.route('/', auditRoutes(store));
  app.route(
    '/',
    importRoutes(store, {
      uploadDir: options.uploadDir ?? join('var', 'uploads'),
      ...(options.onDataChanged === undefined ? {} : { onDataChanged: options.onDataChanged }),
      ...(options.imports === undefined ? {} : { imports: options.imports }),
    }),
  );
  app.route(
    '/',
    industryCodeRoutes(store, {
      ...(options.onDataChanged === undefined ? {} : { onDataChanged: options.onDataChanged }),
      ...(options.imports === undefined ? {} : { imports: options.imports }),
    }),
  );
  app.route('/', accidentRoutes(store, statisticsFor(store.db)));
  app.route('/', explorerRoutes(statisticsFor(store.db)));

  const isApi = (path: string) => path.startsWith('/api/');

  /** Whether the demo banner belongs on an error page; an unreachable database is no reason to fail it again. */
  const demoFor = (status: number) =>
    status === 503 ? Promise.resolve(false) : holdsDemoData(store.db).catch(() => false);

  app.notFound(async (c) => {
    const path = c.req.path;
    if (isApi(path)) {
      return c.json({ error: { code: 'not_found', message: `No such resource: ${path}`, details: [] } }, 404);
    }
    const locale = localeOfPath(path);
    const demo = await demoFor(404);
    return c.html(
      <ErrorPage
        locale={locale}
        path={path}
        status={404}
        message={MESSAGES[locale].notFoundText}
        demo={demo}
      />,
      404,
    );
  });

  app.onError(async (error, c) => {
    const path = c.req.path;
    const known = toAppError(error);
    if (known === undefined) logError(error);
    const status = known?.httpStatus ?? 500;
    if (status === 503 || status === 429) c.header('Retry-After', RETRY_AFTER_SECONDS);
    if (isApi(path)) {
      return c.json(
        {
          error: {
            code: known?.code ?? 'internal',
            message: known?.message ?? 'Internal error',
            details: known?.issues ?? [],
          },
        },
        status,
      );
    }
    const locale = localeOfPath(path);
    const message = known === undefined ? MESSAGES[locale].errorText : known.oneLineFor(locale);
    const demo = known === undefined ? false : await demoFor(status);
    return c.html(
      <ErrorPage locale={locale} path={path} status={status} message={message} demo={demo} />,
      status,
    );
  });

  return app;
}
