// Stored and reflected script injection in a real browser. A corpus of XSS payloads is stored in every free text users
// write and pages show (user names and e-mail addresses, target comments, API token names, import file names, source
// labels, series labels and importers, target revision reasons, notes and revisers, through the forms, the API and the
// services), then every page that shows them is opened in Chromium as a signed-in admin, whose own name and address are
// payloads too. No dialog may open, no script may run (each payload sets `window.__xss`), no content security policy
// violation may be reported, and every payload must be on the page as the text it is. Forms that show their input
// again after a problem, and query parameters shown back, are tried with the same payloads.
// The downloads that carry free text (a target's observations as CSV and XLSX, the audit trail's CSV in both
// languages) must neutralise cells a spreadsheet would run as formulas: a CSV cell led by =, +, -, @, tab or carriage
// return gets an apostrophe; an XLSX cell is a string cell, never a formula.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorAudit } from '../../src/audit/audit.service.js';
import { addUser, type User } from '../../src/auth/accounts.service.js';
import { inTransaction } from '../../src/db/connect.js';
import { runImport } from '../../src/imports/imports.service.js';
import { reviseTarget } from '../../src/targets/targets.service.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { bearerFor, sessionOf, TEST_PASSWORD } from '../accounts.js';
import { freshStore, type TestStore } from '../databases.js';
import { seedStore } from '../seed.js';
import { launchChromium } from './chromium.js';

/** What a payload runs when it gets to run: a flag the page is asked for, and a dialog. */
const RUN = 'window.__xss=1;alert(1)';

const PAYLOADS = [
  `<script>${RUN}</script>`,
  `"><img src=x onerror="${RUN}">`,
  `'><img src=x onerror='${RUN}'>`,
  `javascript:${RUN}`,
  `<svg onload="${RUN}">`,
  `'';!--"<XSS>=&{()}`,
  `</textarea><script>${RUN}</script>`,
  `</title><script>${RUN}</script>`,
  `{{constructor.constructor('${RUN}')()}}`,
  `\${alert(1)}#{alert(1)}<%= 7*7 %>`,
  `" autofocus onfocus="${RUN}" x="`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<a href="javascript:${RUN}">klik</a>`,
  `<style>body{display:none}</style>`,
  `<base href="https://evil.example/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}">`,
  `<!-- ]]><script>${RUN}</script>`,
  `＜script＞${RUN}＜/script＞`,
];

/** For input shown back (query parameters, refused forms): one payload per context it could break out of (element
 *  content, double- and single-quoted attribute, SVG, textarea, title, an injected attribute). Every payload is shown
 *  back through the same escaping, so the whole corpus is tried on the stored texts above and these on the many
 *  reflecting pages, keeping the suite's time in bounds. */
const REFLECTED = [0, 1, 2, 4, 6, 7, 10].map((index) => PAYLOADS[index] as string);

/** E-mail addresses (the schema's pattern: no whitespace, one @, lower case as stored). */
const EMAILS = [
  `<script>${RUN}</script>@xss.dk`,
  `"><img/src=x/onerror=${RUN}>@xss.dk`,
  `'><svg/onload=${RUN}>@xss.dk`,
  `javascript:${RUN}//@xss.dk`,
];

/** Text a spreadsheet runs as a formula when a cell starts with it. */
const FORMULAS = [
  '=HYPERLINK("http://evil.example","klik")',
  '+SUM(1,2)',
  '-2+3',
  '@SUM(1)',
  '\t=1+1',
  '\r=1+1',
  '=1+2@xss.dk',
];
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/** A payload as the audit trail's JSON shows it. */
const asJson = (text: string) => JSON.stringify(text).slice(1, -1);

interface Problems {
  dialogs: string[];
  csp: string[];
  errors: string[];
}

describe('script injection in Chromium', () => {
  let store: TestStore;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let base = '';
  let admin: User;
  let session = { cookie: '', csrf: '' };
  let targetId = 0;
  const users: { email: string; name: string }[] = [];
  const problems: Problems = { dialogs: [], csp: [], errors: [] };
  /** Where the import files are written. */
  let dir = '';

  const url = (p: string) => `${base}${p}`;

  /** A form post as the signed-in admin (with its CSRF token), as a browser's form would send it. */
  const postForm = (p: string, fields: Record<string, string>, as = session) =>
    fetch(url(p), {
      method: 'POST',
      headers: { cookie: as.cookie },
      body: new URLSearchParams({ _csrf: as.csrf, ...fields }),
      redirect: 'manual',
    });

  beforeAll(async () => {
    store = await freshStore('sqlite');
    await seedStore(store.db, { demo: true, accidentScale: 0.001 });
    const target = await store.db
      .selectFrom('target')
      .innerJoin('targetRevision', 'targetRevision.targetId', 'target.id')
      .innerJoin('indicator', 'indicator.id', 'targetRevision.indicatorId')
      .innerJoin('branchGroup', 'branchGroup.id', 'target.branchGroupId')
      .select(['target.id', 'target.branchGroupId', 'indicator.code', 'indicator.id as indicatorId'])
      .select('branchGroup.code as branch')
      .where('target.subBranchId', 'is', null)
      .orderBy('target.id')
      .executeTakeFirstOrThrow();
    targetId = target.id;
    const other = await store.db
      .selectFrom('branchGroup')
      .select('code')
      .where('id', '!=', target.branchGroupId)
      .orderBy('id')
      .executeTakeFirstOrThrow();

    // The admin who looks at every page: their name and address are shown in every page's header and audit row.
    admin = await addUser(
      store.db,
      operatorAudit('test'),
      { email: EMAILS[0] as string, name: PAYLOADS[0] as string, role: 'admin', password: TEST_PASSWORD },
      new Date(),
    );
    users.push({ email: admin.email, name: admin.name });
    session = await sessionOf(store, admin);
    server = await startServer(store, { port: 0, hostname: '127.0.0.1' });
    base = `http://127.0.0.1:${server.port}`;

    // User names and addresses, through the user administration form.
    for (const [i, name] of PAYLOADS.entries()) {
      const email = EMAILS[i + 1] ?? `xss-${i}@example.dk`;
      const response = await postForm('/redaktion/brugere', { email, name, role: 'steward', bfa: '' });
      expect(response.status, `user ${i}`).toBe(200);
      users.push({ email, name });
    }
    const formulaUser = await addUser(
      store.db,
      operatorAudit('test'),
      { email: '=1+2@xss.dk', name: 'Formula Person', role: 'admin', password: TEST_PASSWORD },
      new Date(),
    );
    users.push({ email: formulaUser.email, name: formulaUser.name });

    // Comments: through the editor page's form (by the admin and by the user whose address is a formula) and the API.
    const formulaSession = await sessionOf(store, formulaUser);
    const bearer = await bearerFor(store, 'admin');
    for (const [i, body] of PAYLOADS.entries()) {
      const response =
        i % 3 === 2
          ? await fetch(url(`/api/v1/targets/${targetId}/comments`), {
              method: 'POST',
              headers: { ...bearer, 'content-type': 'application/json' },
              body: JSON.stringify({ body }),
            })
          : await postForm(
              `/redaktion/maaltal/${targetId}/kommentarer`,
              { body },
              i % 3 === 1 ? formulaSession : session,
            );
      expect([201, 303], `comment ${i}`).toContain(response.status);
    }

    // API token names, through the account page's form; one such token then writes a comment (its label is audited).
    for (const [i, name] of PAYLOADS.entries()) {
      const response = await postForm('/redaktion/konto/tokens', { name, role: 'viewer', days: '7' });
      expect(response.status, `token ${i}`).toBe(200);
    }
    const named = await postForm('/redaktion/konto/tokens', {
      name: PAYLOADS[1] as string,
      role: 'admin',
      days: '7',
    });
    const token = /mlt_[A-Za-z0-9_-]{20,}/.exec(await named.text())?.[0] ?? '';
    const byToken = await fetch(url(`/api/v1/targets/${targetId}/comments`), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Skrevet af et token med et farligt navn' }),
    });
    expect(byToken.status).toBe(201);

    // Imports: each payload as the file name, the source label, the importer and a series label (years before the
    // demo data's, so every one is a new observation of the target).
    dir = path.join(tmpdir(), `maaltal-xss-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    for (const [i, payload] of PAYLOADS.entries()) {
      const file = path.join(dir, `observations-${i}.csv`);
      const cell = (text: string) => `"${text.replaceAll('"', '""')}"`;
      writeFileSync(
        file,
        `indicator,branch,year,value,respondents,source,series\n` +
          `${target.code},${target.branch},${1991 + i},${10 + i},1000,${cell(payload)},${cell(payload)}\n`,
      );
      await runImport(
        store,
        file,
        { kind: 'observations', source: payload, displayName: payload },
        { user: payload, now: () => new Date() },
      );
    }
    // Importers whose names a spreadsheet would run (the audit trail's actor label).
    for (const [i, formula] of FORMULAS.entries()) {
      const file = path.join(dir, `formula-${i}.csv`);
      writeFileSync(
        file,
        `indicator,branch,year,value,respondents\n${target.code},${other.code},${1991 + i},5,1000\n`,
      );
      await runImport(
        store,
        file,
        { kind: 'observations', source: 'formel' },
        { user: formula, now: () => new Date() },
      );
    }

    // Revisions: reasons and notes from the corpus, revised by operators whose names are formulas.
    for (const [i, payload] of PAYLOADS.slice(0, 4).entries()) {
      await inTransaction(store.db, (tx) =>
        reviseTarget(
          tx,
          targetId,
          { reason: payload, notes: PAYLOADS.at(-1 - i) as string },
          {
            user: FORMULAS[i] as string,
            now: () => new Date(),
          },
        ),
      );
    }

    // Observations whose source and series start like formulas: the import refuses such cells, so they are written
    // here as another writer (an older version, a database tool) could have left them, beside the imported ones.
    const imported = await store.db
      .selectFrom('observation')
      .select('scopeKey')
      .where('indicatorId', '=', target.indicatorId)
      .where('year', '=', 1991)
      .executeTakeFirstOrThrow();
    await store.db
      .insertInto('observation')
      .values(
        FORMULAS.map((formula, i) => ({
          indicatorId: target.indicatorId,
          scopeKey: imported.scopeKey,
          branchGroupId: target.branchGroupId,
          subBranchId: null,
          year: 1980 + i,
          periodLabel: String(1980 + i),
          value: 7,
          count: null,
          denominator: 1000,
          respondents: 1000,
          lowercl: null,
          uppercl: null,
          confidence: null,
          source: formula,
          seriesLabel: formula,
          seriesBreak: 0,
          isDemo: 0,
        })),
      )
      .execute();

    browser = await launchChromium();
    context = await browser.newContext();
    await context.addCookies([
      { name: 'maaltal_session', value: session.cookie.split('=')[1] ?? '', url: base },
    ]);
    // Also the violations the browser reports only as events (the test project has no DOM types: a script text).
    await context.addInitScript(
      "document.addEventListener('securitypolicyviolation', (event) => " +
        "console.error('Content Security Policy violation: ' + event.violatedDirective));",
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.destroy();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  /** A new page of the admin's context that records dialogs, CSP violations and script errors. */
  async function watchedPage(): Promise<Page> {
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      problems.dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        problems.csp.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.errors.push(`${page.url()}: ${error.message}`));
    return page;
  }

  /** Nothing ran: no dialog, no flag, no CSP violation, no script error (so far, on any page). */
  async function expectNothingRan(page: Page) {
    await page.waitForLoadState('load');
    // Give image errors, focus and load handlers their turn.
    await page.waitForTimeout(25);
    const flag = await page.evaluate('window.__xss');
    const seen = { flag, ...problems };
    problems.dialogs = [];
    problems.csp = [];
    problems.errors = [];
    expect(seen, page.url()).toEqual({ flag: undefined, dialogs: [], csp: [], errors: [] });
  }

  /** The texts that are not on the page as text. */
  async function missingTexts(page: Page, texts: readonly string[]): Promise<string[]> {
    const shown = String(await page.evaluate('document.body.innerText'));
    return texts.filter((text) => !shown.includes(text));
  }

  async function visit(p: string, texts: readonly string[], status = 200) {
    const page = await watchedPage();
    const response = await page.goto(url(p));
    expect(response?.status(), p).toBe(status);
    await expectNothingRan(page);
    expect(await missingTexts(page, texts), p).toEqual([]);
    await page.close();
  }

  const names = () => users.map((user) => user.name);
  const emails = () => users.map((user) => user.email);

  it('shows user names and addresses as text in the user administration', async () => {
    await visit('/redaktion/brugere', [...emails(), ...names()]);
    await visit('/en/redaktion/brugere', [...emails(), ...names()]);
  });

  it('shows comments and their authors as text on the editor’s target page', async () => {
    const texts = [...PAYLOADS.map((payload) => payload.trim()), admin.name, 'Formula Person'];
    await visit(`/redaktion/maaltal/${targetId}`, texts);
    await visit(`/en/redaktion/maaltal/${targetId}`, texts);
  });

  it('shows API token names as text on the account page', async () => {
    await visit('/redaktion/konto', [...PAYLOADS, admin.email]);
    await visit('/en/redaktion/konto', [...PAYLOADS, admin.email]);
  });

  it('shows import file names and importers as text on the import page', async () => {
    await visit('/redaktion/import', [...PAYLOADS, ...FORMULAS.filter((f) => !/^\s/.test(f))]);
    await visit('/en/redaktion/import', PAYLOADS);
  });

  it('shows series labels as text on the public target page, whose revision texts run nowhere', async () => {
    await visit(`/maaltal/${targetId}`, PAYLOADS);
    await visit(`/en/maaltal/${targetId}`, PAYLOADS);
    await visit('/maaltal', []);
    await visit('/redaktion/maaltal', []);
  });

  it('shows actors and before/after values as text in the audit trail', async () => {
    const texts = [
      ...emails().map(asJson),
      ...PAYLOADS.map(asJson),
      ...FORMULAS.filter((f) => !/^\s/.test(f)),
      `(token`,
    ];
    await visit('/redaktion/log?limit=10000', texts);
    await visit('/en/redaktion/log?limit=10000', texts);
  });

  it('shows query parameters back as text (audit filter, explorer, login, not-found pages)', async () => {
    for (const payload of REFLECTED) {
      const q = encodeURIComponent(payload);
      const page = await watchedPage();
      await page.goto(url(`/redaktion/log?user=${q}&entity=${q}&action=${q}&from=${q}&to=${q}`));
      await expectNothingRan(page);
      for (const field of ['user', 'entity', 'action', 'from', 'to'])
        expect(await page.inputValue(`#${field}`), `${field}: ${payload}`).toBe(payload.trim());
      await page.goto(url(`/redaktion/log?user=${q}`));
      await expectNothingRan(page);
      expect(await page.inputValue('#user')).toBe(payload.trim());
      for (const p of [
        `/ulykker?branch=${q}&groupBy=${q}&sex=${q}`,
        `/en/ulykker?mainGroup=${q}&from=${q}`,
        `/redaktion/login?next=${q}`,
        `/${q}`,
        `/en/${q}`,
        `/maal/${q}`,
        `/branche/${q}`,
        `/maaltal/${q}`,
        `/redaktion/maaltal/${q}`,
      ]) {
        await page.goto(url(p));
        await expectNothingRan(page);
      }
      await page.close();
    }
  }, 120_000);

  /** Sets the fields of the form with `action` (validation off, as a crafted post would skip it) and sends it. */
  async function sendForm(page: Page, action: string, fields: Record<string, string>) {
    const form = page.locator(`form[action="${action}"]`);
    await form.evaluate((element, values) => {
      const f = element as {
        noValidate: boolean;
        elements: { namedItem(name: string): { value: string } | null };
      };
      f.noValidate = true;
      for (const [name, value] of Object.entries(values)) {
        const field = f.elements.namedItem(name);
        if (field !== null) field.value = value;
      }
    }, fields);
    await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').click()]);
  }

  it('shows a refused form’s input back as text (user, token, comment, login)', async () => {
    for (const payload of REFLECTED) {
      const page = await watchedPage();
      await page.goto(url('/redaktion/brugere'));
      await sendForm(page, '/redaktion/brugere', { email: payload, name: payload });
      await expectNothingRan(page);
      expect(await page.inputValue('#email')).toBe(payload);
      expect(await page.inputValue('#name')).toBe(payload);

      await page.goto(url('/redaktion/konto'));
      // The number of days is missing, so the name comes back.
      await sendForm(page, '/redaktion/konto/tokens', { name: payload, days: '' });
      await expectNothingRan(page);
      expect(await page.inputValue('#name')).toBe(payload);

      await page.goto(url(`/redaktion/maaltal/${targetId}`));
      const tooLong = `${payload}${'x'.repeat(5001)}`;
      await sendForm(page, `/redaktion/maaltal/${targetId}/kommentarer`, { body: tooLong });
      await expectNothingRan(page);
      expect(await page.inputValue('#body')).toBe(tooLong);

      await page.goto(url('/redaktion/login'));
      await sendForm(page, '/redaktion/login', { email: payload, password: 'not the password at all' });
      await expectNothingRan(page);
      expect(await page.inputValue('#email')).toBe(payload);
      await page.close();
    }
  }, 120_000);

  describe('downloads', () => {
    const fetchAsAdmin = (p: string) => fetch(url(p), { headers: { cookie: session.cookie } });

    /** Cells a spreadsheet would run as a formula: led by =, +, -, @, tab or CR, and not a plain number. */
    const formulaCells = (rows: string[][]) =>
      rows.flat().filter((cell) => FORMULA_LEAD.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));

    it('leads formula-like cells of a target’s observations CSV with an apostrophe', async () => {
      const response = await fetchAsAdmin(`/api/v1/targets/${targetId}/observations.csv`);
      expect(response.status).toBe(200);
      const rows = parse(await response.text(), { relax_column_count: false }) as string[][];
      const header = rows[0] ?? [];
      expect(header).toEqual(expect.arrayContaining(['source', 'series']));
      expect(formulaCells(rows)).toEqual([]);
      const cellsOf = (column: string) => rows.slice(1).map((row) => row[header.indexOf(column)]);
      for (const column of ['source', 'series']) {
        const cells = cellsOf(column);
        for (const formula of FORMULAS) expect(cells, `${column}: ${formula}`).toContain(`'${formula}`);
        for (const payload of PAYLOADS) expect(cells, `${column}: ${payload}`).toContain(payload);
      }
    });

    it('writes a target’s observations XLSX with text cells only, never formulas', async () => {
      const response = await fetchAsAdmin(`/api/v1/targets/${targetId}/observations.xlsx`);
      expect(response.status).toBe(200);
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.getWorksheet('Data');
      expect(sheet).toBeDefined();
      const header = ((sheet?.getRow(1).values ?? []) as unknown[]).map(String);
      const formulas: string[] = [];
      const texts: Record<string, unknown[]> = { source: [], series: [] };
      for (const each of workbook.worksheets)
        each.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined)
              formulas.push(`${each.name}!${cell.address}`);
          }),
        );
      sheet?.eachRow((row, number) => {
        if (number === 1) return;
        for (const column of ['source', 'series']) {
          const cell = row.getCell(header.indexOf(column));
          if (cell.value === null || cell.value === '') continue;
          expect(cell.type, `${cell.address}`).toBe(ExcelJS.ValueType.String);
          texts[column]?.push(cell.value);
        }
      });
      expect(formulas).toEqual([]);
      // XML turns a carriage return into a line feed; the text is otherwise the stored one, or apostrophe-led.
      const lines = (text: unknown) => String(text).replace(/\r\n?/g, '\n');
      for (const column of ['source', 'series']) {
        const shown = (texts[column] ?? []).map(lines);
        for (const formula of FORMULAS) {
          const found = [formula, `'${formula}`].some((text) => shown.includes(lines(text)));
          expect(found, `${column}: ${formula}`).toBe(true);
        }
        for (const payload of PAYLOADS) expect(shown, `${column}: ${payload}`).toContain(payload);
      }
    });

    for (const [p, delimiter] of [
      ['/redaktion/log.csv', ';'],
      ['/en/redaktion/log.csv', ','],
    ] as const) {
      it(`leads formula-like cells of the audit trail’s CSV with an apostrophe (${p})`, async () => {
        const response = await fetchAsAdmin(p);
        expect(response.status).toBe(200);
        const rows = parse(await response.text(), { delimiter, bom: true }) as string[][];
        expect(rows.length).toBeGreaterThan(50);
        expect(formulaCells(rows)).toEqual([]);
        const cells = rows.flat();
        for (const formula of FORMULAS) expect(cells, formula).toContain(`'${formula}`);
        const json = cells.join('\n');
        for (const email of emails()) expect(json, email).toContain(asJson(email));
        for (const payload of PAYLOADS) expect(json, payload).toContain(asJson(payload));
      });
    }
  });
});
