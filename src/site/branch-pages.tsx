// Branch pages: the index with the look-up (/branche?q=…: a DB07 code that leads to one branch group lands on it;
// any other code lists itself and the codes under it, words list the matching codes of the whole classification
// with their branch groups; see branch-lookup.ts) and one page per branch group (/branche/:code) with its BFA, its
// targets and its accidents.
import { Hono } from 'hono';
import { accidentFilters } from '../accidents/query.js';
import { accidentRates } from '../accidents/rates.js';
import { accidentSeries, statisticsFor } from '../accidents/series.js';
import { ANONYMOUS } from '../auth/policy.js';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { notFound } from '../errors.js';
import { formatNumber, type Locale } from '../format.js';
import { listBranchGroups } from '../reference/reference.repository.js';
import type { Target } from '../targets/targets.model.js';
import { TargetTable } from '../targets/targets.routes.js';
import { listTargets } from '../targets/targets.service.js';
import { requires } from '../web/authorize.js';
import { localePath, MESSAGES, pick } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import type { Activity } from '../work/activities.model.js';
import { ActivityTable } from '../work/activities.pages.js';
import { listActivities } from '../work/activities.service.js';
import { REACH_NOTE, type ReachRow, reachOf } from '../work/reach.service.js';
import { ReachTable } from '../work/reach-table.js';
import { WORK_TEXTS } from '../work/work.texts.js';
import { AccidentSeriesFigure, accidentSeriesTitle } from './accident-series.js';
import { BRANCH_TEXTS } from './branch.texts.js';
import {
  type BranchGroup,
  codeLanding,
  type LookupOutcome,
  lookUpBranches,
  lookupContext,
} from './branch-lookup.js';
import { LookupForm, LookupResults, queryProblem } from './branch-lookup-view.js';

/** What a target is about, naming the sub-branch when it is not the whole branch: the link text of its row. */
function targetName(target: Target, locale: Locale): string {
  const problem = target.subProblem === null ? pick(target.goal, locale) : pick(target.subProblem, locale);
  return target.subBranch === null ? problem : `${problem} (${pick(target.subBranch, locale)})`;
}

/** Every branch group under its main group (each main group's heading is a target of the look-up's links). */
function BranchIndex({ groups, locale }: { groups: BranchGroup[]; locale: Locale }) {
  const mainGroups = [
    ...new Map(
      groups.map((g) => [g.mainGroupCode, locale === 'en' ? g.mainGroupNameEn : g.mainGroupNameDa]),
    ).entries(),
  ];
  return (
    <section aria-labelledby="all-groups">
      <h2 id="all-groups">{BRANCH_TEXTS[locale].allGroups}</h2>
      {mainGroups.map(([code, name]) => (
        <section aria-labelledby={`main-${code}`}>
          <h3 id={`main-${code}`}>{name}</h3>
          <ul>
            {groups
              .filter((group) => group.mainGroupCode === code)
              .map((group) => (
                <li>
                  <a href={localePath(locale, `/branche/${group.code}`)}>{pick(group, locale)}</a>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

/** Where a look-up lands: one branch group's page (saying which code led there), or null to list the answer. */
function landingOf(outcome: LookupOutcome, locale: Locale, query: string): string | null {
  const to = (group: BranchGroup, classification: string) =>
    `${localePath(locale, `/branche/${group.code}`)}?${new URLSearchParams({ kode: query.trim(), klassifikation: classification })}`;
  if (outcome.kind === 'code' && outcome.landing !== null) return to(outcome.landing, 'DB07');
  if (outcome.kind === 'otherClassification') return to(outcome.group, outcome.classification);
  return null;
}

export function branchPageRoutes(store: Store): Hono {
  const app = new Hono();

  const index = async (locale: Locale, path: string, query: string | null) => {
    const t = MESSAGES[locale];
    const [context, demo] = await Promise.all([lookupContext(store), holdsDemoData(store.db)]);
    const { groups } = context;
    const outcome = query === null ? null : await lookUpBranches(store, query, context);
    const landing = outcome === null || query === null ? null : landingOf(outcome, locale, query);
    if (landing !== null) return { redirect: landing };
    return {
      html: (
        <Layout locale={locale} path={path} title={t.branchesTitle} demo={demo}>
          <h1>{t.branchesTitle}</h1>
          <p class="font-lead">{t.branchesIntro}</p>
          <LookupForm locale={locale} query={query ?? ''} problem={queryProblem(outcome, locale)} />
          {outcome === null ? null : <LookupResults outcome={outcome} query={query ?? ''} locale={locale} />}
          <BranchIndex groups={groups} locale={locale} />
        </Layout>
      ),
    };
  };

  const branchPage = async (
    locale: Locale,
    path: string,
    code: string,
    lookedUp: { code: string; classification: string } | null,
  ) => {
    const t = MESSAGES[locale];
    const groups = await listBranchGroups(store.db);
    const group = groups.find((g) => g.code === code);
    if (group === undefined) throw notFound(`No branch group "${code}"`);
    const [targets, demo, data, landed, activities, reach] = await Promise.all([
      listTargets(store.db, { branch: code }),
      holdsDemoData(store.db),
      statisticsFor(store.db).current(),
      lookedUp === null ? null : codeLanding(store, code, lookedUp.code, lookedUp.classification),
      listActivities(store.db, ANONYMOUS, { branch: code }),
      reachOf(store.db, ANONYMOUS, { branch: code }),
    ]);
    const series = accidentSeries(data, code, 'per_10000');
    const fatal = accidentRates(
      data,
      accidentFilters({ branch: [code], fatal: true, convention: 'accident', perEmployed: 100_000 }),
    );
    const name = pick(group, locale);
    const chartTitle = `${accidentSeriesTitle(locale)}: ${name}`;
    const fatalRow = fatal.rows[0];
    return (
      <Layout locale={locale} path={path} title={name} demo={demo}>
        <p class="maaltal-note">
          <a href={localePath(locale, '/branche')}>{t.branchesTitle}</a>
        </p>
        <h1>{name}</h1>
        {landed === null ? null : <LandedBy landed={landed} locale={locale} name={name} />}
        <dl class="maaltal-facts">
          <dt>{t.branchMainGroup}</dt>
          <dd>{locale === 'en' ? group.mainGroupNameEn : group.mainGroupNameDa}</dd>
          <dt>{t.branchOwner}</dt>
          <dd>
            {group.owners.length === 0
              ? '–'
              : group.owners.map((o) => `${pick(o, locale)} (${o.short})`).join(', ')}
          </dd>
          {group.subBranches.length === 0 ? null : (
            <>
              <dt>{t.branchSubBranches}</dt>
              <dd>{group.subBranches.map((s) => pick(s, locale)).join(', ')}</dd>
            </>
          )}
        </dl>
        <h2>{t.branchTargets}</h2>
        {targets.length === 0 ? (
          <p>{t.branchNoTargets}</p>
        ) : (
          <TargetTable
            targets={targets}
            locale={locale}
            caption={`${t.branchTargets}: ${name}`}
            lead={{ header: t.colProblem, label: targetName }}
          />
        )}
        <h2>{t.branchAccidents}</h2>
        <AccidentSeriesFigure
          locale={locale}
          series={series}
          title={chartTitle}
          id="branch-accidents"
          query={`branch=${code}&groupBy=year`}
          national={accidentSeries(data, null, 'per_10000')}
        />
        {fatalRow === undefined || fatalRow.count === null || fatal.meta.filters.from === null ? null : (
          <p>
            {t.branchFatal(
              formatNumber(fatalRow.count, locale),
              fatal.meta.filters.from as number,
              fatal.meta.filters.to as number,
            )}
          </p>
        )}
        <p>
          <a href={`${localePath(locale, '/ulykker')}?branch=${code}`}>{t.branchExplore}</a>
        </p>
        <BranchWork name={name} code={code} activities={activities} reach={reach} locale={locale} />
      </Layout>
    );
  };

  for (const locale of ['da', 'en'] as const) {
    const prefix = locale === 'en' ? '/en' : '';
    app.get(`${prefix}/branche`, requires('public'), async (c) => {
      const url = new URL(c.req.url);
      const outcome = await index(locale, `${url.pathname}${url.search}`, url.searchParams.get('q'));
      if ('redirect' in outcome) return c.redirect(outcome.redirect as string, 303);
      return c.html(outcome.html);
    });
    app.get(`${prefix}/branche/:code`, requires('public'), async (c) => {
      const kode = c.req.query('kode');
      const classification = c.req.query('klassifikation');
      const lookedUp =
        kode !== undefined && (classification === 'DB07' || classification === 'DB25')
          ? { code: kode, classification }
          : null;
      return c.html(await branchPage(locale, c.req.path, c.req.param('code'), lookedUp));
    });
  }
  return app;
}

const LATEST_ACTIVITIES = 10;

/** The BFAs' published activities in the branch group (the latest few, linked to all) and their reach. */
function BranchWork(props: {
  name: string;
  code: string;
  activities: Activity[];
  reach: ReachRow[];
  locale: Locale;
}) {
  const { name, code, activities, reach, locale } = props;
  const w = WORK_TEXTS[locale];
  const latest = [...activities]
    .sort((a, b) => b.periodStart.localeCompare(a.periodStart) || b.id - a.id)
    .slice(0, LATEST_ACTIVITIES);
  return (
    <>
      <h2>{w.branchActivitiesTitle}</h2>
      {activities.length === 0 ? (
        <p>{w.branchNoActivities}</p>
      ) : (
        <>
          <p>
            {w.activitiesCount(formatNumber(activities.length, locale), formatNumber(latest.length, locale))}{' '}
            <a href={`${localePath(locale, '/aktiviteter')}?branch=${code}`}>{w.sections.activities[0]}</a>
          </p>
          <ActivityTable activities={latest} locale={locale} caption={w.branchActivitiesCaption(name)} />
        </>
      )}
      <h2>{w.branchReachTitle}</h2>
      <ReachTable rows={reach} locale={locale} caption={w.branchReachCaption(name)} showBfa />
      <p class="maaltal-note">{REACH_NOTE[locale]}</p>
    </>
  );
}

/** "Industry code 41.20.00 (DB07): Opførelse af bygninger. It belongs to …, inferred from code 41." */
function LandedBy({
  landed,
  locale,
  name,
}: {
  landed: NonNullable<Awaited<ReturnType<typeof codeLanding>>>;
  locale: Locale;
  name: string;
}) {
  const b = BRANCH_TEXTS[locale];
  return (
    <div class="alert alert-info" role="status">
      <div class="alert-body">
        <p class="alert-text">
          {b.landedByCode(landed.code, landed.classification)}
          {landed.titleDa === null ? null : (
            <>
              {': '}
              <span lang={locale === 'en' ? 'da' : undefined}>{landed.titleDa}</span>
            </>
          )}{' '}
          {b.landedBelongs} {name}
          {landed.via === null ? null : `, ${b.inferredFrom(landed.via)}`}. {b.landedCaveat}
        </p>
      </div>
    </div>
  );
}
