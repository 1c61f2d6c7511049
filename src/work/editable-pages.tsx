// Display parts every editable record's pages share (campaigns, pilots): a period and entered text as paragraphs,
// notices, the publication status, tables of records headed by their linked titles, and the frames of a public list
// and of one record's page.
import type { Child } from 'hono/jsx';
import { formatDate, type Locale } from '../format.js';
import { Downloads } from '../web/downloads.js';
import { Entered } from '../web/entered-text.js';
import { Layout } from '../web/layout.js';

/** "1. september 2023 – 31. december 2023", or "fra 1. september 2023" while it runs. */
export function periodText(start: string, end: string | null, locale: Locale): string {
  const from = formatDate(start, locale);
  if (end === null) return locale === 'da' ? `fra ${from}` : `from ${from}`;
  return `${from} – ${formatDate(end, locale)}`;
}

/** Plain text as paragraphs: an empty line starts a new one, a single line break stays one. Escaped by JSX. The
 *  text is entered (Danish): marked so on English pages; `empty` is the page's own text. */
export function Paragraphs({ text, empty, locale }: { text: string; empty: string; locale: Locale }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  if (paragraphs.length === 0) return <p>{empty}</p>;
  return (
    <Entered locale={locale} block>
      {paragraphs.map((paragraph) => (
        <p>
          {paragraph.split('\n').map((line, i) => (
            <>
              {i === 0 ? null : <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </Entered>
  );
}

/** A notice in the dkfds alert style. */
export function Notice({ kind, text }: { kind: 'warning' | 'info'; text: string }) {
  return (
    <div class={`alert alert-${kind}`} role="status">
      <div class="alert-body">
        <p class="alert-text">{text}</p>
      </div>
    </div>
  );
}

/** What a record's publication shows: its flag and date. */
export interface Publishable {
  published: boolean;
  publishedAt: string | null;
}

export interface StatusTexts {
  colStatus: string;
  published: string;
  draft: string;
  publishedOn: (date: string) => string;
}

/** "Offentliggjort 1. marts 2024", "Offentliggjort" (no date known) or "Kladde (ikke offentlig)". */
export const statusText = (record: Publishable, t: StatusTexts, locale: Locale): string =>
  record.published
    ? record.publishedAt === null
      ? t.published
      : t.publishedOn(formatDate(record.publishedAt, locale))
    : t.draft;

/** One column of a table of records: its header, its cell, and whether it holds a number. */
export interface TableColumn<T> {
  header: string;
  cell: (record: T) => Child;
  num?: boolean;
}

/** The "Status" column: published or a draft. */
export const statusColumn = <T extends Publishable>(
  t: StatusTexts & { colStatus: string },
): TableColumn<T> => ({
  header: t.colStatus,
  cell: (record) => (record.published ? t.published : t.draft),
});

const numClass = (column: TableColumn<never>) => (column.num === true ? 'num' : undefined);

/** A table of records, each row headed by its title (entered text) linked to `${base}/${id}`. */
export function RecordTable<T extends { id: number; title: string }>(props: {
  records: readonly T[];
  /** The table's name, read out and as its caption. */
  label: string;
  titleHeader: string;
  columns: readonly TableColumn<T>[];
  base: string;
  locale: Locale;
}) {
  return (
    <section class="table-wrapper" tabindex={0} aria-label={props.label}>
      <table class="table table--compact">
        <caption class="sr-only">{props.label}</caption>
        <thead>
          <tr>
            <th scope="col">{props.titleHeader}</th>
            {props.columns.map((column) => (
              <th scope="col" class={numClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.records.map((record) => (
            <tr>
              <th scope="row">
                <a href={`${props.base}/${record.id}`}>
                  <Entered locale={props.locale}>{record.title}</Entered>
                </a>
              </th>
              {props.columns.map((column) => (
                <td class={numClass(column)}>{column.cell(record)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The public list of a kind of record: the intro, a table of the records (with their status when any is a draft)
 *  or that there are none, and the downloads. */
export function PublicListPage<T extends { id: number; title: string } & Publishable>(props: {
  locale: Locale;
  path: string;
  demo: boolean;
  texts: StatusTexts & { title: string; intro: string; none: string; downloads: string; caption: string };
  records: readonly T[];
  /** The table's first header (of the linked titles) and the columns after it. */
  table: { titleHeader: string; columns: readonly TableColumn<T>[]; base: string };
  downloads: { api: string; query: string };
}) {
  const { texts: t, records, locale } = props;
  const drafts = records.some((record) => !record.published);
  const columns = drafts ? [...props.table.columns, statusColumn<T>(t)] : props.table.columns;
  return (
    <Layout locale={locale} path={props.path} title={t.title} demo={props.demo}>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      {records.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <RecordTable {...props.table} records={records} label={t.caption} columns={columns} locale={locale} />
      )}
      <h2>{t.downloads}</h2>
      <Downloads locale={locale} {...props.downloads} />
    </Layout>
  );
}

/** A record's facts, its description under "About", and what follows it (on its page, and for a reader who may not
 *  edit it). */
export function RecordBody(props: {
  facts: Child;
  description: string;
  details: Child;
  texts: { about: string; noDescription: string };
  locale: Locale;
}) {
  return (
    <>
      {props.facts}
      <h2>{props.texts.about}</h2>
      <Paragraphs text={props.description} empty={props.texts.noDescription} locale={props.locale} />
      {props.details}
    </>
  );
}

/** One record's page: the way back to the list, its title (entered text), a notice while it is a draft. */
export function RecordPage(props: {
  locale: Locale;
  path: string;
  demo: boolean;
  title: string;
  back: { href: string; text: string };
  /** The notice a draft shows, or null when there is none (published, or a page that shows no notice). */
  notice: string | null;
  children: Child;
}) {
  return (
    <Layout locale={props.locale} path={props.path} title={props.title} demo={props.demo}>
      <p class="maaltal-note">
        <a href={props.back.href}>{props.back.text}</a>
      </p>
      <h1>
        <Entered locale={props.locale}>{props.title}</Entered>
      </h1>
      {props.notice === null ? null : <Notice kind="warning" text={props.notice} />}
      {props.children}
    </Layout>
  );
}
