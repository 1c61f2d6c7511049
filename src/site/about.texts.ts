// The texts of the pages about the site itself: sources, contact and the accessibility statement (Danish and English).
import type { Locale } from '../format.js';

export interface SourceEntry {
  name: string;
  url: string;
  what: string;
}

export interface AboutTexts {
  sourcesTitle: string;
  sourcesIntro: string;
  sources: SourceEntry[];
  sourcesNote: string;
  contactTitle: string;
  contactIntro: string;
  contactCouncil: string;
  contactData: string;
  contactOperator: string;
  contactEmailLabel: string;
  contactSecurity: string;
  accessibilityTitle: string;
  /** The title with a soft hyphen where a phone may break the long word. */
  accessibilityHeading: string;
  accessibility: { heading: string; paragraphs: string[]; list?: string[] }[];
  accessibilityComplaint: string;
  accessibilityComplaintLink: string;
  accessibilityUpdated: string;
}

const COUNCIL_URL = 'https://bamr.dk/';
const DIGST_URL = 'https://digst.dk/digital-service/webtilgaengelighed/';

const da: AboutTexts = {
  sourcesTitle: 'Kilder',
  sourcesIntro:
    'Tallene i Måltal kommer fra disse offentlige kilder. Hvert tal på siden nævner sin kilde, sin dataleverance (import) og sin metode.',
  sources: [
    {
      name: 'Arbejdstilsynet',
      url: 'https://at.dk/',
      what: 'Anmeldte arbejdsulykker (arbejdsskaderegistret) og spørgeskemaundersøgelsen National Overvågning af Arbejdsmiljøet blandt Lønmodtagere (NOA-L) fra 2021.',
    },
    {
      name: 'Det Nationale Forskningscenter for Arbejdsmiljø (NFA)',
      url: 'https://nfa.dk/',
      what: 'Spørgeskemaundersøgelsen Arbejdsmiljø og Helbred i Danmark 2012–2018, forgængeren for NOA-L.',
    },
    {
      name: 'Danmarks Statistik',
      url: 'https://www.dst.dk/',
      what: 'Beskæftigede efter branche (nævnerne i ulykkesraterne) og branchekoderne Dansk Branchekode 2007 (DB07).',
    },
    {
      name: 'Arbejdsmiljørådet',
      url: COUNCIL_URL,
      what: 'De nationale mål for arbejdsmiljøindsatsen frem mod 2030 og de brancherettede måltal.',
    },
  ],
  sourcesNote:
    'Måltal beregner selv rater, konfidensintervaller og status efter metoderne på metodesiden; kilderne står ikke inde for Måltals beregninger.',
  contactTitle: 'Kontakt',
  contactIntro: 'Har du spørgsmål til tallene eller til Måltal, kan du kontakte os.',
  contactCouncil: 'Spørgsmål om de nationale mål og måltallene: Arbejdsmiljørådets sekretariat (se bamr.dk).',
  contactData:
    'Spørgsmål om de underliggende data: kilden selv, se siden Kilder. Rettelser til tal i Måltal går gennem sekretariatet.',
  contactOperator: 'Driften af Måltal:',
  contactEmailLabel: 'E-mail',
  contactSecurity:
    'Har du fundet en sikkerhedsfejl, eller kan du se tal, der burde være skjulte, så skriv til os hurtigst muligt, og del det ikke offentligt.',
  accessibilityTitle: 'Tilgængelighedserklæring',
  accessibilityHeading: 'Tilgængeligheds\u00aderklæring',
  accessibility: [
    {
      heading: 'Om erklæringen',
      paragraphs: [
        'Måltal skal være tilgængeligt for alle, jf. lov om tilgængelighed af offentlige organers websteder og mobilapplikationer (lov nr. 692 af 8. juni 2018). Erklæringen gælder hele det offentlige websted, på dansk og engelsk.',
      ],
    },
    {
      heading: 'Overholdelsesstatus',
      paragraphs: [
        'Webstedet er delvist i overensstemmelse med standarden WCAG 2.1 niveau AA (EN 301 549). Det ikke-tilgængelige indhold er nævnt herunder.',
      ],
    },
    {
      heading: 'Ikke-tilgængeligt indhold',
      paragraphs: [
        'Diagrammer er billeder. Hvert diagram har en tekst, der beskriver de vigtigste tal, og en tabel med de samme tal lige under sig, og tallene kan hentes som CSV, XLSX og JSON.',
      ],
      list: [
        'Filer, der hentes som XLSX, er ikke afprøvet med skærmlæser i regnearksprogrammer.',
        'De officielle branchetitler (DB07) findes kun på dansk, også på de engelske sider.',
      ],
    },
    {
      heading: 'Sådan er erklæringen udarbejdet',
      paragraphs: [
        'Erklæringen bygger på en selvevaluering. Hver sidetype afprøves automatisk, på dansk og engelsk, med axe-core (alle regler), i standardtilstand, og på en telefonskærm på 390 pixel uden vandret rulning; desuden med tastatur alene og uden JavaScript.',
      ],
    },
    {
      heading: 'Feedback og kontakt',
      paragraphs: [
        'Oplever du problemer med tilgængeligheden, eller har du brug for indholdet i en anden form, så kontakt os (se siden Kontakt). Vi svarer inden for 10 arbejdsdage.',
      ],
    },
  ],
  accessibilityComplaint:
    'Får du ikke et tilfredsstillende svar, kan du klage til Digitaliseringsstyrelsen, der fører tilsyn med webtilgængelighed.',
  accessibilityComplaintLink: 'Digitaliseringsstyrelsen om webtilgængelighed',
  accessibilityUpdated: 'Erklæringen er senest gennemgået 3. december 2026.',
};

const en: AboutTexts = {
  sourcesTitle: 'Sources',
  sourcesIntro:
    'The figures in Måltal come from these public sources. Every figure on the site names its source, its data delivery (import) and its method.',
  sources: [
    {
      name: 'The Danish Working Environment Authority (Arbejdstilsynet)',
      url: 'https://at.dk/',
      what: "Reported work accidents (the occupational injury register) and, from 2021, the national survey of employees' working environment (NOA-L).",
    },
    {
      name: 'The National Research Centre for the Working Environment (NFA)',
      url: 'https://nfa.dk/',
      what: 'The survey Work Environment and Health in Denmark 2012–2018, the predecessor of NOA-L.',
    },
    {
      name: 'Statistics Denmark',
      url: 'https://www.dst.dk/en/',
      what: 'Employed persons by industry (the denominators of the accident rates) and the industry classification Dansk Branchekode 2007 (DB07).',
    },
    {
      name: 'The Danish Working Environment Council (Arbejdsmiljørådet)',
      url: COUNCIL_URL,
      what: 'The national goals for the working environment toward 2030 and the branch targets.',
    },
  ],
  sourcesNote:
    'Måltal computes rates, confidence intervals and statuses itself, by the methods on the method page; the sources do not vouch for these calculations.',
  contactTitle: 'Contact',
  contactIntro: 'If you have questions about the figures or about Måltal, you can contact us.',
  contactCouncil:
    "Questions about the national goals and the branch targets: the Working Environment Council's secretariat (see bamr.dk).",
  contactData:
    'Questions about the underlying data: the source itself, see the Sources page. Corrections to figures in Måltal go through the secretariat.',
  contactOperator: 'Running Måltal:',
  contactEmailLabel: 'E-mail',
  contactSecurity:
    'If you have found a security flaw, or can see figures that ought to be hidden, please write to us at once and do not share it publicly.',
  accessibilityTitle: 'Accessibility statement',
  accessibilityHeading: 'Accessibility statement',
  accessibility: [
    {
      heading: 'About this statement',
      paragraphs: [
        "Måltal is committed to being accessible to everyone, under the Danish act on the accessibility of public sector bodies' websites and mobile applications (Act no. 692 of 8 June 2018). This statement covers the whole public site, in Danish and English.",
      ],
    },
    {
      heading: 'Compliance status',
      paragraphs: [
        'The site is partially compliant with WCAG 2.1 level AA (EN 301 549). The content that is not accessible is listed below.',
      ],
    },
    {
      heading: 'Content that is not accessible',
      paragraphs: [
        'Charts are images. Each chart has a text describing its key figures and a table with the same figures right below it, and the figures can be downloaded as CSV, XLSX and JSON.',
      ],
      list: [
        'Files downloaded as XLSX have not been tested with screen readers in spreadsheet programs.',
        'The official industry titles (DB07) exist only in Danish, also on the English pages.',
      ],
    },
    {
      heading: 'How this statement was prepared',
      paragraphs: [
        'The statement is based on a self-assessment. Every page type is tested automatically, in Danish and English, with axe-core (all rules), in standards mode, and on a 390-pixel phone screen without sideways scrolling; also with the keyboard alone and without JavaScript.',
      ],
    },
    {
      heading: 'Feedback and contact',
      paragraphs: [
        'If you meet an accessibility problem, or need content in another form, please contact us (see the Contact page). We answer within 10 working days.',
      ],
    },
  ],
  accessibilityComplaint:
    'If you are not satisfied with the answer, you can complain to the Agency for Digital Government (Digitaliseringsstyrelsen), which supervises web accessibility.',
  accessibilityComplaintLink: 'The Agency for Digital Government on web accessibility (Danish)',
  accessibilityUpdated: 'The statement was last reviewed on 3 December 2026.',
};

export const ABOUT_TEXTS: Record<Locale, AboutTexts> = { da, en };
export const ACCESSIBILITY_COMPLAINT_URL = DIGST_URL;
