// Passwords after NIST SP 800-63B: at least 12 characters, at most 256, no composition rules, and refused when
// common (the 49,000 most common passwords of zxcvbn-ts, also with trailing digits or symbols stripped), made of
// one repeated character, or built on the user's own name or e-mail. Hashed with argon2id (@node-rs/argon2).
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import type { Issue } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | undefined;
const commonPasswords = (): Set<string> => {
  common ??= new Set(dictionary['passwords-common'] as string[]);
  return common;
};

/** What a password is checked against beside the list: words of the user's own name and e-mail. */
export interface PasswordOwner {
  name: string;
  email: string;
}

const ownWords = (owner: PasswordOwner) =>
  [...owner.name.split(/\s+/), ...owner.email.split(/[@.+_-]/), 'maaltal', 'måltal']
    .map((word) => word.toLowerCase())
    .filter((word) => word.length >= 4);

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when the password's letters are only words of the user's name and e-mail (karenhansen2024, Hansen!!!). */
function builtOnOwnWords(lower: string, owner: PasswordOwner): boolean {
  const letters = lower.replace(/[^\p{L}]/gu, '');
  const words = ownWords(owner);
  if (letters === '' || words.length === 0) return false;
  return new RegExp(`^(?:${words.map(escapeRegExp).join('|')})+$`, 'u').test(letters);
}

function weakness(password: string, owner: PasswordOwner): Issue | undefined {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) {
    return {
      field: 'password',
      message: `must be at least ${MIN_PASSWORD_LENGTH} characters`,
      messageDa: `skal være mindst ${MIN_PASSWORD_LENGTH} tegn`,
    };
  }
  if (chars.length > MAX_PASSWORD_LENGTH) {
    return {
      field: 'password',
      message: `must be at most ${MAX_PASSWORD_LENGTH} characters`,
      messageDa: `må højst være ${MAX_PASSWORD_LENGTH} tegn`,
    };
  }
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (commonPasswords().has(lower) || commonPasswords().has(stem) || new Set(chars).size <= 2) {
    return {
      field: 'password',
      message: 'is too common or easy to guess; choose a longer phrase of your own',
      messageDa: 'er for almindelig eller let at gætte; vælg en længere sætning, du selv finder på',
    };
  }
  if (builtOnOwnWords(lower, owner)) {
    return {
      field: 'password',
      message: 'must not be built on your name or e-mail address',
      messageDa: 'må ikke bygge på dit navn eller din e-mailadresse',
    };
  }
  return undefined;
}

/** The problem with a password as a new password for this user, if any. */
export function passwordProblem(password: string, owner: PasswordOwner): Issue | undefined {
  return weakness(password, owner);
}

export function hashPassword(password: string): Promise<string> {
  // The binding's default algorithm is argon2id (its own default costs: 19 MiB, 2 passes, as OWASP advises).
  return hash(password);
}

/** False for a wrong password or a stored hash that is not a valid argon2 string. */
export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A stored hash nobody's password matches, verified against for unknown users so both take the same time. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => {
  decoy ??= hashPassword('decoy password that belongs to nobody at all');
  return decoy;
};
