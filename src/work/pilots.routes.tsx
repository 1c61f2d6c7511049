// Pilots on the web: the public list and page (/piloter, /en/piloter) with the evaluation by difference in differences
// in words and numbers, a chart with a table beside it, and the caveats; the API (/api/v1/pilots with CSV and XLSX in
// the reader's language); and the editor area (/redaktion/piloter: create, edit with optimistic locking, publish), all
// wired by editable.routes.ts.
import type { Context, Hono } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { formatDecimal, formatNumber, type Locale } from '../format.js';
import { principalOf } from '../web/authorize.js';
import { atTwoWidths } from '../web/charts.js';
import { type DownloadColumn, yesNo } from '../web/download-table.js';
import { Entered, EnteredIn } from '../web/entered-text.js';
import { localePath, pick } from '../web/i18n.js';
import {
  PILOT_LINE_STYLE,
  type PilotChartLine,
  type PilotLineKey,
  pilotChartSvg,
} from '../web/pilot-chart.js';
import { type EditableWeb, editableRoutes, privateIfSignedIn } from './editable.routes.js';
import { type FormState, Input, KindBody, type Options, Select, TextArea } from './editable-forms.js';
import { PublicListPage, periodText, RecordPage, statusText, type TableColumn } from './editable-pages.js';
import {
  CELL_NAMES,
  type CellName,
  PILOT_DESIGNS,
  type PilotInput,
  parsePilotFilter,
  parsePilotInput,
  parsePilotUpdate,
  pilotFromForm,
} from './pilots.schemas.js';
import {
  type Evaluated,
  getPilot,
  listPilots,
  mayWritePilot,
  type Pilot,
  pilotHistory,
  pilotService,
  pilotTexts,
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

function EvaluationSection({ record: pilot, locale }: { record: Pilot; locale: Locale }) {
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

/** The BFA column and the effect's, in the public table and the editor's. */
const bfaColumn = (t: Texts): TableColumn<Pilot> => ({ header: t.colBfa, cell: (pilot) => pilot.bfa.short });
const effectColumn = (t: Texts, locale: Locale): TableColumn<Pilot> => ({
  header: t.colEffect,
  cell: (pilot) => effectSummary(pilot, locale),
});

async function listPage(c: Context, store: Store, locale: Locale) {
  const t = PILOT_TEXTS[locale];
  const filter = parsePilotFilter(c.req.query());
  const [pilots, demo] = await Promise.all([
    listPilots(store.db, principalOf(c), filter),
    holdsDemoData(store.db),
  ]);
  privateIfSignedIn(c);
  const query = filter.bfa === undefined ? '' : new URLSearchParams({ bfa: filter.bfa }).toString();
  const columns: TableColumn<Pilot>[] = [
    bfaColumn(t),
    { header: t.colPeriod, cell: (pilot) => periodText(pilot.periodStart, pilot.periodEnd, locale) },
    { header: t.colOutcome, cell: (pilot) => <Entered locale={locale}>{pilot.outcome}</Entered> },
    effectColumn(t, locale),
  ];
  return (
    <PublicListPage
      {...{ locale, path: c.req.path, demo, texts: t, records: pilots }}
      table={{ titleHeader: t.colPilot, columns, base: localePath(locale, '/piloter') }}
      downloads={{ api: '/api/v1/pilots', query }}
    />
  );
}

function PilotFacts({ record: pilot, locale }: { record: Pilot; locale: Locale }) {
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

async function pilotPage(c: Context, store: Store, locale: Locale, id: number) {
  const t = PILOT_TEXTS[locale];
  const [pilot, demo] = await Promise.all([getPilot(store.db, principalOf(c), id), holdsDemoData(store.db)]);
  privateIfSignedIn(c);
  return (
    <RecordPage
      {...{ locale, path: c.req.path, demo, title: pilot.title }}
      back={{ href: localePath(locale, '/piloter'), text: t.allPilots }}
      notice={pilot.published ? null : t.draftNotice}
    >
      <KindBody kind={PILOTS} record={pilot} locale={locale} />
      <h2>{t.downloadOne}</h2>
      <ul class="maaltal-downloads">
        <li>
          <a href={`/api/v1/pilots/${pilot.id}`}>{t.downloadJson}</a>
        </li>
      </ul>
    </RecordPage>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// API and downloads

export function presentPilot(pilot: Pilot) {
  return {
    id: pilot.id,
    bfa: { code: pilot.bfa.code, short: pilot.bfa.short, nameDa: pilot.bfa.nameDa, nameEn: pilot.bfa.nameEn },
    ...pilotTexts(pilot),
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

// ---------------------------------------------------------------------------------------------------------------
// The editor area

/** A pilot as its form shows it: numbers with a point and without grouping in English, a comma in Danish. */
function pilotValues(pilot: Pilot, locale: Locale): Record<string, string> {
  const values: Record<string, string> = {
    bfa: pilot.bfa.code,
    ...pilotTexts(pilot),
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

function PilotFields(props: { state: FormState; locale: Locale; bfas: Options }) {
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

// ---------------------------------------------------------------------------------------------------------------
// The routes

const PILOTS: EditableWeb<Pilot, Pilot, PilotInput> = {
  publicPath: '/piloter',
  editorPath: '/redaktion/piloter',
  apiPath: '/api/v1/pilots',
  texts: PILOT_TEXTS,
  listPage,
  recordPage: pilotPage,
  list: async (db, principal, query) => listPilots(db, principal, parsePilotFilter(query)),
  get: getPilot,
  history: pilotHistory,
  mayWrite: mayWritePilot,
  table: (locale) => {
    const t = PILOT_TEXTS[locale];
    return { titleHeader: t.colPilot, columns: [bfaColumn(t), effectColumn(t, locale)] };
  },
  blank: { design: 'proportions' },
  valuesOf: pilotValues,
  noBfa: () => null,
  fields: PilotFields,
  facts: PilotFacts,
  details: EvaluationSection,
  present: presentPilot,
  presentOne: presentPilot,
  downloads: { columns: PILOT_COLUMNS, machineRow, machineColumns: MACHINE_COLUMNS, about: ABOUT, fileName },
  service: pilotService,
  parse: { fromForm: pilotFromForm, input: parsePilotInput, update: parsePilotUpdate },
};

export const pilotRoutes = (store: Store): Hono => editableRoutes(store, PILOTS);
