// Text the BFAs and the secretariat enter (titles, descriptions, notes, names of pools, recommendations, …) is
// Danish. On English pages it is marked `lang="da"`, so that screen readers pronounce it as Danish and readers
// (and checks) can tell it from the page's own English; on Danish pages it is shown as it is.
import type { Child } from 'hono/jsx';
import type { Locale } from '../format.js';

/** The `lang` attribute for an element holding only entered text: 'da' on English pages, none on Danish ones. */
export const enteredLang = (locale: Locale): 'da' | undefined => (locale === 'en' ? 'da' : undefined);

/** Entered text: in a `<span lang="da">` (a `<div lang="da">` with `block`, for paragraphs and rendered Markdown)
 *  on English pages, the children as they are on Danish pages. */
export function Entered({ locale, children, block }: { locale: Locale; children?: Child; block?: boolean }) {
  if (locale !== 'en') return <>{children}</>;
  return block === true ? <div lang="da">{children}</div> : <span lang="da">{children}</span>;
}

const SLOT = '\uE000';

/** A page text with entered text in it ("History: <topic>"): `text` builds the page's text around the value it is
 *  given, and only the entered value is marked. */
export function EnteredIn({
  locale,
  text,
  value,
}: {
  locale: Locale;
  text: (value: string) => string;
  value: string;
}) {
  if (locale !== 'en') return <>{text(value)}</>;
  const parts = text(SLOT).split(SLOT);
  return (
    <>
      {parts.map((part, i) => (
        <>
          {i === 0 ? null : <span lang="da">{value}</span>}
          {part}
        </>
      ))}
    </>
  );
}
