// Branch pages: the index with the look-up (/branche?q=…: an industry code (DB07/DB25) or a name lands on its
// branch group) and one page per branch group (/branche/:code) with its BFA, its targets and its accidents.
import { Hono } from 'hono';
import { accidentFilters } from '../accidents/query.js';
import { accidentRates } from '../accidents/rates.js';
import { accidentSeries, statisticsFor } from '../accidents/series.js';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { notFound } from '../errors.js';
import { formatNumber, type Locale } from '../format.js';
import { listBranchGroups, lookupIndustryCode } from '../reference/reference.repository.js';
import { TargetTable } from '../targets/targets.routes.js';
import { listTargets } from '../targets/targets.service.js';
import { requires } from '../web/authorize.js';
import { localePath, MESSAGES, pick } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { AccidentSeriesFigure, accidentSeriesTitle } from './accident-series.js';

type BranchGroup = Awaited<ReturnType<typeof listBranchGroups>>[number];

const normalise = (text: string) => text.toLocaleLowerCase('da').normalize('NFC').trim();

/** Branch groups whose name (or a sub-branch's or main group's name) contains the words asked for. */
export function searchBranches(groups: readonly BranchGroup[], query: string): BranchGroup[] {
  const words = normalise(query)
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) return [];
  return groups.filter((group) => {
    const text = normalise(
      [
        group.nameDa,
        group.nameEn,
        group.mainGroupNameDa,
        group.mainGroupNameEn,
        ...group.subBranches.flatMap((s) => [s.nameDa, s.nameEn]),
      ].join(' '),
    );
    return words.every((word) => text.includes(word));
  });
}

export interface CodeMatch {
  group: BranchGroup;
  classification: 'DB07' | 'DB25';
  industryCode: string;
  caveat: string;
}

/** An industry code (DB07 first, then DB25) → its branch group; undefined when the text is no code or unknown. */
export async function branchOfIndustryCode(
  store: Store,
  groups: readonly BranchGroup[],
  query: string,
): Promise<CodeMatch | undefined | null> {
  const text = query.trim();
  if (!/^[\d.\s]+$/.test(text) || text.replace(/\D/g, '').length < 2) return null;
  for (const classification of ['DB07', 'DB25'] as const) {
    const found = await lookupIndustryCode(store.db, classification, text);
    const group = groups.find((g) => g.code === found?.branchGroup);
    if (found !== undefined && group !== undefined)
      return { group, classification, industryCode: found.code, caveat: found.caveat };
  }
  return undefined;
}

function LookupForm({ locale, query }: { locale: Locale; query: string }) {
  const t = MESSAGES[locale];
  return (
    <form method="get" action={localePath(locale, '/branche')} class="maaltal-lookup">
      <div class="form-group">
        <label class="form-label" for="branch-query">
          {t.lookupLabel}
        </label>
        <span class="form-hint" id="branch-query-hint">
          {t.lookupHint}
        </span>
        <input
          class="form-input"
          id="branch-query"
          name="q"
          type="search"
          value={query}
          aria-describedby="branch-query-hint"
        />
      </div>
      <button class="button button-primary" type="submit">
        {t.lookupButton}
      </button>
    </form>
  );
}

export function branchPageRoutes(store: Store): Hono {
  const app = new Hono();

  const index = async (locale: Locale, path: string, query: string) => {
    const t = MESSAGES[locale];
    const [groups, demo] = await Promise.all([listBranchGroups(store.db), holdsDemoData(store.db)]);
    const href = (group: BranchGroup) => localePath(locale, `/branche/${group.code}`);
    let result: { heading: string; groups: BranchGroup[] } | null = null;
    if (query.trim() !== '') {
      const byCode = await branchOfIndustryCode(store, groups, query);
      if (byCode !== null) {
        if (byCode !== undefined) {
          const from = new URLSearchParams({ kode: query.trim(), klassifikation: byCode.classification });
          return { redirect: `${href(byCode.group)}?${from}` };
        }
        result = { heading: t.lookupNoMatch(query), groups: [] };
      } else {
        const matches = searchBranches(groups, query);
        if (matches.length === 1 && matches[0] !== undefined) return { redirect: href(matches[0]) };
        result = {
          heading: matches.length === 0 ? t.lookupNoMatch(query) : t.lookupMatches(query),
          groups: matches,
        };
      }
    }
    const mainGroups = [
      ...new Map(
        groups.map((g) => [g.mainGroupCode, locale === 'en' ? g.mainGroupNameEn : g.mainGroupNameDa]),
      ).entries(),
    ];
    return {
      html: (
        <Layout locale={locale} path={path} title={t.branchesTitle} demo={demo}>
          <h1>{t.branchesTitle}</h1>
          <p class="font-lead">{t.branchesIntro}</p>
          <LookupForm locale={locale} query={query} />
          {result === null ? null : (
            <section aria-live="polite">
              <h2>{result.heading}</h2>
              <ul>
                {result.groups.map((group) => (
                  <li>
                    <a href={href(group)}>{pick(group, locale)}</a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {mainGroups.map(([code, name]) => (
            <section aria-labelledby={`main-${code}`}>
              <h2 id={`main-${code}`}>{name}</h2>
              <ul>
                {groups
                  .filter((group) => group.mainGroupCode === code)
                  .map((group) => (
                    <li>
                      <a href={href(group)}>{pick(group, locale)}</a>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
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
    const [targets, demo, data] = await Promise.all([
      listTargets(store.db, { branch: code }),
      holdsDemoData(store.db),
      statisticsFor(store.db).current(),
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
        {lookedUp === null ? null : (
          <div class="alert alert-info" role="status">
            <div class="alert-body">
              <p class="alert-text">
                {t.lookupByCode(lookedUp.code, lookedUp.classification)} {name}. {t.lookupCaveat}
              </p>
            </div>
          </div>
        )}
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
          <TargetTable targets={targets} locale={locale} caption={`${t.branchTargets}: ${name}`} />
        )}
        <h2>{t.branchAccidents}</h2>
        <AccidentSeriesFigure
          locale={locale}
          series={series}
          title={chartTitle}
          id="branch-accidents"
          query={`branch=${code}&groupBy=year`}
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
      </Layout>
    );
  };

  for (const locale of ['da', 'en'] as const) {
    const prefix = locale === 'en' ? '/en' : '';
    app.get(`${prefix}/branche`, requires('public'), async (c) => {
      const url = new URL(c.req.url);
      const outcome = await index(locale, `${url.pathname}${url.search}`, url.searchParams.get('q') ?? '');
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
