// The API as a document (/api/openapi.json, OpenAPI 3.1) and as a readable reference page (/api, /en/api).
import { Hono } from 'hono';
import type { Locale } from '../format.js';
import { requires } from './authorize.js';
import { MESSAGES } from './i18n.js';
import { Layout } from './layout.js';
import { OPENAPI } from './openapi.js';

interface Parameter {
  name: string;
  in: string;
  description?: string;
  required?: boolean;
  schema?: {
    type?: string | readonly string[];
    enum?: readonly (string | null)[];
    items?: { enum?: readonly string[] };
  };
}

interface Operation {
  summary: string;
  parameters?: readonly Parameter[];
  responses: Record<string, { description: string }>;
  security?: readonly unknown[];
}

const allowed = (parameter: Parameter) => {
  const values = parameter.schema?.enum ?? parameter.schema?.items?.enum;
  if (values !== undefined) return values.filter((v) => v !== null).join(', ');
  const type = parameter.schema?.type;
  return Array.isArray(type) ? type.join(' | ') : String(type ?? '');
};

export function apiReferenceRoutes(demo: () => Promise<boolean>): Hono {
  const app = new Hono();
  app.get('/api/openapi.json', requires('public'), (c) => c.json(OPENAPI));
  for (const locale of ['da', 'en'] as const satisfies readonly Locale[]) {
    app.get(locale === 'en' ? '/en/api' : '/api', requires('public'), async (c) => {
      const t = MESSAGES[locale];
      const paths = Object.entries(OPENAPI.paths as unknown as Record<string, { get: Operation }>);
      return c.html(
        <Layout locale={locale} path={c.req.path} title={t.apiTitle} demo={await demo()}>
          <h1>{t.apiTitle}</h1>
          <p class="font-lead">{t.apiIntro}</p>
          <p>
            <a href="/api/openapi.json">{t.apiDocument}</a>
          </p>
          {paths.map(([path, { get }]) => (
            <section class="maaltal-endpoint" aria-labelledby={`endpoint-${path}`}>
              <h2 id={`endpoint-${path}`} class="h3">
                <code>GET {path}</code>
              </h2>
              <p>{get.summary}</p>
              {get.security === undefined ? null : <p class="maaltal-note">{t.apiAdminOnly}</p>}
              {get.parameters === undefined || get.parameters.length === 0 ? null : (
                <div class="table-wrapper">
                  <table class="table table--compact">
                    <caption class="sr-only">{`${t.apiParameters}: ${path}`}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t.apiParameter}</th>
                        <th scope="col">{t.apiValues}</th>
                        <th scope="col">{t.apiDescription}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {get.parameters.map((parameter) => (
                        <tr>
                          <th scope="row">
                            <code>{parameter.name}</code>
                          </th>
                          <td>{allowed(parameter)}</td>
                          <td>{parameter.description ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <ul>
                {Object.entries(get.responses).map(([status, response]) => (
                  <li>
                    <strong>{status}</strong>: {response.description}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </Layout>,
      );
    });
  }
  return app;
}
