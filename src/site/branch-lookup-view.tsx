// The branch look-up's form and answer: a GET form (works without JavaScript), the branch groups named like the
// query, and a table of DB07 codes with their Danish titles and where each belongs (a branch group, directly or
// inferred; several; or none known, then its main group).
import type { Locale } from '../format.js';
import { dottedCode } from '../reference/industry-classification.js';
import { localePath, MESSAGES, pick } from '../web/i18n.js';
import { BRANCH_TEXTS } from './branch.texts.js';
import type { BranchGroup, CodeRow, LookupOutcome, Placement } from './branch-lookup.js';

/** The problem with the query itself (shown beside the field), if any. */
export function queryProblem(outcome: LookupOutcome | null, locale: Locale): string | null {
  const b = BRANCH_TEXTS[locale];
  if (outcome?.kind === 'empty') return b.empty;
  if (outcome?.kind === 'tooLong') return b.tooLong(outcome.max);
  if (outcome?.kind === 'unknownCode') return b.unknownCode(outcome.text);
  return null;
}

export function LookupForm({
  locale,
  query,
  problem,
}: {
  locale: Locale;
  query: string;
  problem: string | null;
}) {
  const t = MESSAGES[locale];
  const b = BRANCH_TEXTS[locale];
  return (
    <form method="get" action={localePath(locale, '/branche')} class="maaltal-lookup">
      <div class={problem === null ? 'form-group' : 'form-group form-error'}>
        <label class="form-label" for="branch-query">
          {t.lookupLabel}
        </label>
        <span class="form-hint" id="branch-query-hint">
          {b.lookupHint}
        </span>
        {problem === null ? null : (
          <span class="form-error-message" id="branch-query-error">
            {problem}
          </span>
        )}
        <input
          class="form-input"
          id="branch-query"
          name="q"
          type="search"
          value={query}
          maxlength={100}
          aria-describedby={problem === null ? 'branch-query-hint' : 'branch-query-hint branch-query-error'}
          aria-invalid={problem === null ? undefined : 'true'}
        />
      </div>
      <button class="button button-primary" type="submit">
        {t.lookupButton}
      </button>
    </form>
  );
}

const groupHref = (locale: Locale, group: BranchGroup) => localePath(locale, `/branche/${group.code}`);

function PlacementCell({
  placement,
  locale,
  division,
}: {
  placement: Placement;
  locale: Locale;
  division: string;
}) {
  const b = BRANCH_TEXTS[locale];
  if (placement.kind === 'mapped')
    return (
      <td>
        <a href={groupHref(locale, placement.group)}>{pick(placement.group, locale)}</a>
        {placement.inferred ? (
          <span class="maaltal-ci">{b.inferredFrom(placement.via.join(', '))}</span>
        ) : null}
      </td>
    );
  if (placement.kind === 'split')
    return (
      <td>
        {b.split}
        <ul class="maaltal-lookup-groups">
          {placement.parts.map((part) => (
            <li>
              <a href={groupHref(locale, part.group)}>{pick(part.group, locale)}</a> ({part.via.join(', ')})
            </li>
          ))}
        </ul>
        {placement.rest ? <span class="maaltal-ci">{b.splitRest}</span> : null}
      </td>
    );
  const main = placement.mainGroup;
  return (
    <td>
      {b.noGroup}.
      {main === null ? (
        <span class="maaltal-ci">{b.mainGroupUnknown}</span>
      ) : (
        <span class="maaltal-ci">
          {b.mainGroup}{' '}
          <a href={`${localePath(locale, '/branche')}#main-${main.code}`}>{pick(main, locale)}</a> (
          {b.mainGroupBasis(division)})
        </span>
      )}
    </td>
  );
}

export function CodeTable({ rows, locale, caption }: { rows: CodeRow[]; locale: Locale; caption: string }) {
  const b = BRANCH_TEXTS[locale];
  return (
    <div class="table-wrapper">
      <table class="table table--compact maaltal-lookup-table">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{b.colCodeTitle}</th>
            <th scope="col">{b.colGroup}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ entry, placement }) => (
            <tr>
              <th scope="row">
                <span class="maaltal-lookup-code">{entry.codes.join(', ')}</span>{' '}
                <span lang={locale === 'en' ? 'da' : undefined}>{entry.titleDa}</span>
              </th>
              <PlacementCell placement={placement} locale={locale} division={entry.top.slice(0, 2)} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GroupList({ groups, locale }: { groups: BranchGroup[]; locale: Locale }) {
  return (
    <ul>
      {groups.map((group) => (
        <li>
          <a href={groupHref(locale, group)}>{pick(group, locale)}</a>
        </li>
      ))}
    </ul>
  );
}

/** The answer to a query of words or a code that does not land on one branch group. */
export function LookupResults({
  outcome,
  query,
  locale,
}: {
  outcome: LookupOutcome;
  query: string;
  locale: Locale;
}) {
  const b = BRANCH_TEXTS[locale];
  if (outcome.kind !== 'words' && outcome.kind !== 'code') return null;
  const q = query.trim();
  const nothing = outcome.kind === 'words' && outcome.groups.length === 0 && outcome.rows.length === 0;
  return (
    <section class="maaltal-lookup-results" aria-labelledby="lookup-results">
      <h2 id="lookup-results">{b.resultsHeading(q)}</h2>
      {nothing ? (
        <div class="alert alert-info" role="status">
          <div class="alert-body">
            <p class="alert-text">{b.noMatch(q)}</p>
          </div>
        </div>
      ) : null}
      {outcome.kind === 'words' && outcome.groups.length > 0 ? (
        <>
          <h3>{b.groupsHeading}</h3>
          <GroupList groups={outcome.groups} locale={locale} />
        </>
      ) : null}
      {outcome.rows.length === 0 ? null : (
        <>
          <h3>{outcome.kind === 'code' ? b.codeHeading(dottedCode(outcome.digits)) : b.codesHeading}</h3>
          <p class="maaltal-note">{b.titlesNote}</p>
          <CodeTable rows={outcome.rows} locale={locale} caption={b.resultsHeading(q)} />
          {outcome.kind === 'words' && outcome.total > outcome.rows.length ? (
            <p class="maaltal-note">{b.shown(outcome.rows.length, outcome.total)}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
