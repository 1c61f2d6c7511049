// The public pages of the funding pools: the list (/puljer: amount, spent, remaining, days left) and a pool's page
// (/puljer/:id: key figures, shares and spend per BFA with the cost per workplace reached, the burn-down chart with
// its table, downloads). Public figures use published pools and activities only; `?drafts=1` (signed in with
// drafts.read) includes the drafts the reader may see, and the page says so.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { formatDate, formatNumber, type Locale } from '../format.js';
import { atTwoWidths } from '../web/charts.js';
import { enteredLang } from '../web/entered-text.js';
import { localePath } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import type { PoolSummary } from './funding.service.js';
import { FUNDING_TEXTS, formatCostPerWorkplace, formatDkk, monthName } from './funding.texts.js';
import { burnDownChartSvg } from './funding-chart.js';

export interface PageContext {
  locale: Locale;
  path: string;
  demo: boolean;
  /** The figures include drafts (asked for with `?drafts=1`). */
  drafts: boolean;
  /** The reader may ask for drafts (drafts.read): the page links the other view. */
  mayAskDrafts: boolean;
}

/** Text the secretariat wrote (names, legal basis, purpose) is Danish: marked so on English pages. */
export const stored = enteredLang;

export const period = (summary: PoolSummary, locale: Locale) =>
  `${formatDate(summary.pool.periodStart, locale)} – ${formatDate(summary.pool.periodEnd, locale)}`;

export const daysLeftText = (summary: PoolSummary, locale: Locale) =>
  summary.ended ? FUNDING_TEXTS[locale].ended : FUNDING_TEXTS[locale].daysLeft(summary.daysLeft);

/** What the figures count, and the link to the other view for readers who may see drafts. */
function FiguresNote({ context, here }: { context: PageContext; here: string }) {
  const t = FUNDING_TEXTS[context.locale];
  return (
    <>
      {context.drafts ? (
        <div class="alert alert-warning" role="note">
          <div class="alert-body">
            <p class="alert-text">{t.withDrafts}</p>
          </div>
        </div>
      ) : (
        <p class="maaltal-note">{t.publicOnly}</p>
      )}
      {context.mayAskDrafts ? (
        <p>
          <a href={context.drafts ? here : `${here}?drafts=1`}>
            {context.drafts ? t.showPublic : t.showDrafts}
          </a>
        </p>
      ) : null}
    </>
  );
}

const money = (value: number | null, locale: Locale) => formatDkk(value, locale);

/** A column's heading; `num` right-aligns a column of figures. */
export interface ColumnHead {
  label: string;
  num?: boolean;
}

/** Right-aligned columns of figures. */
export const figureColumns = (...labels: string[]): ColumnHead[] =>
  labels.map((label) => ({ label, num: true }));

/** A table of figures in a focusable region named by its caption; the rows are the children. */
export function FigureTable(props: {
  caption: string;
  columns: readonly ColumnHead[];
  /** Each cell named by its column on narrow screens (default true). */
  responsive?: boolean;
  /** Shown below the table, inside the region. */
  note?: Child;
  children: Child;
}) {
  const tableClass =
    props.responsive === false ? 'table table--compact' : 'table table--compact table--responsive-headers';
  return (
    <section class="table-wrapper" tabindex={0} aria-label={props.caption}>
      <table class={tableClass}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col" class={column.num === true ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
      {props.note}
    </section>
  );
}

function PoolTable({ summaries, locale }: { summaries: readonly PoolSummary[]; locale: Locale }) {
  const t = FUNDING_TEXTS[locale];
  const columns = [
    { label: t.colPool },
    { label: t.colLegalBasis },
    { label: t.colPeriod },
    ...figureColumns(t.colAmount, t.colSpent, t.colRemaining, t.colDaysLeft),
  ];
  return (
    <FigureTable caption={t.caption} columns={columns}>
      {summaries.map((s) => (
        <tr>
          <th scope="row" data-title={t.colPool}>
            <a href={localePath(locale, `/puljer/${s.pool.id}`)} lang={stored(locale)}>
              {s.pool.name}
            </a>
            {s.pool.published ? null : <span class="maaltal-note"> ({t.draft})</span>}
          </th>
          <td data-title={t.colLegalBasis} lang={stored(locale)}>
            {s.pool.legalBasis}
          </td>
          <td data-title={t.colPeriod}>{period(s, locale)}</td>
          <td class="num" data-title={t.colAmount}>
            {money(s.pool.amountDkk, locale)}
          </td>
          <td class="num" data-title={t.colSpent}>
            {money(s.spentDkk, locale)}
          </td>
          <td class="num" data-title={t.colRemaining}>
            {money(s.remainingDkk, locale)}
          </td>
          <td class="num" data-title={t.colDaysLeft}>
            {daysLeftText(s, locale)}
          </td>
        </tr>
      ))}
    </FigureTable>
  );
}

const downloadHref = (format: 'csv' | 'xlsx', locale: Locale, drafts: boolean, pool?: number) =>
  `/api/v1/funding-pools.${format}?lang=${locale}${pool === undefined ? '' : `&pool=${pool}`}${drafts ? '&drafts=1' : ''}`;

export function PoolListPage({
  summaries,
  context,
}: {
  summaries: readonly PoolSummary[];
  context: PageContext;
}) {
  const { locale } = context;
  const t = FUNDING_TEXTS[locale];
  return (
    <Layout locale={locale} path={context.path} title={t.title} demo={context.demo} description={t.intro}>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      <FiguresNote context={context} here={localePath(locale, '/puljer')} />
      {summaries.length === 0 ? <p>{t.none}</p> : <PoolTable summaries={summaries} locale={locale} />}
      <h2>{t.downloads}</h2>
      <ul class="maaltal-downloads">
        <li>
          <a href={downloadHref('csv', locale, context.drafts)}>{t.downloadAllCsv}</a>
        </li>
        <li>
          <a href={downloadHref('xlsx', locale, context.drafts)}>{t.downloadAllXlsx}</a>
        </li>
      </ul>
    </Layout>
  );
}

function KeyFigures({ summary, locale }: { summary: PoolSummary; locale: Locale }) {
  const t = FUNDING_TEXTS[locale];
  const pairs: [string, string, boolean?][] = [
    [t.colLegalBasis, summary.pool.legalBasis, true],
    [t.colPeriod, period(summary, locale)],
    [t.colAmount, money(summary.pool.amountDkk, locale)],
    [t.colSpent, money(summary.spentDkk, locale)],
    [t.colCommitted, money(summary.committedDkk, locale)],
    [t.colRemaining, money(summary.remainingDkk, locale)],
    [t.colRemainingAfter, money(summary.remainingAfterCommitmentsDkk, locale)],
    [t.colDaysLeft, daysLeftText(summary, locale)],
    [t.colActivities, t.activitiesLeft(summary.activitiesLeft)],
    [t.colCostPerWorkplace, formatCostPerWorkplace(summary.costPerWorkplaceDkk, locale)],
  ];
  return (
    <dl class="maaltal-facts">
      {pairs.map(([term, value, isStored]) => (
        <>
          <dt>{term}</dt>
          <dd lang={isStored === true ? stored(locale) : undefined}>{value}</dd>
        </>
      ))}
    </dl>
  );
}

function PerBfaTable({ summary, locale }: { summary: PoolSummary; locale: Locale }) {
  const t = FUNDING_TEXTS[locale];
  const columns = [
    { label: t.colBfa },
    ...figureColumns(
      t.colShare,
      t.colSpent,
      t.colCommitted,
      t.colActivities,
      t.colReached,
      t.colCostPerWorkplace,
    ),
  ];
  return (
    <FigureTable caption={t.perBfaCaption} columns={columns}>
      {summary.perBfa.map((row) => (
        <tr>
          <th scope="row" data-title={t.colBfa}>
            {row.bfa.short}
          </th>
          <td class="num" data-title={t.colShare}>
            {row.shareDkk === null ? t.noShare : money(row.shareDkk, locale)}
          </td>
          <td class="num" data-title={t.colSpent}>
            {money(row.spentDkk, locale)}
          </td>
          <td class="num" data-title={t.colCommitted}>
            {money(row.committedDkk, locale)}
          </td>
          <td class="num" data-title={t.colActivities}>
            {formatNumber(row.activities, locale)}
          </td>
          <td class="num" data-title={t.colReached}>
            {formatNumber(row.reachedWorkplaces, locale)}
          </td>
          <td class="num" data-title={t.colCostPerWorkplace}>
            {formatCostPerWorkplace(row.costPerWorkplaceDkk, locale)}
          </td>
        </tr>
      ))}
    </FigureTable>
  );
}

function BurnDown({ summary, locale }: { summary: PoolSummary; locale: Locale }) {
  const t = FUNDING_TEXTS[locale];
  const first = summary.burnDown[0];
  const last = summary.burnDown.at(-1);
  if (first === undefined || last === undefined) return null;
  const id = 'burn-down';
  const chart = atTwoWidths((layout) =>
    burnDownChartSvg(
      {
        locale,
        amount: summary.pool.amountDkk,
        months: summary.burnDown,
        title: t.burnDownTitle,
        describedBy: `${id}-description`,
        yLabel: t.burnDownAxis,
        format: (value) => formatNumber(value, locale),
      },
      layout,
    ),
  );
  return (
    <>
      <h2 id={`${id}-title`}>{t.burnDownTitle}</h2>
      <figure class="maaltal-chart" aria-labelledby={`${id}-title`}>
        {raw(chart)}
        <figcaption>
          <span id={`${id}-description`}>
            {t.burnDownSummary(
              monthName(first.month, locale),
              monthName(last.month, locale),
              money(last.cumulativeDkk, locale),
              money(last.remainingDkk, locale),
            )}
          </span>{' '}
          {t.burnDownNote}
        </figcaption>
      </figure>
      <details>
        <summary>{t.chartTable}</summary>
        <FigureTable
          caption={t.burnDownCaption}
          columns={[
            { label: t.colMonth },
            ...figureColumns(t.colSpentMonth, t.colCumulative, t.colRemaining),
          ]}
          responsive={false}
        >
          {summary.burnDown.map((m) => (
            <tr>
              <th scope="row">{monthName(m.month, locale)}</th>
              <td class="num">{money(m.spentDkk, locale)}</td>
              <td class="num">{money(m.cumulativeDkk, locale)}</td>
              <td class="num">{money(m.remainingDkk, locale)}</td>
            </tr>
          ))}
        </FigureTable>
      </details>
    </>
  );
}

export function PoolPage({ summary, context }: { summary: PoolSummary; context: PageContext }) {
  const { locale } = context;
  const t = FUNDING_TEXTS[locale];
  const id = summary.pool.id;
  return (
    <Layout locale={locale} path={context.path} title={summary.pool.name} demo={context.demo}>
      <p class="maaltal-note">
        <a href={localePath(locale, '/puljer')}>{t.backToList}</a>
      </p>
      <h1 lang={stored(locale)}>{summary.pool.name}</h1>
      {summary.pool.published ? null : <p class="maaltal-note">{t.draft}</p>}
      <FiguresNote context={context} here={localePath(locale, `/puljer/${id}`)} />
      {summary.pool.purpose === '' ? null : (
        <p>
          <strong>{t.purpose}:</strong> <span lang={stored(locale)}>{summary.pool.purpose}</span>
        </p>
      )}
      <h2>{t.keyFigures}</h2>
      <KeyFigures summary={summary} locale={locale} />
      <h2>{t.perBfaTitle}</h2>
      <PerBfaTable summary={summary} locale={locale} />
      <p class="maaltal-note">{t.costNote}</p>
      <BurnDown summary={summary} locale={locale} />
      <h2>{t.downloads}</h2>
      <ul class="maaltal-downloads">
        <li>
          <a href={downloadHref('csv', locale, context.drafts, id)}>{t.downloadCsv}</a>
        </li>
        <li>
          <a href={downloadHref('xlsx', locale, context.drafts, id)}>{t.downloadXlsx}</a>
        </li>
        <li>
          <a href={`/api/v1/funding-pools/${id}${context.drafts ? '?drafts=1' : ''}`}>{t.downloadJson}</a>
        </li>
      </ul>
    </Layout>
  );
}
