// Entered text (Danish, written by the BFAs and the secretariat): marked lang="da" on English pages only, and in a
// page text only the entered part.
import { expect, it } from 'vitest';
import { Entered, EnteredIn, enteredLang } from './entered-text.js';

const html = (node: unknown) => String(node);

it('marks entered text Danish on English pages, inline or as a block, and leaves Danish pages as they are', () => {
  expect(html(<Entered locale="en">Sikker start</Entered>)).toBe('<span lang="da">Sikker start</span>');
  expect(html(<Entered locale="da">Sikker start</Entered>)).toBe('Sikker start');
  expect(
    html(
      <Entered locale="en" block>
        <p>Afsnit</p>
      </Entered>,
    ),
  ).toBe('<div lang="da"><p>Afsnit</p></div>');
  expect(html(<Entered locale="en">{'<b>&'}</Entered>)).toBe('<span lang="da">&lt;b&gt;&amp;</span>');
  expect(enteredLang('en')).toBe('da');
  expect(enteredLang('da')).toBeUndefined();
});

it('marks only the entered value inside a page text', () => {
  const text = (what: string) => `History: ${what} (3 versions)`;
  expect(html(<EnteredIn locale="en" text={text} value="Analyse af dødsulykker" />)).toBe(
    'History: <span lang="da">Analyse af dødsulykker</span> (3 versions)',
  );
  expect(html(<EnteredIn locale="da" text={(what) => `Historik: ${what}`} value="Analyse" />)).toBe(
    'Historik: Analyse',
  );
  expect(html(<EnteredIn locale="en" text={(what) => `${what} and ${what}`} value="<x>" />)).toBe(
    '<span lang="da">&lt;x&gt;</span> and <span lang="da">&lt;x&gt;</span>',
  );
});
