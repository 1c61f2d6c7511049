// The terms a target's explanation uses, in plain Danish and English: the method page lists them as its glossary
// (/metode#ordliste-…) and the target page links each term of its "why this status?" table to its entry.
import type { Locale } from '../format.js';

type Text = { da: string; en: string };

export interface GlossaryEntry {
  /** The anchor on the method page: the same in both languages, so a link works from either. */
  id: `ordliste-${string}`;
  term: Text;
  definition: Text;
}

export const GLOSSARY_TITLE: Text = { da: 'Ordliste', en: 'Glossary' };

export const GLOSSARY = [
  {
    id: 'ordliste-udgangspunkt',
    term: { da: 'Udgangspunkt', en: 'Baseline' },
    definition: {
      da: 'Værdien i det år, måltallet regner fra (basisåret). Udviklingen måles fra den.',
      en: 'The value in the year the target counts from (the baseline year). Progress is measured from it.',
    },
  },
  {
    id: 'ordliste-seneste-maaling',
    term: { da: 'Seneste måling', en: 'Latest measurement' },
    definition: {
      da: 'Den nyeste offentliggjorte måling, der kan sammenlignes med udgangspunktet.',
      en: 'The newest published measurement that can be compared with the baseline.',
    },
  },
  {
    id: 'ordliste-maaltal',
    term: { da: 'Måltal', en: 'Target' },
    definition: {
      da: 'Den værdi, der skal være nået i målåret.',
      en: 'The value to be reached by the target year.',
    },
  },
  {
    id: 'ordliste-aarlig-aendring',
    term: { da: 'Årlig ændring', en: 'Yearly change' },
    definition: {
      da: 'Den jævne procentvise ændring om året, der fører fra én værdi til en anden (den gennemsnitlige årlige vækstrate, CAGR). Et fald skrives med minus.',
      en: 'The steady percentage change a year that leads from one value to another (the compound annual growth rate, CAGR). A fall is written with a minus sign.',
    },
  },
  {
    id: 'ordliste-noedvendig-aendring',
    term: { da: 'Nødvendig årlig ændring', en: 'Required yearly change' },
    definition: {
      da: 'Den årlige ændring fra udgangspunktet, der netop når måltallet i målåret.',
      en: 'The yearly change from the baseline that just reaches the target in the target year.',
    },
  },
  {
    id: 'ordliste-faktisk-aendring',
    term: { da: 'Faktisk årlig ændring', en: 'Actual yearly change' },
    definition: {
      da: 'Den årlige ændring fra udgangspunktet til den seneste måling.',
      en: 'The yearly change from the baseline to the latest measurement.',
    },
  },
  {
    id: 'ordliste-forholdstal-r',
    term: { da: 'Forholdstal R', en: 'Ratio R' },
    definition: {
      da: 'Den faktiske årlige ændring divideret med den nødvendige. R = 1: udviklingen går præcis så hurtigt, som den skal; R under 0: den går i den forkerte retning.',
      en: 'The actual yearly change divided by the required one. R = 1: progress is exactly as fast as needed; R below 0: it goes the wrong way.',
    },
  },
  {
    id: 'ordliste-graenser',
    term: { da: 'Grænser for status', en: 'Status thresholds' },
    definition: {
      da: 'De værdier af R, der skiller statusserne fra hinanden; de står i afsnittet om, hvordan et måltal får sin status.',
      en: 'The values of R that separate the statuses; they are listed in the section on how a target gets its status.',
    },
  },
  {
    id: 'ordliste-konfidensinterval',
    term: { da: '95 %-konfidensinterval', en: '95% confidence interval' },
    definition: {
      da: 'Et interval beregnet, så det i 95 % af tilfældene rummer den sande værdi. Det viser målingens statistiske usikkerhed: jo færre svar eller ulykker, jo bredere interval. På graferne er det den lodrette bjælke ved hver måling.',
      en: 'A range computed so that it holds the true value in 95% of cases. It shows how uncertain a measurement is: the fewer answers or accidents, the wider it is. On the charts it is the vertical bar at each measurement.',
    },
  },
  {
    id: 'ordliste-signifikans',
    term: { da: 'Statistisk sikker ændring', en: 'Statistically certain change' },
    definition: {
      da: 'En ændring er statistisk sikker (signifikant), når den er så stor, at den næppe skyldes tilfældige udsving i målingerne. Andele testes med Newcombes metode, rater med en eksakt test af forholdet mellem to rater; mangler tallene til det, sammenlignes målingen med den anden målings konfidensinterval.',
      en: 'A change is statistically certain (significant) when it is too large to be likely due to chance variation in the measurements. Shares are tested with Newcombe’s method, rates with an exact test of the ratio of two rates; without the figures for that, one measurement is compared with the other’s confidence interval.',
    },
  },
  {
    id: 'ordliste-statusspaend',
    term: { da: 'Statusspænd', en: 'Status range' },
    definition: {
      da: 'De statusser, måltallet får, når den seneste måling flyttes til hver ende af sit konfidensinterval. Rummer spændet mere end én status, er status usikker.',
      en: 'The statuses the target gets when the latest measurement is moved to each end of its confidence interval. When the range holds more than one status, the status is uncertain.',
    },
  },
  {
    id: 'ordliste-usikker-status',
    term: { da: 'Usikker status', en: 'Uncertain status' },
    definition: {
      da: 'Status vises som usikker, når ændringen siden udgangspunktet ikke er statistisk sikker, eller når statusspændet rummer mere end én status. Så nævnes kun spændet, aldrig en enkelt status.',
      en: 'The status is shown as uncertain when the change since the baseline is not statistically certain, or when the status range holds more than one status. Then only the range is named, never a single status.',
    },
  },
  {
    id: 'ordliste-fremskrivning',
    term: { da: 'Fremskrivning', en: 'Projection' },
    definition: {
      da: 'Værdien i målåret, hvis den faktiske årlige ændring fortsætter uændret. Dens interval er samme fremskrivning fra hver ende af den seneste målings konfidensinterval. En fremskrivning er ikke en prognose.',
      en: 'The value in the target year if the actual yearly change continues unchanged. Its interval is the same projection from each end of the latest measurement’s confidence interval. A projection is not a forecast.',
    },
  },
  {
    id: 'ordliste-log-lineaer-trend',
    term: { da: 'Log-lineær trend', en: 'Log-linear trend' },
    definition: {
      da: 'En jævn procentvis udvikling, der passer bedst til alle sammenlignelige målinger (ikke kun udgangspunktet og den seneste), vægtet efter hvor præcis hver måling er. Den kræver mindst tre målinger.',
      en: 'A steady percentage development that best fits every comparable measurement (not only the baseline and the latest), weighted by how precise each measurement is. It needs at least three measurements.',
    },
  },
  {
    id: 'ordliste-databrud',
    term: { da: 'Databrud', en: 'Series break' },
    definition: {
      da: 'Et skifte i måden at måle på, fx en ny undersøgelse. Målinger på hver side af et brud sammenlignes ikke.',
      en: 'A change in how something is measured, such as a new survey. Measurements on either side of a break are not compared.',
    },
  },
  {
    id: 'ordliste-metode',
    term: { da: 'Metode', en: 'Method' },
    definition: {
      da: 'Statistics Canadas og FN’s Open SDG-metode (efter Eurostat): forholdstallet R mellem faktisk og nødvendig årlig ændring afgør status.',
      en: 'The method of Statistics Canada and the UN’s Open SDG platform (after Eurostat): the ratio R of the actual to the required yearly change decides the status.',
    },
  },
  {
    id: 'ordliste-svarpersoner',
    term: { da: 'Svarpersoner', en: 'Respondents' },
    definition: {
      da: 'De personer, der har svaret på spørgsmålet i undersøgelsen; andelen regnes af dem.',
      en: 'The people who answered the question in the survey; the share is of them.',
    },
  },
  {
    id: 'ordliste-beskaeftigede',
    term: { da: 'Beskæftigede', en: 'Employed' },
    definition: {
      da: 'Antal beskæftigede i branchegruppen eller hele landet i året: nævneren i ulykkesraten (anmeldte ulykker pr. 10.000 beskæftigede).',
      en: 'The number of people employed in the branch group or the whole country in the year: the denominator of the accident rate (reported accidents per 10,000 employed).',
    },
  },
] as const satisfies readonly GlossaryEntry[];

export type GlossaryId = (typeof GLOSSARY)[number]['id'];

/** The address of a term's entry on the method page, in the page's language. */
export function glossaryHref(id: GlossaryId, locale: Locale): string {
  return `${locale === 'en' ? '/en' : ''}/metode#${id}`;
}

/** A term's name in one language. */
export function glossaryTerm(id: GlossaryId, locale: Locale): string {
  const entry = GLOSSARY.find((e) => e.id === id);
  return entry === undefined ? id : entry.term[locale];
}
