// HTTP routes for targets: every target by goal (/maaltal, /en/maaltal) and the JSON API under /api/v1/targets.
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { formatInterval, formatValue, type Locale } from '../format.js';
import { listGoals } from '../reference/reference.repository.js';
import { parseOrThrow } from '../validation.js';
import { demand, requires } from '../web/authorize.js';
import { localCsv, toCsv } from '../web/csv.js';
import { observationColumns, observationLines, unitDecimals } from '../web/download-observations.js';
import { downloadLocale, localTable } from '../web/download-table.js';
import { localePath, MESSAGES, pick } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { toLocalXlsx, toXlsx } from '../web/xlsx.js';
import { headlineOf } from './status-words.js';
import type { Target } from './targets.model.js';
import { presentAssessment, presentTargetHistory, presentTargetList } from './targets.presenter.js';
import { listTargetsSchema, targetIdSchema } from './targets.schemas.js';
import { listTargets, showTarget } from './targets.service.js';

const showQuerySchema = z
  .object({ unsuppressed: z.enum(['true', 'false'], { message: 'must be true or false' }).optional() })
  .strict();

/** `?unsuppressed=true` asks for the withheld observations too: data stewards only. */
function stewardView(c: Context): boolean {
  const query = parseOrThrow(showQuerySchema, c.req.query(), 'Invalid query parameters');
  if (query.unsuppressed !== 'true') return false;
  demand(c, 'data.unsuppressed');
  return true;
}

function adoptionLabel(target: Target, locale: Locale): string {
  const t = MESSAGES[locale];
  return { draft: t.statusDraft, adopted: t.statusAdopted, retired: t.statusRetired }[target.status];
}

/** The progress status in words: the one headline, so an uncertain status leads with the uncertainty. */
export function ProgressCell({ target, locale }: { target: Target; locale: Locale }) {
  const assessment = target.assessment;
  if (assessment === null) return <td>–</td>;
  return (
    <td>
      {headlineOf(assessment)[locale]}
      {target.status === 'adopted' ? null : <span class="maaltal-ci">{adoptionLabel(target, locale)}</span>}
    </td>
  );
}

export function branchLabel(target: Target, locale: Locale): string {
  const t = MESSAGES[locale];
  if (target.branchGroup === null) return t.wholeCountry;
  const group = pick(target.branchGroup, locale);
  return target.subBranch === null ? group : `${group}: ${pick(target.subBranch, locale)}`;
}

/** The first column: what each row's link names (the branch on the list, the problem on a branch's page). */
export interface LeadColumn {
  header: string;
  label: (target: Target, locale: Locale) => string;
}

function TargetRow(props: { target: Target; locale: Locale; lead: LeadColumn; problems: boolean }) {
  const { target, locale } = props;
  const t = MESSAGES[locale];
  const unit = target.indicator.unit;
  const latest = target.latest;
  return (
    <tr>
      <th scope="row">
        <a href={localePath(locale, `/maaltal/${target.id}`)}>{props.lead.label(target, locale)}</a>
      </th>
      <ProgressCell target={target} locale={locale} />
      <td class="num">
        {latest === null ? (
          t.noObservation
        ) : (
          <>
            {formatValue(latest.value, unit, locale)}
            <span class="maaltal-ci">
              {latest.year}
              {latest.lowercl === null ? null : (
                <>
                  {' · '}
                  <span title={t.ciLabel}>
                    {formatInterval(latest.lowercl, latest.uppercl, unit, locale)}
                  </span>
                </>
              )}
            </span>
          </>
        )}
      </td>
      <td class="num">
        {formatValue(target.target.value, unit, locale)}
        <span class="maaltal-ci">{target.target.year}</span>
      </td>
      <td class="num">
        {formatValue(target.baseline.value, unit, locale)}
        <span class="maaltal-ci">{target.baseline.year}</span>
      </td>
      {props.problems ? <td>{target.subProblem === null ? '–' : pick(target.subProblem, locale)}</td> : null}
      <td>{pick(target.indicator, locale)}</td>
      <td>
        {target.owner === null ? '–' : <abbr title={pick(target.owner, locale)}>{target.owner.short}</abbr>}
      </td>
    </tr>
  );
}

/**
 * Targets with the status right after the first column, so a phone shows it without scrolling the table. A
 * sub-problem column only where the first column is the branch and a target has one (else it repeats the goal).
 */
export function TargetTable({
  targets,
  locale,
  caption,
  lead,
}: {
  targets: Target[];
  locale: Locale;
  caption: string;
  lead?: LeadColumn;
}) {
  const t = MESSAGES[locale];
  const first = lead ?? { header: t.colBranch, label: branchLabel };
  const problems = lead === undefined && targets.some((target) => target.subProblem !== null);
  return (
    <div class="table-wrapper">
      <table class="table table--compact">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first.header}</th>
            <th scope="col">{t.colStatus}</th>
            <th scope="col" class="num">
              {t.colLatest}
            </th>
            <th scope="col" class="num">
              {t.colTarget}
            </th>
            <th scope="col" class="num">
              {t.colBaseline}
            </th>
            {problems ? <th scope="col">{t.colProblem}</th> : null}
            <th scope="col">{t.colIndicator}</th>
            <th scope="col">{t.colOwner}</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => (
            <TargetRow target={target} locale={locale} lead={first} problems={problems} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A measurements file's name in the reader's language. */
const observationsFileName = (id: string, locale: Locale) =>
  locale === 'da' ? `maaltal-${id}-maalinger` : `maaltal-${id}-measurements`;

export function targetRoutes(store: Store): Hono {
  const app = new Hono();

  const page = async (locale: Locale, path: string) => {
    const t = MESSAGES[locale];
    const [goals, targets, demo] = await Promise.all([
      listGoals(store.db),
      listTargets(store.db),
      holdsDemoData(store.db),
    ]);
    const notes = [
      ...new Set(
        targets.map((target) =>
          locale === 'en' ? target.indicator.methodBreakNotesEn : target.indicator.methodBreakNotesDa,
        ),
      ),
    ].filter((note) => note !== '');
    return (
      <Layout locale={locale} path={path} title={t.targetsTitle} demo={demo}>
        <h1>{t.targetsTitle}</h1>
        <p class="font-lead">{t.targetsIntro}</p>
        {demo ? <p class="maaltal-note">{t.demoExplanation}</p> : null}
        {goals.map((goal) => {
          const underGoal = targets.filter((target) => target.goal.code === goal.code);
          const name = locale === 'en' ? goal.areaEn : goal.areaDa;
          return (
            <section class="maaltal-goal" aria-labelledby={`goal-${goal.code}`}>
              <h2 id={`goal-${goal.code}`}>
                {goal.id}. {name}
              </h2>
              <p>
                {locale === 'en' ? goal.titleEn : goal.titleDa}:{' '}
                {locale === 'en' ? goal.directionEn : goal.directionDa}.{' '}
                <span class="maaltal-note">{t.targetsCount(underGoal.length)}</span>
              </p>
              {underGoal.length === 0 ? (
                <p>{t.noTargets}</p>
              ) : (
                <TargetTable targets={underGoal} locale={locale} caption={`${t.goalLabel}: ${name}`} />
              )}
            </section>
          );
        })}
        {notes.length > 0 ? (
          <section class="maaltal-goal">
            <h2>{t.methodNote}</h2>
            {notes.map((note) => (
              <p class="maaltal-note">{note}</p>
            ))}
          </section>
        ) : null}
        <p>
          <a href="/api/v1/targets">{t.apiLink}</a>
        </p>
      </Layout>
    );
  };

  app.get('/maaltal', requires('public'), async (c) => c.html(await page('da', c.req.path)));
  app.get('/en/maaltal', requires('public'), async (c) => c.html(await page('en', c.req.path)));

  app.get('/api/v1/targets', requires('public'), async (c) => {
    const filter = parseOrThrow(listTargetsSchema.strict(), c.req.query(), 'Invalid query parameters');
    const [targets, demo] = await Promise.all([listTargets(store.db, filter), holdsDemoData(store.db)]);
    return c.json(presentTargetList(targets, demo));
  });

  app.get('/api/v1/targets/:id/assessment', requires('public'), async (c) => {
    const id = parseOrThrow(targetIdSchema, c.req.param('id'), 'Invalid target id', {
      fieldName: () => 'id',
    });
    const [history, demo] = await Promise.all([showTarget(store.db, id), holdsDemoData(store.db)]);
    return c.json(presentAssessment(history.current, demo));
  });

  const observationRows = async (idText: string) => {
    const id = parseOrThrow(targetIdSchema, idText, 'Invalid target id', { fieldName: () => 'id' });
    const history = await showTarget(store.db, id);
    const target = history.current;
    const rows = history.observations.map((o) => ({
      targetId: target.id,
      indicator: target.indicator.code,
      unit: target.indicator.unit,
      year: o.year,
      period: o.periodLabel,
      value: o.value,
      lowercl: o.lowercl,
      uppercl: o.uppercl,
      confidence: o.confidence,
      count: o.count,
      denominator: o.denominator,
      respondents: o.respondents,
      series: o.seriesLabel,
      seriesBreak: o.seriesBreak,
      source: o.source,
      demo: o.isDemo,
    }));
    return { id, target, rows };
  };
  const OBSERVATION_COLUMNS = ['targetId', 'year', 'value', 'lowercl', 'uppercl'];

  /** `?lang=da|en`: the reader's form the target page links (names, units and rounding as the page shows). */
  const readerTable = async (idText: string, locale: Locale) => {
    const id = parseOrThrow(targetIdSchema, idText, 'Invalid target id', { fieldName: () => 'id' });
    const history = await showTarget(store.db, id);
    const decimals = unitDecimals(history.current.indicator.unit);
    const lines = observationLines(history.current, history.observations);
    return localTable(lines, observationColumns(decimals), locale);
  };

  app.get('/api/v1/targets/:id/observations.csv', requires('public'), async (c) => {
    const lang = downloadLocale(c.req.query('lang'));
    if (lang !== null) {
      const table = await readerTable(c.req.param('id'), lang);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header(
        'Content-Disposition',
        `attachment; filename="${observationsFileName(c.req.param('id'), lang)}.csv"`,
      );
      return c.body(localCsv(table, lang));
    }
    const { id, rows } = await observationRows(c.req.param('id'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="maaltal-${id}-maalinger.csv"`);
    return c.body(toCsv(rows, OBSERVATION_COLUMNS));
  });

  app.get('/api/v1/targets/:id/observations.xlsx', requires('public'), async (c) => {
    const { id, target, rows } = await observationRows(c.req.param('id'));
    const about: [string, string][] = [
      ['Måltal / target', `${target.id}: ${target.key}`],
      ['Indikator / indicator', `${target.indicator.nameDa} / ${target.indicator.nameEn}`],
      ['Enhed / unit', target.indicator.unit],
      ['Udgangspunkt / baseline', `${target.baseline.value} (${target.baseline.year})`],
      ['Mål / target value', `${target.target.value} (${target.target.year})`],
      ['Kilde / source', target.indicator.dataSource],
      ['Metodebrud', target.indicator.methodBreakNotesDa],
      ['Method breaks', target.indicator.methodBreakNotesEn],
      ['Status', `${headlineOf(target.assessment).da} / ${headlineOf(target.assessment).en}`],
    ];
    for (const note of target.assessment?.explanation.leftOut ?? [])
      about.push(['Udeladt / left out', `${note.da} / ${note.en}`]);
    if (target.isDemo)
      about.push(['Demodata', 'Demodata – ikke officielle tal / Demo data – not official figures']);
    const lang = downloadLocale(c.req.query('lang'));
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header(
      'Content-Disposition',
      `attachment; filename="${observationsFileName(String(id), lang ?? 'da')}.xlsx"`,
    );
    if (lang !== null) return c.body(await toLocalXlsx(await readerTable(String(id), lang), about));
    return c.body(await toXlsx(rows, about, OBSERVATION_COLUMNS));
  });

  app.get('/api/v1/targets/:id', requires('public'), async (c) => {
    const id = parseOrThrow(targetIdSchema, c.req.param('id'), 'Invalid target id', {
      fieldName: () => 'id',
    });
    const steward = stewardView(c);
    const [history, demo] = await Promise.all([
      showTarget(store.db, id, { includeWithheld: steward }),
      holdsDemoData(store.db),
    ]);
    if (steward) c.header('Cache-Control', 'private, no-store');
    return c.json(presentTargetHistory(history, demo, steward));
  });

  return app;
}
