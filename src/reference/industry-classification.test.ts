// Industry codes: only whole, well-formed codes that DB07 has (in the forms real tables write them) pass.
import { expect, it } from 'vitest';
import { checkIndustryCode, db07Title } from './industry-classification.js';

it.each([
  ['47.11.10', '471110'],
  ['471110', '471110'],
  ['47.11', '4711'],
  ['4711', '4711'],
  ['47.1', '471'],
  ['47', '47'],
  ['410000', '41'],
  ['862000', '862'],
  ['471100', '4711'],
  ['F41', '41'],
  ['C10.11', '1011'],
  ['999999', '999999'],
])('reads %j as the DB07 code %s', (text, digits) => {
  expect(checkIndustryCode(text, 'DB07')).toEqual({ ok: true, digits });
});

it.each(['tlf 4711 2233', '2024-01-02', '4', '1234567', '47.11.1', '47,11', 'butik 4711'])(
  'refuses %j as malformed',
  (text) => {
    expect(checkIndustryCode(text, 'DB07')).toEqual({ ok: false, reason: 'malformed' });
  },
);

it.each(['123456', '00', 'A41', '47.19.99'])('refuses %j as no code of DB07', (text) => {
  expect(checkIndustryCode(text, 'DB07')).toEqual({ ok: false, reason: 'unknown' });
});

it('checks DB25 codes for their shape only, and knows DB07 titles', () => {
  expect(checkIndustryCode('47.11.10', 'DB25')).toEqual({ ok: true, digits: '471110' });
  expect(checkIndustryCode('tlf 4711', 'DB25')).toEqual({ ok: false, reason: 'malformed' });
  expect(db07Title('4711')).toMatch(/^Detailhandel/);
});
