// Test helper: one page of each public type, in its Danish form, for the browser suites that visit them all.
export const PAGE_TYPES = [
  '/',
  '/maaltal',
  '/maaltal/1',
  '/maaltal/20',
  '/maal/chemical',
  '/maal/accidents',
  '/branche',
  '/branche?q=bager',
  '/branche/butikker',
  '/sammenlign?branch=butikker&branch=anlaegsarbejde&branch=transport-af-gods',
  '/ulykker',
  '/ulykker?groupBy=year,branch',
  '/metode',
  '/kilder',
  '/kontakt',
  '/tilgaengelighed',
  '/api',
  '/redaktion/login',
  '/redaktion/nulstil',
  '/findes-ikke',
];

/** A page in Danish and in English (/en + the same path). */
export const bothLanguages = (path: string) => [path, path === '/' ? '/en/' : `/en${path}`];
