// Industry codes as the classifications write them: DB07 (every code shipped, src/reference/data/db07.json) and DB25
// (its digits checked for shape only; no list is shipped). A cell is an industry code only when it is one whole:
// 2 to 6 digits, with or without DST's dots (47, 47.1, 47.11, 47.11.10, 4711, 471110), a higher level padded with
// zeros as Statistics Denmark's tables write it (410000 = 41, 862000 = 86.2), or with its NACE section letter as
// Eurostat writes it (F41, C10.11). A phone number, a date or free text never passes for one by its first digits.
import db07 from './data/db07.json' with { type: 'json' };

export type Classification = 'DB07' | 'DB25';

const DOTTED = /^\d{2}(?:\.\d(?:\d(?:\.\d{2})?)?)?$/;
const PLAIN = /^\d{2}(?:\d{1,2}|\d{4})?$/;

/** The DB07 codes at division, group, class and subclass level, as digits (47, 471, 4711, 471110). */
const DB07_CODES = new Set(
  db07.codes.filter((entry) => /^\d/.test(entry.code)).map((entry) => entry.code.replace(/\./g, '')),
);

/** Each DB07 division's section letter (the file lists every section before its divisions). */
const SECTION_OF = (() => {
  const sections = new Map<string, string>();
  let section = '';
  for (const entry of db07.codes) {
    if (entry.level === 'section') section = entry.code;
    else if (entry.level === 'division') sections.set(entry.code, section);
  }
  return sections;
})();

/** The code a zero-padded one stands for (410000 → 41, 862000 → 862, 471100 → 4711), if any. */
function unpadded(digits: string): string | undefined {
  for (const length of [6, 4, 3, 2]) {
    if (length > digits.length) continue;
    const code = digits.slice(0, length);
    if (/^0*$/.test(digits.slice(length)) && DB07_CODES.has(code)) return code;
  }
  return undefined;
}

export type IndustryCodeCheck = { ok: true; digits: string } | { ok: false; reason: 'malformed' | 'unknown' };

/** The code's digits, or why the cell is no industry code of the classification. */
export function checkIndustryCode(text: string, classification: Classification): IndustryCodeCheck {
  const lettered = /^([A-U])(\d.*)$/.exec(text.trim().toUpperCase());
  const compact = lettered?.[2] ?? text.trim();
  let digits: string | undefined;
  if (compact.includes('.') && DOTTED.test(compact)) digits = compact.replace(/\./g, '');
  else if (PLAIN.test(compact)) digits = compact;
  if (digits === undefined) return { ok: false, reason: 'malformed' };
  if (lettered !== undefined && lettered !== null && SECTION_OF.get(digits.slice(0, 2)) !== lettered[1])
    return { ok: false, reason: 'unknown' };
  if (classification === 'DB25') return { ok: true, digits };
  const code = unpadded(digits);
  return code === undefined ? { ok: false, reason: 'unknown' } : { ok: true, digits: code };
}

/** A DB07 code's Danish title (for pages listing codes), by its digits. */
export function db07Title(digits: string): string | undefined {
  return db07.codes.find((entry) => entry.code.replace(/\./g, '') === digits)?.titleDa;
}

/** A code's digits as DST writes them: 47, 47.1, 47.11, 47.11.10. */
export function dottedCode(digits: string): string {
  const parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6)].filter((part) => part !== '');
  return parts.join('.');
}
