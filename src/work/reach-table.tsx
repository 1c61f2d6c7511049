// The reach table (METHODS §11) the BFA page, branch pages and the pool pages share: per branch group and year the
// activities counted, workplaces and participants reached (sums: upper bounds), the denominators with source and
// year, and the shares, or why a share is missing; the rows of several branch groups are labelled as such.
import { formatNumber, formatPercent, type Locale } from '../format.js';
import { FUNDING_TEXTS } from './funding.texts.js';
import { FigureTable, figureColumns } from './funding-pages.js';
import type { ReachRow } from './reach.service.js';

const pickName = (named: { nameDa: string; nameEn: string }, locale: Locale) =>
  locale === 'da' ? named.nameDa : named.nameEn;

/** The row's branch group, or what stands in for it. */
export function reachPlace(row: ReachRow, locale: Locale): string {
  const t = FUNDING_TEXTS[locale];
  if (row.branch !== null) return pickName(row.branch, locale);
  return row.placement === 'several' ? t.several : t.noBranch;
}

function ShareCell(props: {
  share: number | null;
  missing: { da: string; en: string } | null;
  locale: Locale;
  title: string;
}) {
  if (props.share !== null)
    return (
      <td class="num" data-title={props.title}>
        {formatPercent(props.share * 100, props.locale, 1)}
      </td>
    );
  return (
    <td data-title={props.title}>
      –{props.missing === null ? null : <span class="maaltal-note"> {props.missing[props.locale]}</span>}
    </td>
  );
}

function Denominator(props: { value: ReachRow['workplaces']; locale: Locale; title: string }) {
  const t = FUNDING_TEXTS[props.locale];
  if (props.value === null)
    return (
      <td class="num" data-title={props.title}>
        –
      </td>
    );
  return (
    <td class="num" data-title={props.title}>
      {formatNumber(props.value.count, props.locale)}
      <br />
      <span class="maaltal-note" lang={props.locale === 'en' && props.value.source !== '' ? 'da' : undefined}>
        {t.sourceYear(props.value.source, props.value.year)}
      </span>
    </td>
  );
}

/** A table of reach rows; `showBfa` adds the BFA's column (rows of several BFAs). */
export function ReachTable(props: {
  rows: readonly ReachRow[];
  locale: Locale;
  caption?: string;
  showBfa?: boolean;
}) {
  const { rows, locale } = props;
  const t = FUNDING_TEXTS[locale];
  if (rows.length === 0) return <p>{t.noReach}</p>;
  return (
    <FigureTable
      caption={props.caption ?? t.reachTitle}
      columns={[
        { label: t.colBranch },
        { label: t.colYear },
        ...(props.showBfa === true ? [{ label: t.colBfa }] : []),
        ...figureColumns(
          t.colActivities,
          t.colReachedWorkplaces,
          t.colWorkplaces,
          t.colWorkplaceShare,
          t.colReachedParticipants,
          t.colEmployed,
          t.colParticipantShare,
        ),
      ]}
      note={<p class="maaltal-note">{t.reachNote}</p>}
    >
      {rows.map((row) => (
        <tr>
          <th scope="row" data-title={t.colBranch}>
            {reachPlace(row, locale)}
          </th>
          <td data-title={t.colYear}>{row.year}</td>
          {props.showBfa === true ? <td data-title={t.colBfa}>{row.bfa.short}</td> : null}
          <td class="num" data-title={t.colActivities}>
            {formatNumber(row.activities, locale)}
          </td>
          <td class="num" data-title={t.colReachedWorkplaces}>
            {formatNumber(row.reachedWorkplaces, locale)}
          </td>
          <Denominator value={row.workplaces} locale={locale} title={t.colWorkplaces} />
          <ShareCell
            share={row.workplaceShare}
            missing={row.workplaceShareMissing}
            locale={locale}
            title={t.colWorkplaceShare}
          />
          <td class="num" data-title={t.colReachedParticipants}>
            {formatNumber(row.reachedParticipants, locale)}
          </td>
          <Denominator value={row.employed} locale={locale} title={t.colEmployed} />
          <ShareCell
            share={row.participantShare}
            missing={row.participantShareMissing}
            locale={locale}
            title={t.colParticipantShare}
          />
        </tr>
      ))}
    </FigureTable>
  );
}
