// The API as a document (/api/openapi.json, OpenAPI 3.1) and as a readable reference page (/api, /en/api): every
// operation with its operationId, parameters, a working example request and each response's schema. The
// document's descriptions are CommonMark, rendered with micromark (raw HTML in them is escaped).
import { Hono } from 'hono';
import { raw } from 'hono/html';
import { micromark } from 'micromark';
import type { Locale } from '../format.js';
import { API_REFERENCE_TEXTS } from './api-reference.texts.js';
import { requires } from './authorize.js';
import { MESSAGES } from './i18n.js';
import { Layout } from './layout.js';
import { OPENAPI } from './openapi.js';

interface Parameter {
  name: string;
  in: string;
  description?: string;
  required?: boolean;
  example?: unknown;
  schema?: {
    type?: string | readonly string[];
    enum?: readonly (string | null)[];
    items?: { enum?: readonly string[] };
  };
}

interface Response {
  description: string;
  content?: Record<string, { schema?: { $ref?: string; format?: string } }>;
}

export interface Operation {
  operationId: string;
  summary: string;
  parameters?: readonly Parameter[];
  responses: Record<string, Response>;
  security?: readonly unknown[];
}

/** Inline CommonMark (`code`, *emphasis*, links) as HTML, without the paragraph around it. */
export function inlineMarkdown(text: string) {
  return raw(
    micromark(text)
      .replace(/^<p>/, '')
      .replace(/<\/p>\n?$/, ''),
  );
}

const allowed = (parameter: Parameter) => {
  const values = parameter.schema?.enum ?? parameter.schema?.items?.enum;
  if (values !== undefined) return values.filter((v) => v !== null).join(', ');
  const type = parameter.schema?.type;
  return Array.isArray(type) ? type.join(' | ') : String(type ?? '');
};

/** A request that works: the path's parameters and the query parameters filled in from their examples. */
export function exampleRequest(path: string, operation: Operation): string {
  let filled = path;
  const query = new URLSearchParams();
  for (const parameter of operation.parameters ?? []) {
    if (parameter.example === undefined) continue;
    const values = Array.isArray(parameter.example) ? parameter.example : [parameter.example];
    if (parameter.in === 'path') filled = filled.replace(`{${parameter.name}}`, String(values[0]));
    else for (const value of values) query.append(parameter.name, String(value));
  }
  const search = query.toString();
  return search === '' ? filled : `${filled}?${search}`;
}

function ParameterTable({
  path,
  parameters,
  locale,
}: {
  path: string;
  parameters: readonly Parameter[];
  locale: Locale;
}) {
  const t = MESSAGES[locale];
  return (
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
          {parameters.map((parameter) => (
            <tr>
              <th scope="row">
                <code>{parameter.name}</code>
              </th>
              <td>{allowed(parameter)}</td>
              <td>{inlineMarkdown(parameter.description ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What a response holds: the schema's name for JSON, or the file type. */
function responseShape(response: Response, locale: Locale): string {
  const [type, media] = Object.entries(response.content ?? {})[0] ?? [];
  if (type === undefined) return '';
  const reference = media?.schema?.$ref?.replace('#/components/schemas/', '');
  if (reference !== undefined) return `${type}, ${API_REFERENCE_TEXTS[locale].schema} ${reference}`;
  return media?.schema?.format === 'binary' ? `${type} (${API_REFERENCE_TEXTS[locale].file})` : type;
}

function OperationSection({
  path,
  method,
  operation,
  locale,
}: {
  path: string;
  method: string;
  operation: Operation;
  locale: Locale;
}) {
  const t = MESSAGES[locale];
  const a = API_REFERENCE_TEXTS[locale];
  const example = exampleRequest(path, operation);
  return (
    <section class="maaltal-endpoint" aria-labelledby={operation.operationId}>
      <h2 id={operation.operationId} class="h3">
        <code>{`${method.toUpperCase()} ${path}`}</code>
      </h2>
      <p>{inlineMarkdown(operation.summary)}</p>
      <p class="maaltal-note">
        {a.operationId}: <code>{operation.operationId}</code>
      </p>
      {operation.security === undefined ? null : <p class="maaltal-note">{t.apiAdminOnly}</p>}
      {operation.parameters === undefined || operation.parameters.length === 0 ? null : (
        <ParameterTable path={path} parameters={operation.parameters} locale={locale} />
      )}
      {method === 'get' && operation.security === undefined ? (
        <p>
          {a.example}: <a href={example}>{example}</a>
        </p>
      ) : null}
      <h3 class="h5">{a.responses}</h3>
      <ul>
        {Object.entries(operation.responses).map(([status, response]) => (
          <li>
            <strong>{status}</strong>: {inlineMarkdown(response.description)}
            {responseShape(response, locale) === '' ? null : (
              <span class="maaltal-ci">{responseShape(response, locale)}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every operation of the document, in its order. */
export function operationsOf(): { path: string; method: string; operation: Operation }[] {
  return Object.entries(OPENAPI.paths as unknown as Record<string, Record<string, Operation>>).flatMap(
    ([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ path, method, operation })),
  );
}

export function apiReferenceRoutes(demo: () => Promise<boolean>): Hono {
  const app = new Hono();
  app.get('/api/openapi.json', requires('public'), (c) => c.json(OPENAPI));
  for (const locale of ['da', 'en'] as const satisfies readonly Locale[]) {
    app.get(locale === 'en' ? '/en/api' : '/api', requires('public'), async (c) => {
      const t = MESSAGES[locale];
      return c.html(
        <Layout locale={locale} path={c.req.path} title={t.apiTitle} demo={await demo()}>
          <h1>{t.apiTitle}</h1>
          <p class="font-lead">{t.apiIntro}</p>
          <p>
            <a href="/api/openapi.json">{t.apiDocument}</a>
          </p>
          <p>{inlineMarkdown(OPENAPI.info.description)}</p>
          {operationsOf().map(({ path, method, operation }) => (
            <OperationSection path={path} method={method} operation={operation} locale={locale} />
          ))}
        </Layout>,
      );
    });
  }
  return app;
}
