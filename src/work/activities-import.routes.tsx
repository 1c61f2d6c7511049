// The editor area's activity import: a BFA editor (or the secretariat) uploads the BFA's own list of activities
// (XLSX or CSV with Danish headers), sees the preview with every problem by row and column, and confirms. It runs the
// `activities` import kind through the same upload, preview and job machinery as the data import pages; a BFA
// editor's upload is limited to their own BFA, so every row of another BFA is refused by row and field.
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { type Context, Hono } from 'hono';
import { bfaCodeById } from '../auth/accounts.repository.js';
import { canOn } from '../auth/policy.js';
import type { Store } from '../db/connect.js';
import { AppError } from '../errors.js';
import { formatNumber, type Locale } from '../format.js';
import { type ImportRunner, inThreadImports } from '../imports/import-runner.js';
import { asker, PreviewReport, previewUpload, UPLOAD_NAME } from '../imports/imports.routes.js';
import { bilingual, issue } from '../imports/texts.js';
import { receiveUpload } from '../imports/upload.js';
import { principalOf, requires } from '../web/authorize.js';
import { Entered } from '../web/entered-text.js';
import { CsrfField, withCsrf } from '../web/forms.js';
import { localePath, MESSAGES } from '../web/i18n.js';
import { Layout } from '../web/layout.js';

const PREVIEW_ROWS = 10;

const TEXTS = {
  da: {
    title: 'Importér aktiviteter',
    intro:
      'Indlæs BFA’ens aktiviteter fra jeres eget regneark (XLSX eller CSV). Hver række bliver en kladde, som først vises offentligt, når den er offentliggjort. Filen kontrolleres hele, før noget gemmes: har den ét problem, gemmes intet.',
    own: (bfa: string) => `Du er BFA-redaktør for ${bfa} og kan kun importere jeres egne aktiviteter.`,
    done: (rows: number, batch: number) =>
      `${formatNumber(rows, 'da')} aktiviteter er gemt som kladder (import nr. ${batch}).`,
    columnsTitle: 'Kolonner',
    colHeader: 'Overskrift',
    colContent: 'Indhold',
    colRequired: 'Skal udfyldes',
    yes: 'Ja',
    no: 'Nej',
    listHint: 'Flere værdier adskilles med ; eller ,',
    previewOf: (file: string) => `Forhåndsvisning af aktiviteter: ${file}`,
    noBfa: 'din konto er ikke knyttet til en BFA',
  },
  en: {
    title: 'Import activities',
    intro:
      'Load the BFA’s activities from your own spreadsheet (XLSX or CSV). Each row becomes a draft, shown publicly only once it is published. The whole file is checked before anything is saved: with one problem, nothing is saved.',
    own: (bfa: string) => `You are a BFA editor for ${bfa} and can import only your own BFA’s activities.`,
    done: (rows: number, batch: number) =>
      `${formatNumber(rows, 'en')} activities were saved as drafts (import no. ${batch}).`,
    columnsTitle: 'Columns',
    colHeader: 'Header',
    colContent: 'Content',
    colRequired: 'Required',
    yes: 'Yes',
    no: 'No',
    listHint: 'Separate several values with ; or ,',
    previewOf: (file: string) => `Preview of activities: ${file}`,
    noBfa: 'your account belongs to no BFA',
  },
};

/** The columns the file may have: Danish header, English header, what it holds (da, en), required. */
const COLUMNS: [string, string, string, string, boolean][] = [
  ['BFA', 'bfa', 'BFA’ens kode eller navn, fx voa', 'The BFA’s code or name, e.g. voa', true],
  ['Titel', 'title', 'Aktivitetens titel', 'The activity’s title', true],
  [
    'Type',
    'type',
    'Virksomhedsbesøg, Dialogmøde, Kursus, Vejledningsmateriale, Netværk, Kampagneaktivitet eller Andet',
    'Workplace visit, Dialogue meeting, Course, Guidance material, Network, Campaign activity or Other',
    true,
  ],
  [
    'Branchegrupper',
    'branch_groups',
    'BFA’ens branchegrupper (kode eller navn)',
    'The BFA’s branch groups',
    true,
  ],
  [
    'Underbrancher',
    'sub_branches',
    'Underbrancher af de valgte grupper',
    'Sub-branches of those groups',
    false,
  ],
  ['Måltal', 'targets', 'Numre på BFA’ens måltal', 'Numbers of the BFA’s targets', false],
  ['Start', 'start', 'Dato, fx 01-03-2024 eller 2024-03-01', 'A date, e.g. 2024-03-01', true],
  ['Slut', 'end', 'Dato, ikke før start', 'A date, not before the start', false],
  ['Planlagte arbejdspladser', 'planned_workplaces', 'Helt tal', 'Whole number', false],
  ['Planlagte deltagere', 'planned_participants', 'Helt tal', 'Whole number', false],
  ['Nåede arbejdspladser', 'reached_workplaces', 'Helt tal', 'Whole number', false],
  ['Nåede deltagere', 'reached_participants', 'Helt tal', 'Whole number', false],
  ['Omkostning (kr.)', 'cost_dkk', 'Hele kroner, fx 12.500', 'Whole kroner', false],
  ['Pulje', 'funding_pool', 'Puljens nummer eller navn', 'The funding pool’s id or name', false],
  ['Kampagne', 'campaign', 'Kampagnens nummer eller titel', 'The campaign’s id or title', false],
  [
    'Status',
    'status',
    'Planlagt, I gang, Gennemført eller Aflyst',
    'Planned, Running, Done or Cancelled',
    true,
  ],
  ['Noter', 'notes', 'Fri tekst', 'Free text', false],
];

/** The BFA a user's import is limited to (a BFA editor's own); undefined: any BFA (the secretariat). */
function onlyBfaOf(c: Context): number | undefined {
  const principal = principalOf(c);
  if (canOn(principal, 'work.write', null)) return undefined;
  if ((principal.kind === 'user' || principal.kind === 'token') && principal.bfaId !== null)
    return principal.bfaId;
  throw new AppError('forbidden', 'Your account belongs to no BFA', [
    issue('bfa', bilingual(TEXTS.en.noBfa, TEXTS.da.noBfa)),
  ]);
}

function ColumnGuide({ locale }: { locale: Locale }) {
  const t = TEXTS[locale];
  return (
    <>
      <h2>{t.columnsTitle}</h2>
      <p>{t.listHint}</p>
      <section class="table-wrapper" tabindex={0} aria-label={t.columnsTitle}>
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t.colHeader}</th>
              <th scope="col">{t.colContent}</th>
              <th scope="col">{t.colRequired}</th>
            </tr>
          </thead>
          <tbody>
            {COLUMNS.map(([da, en, contentDa, contentEn, required]) => (
              <tr>
                <th scope="row">
                  {/* The file's column headers are Danish: marked so on English pages. */}
                  <Entered locale={locale}>{da}</Entered>
                  {locale === 'en' ? (
                    <>
                      {' '}
                      (<span lang="en">{en}</span>)
                    </>
                  ) : null}
                </th>
                <td>{locale === 'da' ? contentDa : contentEn}</td>
                <td>{required ? t.yes : t.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function UploadForm({ locale }: { locale: Locale }) {
  const m = MESSAGES[locale];
  return (
    <form
      method="post"
      action={withCsrf(localePath(locale, '/redaktion/aktiviteter/import'))}
      enctype="multipart/form-data"
    >
      <div class="form-group">
        <label class="form-label" for="file">
          {m.uploadFile}
        </label>
        <input class="form-input" id="file" name="file" type="file" required />
      </div>
      <div class="form-group">
        <label class="form-label" for="sheet">
          {m.uploadSheet}
        </label>
        <input class="form-input" id="sheet" name="sheet" type="text" />
      </div>
      <button class="button button-primary" type="submit">
        {m.uploadButton}
      </button>
    </form>
  );
}

/** The BFA a BFA editor imports for, as the page names it (undefined: any BFA). */
async function ownBfaCode(store: Store, c: Context): Promise<string | undefined> {
  const only = onlyBfaOf(c);
  return only === undefined ? undefined : ((await bfaCodeById(store.db, only)) ?? '').toUpperCase();
}

export function activityImportRoutes(
  store: Store,
  options: { uploadDir: string; imports?: ImportRunner },
): Hono {
  const app = new Hono();
  const imports = options.imports ?? inThreadImports(store);

  for (const locale of ['da', 'en'] as const) {
    const t = TEXTS[locale];
    const m = MESSAGES[locale];
    const base = localePath(locale, '/redaktion/aktiviteter/import');

    app.get(base, requires('work.write'), async (c) => {
      const done = Number(c.req.query('done'));
      const rows = Number(c.req.query('rows'));
      const own = await ownBfaCode(store, c);
      return c.html(
        <Layout locale={locale} path={c.req.path} title={t.title} demo={false}>
          <h1>{t.title}</h1>
          {Number.isInteger(done) && done > 0 ? (
            <div class="alert alert-success" role="status">
              <p class="alert-text">{t.done(Number.isInteger(rows) ? rows : 0, done)}</p>
            </div>
          ) : null}
          <p>{t.intro}</p>
          {own === undefined ? null : <p>{t.own(own)}</p>}
          <UploadForm locale={locale} />
          <ColumnGuide locale={locale} />
        </Layout>,
      );
    });

    app.post(base, requires('work.write'), async (c) => {
      const onlyBfa = onlyBfaOf(c);
      const { fields: form, file } = await receiveUpload(c.req.raw, options.uploadDir);
      if (file === undefined || file.size === 0) {
        if (file !== undefined) await unlink(file.filePath).catch(() => {});
        throw new AppError('invalid_input', 'Choose a non-empty file', [
          issue('file', bilingual('is required', 'skal udfyldes')),
        ]);
      }
      const { filePath, stored, displayName } = file;
      const sheet = (form.sheet ?? '').trim();
      const result = await previewUpload(imports, {
        filePath,
        options: {
          kind: 'activities',
          ...(sheet === '' ? {} : { sheet }),
          displayName,
          ...(onlyBfa === undefined ? {} : { onlyBfa }),
        },
        ...asker(c),
        previewRows: PREVIEW_ROWS,
      });
      const ok = result.problem === undefined;
      return c.html(
        <Layout locale={locale} path={c.req.path} title={m.previewTitle} demo={false}>
          <h1>{t.previewOf(displayName)}</h1>
          <PreviewReport result={result} mapped={false} locale={locale} t={m} />
          {ok ? (
            <form method="post" action={`${base}/confirm`}>
              <CsrfField />
              <input type="hidden" name="upload" value={stored} />
              <input type="hidden" name="sheet" value={sheet} />
              <button class="button button-primary" type="submit">
                {m.confirmButton}
              </button>{' '}
              <a href={base}>{m.cancel}</a>
            </form>
          ) : (
            <>
              <h2>{t.title}</h2>
              <UploadForm locale={locale} />
            </>
          )}
        </Layout>,
        ok ? 200 : 422,
      );
    });

    app.post(`${base}/confirm`, requires('work.write'), async (c) => {
      const onlyBfa = onlyBfaOf(c);
      const form = await c.req.parseBody();
      const stored = String(form.upload ?? '');
      if (!UPLOAD_NAME.test(stored)) {
        throw new AppError('invalid_input', 'Unknown upload', [
          issue('upload', bilingual('preview the file again', 'forhåndsvis filen igen')),
        ]);
      }
      const filePath = path.join(options.uploadDir, stored);
      const sheet = String(form.sheet ?? '').trim();
      try {
        const report = await imports.run({
          filePath,
          options: {
            kind: 'activities',
            ...(sheet === '' ? {} : { sheet }),
            displayName: stored.slice(stored.indexOf('__') + 2),
            ...(onlyBfa === undefined ? {} : { onlyBfa }),
          },
          ...asker(c),
        });
        return c.redirect(`${base}?done=${report.batchId}&rows=${report.rows}`, 303);
      } finally {
        await unlink(filePath).catch(() => {});
      }
    });
  }
  return app;
}
