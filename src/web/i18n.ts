// The product's texts in Danish and English, and how a request's language is chosen (Danish at /, English at /en/).
import type { Locale } from '../format.js';

const da = {
  siteName: 'Måltal',
  siteTagline: 'Arbejdsmiljøets mål for 2030',
  skipToContent: 'Gå til indhold',
  languageSwitch: 'English',
  languageSwitchLabel: 'Read this page in English',
  demoBanner: 'Demodata – ikke officielle tal',
  demoExplanation:
    'Tallene på denne side er syntetiske demodata, genereret til afprøvning af Måltal. De er ikke Arbejdstilsynets eller Arbejdsmiljørådets tal.',
  targetsTitle: 'Mål og måltal',
  targetsIntro:
    'De fire nationale mål for arbejdsmiljøindsatsen frem mod 2030 og de brancherettede måltal under hvert mål, med udgangspunkt, seneste måling og måltal.',
  goalLabel: 'Nationalt mål',
  noTargets: 'Der er endnu ingen måltal under dette mål.',
  colBranch: 'Branche',
  colProblem: 'Problem',
  colIndicator: 'Indikator',
  colOwner: 'BFA',
  colBaseline: 'Udgangspunkt',
  colLatest: 'Seneste måling',
  colTarget: 'Måltal',
  colStatus: 'Status',
  uncertainNote: 'usikker',
  uncertainExplanation: 'Ændringen fra udgangspunktet er ikke statistisk signifikant.',
  ciLabel: '95 %-konfidensinterval',
  noObservation: 'Ingen måling',
  seriesBreak: 'Databrud',
  statusDraft: 'Udkast',
  statusAdopted: 'Vedtaget',
  statusRetired: 'Udgået',
  wholeCountry: 'Hele landet',
  dataSource: 'Datakilde',
  methodNote: 'Metodebrud',
  footerText: 'Måltal følger arbejdsmiljøindsatsens nationale mål og brancherettede måltal frem mod 2030.',
  apiLink: 'Data som JSON',
  errorTitle: 'Der opstod en fejl',
  notFoundTitle: 'Siden findes ikke',
  notFoundText: 'Siden, du leder efter, findes ikke. Tjek adressen, eller gå til forsiden.',
  errorText: 'Noget gik galt hos os. Prøv igen om lidt.',
  backHome: 'Til forsiden',
  targetsCount: (n: number) => (n === 1 ? '1 måltal' : `${n} måltal`),
};

export type Messages = typeof da;

const en: Messages = {
  siteName: 'Måltal',
  siteTagline: 'Working-environment targets for 2030',
  skipToContent: 'Skip to content',
  languageSwitch: 'Dansk',
  languageSwitchLabel: 'Læs siden på dansk',
  demoBanner: 'Demo data – not official figures',
  demoExplanation:
    'The figures on this page are synthetic demo data, generated to try out Måltal. They are not figures of the Danish Working Environment Authority or the Working Environment Council.',
  targetsTitle: 'Goals and targets',
  targetsIntro:
    'The four national goals for the working environment toward 2030 and the branch targets under each goal, with baseline, latest measurement and target.',
  goalLabel: 'National goal',
  noTargets: 'There are no targets under this goal yet.',
  colBranch: 'Branch',
  colProblem: 'Problem',
  colIndicator: 'Indicator',
  colOwner: 'BFA',
  colBaseline: 'Baseline',
  colLatest: 'Latest measurement',
  colTarget: 'Target',
  colStatus: 'Status',
  uncertainNote: 'uncertain',
  uncertainExplanation: 'The change from the baseline is not statistically significant.',
  ciLabel: '95% confidence interval',
  noObservation: 'No measurement',
  seriesBreak: 'Series break',
  statusDraft: 'Draft',
  statusAdopted: 'Adopted',
  statusRetired: 'Retired',
  wholeCountry: 'Whole country',
  dataSource: 'Data source',
  methodNote: 'Method break',
  footerText: 'Måltal follows the national goals and branch targets for the working environment toward 2030.',
  apiLink: 'Data as JSON',
  errorTitle: 'An error occurred',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page you are looking for does not exist. Check the address or go to the front page.',
  errorText: 'Something went wrong on our side. Please try again shortly.',
  backHome: 'To the front page',
  targetsCount: (n: number) => (n === 1 ? '1 target' : `${n} targets`),
};

export const MESSAGES: Record<Locale, Messages> = { da, en };

/** The locale of a request path: `/en` and `/en/…` are English, everything else Danish. */
export function localeOfPath(path: string): Locale {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'da';
}

/** The same page in the other language. */
export function alternatePath(path: string, locale: Locale): string {
  if (locale === 'en') return path.replace(/^\/en(?=\/|$)/, '') || '/';
  return path === '/' ? '/en/' : `/en${path}`;
}

/** A path inside the site, in the given language. */
export function localePath(locale: Locale, path: string): string {
  return locale === 'en' ? `/en${path}` : path;
}

/** Pick the name in the page's language from a da/en pair. */
export function pick<T extends { nameDa: string; nameEn: string }>(value: T, locale: Locale): string {
  return locale === 'en' ? value.nameEn : value.nameDa;
}
