// The editor area's import pages: upload → preview with detected settings and validation report → confirm;
// the list of batches with rollback. Works without JavaScript (plain forms).
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { type Context, Hono } from 'hono';
import type { Store } from '../db/connect.js';
import { AppError, type ErrorCode, type Issue } from '../errors.js';
import { formatNumber, type Locale } from '../format.js';
import { requires } from '../web/authorize.js';
import { CsrfField, withCsrf } from '../web/forms.js';
import { localePath, MESSAGES, type Messages } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { auditContextOf } from '../web/sessions.js';
import type { PreviewResult } from './import-jobs.js';
import { type ImportRunner, inThreadImports } from './import-runner.js';
import { listBatches } from './imports.repository.js';
import { IMPORT_KINDS, type ImportKind } from './kinds/index.js';
import { type Mapping, parseMappingText } from './mapping.js';
import { bilingual, issue, issueMessage } from './texts.js';
import { receiveUpload } from './upload.js';

export interface ImportRouteOptions {
  uploadDir: string;
  /** Called after a batch is imported or rolled back. */
  onDataChanged?: () => void;
  /** Where the jobs run (default: on the serving thread). */
  imports?: ImportRunner;
}

const PREVIEW_ROWS = 10;

/** The mapping typed into the form (none when empty); a mapping that is not valid removes the upload. */
async function mappingOrDiscard(text: string, filePath: string): Promise<Mapping | undefined> {
  if (text === '') return undefined;
  try {
    return parseMappingText(text);
  } catch (error) {
    await unlink(filePath).catch(() => {});
    throw error;
  }
}
/** Errors a validation report shows; any other error of a preview is the server's and gets the error page. */
const FILE_PROBLEMS = new Set<ErrorCode>(['invalid_input', 'conflict', 'too_large']);

export const UPLOAD_NAME = /^[0-9a-f-]{36}__[\w.æøåÆØÅ -]{1,200}$/;

const kindLabel = (t: Messages, kind: ImportKind) =>
  ({
    observations: t.kindObservations,
    employment: t.kindEmployment,
    accidents: t.kindAccidents,
    diseases: t.kindDiseases,
    targets: t.kindTargets,
    activities: t.kindActivities,
    workplaces: t.kindWorkplaces,
  })[kind];

/** The validation report: each problem in the page's language (Danish pages show `messageDa`). */
function Problems({ issues, locale, t }: { issues: Issue[]; locale: Locale; t: Messages }) {
  return (
    <div class="table-wrapper">
      <table class="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t.problemRow}</th>
            <th scope="col">{t.problemColumn}</th>
            <th scope="col">{t.problemField}</th>
            <th scope="col">{t.problemMessage}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((problem) => (
            <tr>
              <td class="num">{problem.row ?? '–'}</td>
              <td>{problem.column ?? '–'}</td>
              <td>{problem.field}</td>
              {locale === 'da' && problem.messageDa === undefined ? (
                <td lang="en">{problem.message}</td>
              ) : (
                <td>{issueMessage(problem, locale)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Runs an upload's preview job. A file with problems has nothing to confirm, so its upload is removed; a fault of the
 *  server (a full disk, no database) is not a problem with the file and is thrown, for the error page to say it. */
export async function previewUpload(
  imports: ImportRunner,
  job: Parameters<ImportRunner['preview']>[0],
): Promise<PreviewResult> {
  const result = await imports.preview(job);
  const { problem } = result;
  if (problem !== undefined) await unlink(job.filePath).catch(() => {});
  if (problem !== undefined && !FILE_PROBLEMS.has(problem.code))
    throw new AppError(problem.code, problem.message, problem.issues);
  return result;
}

/** A preview's report: valid or its problems, the detected settings and columns, and the file's first rows. */
export function PreviewReport({
  result,
  mapped,
  locale,
  t,
}: {
  result: PreviewResult;
  /** The rows are shown as a mapping shaped them. */
  mapped: boolean;
  locale: Locale;
  t: Messages;
}) {
  const { report, problem, preview } = result;
  const settings = report?.settings;
  return (
    <>
      {problem === undefined ? (
        <div class="alert alert-success" role="status">
          <p class="alert-text">{t.validationOk(report?.rows ?? 0)}</p>
          {(report?.skipped ?? 0) > 0 ? (
            <p class="alert-text">{t.skippedCells(report?.skipped ?? 0)}</p>
          ) : null}
        </div>
      ) : (
        <div class="alert alert-error" role="alert">
          <p class="alert-text">
            {t.validationFailed(problem.issues.length)}
            {/* The error's own summary is English; Danish pages say the same through the line above. */}
            {locale === 'en' ? ` ${problem.message}` : null}
          </p>
        </div>
      )}
      {problem === undefined ? null : <Problems issues={problem.issues} locale={locale} t={t} />}
      {settings === undefined ? null : (
        <>
          <h2>{t.detectedSettings}</h2>
          <ul>
            {Object.entries(settings).map(([key, value]) => (
              <li>
                {key}: {Array.isArray(value) ? value.join(', ') : String(value)}
              </li>
            ))}
          </ul>
          <h2>{t.columnMapping}</h2>
          <ul>
            {report?.columns.map((column) => (
              <li>
                {column.column} → {column.field}
              </li>
            ))}
          </ul>
          {report !== undefined && report.ignoredColumns.length > 0 ? (
            <p>
              {t.ignoredColumns}: {report.ignoredColumns.join(', ')}
            </p>
          ) : null}
        </>
      )}
      {preview === undefined ? null : (
        <>
          <h2>{mapped ? t.firstRowsMapped : t.firstRows}</h2>
          <div class="table-wrapper">
            <table class="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t.problemRow}</th>
                  {preview.columns.map((column) => (
                    <th scope="col">{column}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr>
                    <td class="num">{row.row}</td>
                    {row.values.map((value) => (
                      <td>{value === null ? '' : String(value)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

function UploadForm({ locale, t }: { locale: Locale; t: Messages }) {
  return (
    <form
      method="post"
      action={withCsrf(localePath(locale, '/redaktion/import'))}
      enctype="multipart/form-data"
    >
      <div class="form-group">
        <label class="form-label" for="file">
          {t.uploadFile}
        </label>
        <input class="form-input" id="file" name="file" type="file" required />
      </div>
      <div class="form-group">
        <label class="form-label" for="kind">
          {t.uploadKind}
        </label>
        <select class="form-select" id="kind" name="kind">
          {IMPORT_KINDS.map((kind) => (
            <option value={kind}>{kindLabel(t, kind)}</option>
          ))}
        </select>
      </div>
      <div class="form-group">
        <label class="form-label" for="sheet">
          {t.uploadSheet}
        </label>
        <input class="form-input" id="sheet" name="sheet" type="text" />
      </div>
      <div class="form-group">
        <label class="form-label" for="source">
          {t.uploadSource}
        </label>
        <input class="form-input" id="source" name="source" type="text" />
      </div>
      <div class="form-group">
        <label class="form-label" for="mapping">
          {t.uploadMapping}
        </label>
        <span class="form-hint" id="mapping-hint">
          {t.uploadMappingHint}
        </span>
        <textarea class="form-input" id="mapping" name="mapping" rows={4} aria-describedby="mapping-hint" />
      </div>
      <div class="form-group form-group-checkbox">
        <input class="form-checkbox" id="replace" name="replace" type="checkbox" value="1" />
        <label for="replace">{t.uploadReplace}</label>
      </div>
      <button class="button button-primary" type="submit">
        {t.uploadButton}
      </button>
    </form>
  );
}

/** Who asks, as batches record it (the signed-in user's e-mail) and as the audit trail records it. */
export const asker = (c: Context) => {
  const audit = auditContextOf(c);
  return { user: audit.principal.kind === 'anonymous' ? 'anonymous' : audit.principal.label, audit };
};

export function importRoutes(store: Store, options: ImportRouteOptions): Hono {
  const app = new Hono();
  const imports = options.imports ?? inThreadImports(store);

  for (const locale of ['da', 'en'] as const) {
    const t = MESSAGES[locale];
    const base = localePath(locale, '/redaktion/import');

    app.get(base, requires('data.import'), async (c) => {
      const batches = await listBatches(store.db);
      const done = c.req.query('done');
      const rolled = c.req.query('rolledback');
      const doneBatch = batches.find((b) => String(b.id) === done);
      return c.html(
        <Layout locale={locale} path={c.req.path} title={t.importsTitle} demo={false}>
          <h1>{t.importsTitle}</h1>
          {doneBatch === undefined ? null : (
            <div class="alert alert-success" role="status">
              <p class="alert-text">{t.imported(doneBatch.id, doneBatch.rowCount)}</p>
            </div>
          )}
          {rolled === undefined ? null : (
            <div class="alert alert-success" role="status">
              <p class="alert-text">{t.rolledBack(Number(rolled), Number(c.req.query('removed') ?? 0))}</p>
            </div>
          )}
          <p>{t.importsIntro}</p>
          <p>
            <a href={localePath(locale, '/redaktion/branchekoder')}>{t.unmappedCodesLink}</a>
          </p>
          <UploadForm locale={locale} t={t} />
          <h2>{t.batchesTitle}</h2>
          {batches.length === 0 ? (
            <p>{t.noBatches}</p>
          ) : (
            <div class="table-wrapper">
              <table class="table table--compact table--responsive-headers">
                <thead>
                  <tr>
                    <th scope="col">{t.colBatch}</th>
                    <th scope="col">{t.colWhen}</th>
                    <th scope="col">{t.colKind}</th>
                    <th scope="col">{t.colFile}</th>
                    <th scope="col" class="num">
                      {t.colRows}
                    </th>
                    <th scope="col">{t.colBy}</th>
                    <th scope="col">{t.colBatchStatus}</th>
                  </tr>
                </thead>
                <tbody>
                  {batches.map((batch) => (
                    <tr>
                      <td data-title={t.colBatch}>{batch.id}</td>
                      <td data-title={t.colWhen}>{batch.importedAt.slice(0, 16).replace('T', ' ')}</td>
                      <td data-title={t.colKind}>{kindLabel(t, batch.kind as ImportKind) ?? batch.kind}</td>
                      <td data-title={t.colFile}>{batch.fileName}</td>
                      <td data-title={t.colRows} class="num">
                        {formatNumber(batch.rowCount, locale)}
                      </td>
                      <td data-title={t.colBy}>{batch.importedBy}</td>
                      <td data-title={t.colBatchStatus}>
                        {batch.status === 'committed' ? (
                          <form method="post" action={`${base}/${batch.id}/rollback`}>
                            <CsrfField />
                            {t.batchCommitted}{' '}
                            <button class="button button-secondary" type="submit">
                              {t.rollbackButton}
                              <span class="sr-only"> {batch.id}</span>
                            </button>
                          </form>
                        ) : (
                          t.batchRolledBack
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Layout>,
      );
    });

    app.post(base, requires('data.import'), async (c) => {
      const { fields: form, file } = await receiveUpload(c.req.raw, options.uploadDir);
      const kind = String(form.kind ?? '');
      if (file === undefined || file.size === 0 || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
        if (file !== undefined) await unlink(file.filePath).catch(() => {});
        throw new AppError('invalid_input', 'Choose a non-empty file and a kind of data', [
          issue(
            file !== undefined && file.size > 0 ? 'kind' : 'file',
            bilingual('is required', 'skal udfyldes'),
          ),
        ]);
      }
      const { filePath, stored, displayName } = file;
      const sheet = (form.sheet ?? '').trim() === '' ? undefined : (form.sheet ?? '').trim();
      const source = (form.source ?? '').trim();
      const replace = form.replace === '1';
      const mappingText = (form.mapping ?? '').trim();
      const mapping = await mappingOrDiscard(mappingText, filePath);

      const result = await previewUpload(imports, {
        filePath,
        options: { kind: kind as ImportKind, sheet, source, replace, displayName, mapping },
        ...asker(c),
        previewRows: PREVIEW_ROWS,
      });
      const { problem } = result;
      return c.html(
        <Layout locale={locale} path={c.req.path} title={t.previewTitle} demo={false}>
          <h1>
            {t.previewTitle}: {displayName}
          </h1>
          <PreviewReport result={result} mapped={mapping !== undefined} locale={locale} t={t} />
          {problem === undefined ? (
            <form method="post" action={`${base}/confirm`}>
              <CsrfField />
              <input type="hidden" name="upload" value={stored} />
              <input type="hidden" name="kind" value={kind} />
              <input type="hidden" name="sheet" value={sheet ?? ''} />
              <input type="hidden" name="source" value={source} />
              <input type="hidden" name="replace" value={replace ? '1' : ''} />
              <input type="hidden" name="mapping" value={mappingText} />
              <button class="button button-primary" type="submit">
                {t.confirmButton}
              </button>{' '}
              <a href={base}>{t.cancel}</a>
            </form>
          ) : (
            <>
              <h2>{t.importsTitle}</h2>
              <UploadForm locale={locale} t={t} />
            </>
          )}
        </Layout>,
        problem === undefined ? 200 : 422,
      );
    });

    app.post(`${base}/confirm`, requires('data.import'), async (c) => {
      const form = await c.req.parseBody();
      const stored = String(form.upload ?? '');
      const kind = String(form.kind ?? '');
      if (!UPLOAD_NAME.test(stored) || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
        throw new AppError('invalid_input', 'Unknown upload', [
          issue('upload', bilingual('preview the file again', 'forhåndsvis filen igen')),
        ]);
      }
      const filePath = path.join(options.uploadDir, stored);
      const sheet = String(form.sheet ?? '').trim();
      const mappingText = String(form.mapping ?? '').trim();
      try {
        const mapping = mappingText === '' ? undefined : parseMappingText(mappingText);
        const report = await imports.run({
          filePath,
          options: {
            kind: kind as ImportKind,
            mapping,
            ...(sheet === '' ? {} : { sheet }),
            source: String(form.source ?? ''),
            replace: form.replace === '1',
            displayName: stored.slice(stored.indexOf('__') + 2),
          },
          ...asker(c),
        });
        options.onDataChanged?.();
        return c.redirect(`${base}?done=${report.batchId}`, 303);
      } finally {
        await unlink(filePath).catch(() => {});
      }
    });

    app.post(`${base}/:id/rollback`, requires('data.import'), async (c) => {
      const id = Number(c.req.param('id'));
      if (!Number.isInteger(id) || id <= 0) {
        throw new AppError('invalid_input', 'Invalid batch id', [
          issue('id', bilingual('must be a whole number', 'skal være et helt tal')),
        ]);
      }
      const result = await imports.rollback({
        batchId: id,
        ...asker(c),
        reason: 'rolled back in the editor area',
      });
      options.onDataChanged?.();
      return c.redirect(`${base}?rolledback=${result.batchId}&removed=${result.removed}`, 303);
    });
  }
  return app;
}
