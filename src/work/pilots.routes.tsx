// Pilots on the web: the public list and page (/piloter, /en/piloter) with the evaluation by difference in differences
// in words and numbers, a chart with a table beside it, and the caveats; the API (/api/v1/pilots with CSV and XLSX in
// the reader's language); and the editor area (/redaktion/piloter: create, edit with optimistic locking, publish).
import { type Context, Hono } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { can, type Principal } from '../auth/policy.js';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { formatDate, formatDecimal, formatNumber, type Locale } from '../format.js';
import { principalOf, requires } from '../web/authorize.js';
import { atTwoWidths } from '../web/charts.js';
import { localCsv, toCsv } from '../web/csv.js';
import { type DownloadColumn, downloadLocale, localTable, yesNo } from '../web/download-table.js';
import { Downloads } from '../web/downloads.js';
import { Entered, EnteredIn } from '../web/entered-text.js';
import { CsrfField, ErrorSummary } from '../web/forms.js';
import { localePath, pick } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import {
  PILOT_LINE_STYLE,
  type PilotChartLine,
  type PilotLineKey,
  pilotChartSvg,
} from '../web/pilot-chart.js';
import { auditContextOf } from '../web/sessions.js';
import { toLocalXlsx, toXlsx } from '../web/xlsx.js';
import { type BfaRef, bfaRefs } from './campaigns.repository.js';
import {
  bfaOptions,
  type FormState,
  formOf,
  freshForm,
  Input,
  idOf,
  jsonOf,
  Notice,
  Paragraphs,
  PublicationStatus,
  PublishForm,
  periodText,
  privateIfSignedIn,
  refusal,
  Select,
  TextArea,
  VersionHistory,
} from './campaigns.routes.js';
import { formVersion } from './campaigns.schemas.js';
import {
  CELL_NAMES,
  type CellName,
  PILOT_DESIGNS,
  parsePilotFilter,
  parsePilotInput,
  parsePilotUpdate,
  pilotFromForm,
  pilotUpdateFromForm,
} from './pilots.schemas.js';
import {
  assertPilotWritable,
  createPilot,
  type Evaluated,
  getPilot,
  listPilots,
  mayWritePilot,
  type Pilot,
  pilotHistory,
  setPilotPublished,
  updatePilot,
} from './pilots.service.js';
import {
  CELL_NAMES_TEXT,
  cellValueText,
  DESIGN_NAMES,
  effectText,
  PILOT_TEXTS,
  rangeText,
} from './pilots.texts.js';

type Texts = (typeof PILOT_TEXTS)['da'];

const beforeName = (pilot: Pilot, t: Texts) => pilot.beforeLabel || t.before;
const afterName = (pilot: Pilot, t: Texts) => pilot.afterLabel || t.after;

/** A measurement's name in the table: the one the BFA entered (Danish, marked so), else the page's own word. */
function MeasureName({ label, fallback, locale }: { label: string; fallback: string; locale: Locale }) {
  return label === '' ? fallback : <Entered locale={locale}>{label}</Entered>;
}

const statusText = (pilot: Pilot, t: Texts, locale: Locale) =>
  pilot.published
    ? pilot.publishedAt === null
      ? t.published
      : t.publishedOn(formatDate(pilot.publishedAt, locale))
    : t.draft;

// ---------------------------------------------------------------------------------------------------------------
// The evaluation in words, the chart and the table

/** "−8,0 procentpoint (ikke signifikant)", or "Ingen evaluering endnu". */
export function effectSummary(pilot: Pilot, locale: Locale): string {
  const t = PILOT_TEXTS[locale];
  const evaluation = pilot.evaluation;
  if (!evaluation.available) return t.noEvaluationShort;
  const significance = evaluation.significant ? t.significantShort : t.notSignificantShort;
  return `${effectText(evaluation.value, pilot.design, locale)} (${significance})`;
}

/** The change of one group from before to after: percentage points, or the factor of its rate. */
function changeText(before: number, after: number, pilot: Pilot, locale: Locale): string {
  if (pilot.design === 'rates') return PILOT_TEXTS[locale].times(formatNumber(after / before, locale, 2));
  return effectText(after - before, 'proportions', locale);
}

function EvaluationWords({
  pilot,
  evaluation,
  locale,
}: {
  pilot: Pilot;
  evaluation: Evaluated;
  locale: Locale;
}) {
  const t = PILOT_TEXTS[locale];
  const { i0, i1, c0, c1 } = evaluation.cells;
  const name = pilot.design === 'rates' ? t.evaluationRates : t.evaluationProportions;
  const changes = pilot.design === 'rates' ? t.changesRates : t.changesProportions;
  return (
    <div class="maaltal-pilot-evaluation">
      <p class="font-lead">
        <strong>
          {name}: {effectText(evaluation.value, pilot.design, locale)}
        </strong>
      </p>
      <p>{t.interval(rangeText(evaluation.lowercl, evaluation.uppercl, pilot.design, locale))}</p>
      <p>{(evaluation.significant ? t.significant : t.notSignificant)(t.noEffect[pilot.design])}</p>
      <p>
        {changes(
          changeText(i0.value, i1.value, pilot, locale),
          changeText(c0.value, c1.value, pilot, locale),
        )}
      </p>
    </div>
  );
}

/** The chart's scale: percent for shares, per 1,000 units of person-time for rates. */
const chartScale = (pilot: Pilot) => (pilot.design === 'rates' ? 1000 : 100);

function chartLines(pilot: Pilot, evaluation: Evaluated): PilotChartLine[] {
  const { i0, i1, c0, c1 } = evaluation.cells;
  const scale = chartScale(pilot);
  const expected =
    pilot.design === 'rates' ? i0.value * (c1.value / c0.value) : i0.value + (c1.value - c0.value);
  return [
    { key: 'intervention', before: i0.value * scale, after: i1.value * scale },
    { key: 'comparison', before: c0.value * scale, after: c1.value * scale },
    { key: 'expected', before: i0.value * scale, after: expected * scale },
  ];
}

const lineName = (key: PilotLineKey, t: Texts) =>
  key === 'intervention' ? t.interventionGroup : key === 'comparison' ? t.comparisonGroup : t.expected;

function chartDescription(pilot: Pilot, lines: PilotChartLine[], locale: Locale): string {
  const t = PILOT_TEXTS[locale];
  const value = (v: number) => cellValueText(v / chartScale(pilot), pilot.design, locale);
  const parts = lines.map((line) =>
    line.key === 'expected'
      ? `${lineName(line.key, t).toLowerCase()}: ${value(line.after)}`
      : `${lineName(line.key, t).toLowerCase()}: ${value(line.before)} → ${value(line.after)}`,
  );
  return t.chartDescription(parts.join('; '));
}

/** A legend swatch: the line's colour and dash, with its marker. */
function Swatch({ keyName }: { keyName: PilotLineKey }) {
  const style = PILOT_LINE_STYLE[keyName];
  return (
    <svg
      class="maaltal-swatch"
      width="28"
      height="16"
      viewBox="0 0 28 16"
      aria-hidden="true"
      focusable="false"
    >
      <line
        x1="2"
        y1="8"
        x2="26"
        y2="8"
        stroke={style.stroke}
        stroke-width="2.5"
        stroke-dasharray={style.dash}
      />
      {keyName === 'comparison' ? (
        <rect x="10" y="4" width="8" height="8" fill={style.stroke} />
      ) : (
        <circle
          cx="14"
          cy="8"
          r="4"
          fill={keyName === 'expected' ? 'white' : style.stroke}
          stroke={style.stroke}
        />
      )}
    </svg>
  );
}

function PilotChart({ pilot, evaluation, locale }: { pilot: Pilot; evaluation: Evaluated; locale: Locale }) {
  const t = PILOT_TEXTS[locale];
  const lines = chartLines(pilot, evaluation);
  const options = {
    yLabel: pilot.design === 'rates' ? t.chartRate : `${t.chartShare} (%)`,
    title: t.chartTitle(pilot.outcome),
    describedBy: 'pilot-chart-description',
    format: (value: number) => formatDecimal(value, locale, 1),
    beforeLabel: beforeName(pilot, t),
    afterLabel: afterName(pilot, t),
  };
  return (
    <figure class="maaltal-chart">
      {raw(atTwoWidths((layout) => pilotChartSvg(lines, options, layout)))}
      <figcaption>
        <p id="pilot-chart-description">{chartDescription(pilot, lines, locale)}</p>
        <ul class="maaltal-legend">
          {lines.map((line) => (
            <li>
              <Swatch keyName={line.key} />
              <span>{lineName(line.key, t)}</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** One cell as the table shows it: "30,0 % (60 af 200)", or a dash while it is missing. */
function cellText(x: number | null, n: number | null, pilot: Pilot, locale: Locale): string {
  if (x === null || n === null) return '–';
  const t = PILOT_TEXTS[locale];
  const count = (value: number) => formatDecimal(value, locale, 2);
  const of = pilot.design === 'rates' ? t.perTime(count(x), count(n)) : t.ofTotal(count(x), count(n));
  return `${cellValueText(x / n, pilot.design, locale)} (${of})`;
}

function FigureRow(props: {
  label: string;
  cells: [CellName, CellName, CellName, CellName];
  pilot: Pilot;
  locale: Locale;
}) {
  const { pilot, locale } = props;
  const [x0, n0, x1, n1] = props.cells.map((name) => pilot.cells[name]);
  const complete = x0 != null && n0 != null && x1 != null && n1 != null;
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td class="num">{cellText(x0 ?? null, n0 ?? null, pilot, locale)}</td>
      <td class="num">{cellText(x1 ?? null, n1 ?? null, pilot, locale)}</td>
      <td class="num">{complete ? changeText(x0 / n0, x1 / n1, pilot, locale) : '–'}</td>
    </tr>
  );
}

function FiguresTable({ pilot, locale }: { pilot: Pilot; locale: Locale }) {
  const t = PILOT_TEXTS[locale];
  return (
    <section class="table-wrapper" tabindex={0} aria-label={t.figures}>
      <table class="table table--compact">
        <caption class="sr-only">
          <EnteredIn locale={locale} text={t.figuresCaption} value={pilot.title} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.colGroup}</th>
            <th scope="col" class="num">
              <MeasureName label={pilot.beforeLabel} fallback={t.before} locale={locale} />
            </th>
            <th scope="col" class="num">
              <MeasureName label={pilot.afterLabel} fallback={t.after} locale={locale} />
            </th>
            <th scope="col" class="num">
              {t.change}
            </th>
          </tr>
        </thead>
        <tbody>
          <FigureRow
            label={t.interventionGroup}
            cells={['xI0', 'nI0', 'xI1', 'nI1']}
            pilot={pilot}
            locale={locale}
          />
          <FigureRow
            label={t.comparisonGroup}
            cells={['xC0', 'nC0', 'xC1', 'nC1']}
            pilot={pilot}
            locale={locale}
          />
        </tbody>
      </table>
    </section>
  );
}

function EvaluationSection({ pilot, locale }: { pilot: Pilot; locale: Locale }) {
  const t = PILOT_TEXTS[locale];
  const evaluation = pilot.evaluation;
  return (
    <>
      <h2>{t.evaluation}</h2>
      {evaluation.available ? (
        <>
          <EvaluationWords pilot={pilot} evaluation={evaluation} locale={locale} />
          <PilotChart pilot={pilot} evaluation={evaluation} locale={locale} />
        </>
      ) : (
        <p>{evaluation.reason[locale]}</p>
      )}
      <h3>{t.figures}</h3>
      <FiguresTable pilot={pilot} locale={locale} />
      <h3>{t.caveats}</h3>
      <ul>
        {evaluation.caveats.map((caveat) => (
          <li>{caveat[locale]}</li>
        ))}
      </ul>
      <h3>{t.method}</h3>
      <p>
        {t.methodText} <a href={localePath(locale, '/metode')}>{t.methodLink}</a>
      </p>
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Public pages

function PilotTable(props: { pilots: readonly Pilot[]; locale: Locale; base: string }) {
  const t = PILOT_TEXTS[props.locale];
  const drafts = props.pilots.some((pilot) => !pilot.published);
  return (
    <section class="table-wrapper" tabindex={0} aria-label={t.caption}>
      <table class="table table--compact">
        <caption class="sr-only">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colPilot}</th>
            <th scope="col">{t.colBfa}</th>
            <th scope="col">{t.colPeriod}</th>
            <th scope="col">{t.colOutcome}</th>
            <th scope="col">{t.colEffect}</th>
            {drafts ? <th scope="col">{t.colStatus}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.pilots.map((pilot) => (
            <tr>
              <th scope="row">
                <a href={`${props.base}/${pilot.id}`}>
                  <Entered locale={props.locale}>{pilot.title}</Entered>
                </a>
              </th>
              <td>{pilot.bfa.short}</td>
              <td>{periodText(pilot.periodStart, pilot.periodEnd, props.locale)}</td>
              <td>
                <Entered locale={props.locale}>{pilot.outcome}</Entered>
              </td>
              <td>{effectSummary(pilot, props.locale)}</td>
              {drafts ? <td>{pilot.published ? t.published : t.draft}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

async function listPage(c: Context, store: Store, locale: Locale) {
  const t = PILOT_TEXTS[locale];
  const filter = parsePilotFilter(c.req.query());
  const [pilots, demo] = await Promise.all([
    listPilots(store.db, principalOf(c), filter),
    holdsDemoData(store.db),
  ]);
  privateIfSignedIn(c);
  const query = filter.bfa === undefined ? '' : new URLSearchParams({ bfa: filter.bfa }).toString();
  return (
    <Layout locale={locale} path={c.req.path} title={t.title} demo={demo}>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      {pilots.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <PilotTable pilots={pilots} locale={locale} base={localePath(locale, '/piloter')} />
      )}
      <h2>{t.downloads}</h2>
      <Downloads locale={locale} api="/api/v1/pilots" query={query} />
    </Layout>
  );
}

function PilotFacts({ pilot, locale }: { pilot: Pilot; locale: Locale }) {
  const t = PILOT_TEXTS[locale];
  const entered = (text: string) => <Entered locale={locale}>{text}</Entered>;
  const facts: [string, Child][] = [
    [t.colBfa, `${pilot.bfa.short} – ${pick(pilot.bfa, locale)}`],
    [t.colPeriod, periodText(pilot.periodStart, pilot.periodEnd, locale)],
    [t.interventionGroup, entered(pilot.interventionGroup)],
    [t.comparisonGroup, entered(pilot.comparisonGroup)],
    [t.outcome, entered(pilot.outcome)],
    [t.design, DESIGN_NAMES[locale][pilot.design]],
    [t.colStatus, statusText(pilot, t, locale)],
  ];
  return (
    <dl class="maaltal-facts">
      {facts.map(([term, value]) => (
        <>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

async function pilotPage(c: Context, store: Store, locale: Locale) {
  const t = PILOT_TEXTS[locale];
  const [pilot, demo] = await Promise.all([
    getPilot(store.db, principalOf(c), idOf(c)),
    holdsDemoData(store.db),
  ]);
  privateIfSignedIn(c);
  return (
    <Layout locale={locale} path={c.req.path} title={pilot.title} demo={demo}>
      <p class="maaltal-note">
        <a href={localePath(locale, '/piloter')}>{t.allPilots}</a>
      </p>
      <h1>
        <Entered locale={locale}>{pilot.title}</Entered>
      </h1>
      {pilot.published ? null : <Notice kind="warning" text={t.draftNotice} />}
      <PilotFacts pilot={pilot} locale={locale} />
      <h2>{t.about}</h2>
      <Paragraphs text={pilot.description} empty={t.noDescription} locale={locale} />
      <EvaluationSection pilot={pilot} locale={locale} />
      <h2>{t.downloadOne}</h2>
      <ul class="maaltal-downloads">
        <li>
          <a href={`/api/v1/pilots/${pilot.id}`}>{t.downloadJson}</a>
        </li>
      </ul>
    </Layout>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// API and downloads

export function presentPilot(pilot: Pilot) {
  return {
    id: pilot.id,
    bfa: { code: pilot.bfa.code, short: pilot.bfa.short, nameDa: pilot.bfa.nameDa, nameEn: pilot.bfa.nameEn },
    title: pilot.title,
    description: pilot.description,
    interventionGroup: pilot.interventionGroup,
    comparisonGroup: pilot.comparisonGroup,
    outcome: pilot.outcome,
    design: pilot.design,
    period: { start: pilot.periodStart, end: pilot.periodEnd },
    labels: { before: pilot.beforeLabel, after: pilot.afterLabel },
    cells: pilot.cells,
    published: pilot.published,
    publishedAt: pilot.publishedAt,
    version: pilot.version,
    updatedAt: pilot.updatedAt,
    demo: pilot.isDemo,
    url: `/piloter/${pilot.id}`,
    evaluation: pilot.evaluation,
  };
}

const evaluated = (pilot: Pilot) => (pilot.evaluation.available ? pilot.evaluation : null);
/** A share difference in percentage points, a ratio as it is (the page's units). */
const shown = (pilot: Pilot, value: number | null | undefined) =>
  value === null || value === undefined ? null : pilot.design === 'rates' ? value : value * 100;

const CELL_COLUMNS: DownloadColumn<Pilot>[] = CELL_NAMES.map((name) => ({
  header: { da: `${name}: ${CELL_NAMES_TEXT.da[name]}`, en: `${name}: ${CELL_NAMES_TEXT.en[name]}` },
  cell: (pilot) => pilot.cells[name],
}));

const PILOT_COLUMNS: DownloadColumn<Pilot>[] = [
  { header: { da: 'ID', en: 'ID' }, cell: (p) => p.id, decimals: 0 },
  { header: { da: 'Titel', en: 'Title' }, cell: (p) => p.title },
  { header: { da: 'BFA', en: 'BFA' }, cell: (p) => p.bfa.short },
  { header: { da: 'Design', en: 'Design' }, cell: (p, l) => DESIGN_NAMES[l][p.design] },
  { header: { da: 'Udfald', en: 'Outcome' }, cell: (p) => p.outcome },
  { header: { da: 'Indsatsgruppe', en: 'Intervention group' }, cell: (p) => p.interventionGroup },
  { header: { da: 'Sammenligningsgruppe', en: 'Comparison group' }, cell: (p) => p.comparisonGroup },
  { header: { da: 'Start', en: 'Start' }, cell: (p) => p.periodStart },
  { header: { da: 'Slut', en: 'End' }, cell: (p) => p.periodEnd },
  { header: { da: 'Før', en: 'Before' }, cell: (p) => p.beforeLabel },
  { header: { da: 'Efter', en: 'After' }, cell: (p) => p.afterLabel },
  ...CELL_COLUMNS,
  {
    header: { da: 'Estimat (procentpoint eller forhold)', en: 'Estimate (percentage points or ratio)' },
    cell: (p) => shown(p, evaluated(p)?.value),
    decimals: 2,
  },
  {
    header: { da: 'Nedre 95 %-grænse', en: 'Lower 95% limit' },
    cell: (p) => shown(p, evaluated(p)?.lowercl),
    decimals: 2,
  },
  {
    header: { da: 'Øvre 95 %-grænse', en: 'Upper 95% limit' },
    cell: (p) => shown(p, evaluated(p)?.uppercl),
    decimals: 2,
  },
  { header: { da: 'Signifikant', en: 'Significant' }, cell: (p, l) => yesNo(evaluated(p)?.significant, l) },
  {
    header: { da: 'Svag tilnærmelse', en: 'Weak approximation' },
    cell: (p, l) => yesNo(evaluated(p)?.weakApproximation, l),
  },
  {
    header: { da: 'Konservativ nedre grænse', en: 'Conservative lower limit' },
    cell: (p) => shown(p, evaluated(p)?.conservative?.lowercl),
    decimals: 2,
  },
  {
    header: { da: 'Konservativ øvre grænse', en: 'Conservative upper limit' },
    cell: (p) => shown(p, evaluated(p)?.conservative?.uppercl),
    decimals: 2,
  },
  { header: { da: 'Offentliggjort', en: 'Published' }, cell: (p, l) => yesNo(p.published, l) },
];

const machineRow = (p: Pilot) => {
  const e = evaluated(p);
  return {
    id: p.id,
    bfa: p.bfa.code,
    title: p.title,
    design: p.design,
    outcome: p.outcome,
    interventionGroup: p.interventionGroup,
    comparisonGroup: p.comparisonGroup,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    beforeLabel: p.beforeLabel,
    afterLabel: p.afterLabel,
    ...p.cells,
    method: e?.method ?? null,
    value: e?.value ?? null,
    lowercl: e?.lowercl ?? null,
    uppercl: e?.uppercl ?? null,
    significant: e?.significant ?? null,
    weakApproximation: e?.weakApproximation ?? null,
    conservativeLowercl: e?.conservative?.lowercl ?? null,
    conservativeUppercl: e?.conservative?.uppercl ?? null,
    published: p.published,
  };
};

const MACHINE_COLUMNS = [
  'id',
  'bfa',
  'title',
  'design',
  'outcome',
  'interventionGroup',
  'comparisonGroup',
  'periodStart',
  'periodEnd',
  'beforeLabel',
  'afterLabel',
  ...CELL_NAMES,
  'method',
  'value',
  'lowercl',
  'uppercl',
  'significant',
  'weakApproximation',
  'conservativeLowercl',
  'conservativeUppercl',
  'published',
];

const ABOUT: [string, string][] = [
  ['Piloter / pilots', 'BFA’ernes forsøg med en indsats- og en sammenligningsgruppe / the BFAs’ trials'],
  [
    'Metode / method',
    'Forskel i forskelle (METHODS §10): andele i procentpoint med normal-interval, rater som forhold mellem rateforhold på log-skala / difference in differences: shares in percentage points, rates as a ratio of rate ratios',
  ],
  [
    'Forbehold / caveats',
    'Forudsætter parallelle tendenser; sammenligningsgruppen er ikke lodtrukket; svag tilnærmelse ved små grupper (se konservativ grænse) / assumes parallel trends; non-randomised comparison group; weak approximation for small groups (see the conservative limits)',
  ],
];

const fileName = (locale: Locale | null) => (locale === 'en' ? 'pilots' : 'piloter');

/** The list's filter from a download's query (its `lang` apart). */
const downloadFilter = (c: Context) => {
  const { lang: _lang, ...query } = c.req.query();
  return parsePilotFilter(query);
};

function downloadRoutes(app: Hono, store: Store) {
  app.get('/api/v1/pilots.csv', requires('public'), async (c) => {
    const lang = downloadLocale(c.req.query('lang'));
    const pilots = await listPilots(store.db, principalOf(c), downloadFilter(c));
    privateIfSignedIn(c);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileName(lang)}.csv"`);
    if (lang !== null) return c.body(localCsv(localTable(pilots, PILOT_COLUMNS, lang), lang));
    return c.body(toCsv(pilots.map(machineRow), MACHINE_COLUMNS));
  });
  app.get('/api/v1/pilots.xlsx', requires('public'), async (c) => {
    const lang = downloadLocale(c.req.query('lang'));
    const pilots = await listPilots(store.db, principalOf(c), downloadFilter(c));
    privateIfSignedIn(c);
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="${fileName(lang)}.xlsx"`);
    if (lang !== null) return c.body(await toLocalXlsx(localTable(pilots, PILOT_COLUMNS, lang), ABOUT));
    return c.body(await toXlsx(pilots.map(machineRow), ABOUT, MACHINE_COLUMNS));
  });
}

function apiRoutes(app: Hono, store: Store) {
  app.get('/api/v1/pilots', requires('public'), async (c) => {
    const filter = parsePilotFilter(c.req.query());
    const [pilots, demo] = await Promise.all([
      listPilots(store.db, principalOf(c), filter),
      holdsDemoData(store.db),
    ]);
    privateIfSignedIn(c);
    return c.json({ data: pilots.map(presentPilot), meta: { demo } });
  });
  downloadRoutes(app, store);
  app.get('/api/v1/pilots/:id', requires('public'), async (c) => {
    const [pilot, demo] = await Promise.all([
      getPilot(store.db, principalOf(c), idOf(c)),
      holdsDemoData(store.db),
    ]);
    privateIfSignedIn(c);
    return c.json({ data: presentPilot(pilot), meta: { demo } });
  });
  app.post('/api/v1/pilots', requires('work.write'), async (c) => {
    const input = parsePilotInput(await jsonOf(c));
    const id = await createPilot(store.db, auditContextOf(c), input, new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json({ id, version: 1 }, 201);
  });
  app.put('/api/v1/pilots/:id', requires('work.write'), async (c) => {
    await assertPilotWritable(store.db, principalOf(c), idOf(c));
    const { version, input } = parsePilotUpdate(await jsonOf(c));
    await updatePilot(store.db, auditContextOf(c), idOf(c), version, input, new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json({ data: presentPilot(await getPilot(store.db, principalOf(c), idOf(c))) });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The editor area

/** A pilot as its form shows it: numbers with a point and without grouping in English, a comma in Danish. */
function pilotValues(pilot: Pilot, locale: Locale): Record<string, string> {
  const values: Record<string, string> = {
    bfa: pilot.bfa.code,
    title: pilot.title,
    description: pilot.description,
    interventionGroup: pilot.interventionGroup,
    comparisonGroup: pilot.comparisonGroup,
    outcome: pilot.outcome,
    design: pilot.design,
    periodStart: pilot.periodStart,
    periodEnd: pilot.periodEnd ?? '',
    beforeLabel: pilot.beforeLabel,
    afterLabel: pilot.afterLabel,
  };
  for (const name of CELL_NAMES) {
    const value = pilot.cells[name];
    values[name] = value === null ? '' : locale === 'da' ? String(value).replace('.', ',') : String(value);
  }
  return values;
}

const CELL_GROUPS = [
  ['xI0', 'nI0', 'interventionGroup', 'before'],
  ['xI1', 'nI1', 'interventionGroup', 'after'],
  ['xC0', 'nC0', 'comparisonGroup', 'before'],
  ['xC1', 'nC1', 'comparisonGroup', 'after'],
] as const;

function CellFields({ state, locale }: { state: FormState; locale: Locale }) {
  const t = PILOT_TEXTS[locale];
  const shared = { values: state.values, problems: state.problems };
  return (
    <fieldset aria-describedby="cells-hint">
      <legend class="h3">{t.cells}</legend>
      <p class="form-hint" id="cells-hint">
        {t.cellsHint}
      </p>
      {CELL_GROUPS.map(([x, n, group, period]) => (
        <fieldset>
          <legend class="h5">{t.cellGroup(t[group], t[period])}</legend>
          <Input name={x} label={t.cellX} {...shared} />
          <Input name={n} label={t.cellN} {...shared} />
        </fieldset>
      ))}
    </fieldset>
  );
}

function PilotFields(props: {
  state: FormState;
  locale: Locale;
  bfas: readonly (readonly [string, string])[];
}) {
  const t = PILOT_TEXTS[props.locale];
  const shared = { values: props.state.values, problems: props.state.problems };
  const designs = PILOT_DESIGNS.map((design) => [design, DESIGN_NAMES[props.locale][design]] as const);
  return (
    <>
      <Select name="bfa" label={t.fieldBfa} options={props.bfas} {...shared} />
      <Input name="title" label={t.fieldTitle} required {...shared} />
      <TextArea
        name="description"
        label={t.fieldDescription}
        hint={t.hintDescription}
        rows={6}
        maxlength={10_000}
        {...shared}
      />
      <TextArea name="interventionGroup" label={t.fieldIntervention} rows={2} maxlength={500} {...shared} />
      <TextArea name="comparisonGroup" label={t.fieldComparison} rows={2} maxlength={500} {...shared} />
      <Input name="outcome" label={t.fieldOutcome} hint={t.hintOutcome} required {...shared} />
      <Select name="design" label={t.fieldDesign} options={designs} {...shared} />
      <Input name="periodStart" label={t.fieldPeriodStart} type="date" required {...shared} />
      <Input name="periodEnd" label={t.fieldPeriodEnd} hint={t.hintPeriodEnd} type="date" {...shared} />
      <Input name="beforeLabel" label={t.fieldBeforeLabel} hint={t.hintLabel} {...shared} />
      <Input name="afterLabel" label={t.fieldAfterLabel} {...shared} />
      <CellFields state={props.state} locale={props.locale} />
    </>
  );
}

function PilotForm(props: {
  action: string;
  state: FormState;
  locale: Locale;
  bfas: readonly (readonly [string, string])[];
  submit: string;
  versioned: boolean;
}) {
  const t = PILOT_TEXTS[props.locale];
  return (
    <form method="post" action={props.action}>
      <CsrfField />
      {props.state.conflict ? <Notice kind="warning" text={t.conflict} /> : null}
      <ErrorSummary problems={props.state.problems} title={t.problems} />
      {props.versioned ? <input type="hidden" name="version" value={String(props.state.version)} /> : null}
      <PilotFields state={props.state} locale={props.locale} bfas={props.bfas} />
      <button class="button button-primary" type="submit">
        {props.submit}
      </button>
    </form>
  );
}

function EditorTable({ pilots, locale }: { pilots: readonly Pilot[]; locale: Locale }) {
  const t = PILOT_TEXTS[locale];
  const base = localePath(locale, '/redaktion/piloter');
  return (
    <section class="table-wrapper" tabindex={0} aria-label={t.editorTitle}>
      <table class="table table--compact">
        <caption class="sr-only">{t.editorTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colPilot}</th>
            <th scope="col">{t.colBfa}</th>
            <th scope="col">{t.colEffect}</th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col" class="num">
              {t.colVersion}
            </th>
          </tr>
        </thead>
        <tbody>
          {pilots.map((pilot) => (
            <tr>
              <th scope="row">
                <a href={`${base}/${pilot.id}`}>
                  <Entered locale={locale}>{pilot.title}</Entered>
                </a>
              </th>
              <td>{pilot.bfa.short}</td>
              <td>{effectSummary(pilot, locale)}</td>
              <td>{pilot.published ? t.published : t.draft}</td>
              <td class="num">{String(pilot.version)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

async function editorListPage(c: Context, store: Store, locale: Locale) {
  const t = PILOT_TEXTS[locale];
  const principal = principalOf(c);
  const pilots = await listPilots(store.db, principal);
  return (
    <Layout locale={locale} path={c.req.path} title={t.editorTitle} demo={false}>
      <h1>{t.editorTitle}</h1>
      <p>{t.editorIntro}</p>
      {can(principal, 'work.write') ? (
        <p>
          <a class="button button-primary" href={localePath(locale, '/redaktion/piloter/ny')}>
            {t.newPilot}
          </a>
        </p>
      ) : null}
      {pilots.length === 0 ? <p>{t.none}</p> : <EditorTable pilots={pilots} locale={locale} />}
    </Layout>
  );
}

async function newPilotPage(c: Context, store: Store, locale: Locale, state: FormState) {
  const t = PILOT_TEXTS[locale];
  const principal = principalOf(c);
  const bfas = bfaOptions(principal, await bfaRefs(store.db), null, locale);
  return (
    <Layout locale={locale} path={c.req.path} title={t.newPilot} demo={false}>
      <p class="maaltal-note">
        <a href={localePath(locale, '/redaktion/piloter')}>{t.editorTitle}</a>
      </p>
      <h1>{t.newPilot}</h1>
      {can(principal, 'work.write') ? (
        <PilotForm
          action={localePath(locale, '/redaktion/piloter')}
          state={state}
          locale={locale}
          bfas={bfas}
          submit={t.create}
          versioned={false}
        />
      ) : (
        <p>{t.cannotCreate}</p>
      )}
    </Layout>
  );
}

function EditorForms(props: {
  pilot: Pilot;
  state: FormState;
  base: string;
  locale: Locale;
  principal: Principal;
  bfas: readonly BfaRef[];
}) {
  const t = PILOT_TEXTS[props.locale];
  const { pilot, state } = props;
  return (
    <>
      <h2>{t.publication}</h2>
      <PublicationStatus text={statusText(pilot, t, props.locale)} />
      <PublishForm
        action={`${props.base}/offentliggoer`}
        version={state.version}
        published={pilot.published}
        texts={t}
      />
      <h2>{t.about}</h2>
      <PilotForm
        action={props.base}
        state={state}
        locale={props.locale}
        bfas={bfaOptions(props.principal, props.bfas, null, props.locale)}
        submit={t.save}
        versioned
      />
    </>
  );
}

function ReadOnly({ pilot, locale }: { pilot: Pilot; locale: Locale }) {
  const t = PILOT_TEXTS[locale];
  return (
    <>
      <p id="published">{t.readOnly}</p>
      <PilotFacts pilot={pilot} locale={locale} />
      <h2>{t.about}</h2>
      <Paragraphs text={pilot.description} empty={t.noDescription} locale={locale} />
      <EvaluationSection pilot={pilot} locale={locale} />
    </>
  );
}

async function editPage(c: Context, store: Store, locale: Locale, id: number, state?: FormState) {
  const t = PILOT_TEXTS[locale];
  const principal = principalOf(c);
  const pilot = await getPilot(store.db, principal, id);
  const [versions, bfas] = await Promise.all([pilotHistory(store.db, principal, id), bfaRefs(store.db)]);
  const base = localePath(locale, `/redaktion/piloter/${id}`);
  const form = state ?? freshForm(pilotValues(pilot, locale), pilot.version);
  return (
    <Layout locale={locale} path={c.req.path} title={pilot.title} demo={false}>
      <p class="maaltal-note">
        <a href={localePath(locale, '/redaktion/piloter')}>{t.editorTitle}</a>
      </p>
      <h1>
        <Entered locale={locale}>{pilot.title}</Entered>
      </h1>
      <p>
        <a href={localePath(locale, `/piloter/${id}`)}>{t.publicPage}</a>
      </p>
      {mayWritePilot(principal, pilot) ? (
        <EditorForms
          pilot={pilot}
          state={form}
          base={base}
          locale={locale}
          principal={principal}
          bfas={bfas}
        />
      ) : (
        <ReadOnly pilot={pilot} locale={locale} />
      )}
      <VersionHistory versions={versions} locale={locale} texts={t} />
    </Layout>
  );
}

/** The stored version after a conflict, so the next save overwrites knowingly. */
async function storedVersion(c: Context, store: Store, id: number, fallback: number): Promise<number> {
  try {
    return (await getPilot(store.db, principalOf(c), id)).version;
  } catch {
    return fallback;
  }
}

function editorWrites(app: Hono, store: Store, locale: Locale, base: string) {
  app.post(base, requires('work.write'), async (c) => {
    const form = await formOf(c);
    try {
      const input = parsePilotInput(pilotFromForm(form, locale));
      const id = await createPilot(store.db, auditContextOf(c), input, new Date());
      return c.redirect(`${base}/${id}`, 303);
    } catch (error) {
      const { problems, status } = refusal(error, locale);
      const state = { values: form, problems, version: 1, conflict: false };
      return c.html(await newPilotPage(c, store, locale, state), status);
    }
  });
  app.post(`${base}/:id`, requires('work.write'), async (c) => {
    const id = idOf(c);
    await assertPilotWritable(store.db, principalOf(c), id);
    const form = await formOf(c);
    try {
      const { version, input } = parsePilotUpdate(pilotUpdateFromForm(form, locale));
      await updatePilot(store.db, auditContextOf(c), id, version, input, new Date());
      return c.redirect(`${base}/${id}`, 303);
    } catch (error) {
      const { problems, status } = refusal(error, locale);
      const opened = Number(form.version) || 1;
      const version = status === 409 ? await storedVersion(c, store, id, opened) : opened;
      const state = { values: form, problems, version, conflict: status === 409 };
      return c.html(await editPage(c, store, locale, id, state), status);
    }
  });
  app.post(`${base}/:id/offentliggoer`, requires('work.write'), async (c) => {
    const id = idOf(c);
    const form = await formOf(c);
    const version = formVersion(form.version ?? '');
    try {
      const opened = typeof version === 'number' ? version : null;
      await setPilotPublished(store.db, auditContextOf(c), id, opened, form.published !== '0', new Date());
      return c.redirect(`${base}/${id}`, 303);
    } catch (error) {
      const { problems, status } = refusal(error, locale);
      const pilot = await getPilot(store.db, principalOf(c), id);
      const state = {
        ...freshForm(pilotValues(pilot, locale), pilot.version),
        problems,
        conflict: status === 409,
      };
      return c.html(await editPage(c, store, locale, id, state), status);
    }
  });
}

function editorRoutes(app: Hono, store: Store, locale: Locale) {
  const base = localePath(locale, '/redaktion/piloter');
  app.get(base, requires('drafts.read'), async (c) => c.html(await editorListPage(c, store, locale)));
  app.get(`${base}/ny`, requires('drafts.read'), async (c) =>
    c.html(await newPilotPage(c, store, locale, freshForm({ design: 'proportions' }, 1))),
  );
  app.get(`${base}/:id`, requires('drafts.read'), async (c) =>
    c.html(await editPage(c, store, locale, idOf(c))),
  );
  editorWrites(app, store, locale, base);
}

export function pilotRoutes(store: Store): Hono {
  const app = new Hono();
  for (const locale of ['da', 'en'] as const) {
    const base = localePath(locale, '/piloter');
    app.get(base, requires('public'), async (c) => c.html(await listPage(c, store, locale)));
    app.get(`${base}/:id`, requires('public'), async (c) => c.html(await pilotPage(c, store, locale)));
    editorRoutes(app, store, locale);
  }
  apiRoutes(app, store);
  return app;
}
