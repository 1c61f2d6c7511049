// Notes written by editors, shown on public pages: plain text or a small, safe subset of Markdown (emphasis, lists,
// links, code, quotes, paragraphs). micromark with its defaults escapes any raw HTML and drops links and images whose
// address uses a dangerous protocol (javascript:, data:, vbscript:, …); headings and images are switched off so notes
// cannot break the page's heading order or load pictures from elsewhere.
import { micromark, type Options } from 'micromark';

const OPTIONS: Options = {
  extensions: [{ disable: { null: ['headingAtx', 'setextUnderline', 'labelStartImage'] } }],
};

/** The notes as HTML that is safe to insert into a page as it is. */
export function safeMarkdown(text: string): string {
  if (text.trim() === '') return '';
  return micromark(text, OPTIONS);
}
