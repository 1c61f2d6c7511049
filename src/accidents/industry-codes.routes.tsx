// The editor area's list of industry codes that no branch group covers yet (/redaktion/branchekoder): what each code
// is, how many accident records carry it and where they are counted meanwhile, and a form per code to map it to a
// branch group, which moves its records into that group's figures. Works without JavaScript.
import { Hono } from 'hono';
import type { Store } from '../db/connect.js';
import { AppError } from '../errors.js';
import { formatNumber, type Locale } from '../format.js';
import { type ImportRunner, inThreadImports } from '../imports/import-runner.js';
import { asker } from '../imports/imports.routes.js';
import { requires } from '../web/authorize.js';
import { CsrfField } from '../web/forms.js';
import { localePath } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import {
  type BranchChoice,
  branchChoices,
  listUnmappedCodes,
  type MainGroupChoice,
  type UnmappedCode,
} from './industry-codes.service.js';

const TEXTS = {
  da: {
    title: 'Branchekoder uden branchegruppe',
    intro:
      'Ulykker med en gyldig DB07-kode, som ingen branchegruppe dækker endnu, er gemt. De tælles med i landstallet og i deres hovedgruppe, hvor kodens hovedafdeling viser den, men i ingen branchegruppe. Placér koden i en branchegruppe, så flyttes dens ulykker derind, og senere importer placeres der også.',
    none: 'Alle ulykker har en branchegruppe.',
    code: 'Kode',
    title_: 'Betegnelse (DB07)',
    mainGroup: 'Tælles i hovedgruppe',
    unknownMainGroup: 'ukendt (kun landstal)',
    records: 'Ulykker',
    years: 'År',
    written: 'Skrevet som',
    batches: 'Import nr.',
    branch: 'Branchegruppe',
    choose: 'Vælg branchegruppe',
    place: 'Placér',
    mapped: (code: string, branch: string, moved: number) =>
      `${code} hører nu til ${branch}; ${formatNumber(moved, 'da')} ulykker er flyttet derind.`,
    problem: 'Koden blev ikke placeret',
    imports: 'Til dataimport',
  },
  en: {
    title: 'Industry codes without a branch group',
    intro:
      'Accidents with a valid DB07 code that no branch group covers yet are kept. They are counted in the national figure and in their main group where the code’s division tells it, but in no branch group. Place the code in a branch group and its accidents move there, as will later imports.',
    none: 'Every accident has a branch group.',
    code: 'Code',
    title_: 'Title (DB07, Danish)',
    mainGroup: 'Counted in main group',
    unknownMainGroup: 'unknown (national only)',
    records: 'Accidents',
    years: 'Years',
    written: 'Written as',
    batches: 'Batch',
    branch: 'Branch group',
    choose: 'Choose a branch group',
    place: 'Place',
    mapped: (code: string, branch: string, moved: number) =>
      `${code} now belongs to ${branch}; ${formatNumber(moved, 'en')} accidents moved into it.`,
    problem: 'The code was not placed',
    imports: 'To data import',
  },
};

type Texts = (typeof TEXTS)[Locale];
type Choices = Awaited<ReturnType<typeof branchChoices>>;
type Notice = { ok: boolean; text: string };

/** The entry's own main group first, as its records are counted there now. */
function MapForm({
  entry,
  action,
  t,
  branches,
  mainGroups,
  locale,
}: {
  entry: UnmappedCode;
  action: string;
  t: Texts;
  branches: BranchChoice[];
  mainGroups: MainGroupChoice[];
  locale: Locale;
}) {
  const groups = [...mainGroups].sort(
    (a, b) => Number(b.code === entry.mainGroup) - Number(a.code === entry.mainGroup),
  );
  const id = `branch-${entry.classification}-${entry.code}`.replace(/\./g, '-');
  return (
    <form method="post" action={action} class="maaltal-inline-form">
      <CsrfField />
      <input type="hidden" name="code" value={entry.code} />
      <input type="hidden" name="classification" value={entry.classification} />
      <label class="sr-only" for={id}>
        {t.branch} ({entry.code})
      </label>
      <select class="form-select" id={id} name="branch" required>
        <option value="">{t.choose}</option>
        {groups.map((group) => (
          <optgroup label={locale === 'da' ? group.nameDa : group.nameEn}>
            {branches
              .filter((branch) => branch.mainGroup === group.code)
              .map((branch) => (
                <option value={branch.code}>{locale === 'da' ? branch.nameDa : branch.nameEn}</option>
              ))}
          </optgroup>
        ))}
      </select>
      <button class="button button-secondary" type="submit">
        {t.place}
      </button>
    </form>
  );
}

function CodesTable({
  codes,
  t,
  locale,
  action,
  branches,
  mainGroups,
}: {
  codes: UnmappedCode[];
  t: Texts;
  locale: Locale;
  action: string;
  branches: BranchChoice[];
  mainGroups: MainGroupChoice[];
}) {
  const mainGroupName = (code: string | null) => {
    const found = mainGroups.find((group) => group.code === code);
    return found === undefined ? t.unknownMainGroup : locale === 'da' ? found.nameDa : found.nameEn;
  };
  return (
    <div class="table-wrapper">
      <table class="table table--compact table--responsive-headers">
        <thead>
          <tr>
            <th scope="col">{t.code}</th>
            <th scope="col">{t.title_}</th>
            <th scope="col">{t.mainGroup}</th>
            <th scope="col" class="num">
              {t.records}
            </th>
            <th scope="col">{t.years}</th>
            <th scope="col">{t.written}</th>
            <th scope="col">{t.batches}</th>
            <th scope="col">{t.branch}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((entry) => (
            <tr>
              <th scope="row" data-title={t.code}>
                {entry.classification} {entry.code}
              </th>
              <td data-title={t.title_}>{entry.titleDa ?? ''}</td>
              <td data-title={t.mainGroup}>{mainGroupName(entry.mainGroup)}</td>
              <td data-title={t.records} class="num">
                {formatNumber(entry.records, locale)}
              </td>
              <td data-title={t.years}>
                {entry.firstYear === entry.lastYear
                  ? entry.firstYear
                  : `${entry.firstYear}–${entry.lastYear}`}
              </td>
              <td data-title={t.written}>{entry.spellings.join(', ')}</td>
              <td data-title={t.batches}>{entry.batchIds.join(', ')}</td>
              <td data-title={t.branch}>
                <MapForm
                  entry={entry}
                  action={action}
                  t={t}
                  branches={branches}
                  mainGroups={mainGroups}
                  locale={locale}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function industryCodeRoutes(
  store: Store,
  options: { onDataChanged?: () => void; imports?: ImportRunner },
): Hono {
  const app = new Hono();
  const jobs = options.imports ?? inThreadImports(store);
  for (const locale of ['da', 'en'] as const) {
    const t = TEXTS[locale];
    const base = localePath(locale, '/redaktion/branchekoder');

    /** The page, with a notice that may name a branch group (from the choices it reads anyway). */
    const page = async (path: string, noticeOf: (choices: Choices) => Notice | null) => {
      const [codes, choices] = await Promise.all([listUnmappedCodes(store.db), branchChoices(store.db)]);
      const notice = noticeOf(choices);
      return (
        <Layout locale={locale} path={path} title={t.title} demo={false}>
          <h1>{t.title}</h1>
          {notice === null ? null : (
            <div
              class={`alert ${notice.ok ? 'alert-success' : 'alert-error'}`}
              role={notice.ok ? 'status' : 'alert'}
            >
              {notice.ok ? null : <h2 class="alert-heading">{t.problem}</h2>}
              <p class="alert-text">{notice.text}</p>
            </div>
          )}
          <p>{t.intro}</p>
          <p>
            <a href={localePath(locale, '/redaktion/import')}>{t.imports}</a>
          </p>
          {codes.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <CodesTable
              codes={codes}
              t={t}
              locale={locale}
              action={`${base}/placer`}
              branches={choices.branches}
              mainGroups={choices.mainGroups}
            />
          )}
        </Layout>
      );
    };

    app.get(base, requires('data.import'), async (c) => {
      const code = c.req.query('placeret');
      const body = await page(c.req.path, (choices) => {
        const branch = choicesName(choices, c.req.query('gruppe'), locale);
        return code === undefined || branch === undefined
          ? null
          : { ok: true, text: t.mapped(code, branch, Number(c.req.query('flyttet') ?? 0)) };
      });
      return c.html(body);
    });

    app.post(`${base}/placer`, requires('data.import'), async (c) => {
      const form = await c.req.parseBody();
      try {
        // Moving the records and refreshing their batches' aggregates runs as a job (off the serving thread).
        const mapped = await jobs.mapCode({
          code: String(form.code ?? ''),
          classification: String(form.classification ?? 'DB07'),
          branch: String(form.branch ?? ''),
          ...asker(c),
        });
        if (mapped.moved > 0) options.onDataChanged?.();
        const query = new URLSearchParams({
          placeret: mapped.code,
          gruppe: mapped.branch,
          flyttet: String(mapped.moved),
        });
        return c.redirect(`${base}?${query}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || (error.code !== 'invalid_input' && error.code !== 'conflict'))
          throw error;
        const body = await page(c.req.path, () => ({ ok: false, text: error.oneLineFor(locale) }));
        return c.html(body, error.code === 'conflict' ? 409 : 400);
      }
    });
  }
  return app;
}

function choicesName(choices: { branches: BranchChoice[] }, code: string | undefined, locale: Locale) {
  const found = choices.branches.find((branch) => branch.code === code);
  return found === undefined ? undefined : locale === 'da' ? found.nameDa : found.nameEn;
}
