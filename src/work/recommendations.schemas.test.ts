// The checks at the edge: the answer's link is an absolute http(s) address and nothing else, dates exist, text
// is trimmed and free of NUL, and every field's problem is named in English and Danish.
import { expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  isIsoDate,
  isWebAddress,
  newFollowUpItemSchema,
  newRecommendationSchema,
  openedVersionOf,
  parseFields,
  recommendationChangesSchema,
} from './recommendations.schemas.js';

const problems = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return Object.fromEntries(error.issues.map((i) => [i.field, i.message]));
    throw error;
  }
  throw new Error('expected a refusal');
};

it('takes only absolute http(s) addresses as the answer’s link', () => {
  expect(isWebAddress('https://bm.dk/svar.pdf')).toBe(true);
  expect(isWebAddress('http://at.dk')).toBe(true);
  for (const address of [
    'javascript:alert(1)',
    'data:text/html,x',
    '/svar.pdf',
    '//evil.example',
    'https://',
    'ftp://at.dk',
  ])
    expect(isWebAddress(address), address).toBe(false);
});

it('takes only dates that exist', () => {
  expect(isIsoDate('2024-02-29')).toBe(true);
  for (const date of ['2025-02-29', '2026-13-01', '26-01-01', '2026-1-1', '1900-01-01', ''])
    expect(isIsoDate(date), date).toBe(false);
});

it('trims text, turns blanks into nothing, and names every problem at once', () => {
  const parsed = parseFields(
    newRecommendationSchema,
    {
      topic: '  Emne ',
      body: 'Tekst',
      issuedOn: '2026-01-01',
      addressee: 'AT',
      answerOn: '',
      answerUrl: ' ',
      published: 'true',
    },
    'x',
  );
  expect(parsed).toMatchObject({ topic: 'Emne', answerOn: null, answerUrl: null, published: true });
  expect(problems(() => parseFields(newRecommendationSchema, { body: 1, extra: 2 }, 'x'))).toEqual({
    topic: 'is required',
    body: 'must be text',
    issuedOn: 'is required',
    addressee: 'is required',
    extra: 'is not a known field',
  });
  expect(problems(() => parseFields(recommendationChangesSchema, [], 'x'))).toEqual({
    '(input)': 'must be a JSON object',
  });
  expect(
    problems(() =>
      parseFields(newFollowUpItemSchema, { action: 'a\u0000', owner: 'o', dueOn: '2026-01-01' }, 'x'),
    ),
  ).toEqual({
    action: 'must not contain NUL characters',
  });
});

it('reads the version a form or request opened', () => {
  expect(openedVersionOf('3')).toBe(3);
  expect(openedVersionOf(4)).toBe(4);
  for (const bad of [undefined, '', '0', 'x', 1.5, -1])
    expect(problems(() => openedVersionOf(bad))).toHaveProperty('version');
});
