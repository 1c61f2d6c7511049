// The public activity pages: the list with its filter form, table and downloads (/aktiviteter), and one activity with
// everything about it (/aktiviteter/:id). Drafts appear only for readers who may read them, marked "Kladde".
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { formatDate, formatNumber, type Locale } from '../format.js';
import { Entered } from '../web/entered-text.js';
import { localePath } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import type { Activity, LinkedTarget, Named } from './activities.model.js';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TEXTS,
  formatDkk,
  STATUS_LABELS,
  TYPE_LABELS,
} from './activities.texts.js';
import { safeMarkdown } from './safe-markdown.js';

export const pickName = (named: { nameDa: string; nameEn: string }, locale: Locale): string =>
  locale === 'da' ? named.nameDa : named.nameEn;

/** A target as its link text: goal (· sub-problem) · branch group (: sub-branch), or the whole country. */
export function targetLabel(target: LinkedTarget, locale: Locale): string {
  const problem =
    target.subProblem === null
      ? pickName(target.goal, locale)
      : `${pickName(target.goal, locale)} – ${pickName(target.subProblem, locale)}`;
  const where =
    target.branchGroup === null
      ? { da: 'Hele landet', en: 'Whole country' }[locale]
      : pickName(target.branchGroup, locale);
  const sub = target.subBranch === null ? '' : `: ${pickName(target.subBranch, locale)}`;
  return `${problem} · ${where}${sub}`;
}

export function periodText(activity: Pick<Activity, 'periodStart' | 'periodEnd'>, locale: Locale): string {
  const start = formatDate(activity.periodStart, locale);
  if (activity.periodEnd === null) return `${start} (${ACTIVITY_TEXTS[locale].ongoing})`;
  if (activity.periodEnd === activity.periodStart) return start;
  return `${start}–${formatDate(activity.periodEnd, locale)}`;
}

export const DraftBadge = ({ locale }: { locale: Locale }) => (
  <strong class="badge badge-warning">{ACTIVITY_TEXTS[locale].draft}</strong>
);

const groupNames = (activity: Activity, locale: Locale) =>
  [...new Map(activity.branches.map((b) => [b.group.code, pickName(b.group, locale)])).values()].join(', ');

export interface ListFilterValues {
  bfa?: string | undefined;
  branch?: string | undefined;
  status?: string | undefined;
  year?: string | undefined;
}

export interface ListChoices {
  bfas: { code: string; short: string }[];
  groups: Named[];
  years: number[];
}

function FilterSelect(props: {
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  locale: Locale;
}) {
  const id = `filter-${props.name}`;
  return (
    <div class="form-group">
      <label class="form-label" for={id}>
        {props.label}
      </label>
      <select class="form-select" id={id} name={props.name}>
        <option value="">{ACTIVITY_TEXTS[props.locale].filterAll}</option>
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilterForm(props: { locale: Locale; filter: ListFilterValues; choices: ListChoices }) {
  const { locale, filter, choices } = props;
  const t = ACTIVITY_TEXTS[locale];
  return (
    <form method="get" action={localePath(locale, '/aktiviteter')} class="maaltal-filters">
      <fieldset>
        <legend class="h3">{t.filtersLegend}</legend>
        <FilterSelect
          name="bfa"
          label="BFA"
          value={filter.bfa}
          options={choices.bfas.map((bfa) => ({ value: bfa.code, label: bfa.short }))}
          locale={locale}
        />
        <FilterSelect
          name="branch"
          label={t.filterBranch}
          value={filter.branch}
          options={choices.groups.map((group) => ({ value: group.code, label: pickName(group, locale) }))}
          locale={locale}
        />
        <FilterSelect
          name="status"
          label="Status"
          value={filter.status}
          options={ACTIVITY_STATUSES.map((status) => ({
            value: status,
            label: STATUS_LABELS[status][locale],
          }))}
          locale={locale}
        />
        <FilterSelect
          name="year"
          label={t.filterYear}
          value={filter.year}
          options={choices.years.map((year) => ({ value: String(year), label: String(year) }))}
          locale={locale}
        />
        <button class="button button-primary" type="submit">
          {t.filterSubmit}
        </button>
      </fieldset>
    </form>
  );
}

/** Activities as a table (title linked, BFA, type, branch groups, period, status, reach, cost); target pages, branch
 *  pages and BFA pages show the same table. Its wrapper scrolls sideways, so it is focusable, named by the caption
 *  (or by `label`, the heading above it, when there is no caption). */
export function ActivityTable({
  activities,
  locale,
  caption,
  label,
}: {
  activities: Activity[];
  locale: Locale;
  caption?: string;
  label?: string;
}) {
  const t = ACTIVITY_TEXTS[locale];
  return (
    <section class="table-wrapper" tabindex={0} aria-label={caption ?? label ?? t.listTitle}>
      <table class="table table--compact table--responsive-headers">
        {caption === undefined ? null : <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{t.colTitle}</th>
            <th scope="col">BFA</th>
            <th scope="col">Type</th>
            <th scope="col">{t.filterBranch}</th>
            <th scope="col">{t.colPeriod}</th>
            <th scope="col">Status</th>
            <th scope="col">{t.colReached}</th>
            <th scope="col">{t.colCost}</th>
          </tr>
        </thead>
        <tbody>
          {activities.map((activity) => (
            <tr>
              <td data-title={t.colTitle}>
                <a href={localePath(locale, `/aktiviteter/${activity.id}`)}>
                  <Entered locale={locale}>{activity.title}</Entered>
                </a>
                {activity.published ? null : (
                  <>
                    {' '}
                    <DraftBadge locale={locale} />
                  </>
                )}
              </td>
              <td data-title="BFA">{activity.bfa.short}</td>
              <td data-title="Type">{TYPE_LABELS[activity.type][locale]}</td>
              <td data-title={t.filterBranch}>{groupNames(activity, locale)}</td>
              <td data-title={t.colPeriod}>{periodText(activity, locale)}</td>
              <td data-title="Status">{STATUS_LABELS[activity.status][locale]}</td>
              <td data-title={t.colReached}>
                {formatNumber(activity.reachedWorkplaces, locale)} /{' '}
                {formatNumber(activity.reachedParticipants, locale)}
              </td>
              <td data-title={t.colCost}>{formatDkk(activity.costDkk, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ActivityListPage(props: {
  locale: Locale;
  path: string;
  demo: boolean;
  activities: Activity[];
  filter: ListFilterValues;
  choices: ListChoices;
}) {
  const { locale, activities } = props;
  const t = ACTIVITY_TEXTS[locale];
  const query = new URLSearchParams(
    Object.entries(props.filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const download = (suffix: string, lang: boolean) => {
    const parameters = new URLSearchParams(query);
    if (lang) parameters.set('lang', locale);
    const text = parameters.toString();
    return `/api/v1/activities${suffix}${text === '' ? '' : `?${text}`}`;
  };
  return (
    <Layout locale={locale} path={props.path} title={t.listTitle} demo={props.demo}>
      <h1>{t.listTitle}</h1>
      <p class="font-lead">{t.listIntro}</p>
      <FilterForm locale={locale} filter={props.filter} choices={props.choices} />
      <h2>{t.count(activities.length)}</h2>
      {activities.length === 0 ? (
        <p>{t.noActivities}</p>
      ) : (
        <ActivityTable activities={activities} locale={locale} label={t.count(activities.length)} />
      )}
      <h2>{t.downloads}</h2>
      <ul>
        <li>
          <a href={download('.csv', true)}>{t.csv}</a>
        </li>
        <li>
          <a href={download('.xlsx', true)}>{t.xlsx}</a>
        </li>
        <li>
          <a href={download('', false)}>{t.json}</a>
        </li>
      </ul>
    </Layout>
  );
}

function Fact({ term, children }: { term: string; children: Child }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Facts({ activity, locale }: { activity: Activity; locale: Locale }) {
  const t = ACTIVITY_TEXTS[locale];
  return (
    <dl class="maaltal-facts">
      <Fact term="BFA">{pickName(activity.bfa, locale)}</Fact>
      <Fact term="Type">{TYPE_LABELS[activity.type][locale]}</Fact>
      <Fact term={t.colPeriod}>{periodText(activity, locale)}</Fact>
      <Fact term="Status">{STATUS_LABELS[activity.status][locale]}</Fact>
      <Fact term={t.filterBranch}>
        <ul class="nobullet-list">
          {activity.branches.map((branch) => (
            <li>
              <a href={localePath(locale, `/branche/${branch.group.code}`)}>
                {pickName(branch.group, locale)}
              </a>
              {branch.subBranch === null ? null : `: ${pickName(branch.subBranch, locale)}`}
            </li>
          ))}
        </ul>
      </Fact>
      <Fact term={t.colCost}>{formatDkk(activity.costDkk, locale)}</Fact>
      {activity.fundingPool === null ? null : (
        <Fact term={locale === 'da' ? 'Pulje' : 'Funding pool'}>
          <a href={localePath(locale, `/puljer/${activity.fundingPool.id}`)}>
            <Entered locale={locale}>{activity.fundingPool.name}</Entered>
          </a>
        </Fact>
      )}
      {activity.campaign === null ? null : (
        <Fact term={locale === 'da' ? 'Kampagne' : 'Campaign'}>
          <a href={localePath(locale, `/kampagner/${activity.campaign.id}`)}>
            <Entered locale={locale}>{activity.campaign.title}</Entered>
          </a>
        </Fact>
      )}
      <Fact term={t.updated}>{formatDate(activity.updatedAt, locale)}</Fact>
    </dl>
  );
}

function ReachTable({ activity, locale }: { activity: Activity; locale: Locale }) {
  const t = ACTIVITY_TEXTS[locale];
  return (
    <section class="table-wrapper" tabindex={0} aria-label={t.reach}>
      <table class="table table--compact">
        <caption>{t.reach}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t.planned}</th>
            <th scope="col">{t.reached}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.workplaces}</th>
            <td>{formatNumber(activity.plannedWorkplaces, locale)}</td>
            <td>{formatNumber(activity.reachedWorkplaces, locale)}</td>
          </tr>
          <tr>
            <th scope="row">{t.participants}</th>
            <td>{formatNumber(activity.plannedParticipants, locale)}</td>
            <td>{formatNumber(activity.reachedParticipants, locale)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function sizeText(bytes: number | null, locale: Locale): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, locale, 0)} kB`;
  return `${formatNumber(bytes / 1024 / 1024, locale, 1)} MB`;
}

export function EvidenceList({ activity, locale }: { activity: Activity; locale: Locale }) {
  const t = ACTIVITY_TEXTS[locale];
  if (activity.evidence.length === 0) return <p>{t.noEvidence}</p>;
  return (
    <ul>
      {activity.evidence.map((item) =>
        item.kind === 'link' ? (
          <li>
            <a href={item.url ?? ''} rel="nofollow noopener noreferrer">
              <Entered locale={locale}>{item.title}</Entered>
            </a>{' '}
            ({t.link})
          </li>
        ) : (
          <li>
            <a href={localePath(locale, `/aktiviteter/${activity.id}/bilag/${item.id}`)}>
              <Entered locale={locale}>{item.title}</Entered>
            </a>{' '}
            ({t.file}: <Entered locale={locale}>{item.fileName}</Entered>, {sizeText(item.sizeBytes, locale)})
          </li>
        ),
      )}
    </ul>
  );
}

export function ActivityPage(props: {
  locale: Locale;
  path: string;
  demo: boolean;
  activity: Activity;
  mayEdit: boolean;
}) {
  const { locale, activity } = props;
  const t = ACTIVITY_TEXTS[locale];
  const notes = safeMarkdown(activity.notes);
  return (
    <Layout locale={locale} path={props.path} title={activity.title} demo={props.demo}>
      <p>
        <a href={localePath(locale, '/aktiviteter')}>{t.backToList}</a>
      </p>
      <h1>
        <Entered locale={locale}>{activity.title}</Entered>
      </h1>
      {activity.published ? null : (
        <p>
          <DraftBadge locale={locale} /> {t.draftNote}
        </p>
      )}
      {props.mayEdit ? (
        <p>
          <a href={localePath(locale, `/redaktion/aktiviteter/${activity.id}`)}>{t.editLink}</a>
        </p>
      ) : null}
      <h2>{t.facts}</h2>
      <Facts activity={activity} locale={locale} />
      <ReachTable activity={activity} locale={locale} />
      <h2>{t.targetsHeading}</h2>
      {activity.targets.length === 0 ? (
        <p>{t.noTargets}</p>
      ) : (
        <ul>
          {activity.targets.map((target) => (
            <li>
              <a href={localePath(locale, `/maaltal/${target.id}`)}>{targetLabel(target, locale)}</a>
            </li>
          ))}
        </ul>
      )}
      {notes === '' ? null : (
        <>
          <h2>{t.notesHeading}</h2>
          <Entered locale={locale} block>
            <div class="maaltal-notes">{raw(notes)}</div>
          </Entered>
        </>
      )}
      <h2>{t.evidenceHeading}</h2>
      <EvidenceList activity={activity} locale={locale} />
    </Layout>
  );
}
