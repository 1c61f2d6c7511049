// The BFAs' work across features: the public overview (/indsats) with a card per BFA, the page per BFA (/bfa/:code:
// its branch groups, targets by status, activities, campaigns, pilots, funding pools with spend, and reach), its JSON
// (/api/v1/bfas/:code), and the editor area's hub (/redaktion/indsats).
import { type Context, Hono } from 'hono';
import { can } from '../auth/policy.js';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { formatDkk, formatNumber, type Locale } from '../format.js';
import { listBfas } from '../reference/reference.repository.js';
import { StatusCounts } from '../site/goal-pages.js';
import { TargetTable } from '../targets/targets.routes.js';
import { principalOf, requires } from '../web/authorize.js';
import { Entered } from '../web/entered-text.js';
import { localePath, MESSAGES, pick } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { ActivityTable, periodText } from './activities.pages.js';
import { presentActivity } from './activities.presenter.js';
import { type BfaOverview, bfaOverview, publishedActivityCounts } from './bfa.service.js';
import { presentCampaign } from './campaigns.routes.js';
import { formatCostPerWorkplace } from './funding.texts.js';
import { effectSummary, presentPilot } from './pilots.routes.js';
import { REACH_NOTE } from './reach.service.js';
import { ReachTable } from './reach-table.js';
import { WORK_TEXTS } from './work.texts.js';

type SectionKey = keyof (typeof WORK_TEXTS)['da']['sections'];

const SECTION_PATHS: Record<SectionKey, string> = {
  activities: '/aktiviteter',
  campaigns: '/kampagner',
  pilots: '/piloter',
  pools: '/puljer',
  recommendations: '/anbefalinger',
};

/** A list of links with a line of explanation each (dkfds's plain list with bold links). */
function SectionLinks({ locale, base, keys }: { locale: Locale; base: string; keys: readonly SectionKey[] }) {
  const w = WORK_TEXTS[locale];
  return (
    <ul class="maaltal-section-links">
      {keys.map((key) => (
        <li>
          <a href={localePath(locale, `${base}${SECTION_PATHS[key]}`)}>
            <strong>{w.sections[key][0]}</strong>
          </a>
          <br />
          {w.sections[key][1]}
        </li>
      ))}
    </ul>
  );
}

const ALL_SECTIONS: readonly SectionKey[] = ['activities', 'campaigns', 'pilots', 'pools', 'recommendations'];

async function overviewPage(store: Store, locale: Locale, path: string) {
  const w = WORK_TEXTS[locale];
  const [bfas, counts, demo] = await Promise.all([
    listBfas(store.db),
    publishedActivityCounts(store.db),
    holdsDemoData(store.db),
  ]);
  return (
    <Layout locale={locale} path={path} title={w.overviewTitle} demo={demo}>
      <h1>{w.overviewTitle}</h1>
      <p class="font-lead">{w.overviewIntro}</p>
      <SectionLinks locale={locale} base="" keys={ALL_SECTIONS} />
      <h2>{w.bfasTitle}</h2>
      <ul class="maaltal-section-links">
        {bfas.map((bfa) => (
          <li>
            <a href={localePath(locale, `/bfa/${bfa.code}`)}>
              <strong>{pick(bfa, locale)}</strong> ({bfa.short})
            </a>
            <br />
            {w.bfaActivities(formatNumber(counts.get(bfa.id) ?? 0, locale))}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

function hubPage(c: Context, locale: Locale) {
  const w = WORK_TEXTS[locale];
  const principal = principalOf(c);
  const writes = can(principal, 'work.write');
  return (
    <Layout locale={locale} path={c.req.path} title={w.hubTitle} demo={false}>
      <h1>{w.hubTitle}</h1>
      <p>{w.hubIntro}</p>
      <SectionLinks locale={locale} base="/redaktion" keys={ALL_SECTIONS} />
      {writes ? (
        <ul class="maaltal-section-links">
          <li>
            <a href={localePath(locale, '/redaktion/aktiviteter/import')}>
              <strong>{w.hubImport[0]}</strong>
            </a>
            <br />
            {w.hubImport[1]}
          </li>
        </ul>
      ) : null}
    </Layout>
  );
}

const LATEST_ACTIVITIES = 15;

function ActivitiesSection({ overview, locale }: { overview: BfaOverview; locale: Locale }) {
  const w = WORK_TEXTS[locale];
  const { activities, bfa } = overview;
  if (activities.length === 0) return <p>{w.noActivities}</p>;
  const latest = [...activities]
    .sort((a, b) => b.periodStart.localeCompare(a.periodStart) || b.id - a.id)
    .slice(0, LATEST_ACTIVITIES);
  return (
    <>
      <p>
        {w.activitiesCount(formatNumber(activities.length, locale), formatNumber(latest.length, locale))}{' '}
        <a href={`${localePath(locale, '/aktiviteter')}?bfa=${bfa.code}`}>{w.bfaAllActivities(bfa.short)}</a>
      </p>
      <ActivityTable activities={latest} locale={locale} caption={w.activitiesCaption(bfa.short)} />
    </>
  );
}

function CampaignList({ overview, locale }: { overview: BfaOverview; locale: Locale }) {
  const w = WORK_TEXTS[locale];
  if (overview.campaigns.length === 0) return <p>{w.noCampaigns}</p>;
  return (
    <ul>
      {overview.campaigns.map((campaign) => (
        <li>
          <a href={localePath(locale, `/kampagner/${campaign.id}`)}>
            <Entered locale={locale}>{campaign.title}</Entered>
          </a>{' '}
          ({periodText(campaign, locale)})
        </li>
      ))}
    </ul>
  );
}

function PilotTable({ overview, locale }: { overview: BfaOverview; locale: Locale }) {
  const w = WORK_TEXTS[locale];
  if (overview.pilots.length === 0) return <p>{w.noPilots}</p>;
  return (
    <section class="table-wrapper" tabindex={0} aria-label={w.pilotsTitle}>
      <table class="table table--compact table--responsive-headers">
        <thead>
          <tr>
            <th scope="col">{w.colPilot}</th>
            <th scope="col">{w.colOutcome}</th>
            <th scope="col">{w.colEffect}</th>
          </tr>
        </thead>
        <tbody>
          {overview.pilots.map((pilot) => (
            <tr>
              <td data-title={w.colPilot}>
                <a href={localePath(locale, `/piloter/${pilot.id}`)}>
                  <Entered locale={locale}>{pilot.title}</Entered>
                </a>
              </td>
              <td data-title={w.colOutcome}>
                <Entered locale={locale}>{pilot.outcome}</Entered>
              </td>
              <td data-title={w.colEffect}>{effectSummary(pilot, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PoolTable({ overview, locale }: { overview: BfaOverview; locale: Locale }) {
  const w = WORK_TEXTS[locale];
  if (overview.pools.length === 0) return <p>{w.noPools}</p>;
  const money = (value: number | null) => <td class="num">{formatDkk(value, locale)}</td>;
  return (
    <>
      <p>{w.spentTotal(formatDkk(overview.spentDkk, locale))}</p>
      <section class="table-wrapper" tabindex={0} aria-label={w.poolsCaption(overview.bfa.short)}>
        <table class="table table--compact">
          <caption>{w.poolsCaption(overview.bfa.short)}</caption>
          <thead>
            <tr>
              <th scope="col">{w.colPool}</th>
              <th scope="col" class="num">
                {w.colShare}
              </th>
              <th scope="col" class="num">
                {w.colSpent}
              </th>
              <th scope="col" class="num">
                {w.colCommitted}
              </th>
              <th scope="col" class="num">
                {w.colReached}
              </th>
              <th scope="col">{w.colCost}</th>
            </tr>
          </thead>
          <tbody>
            {overview.pools.map(({ pool, figures }) => (
              <tr>
                <td>
                  <a href={localePath(locale, `/puljer/${pool.id}`)}>
                    <Entered locale={locale}>{pool.name}</Entered>
                  </a>
                </td>
                {money(figures.shareDkk)}
                {money(figures.spentDkk)}
                {money(figures.committedDkk)}
                <td class="num">{formatNumber(figures.reachedWorkplaces, locale)}</td>
                <td>{formatCostPerWorkplace(figures.costPerWorkplaceDkk, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function BfaDownloads({ code, locale }: { code: string; locale: Locale }) {
  const w = WORK_TEXTS[locale];
  return (
    <ul class="maaltal-downloads">
      <li>
        <a href={`/api/v1/activities.csv?bfa=${code}&lang=${locale}`} download>
          {w.downloadActivitiesCsv}
        </a>
      </li>
      <li>
        <a href={`/api/v1/activities.xlsx?bfa=${code}&lang=${locale}`} download>
          {w.downloadActivitiesXlsx}
        </a>
      </li>
      <li>
        <a href={`/api/v1/bfas/${code}`}>{w.downloadJson}</a>
      </li>
    </ul>
  );
}

function BfaPage({
  overview,
  locale,
  path,
  demo,
}: {
  overview: BfaOverview;
  locale: Locale;
  path: string;
  demo: boolean;
}) {
  const w = WORK_TEXTS[locale];
  const m = MESSAGES[locale];
  const { bfa, branchGroups, targets } = overview;
  const name = pick(bfa, locale);
  return (
    <Layout locale={locale} path={path} title={name} demo={demo}>
      <p class="maaltal-note">
        <a href={localePath(locale, '/indsats')}>{w.overviewTitle}</a>
      </p>
      <h1>
        {name} ({bfa.short})
      </h1>
      <p class="font-lead">{w.bfaIntro(bfa.short)}</p>
      {/^https?:\/\//.test(bfa.sourceUrl) ? (
        <p>
          <a href={bfa.sourceUrl}>{w.bfaSource}</a>
        </p>
      ) : null}
      <h2>{w.bfaBranches}</h2>
      <ul>
        {branchGroups.map((group) => (
          <li>
            <a href={localePath(locale, `/branche/${group.code}`)}>{pick(group, locale)}</a>
          </li>
        ))}
      </ul>
      <h2>{w.bfaTargets}</h2>
      {targets.length === 0 ? (
        <p>{w.bfaNoTargets}</p>
      ) : (
        <>
          <StatusCounts targets={targets} t={m} locale={locale} label={w.bfaStatusLabel(bfa.short)} />
          <TargetTable targets={targets} locale={locale} caption={`${w.bfaTargetList}: ${name}`} />
        </>
      )}
      <h2>{w.activitiesTitle}</h2>
      <ActivitiesSection overview={overview} locale={locale} />
      <h2>{w.campaignsTitle}</h2>
      <CampaignList overview={overview} locale={locale} />
      <h2>{w.pilotsTitle}</h2>
      <PilotTable overview={overview} locale={locale} />
      <h2>{w.poolsTitle}</h2>
      <PoolTable overview={overview} locale={locale} />
      <h2>{w.reachTitle}</h2>
      <ReachTable rows={overview.reach} locale={locale} caption={w.reachCaption(bfa.short)} />
      <p class="maaltal-note">{REACH_NOTE[locale]}</p>
      <h2>{w.downloadsTitle}</h2>
      <BfaDownloads code={bfa.code} locale={locale} />
    </Layout>
  );
}

/** The BFA page's JSON: the same parts, each in its feature's own shape. */
function presentOverview(overview: BfaOverview, demo: boolean) {
  const { bfa } = overview;
  return {
    data: {
      bfa: {
        code: bfa.code,
        short: bfa.short,
        name: { da: bfa.nameDa, en: bfa.nameEn },
        url: `/bfa/${bfa.code}`,
      },
      branchGroups: overview.branchGroups.map((g) => ({
        code: g.code,
        name: { da: g.nameDa, en: g.nameEn },
      })),
      targets: overview.targets.map((target) => ({
        id: target.id,
        url: `/maaltal/${target.id}`,
        goal: target.goal.code,
        branchGroup: target.branchGroup?.code ?? null,
        headline: target.assessment?.headline ?? 'insufficient_data',
      })),
      activities: overview.activities.map(presentActivity),
      campaigns: overview.campaigns.map(presentCampaign),
      pilots: overview.pilots.map(presentPilot),
      pools: overview.pools,
      spentDkk: overview.spentDkk,
      reach: overview.reach,
    },
    meta: { demo, notes: { reach: REACH_NOTE } },
  };
}

export function bfaPageRoutes(store: Store): Hono {
  const app = new Hono();
  for (const locale of ['da', 'en'] as const) {
    app.get(localePath(locale, '/indsats'), requires('public'), async (c) =>
      c.html(await overviewPage(store, locale, c.req.path)),
    );
    app.get(localePath(locale, '/redaktion/indsats'), requires('drafts.read'), (c) =>
      c.html(hubPage(c, locale)),
    );
    app.get(localePath(locale, '/bfa/:code'), requires('public'), async (c) => {
      const [overview, demo] = await Promise.all([
        bfaOverview(store.db, principalOf(c), c.req.param('code') ?? '', new Date()),
        holdsDemoData(store.db),
      ]);
      c.header('Cache-Control', 'no-store');
      return c.html(<BfaPage overview={overview} locale={locale} path={c.req.path} demo={demo} />);
    });
  }
  app.get('/api/v1/bfas/:code', requires('public'), async (c) => {
    const principal = principalOf(c);
    const [overview, demo] = await Promise.all([
      bfaOverview(store.db, principal, c.req.param('code') ?? '', new Date()),
      holdsDemoData(store.db),
    ]);
    c.header('Cache-Control', principal.kind === 'anonymous' ? 'no-store' : 'private, no-store');
    return c.json(presentOverview(overview, demo));
  });
  return app;
}
