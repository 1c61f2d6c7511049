// The demo's fixed records of the BFAs' work: funding pools shaped like the council's two grants (akt 65 of December
// 2020 and akt 154 of December 2021) plus a demo continuation, two campaigns, the five senior-retention pilots and
// three recommendations with follow-up. Amounts, reach and pilot figures are invented: demo data, not official.
import type { FollowUpStatus, PilotDesign } from '../db/schema.js';

export interface PoolSpec {
  name: string;
  legalBasis: string;
  amountDkk: number;
  periodStart: string;
  periodEnd: string;
  purpose: string;
  /** Each BFA's share in DKK, by BFA code; they sum to at most the amount. */
  shares: Record<string, number>;
  createdAt: string;
}

const POOL_PURPOSE =
  'Demobeløb. Midler til branchefællesskabernes arbejdspladsnære aktiviteter rettet mod branchemålene';

export const POOLS: PoolSpec[] = [
  {
    name: 'Arbejdspladsnære aktiviteter (Akt 65 2020)',
    legalBasis: 'Akt 65 2020',
    amountDkk: 60_000_000,
    periodStart: '2021-01-01',
    periodEnd: '2024-12-31',
    purpose: `${POOL_PURPOSE}, bevilget ved akt 65 af december 2020. Midlerne udløber ved udgangen af 2024.`,
    shares: { voa: 14_000_000, ba: 13_000_000, industri: 11_000_000, hfk: 10_000_000, tstj: 12_000_000 },
    createdAt: '2021-01-11T09:00:00.000Z',
  },
  {
    name: 'Arbejdspladsnære aktiviteter (Akt 154 2021)',
    legalBasis: 'Akt 154 2021',
    amountDkk: 40_000_000,
    periodStart: '2022-01-01',
    periodEnd: '2024-12-31',
    purpose: `${POOL_PURPOSE}, bevilget ved akt 154 af december 2021. Midlerne udløber ved udgangen af 2024.`,
    shares: { voa: 9_000_000, ba: 8_500_000, industri: 7_000_000, hfk: 6_500_000, tstj: 8_000_000 },
    createdAt: '2022-01-10T09:00:00.000Z',
  },
  {
    name: 'Videreførelse af arbejdspladsnære aktiviteter 2025–2026 (demo)',
    legalBasis: 'Demo: finanslov 2025',
    amountDkk: 30_000_000,
    periodStart: '2025-01-01',
    periodEnd: '2026-12-31',
    purpose: `${POOL_PURPOSE} i 2025 og 2026. Puljen er opfundet til demoen.`,
    shares: { voa: 6_500_000, ba: 6_000_000, industri: 5_500_000, hfk: 5_000_000, tstj: 6_000_000 },
    createdAt: '2025-01-08T09:00:00.000Z',
  },
];

export interface CampaignSpec {
  /** The owning BFA's code, or null for the council's own campaign. */
  bfa: string | null;
  title: string;
  description: string;
  channels: string[];
  periodStart: string;
  periodEnd: string | null;
  reachedPeople: number;
  reachedWorkplaces: number;
  impressions: number;
  reachNote: string;
  createdAt: string;
}

export const CAMPAIGNS: CampaignSpec[] = [
  {
    bfa: null,
    title: 'Tag godt imod jeres unge medarbejder',
    description:
      'Arbejdsmiljørådets kampagne om en god og sikker start på arbejdslivet, relanceret i efteråret 2023 ' +
      'sammen med de fem branchefællesskaber: en tjekliste til ledere om oplæring og instruktion og oplæg på ' +
      'erhvervsskoler.\n\nDemodata: rækkevidden er syntetisk.',
    channels: ['Sociale medier', 'Presse', 'Skoler og erhvervsskoler', 'Webinar'],
    periodStart: '2023-09-01',
    periodEnd: '2024-03-31',
    reachedPeople: 186_000,
    reachedWorkplaces: 2_400,
    impressions: 1_450_000,
    reachNote: 'Demotal: visninger på sociale medier, deltagere i webinarer og elever på besøgte skoler.',
    createdAt: '2023-08-15T09:00:00.000Z',
  },
  {
    bfa: 'tstj',
    title: 'Sig stop: forebyg seksuel chikane af unge på jobbet',
    description:
      'Kampagne om at forebygge seksuel chikane af unge medarbejdere i hoteller, restauranter og butikker: ' +
      'materiale til ledere og en kort film til de unge selv.\n\nDemodata: rækkevidden er syntetisk.',
    channels: ['Sociale medier', 'Plakater på arbejdspladser', 'Webinar'],
    periodStart: '2024-02-01',
    periodEnd: '2024-11-30',
    reachedPeople: 64_000,
    reachedWorkplaces: 900,
    impressions: 520_000,
    reachNote: 'Demotal: visninger af filmen og downloads af ledermaterialet.',
    createdAt: '2024-01-16T09:00:00.000Z',
  },
];

/** x of n in the four cells: intervention (i) and comparison (c), before (0) and after (1). */
export interface PilotCells {
  xI0: number;
  nI0: number;
  xI1: number;
  nI1: number;
  xC0: number;
  nC0: number;
  xC1: number;
  nC1: number;
}

export interface PilotSpec {
  bfa: string;
  title: string;
  interventionGroup: string;
  comparisonGroup: string;
  outcome: string;
  design: PilotDesign;
  cells: PilotCells;
}

const SHARE_EMPLOYED = 'Andel seniorer (60+) stadig i beskæftigelse efter 12 måneder';
const COMPARISON = 'Sammenlignelige arbejdspladser i samme branche uden indsatsen';

/** Chosen so that exactly one pilot (VOA) shows a significant effect, BA clearly none, and Industri a small
 *  intervention group (under 30: the normal approximation is weak). */
export const PILOTS: PilotSpec[] = [
  {
    bfa: 'voa',
    title: 'Seniorindsats i hjemmeplejen',
    interventionGroup: '14 hjemmeplejegrupper med dialogmøder og vejledning om seniorsamtaler',
    comparisonGroup: COMPARISON,
    outcome: SHARE_EMPLOYED,
    design: 'proportions',
    cells: { xI0: 312, nI0: 420, xI1: 348, nI1: 410, xC0: 640, nC0: 860, xC1: 660, nC1: 880 },
  },
  {
    bfa: 'ba',
    title: 'Seniorer på byggepladsen: lettere opgaver og hjælpemidler',
    interventionGroup: '9 byggevirksomheder med vejledning om tilpasning af opgaver',
    comparisonGroup: COMPARISON,
    outcome: SHARE_EMPLOYED,
    design: 'proportions',
    cells: { xI0: 150, nI0: 230, xI1: 156, nI1: 225, xC0: 300, nC0: 470, xC1: 305, nC1: 465 },
  },
  {
    bfa: 'industri',
    title: 'Seniorsamtaler i metalindustrien',
    interventionGroup: '3 små metalvirksomheder med seniorsamtaler og skånejob',
    comparisonGroup: COMPARISON,
    outcome: SHARE_EMPLOYED,
    design: 'proportions',
    cells: { xI0: 19, nI0: 26, xI1: 23, nI1: 28, xC0: 160, nC0: 230, xC1: 165, nC1: 228 },
  },
  {
    bfa: 'hfk',
    title: 'Færre sygefraværsforløb blandt seniorer i butikker',
    interventionGroup: '11 butikker med dialog om arbejdstid og fysiske krav for seniorer',
    comparisonGroup: COMPARISON,
    outcome: 'Sygefraværsforløb pr. personår blandt seniorer (60+)',
    design: 'rates',
    cells: { xI0: 96, nI0: 80, xI1: 84, nI1: 82, xC0: 190, nC0: 160, xC1: 180, nC1: 158 },
  },
  {
    bfa: 'tstj',
    title: 'Seniorchauffører i godstransporten',
    interventionGroup: '8 vognmænd med vejledning om planlægning af ruter og af- og pålæsning',
    comparisonGroup: COMPARISON,
    outcome: SHARE_EMPLOYED,
    design: 'proportions',
    cells: { xI0: 88, nI0: 140, xI1: 97, nI1: 138, xC0: 170, nC0: 290, xC1: 178, nC1: 285 },
  },
];

export const PILOT_PERIOD = { start: '2021-09-01', end: '2023-06-30', before: '2021', after: '2023' };
export const PILOT_DESCRIPTION =
  'Pilotprojekt om fastholdelse af seniorer: gennem dialog og vejledning styrkede branchefællesskabet ' +
  'forebyggelsen på en afgrænset gruppe arbejdspladser i en udsat branche. Demodata: tallene er syntetiske.';

export interface FollowUpSpec {
  action: string;
  owner: string;
  dueOn: string;
  /** Every saved status with when it was saved, oldest first; the last is the current one. */
  history: { status: FollowUpStatus; at: string }[];
}

export interface RecommendationSpec {
  topic: string;
  body: string;
  issuedOn: string;
  addressee: string;
  answerOn: string | null;
  answerText: string;
  items: FollowUpSpec[];
}

const NOT_REAL = '\n\nDemodata: ikke Arbejdsmiljørådets faktiske anbefaling.';
const MINISTER = 'Beskæftigelsesministeren';
const AT = 'Arbejdstilsynet';
const SECRETARIAT = 'Sekretariatet';

export const RECOMMENDATIONS: RecommendationSpec[] = [
  {
    topic: 'Færre arbejdsrelaterede dødsulykker',
    body:
      'Rådet anbefaler på baggrund af skadesdata (anmeldte arbejdsulykker 2015–2023) en samlet indsats mod ' +
      'dødsulykker: målrettet tilsyn i bygge og anlæg, landbrug og transport, bedre analyse af hver ' +
      'dødsulykke og fælles kampagner med branchefællesskaberne.' +
      NOT_REAL,
    issuedOn: '2024-05-21',
    addressee: MINISTER,
    answerOn: '2024-08-27',
    answerText:
      'Ministeren tilslutter sig anbefalingerne og beder Arbejdstilsynet om en analyse af dødsulykkerne ' +
      'og en plan for målrettet tilsyn. (Demotekst.)',
    items: [
      {
        action: 'Analyse af dødsulykker 2015–2024 fordelt på branche og ulykkestype',
        owner: AT,
        dueOn: '2025-03-31',
        history: [
          { status: 'open', at: '2024-09-02T10:00:00.000Z' },
          { status: 'in_progress', at: '2024-11-15T10:00:00.000Z' },
          { status: 'done', at: '2025-03-20T10:00:00.000Z' },
        ],
      },
      {
        action: 'Kampagne om faldsikring på byggepladser',
        owner: 'BFA Bygge og Anlæg',
        dueOn: '2025-10-31',
        history: [
          { status: 'open', at: '2024-09-02T10:00:00.000Z' },
          { status: 'done', at: '2025-11-04T10:00:00.000Z' },
        ],
      },
      {
        action: 'Udviklingen i dødsulykker med i Rådets årlige status',
        owner: SECRETARIAT,
        dueOn: '2026-06-30',
        history: [{ status: 'open', at: '2024-09-02T10:00:00.000Z' }],
      },
    ],
  },
  {
    topic: 'Ny digital teknologi og overvågning på arbejdspladsen',
    body:
      'Rådet anbefaler, at reglerne og vejledningen følger med, når arbejdspladser tager algoritmisk ' +
      'ledelse, sensorer og digital overvågning i brug, og at arbejdsmiljøorganisationen inddrages fra start.' +
      NOT_REAL,
    issuedOn: '2025-10-07',
    addressee: MINISTER,
    answerOn: null,
    answerText: '',
    items: [
      {
        action: 'Kortlægning af brugen af algoritmisk ledelse og digital overvågning',
        owner: 'Det Nationale Forskningscenter for Arbejdsmiljø',
        dueOn: '2026-09-30',
        history: [
          { status: 'open', at: '2025-10-20T10:00:00.000Z' },
          { status: 'in_progress', at: '2026-02-02T10:00:00.000Z' },
        ],
      },
      {
        action: 'Vejledning til arbejdsmiljøorganisationen om nye digitale værktøjer',
        owner: 'BFA Handel, Finans og Kontor',
        dueOn: '2027-03-31',
        history: [{ status: 'open', at: '2025-10-20T10:00:00.000Z' }],
      },
    ],
  },
  {
    topic: 'Unges arbejdsmiljø',
    body:
      'Rådet anbefaler, at Arbejdstilsynet styrker tilsynet med unges arbejdsmiljø, særligt oplæring og ' +
      'instruktion af unge under 18 i detailhandel, restauranter og bygge og anlæg.' +
      NOT_REAL,
    issuedOn: '2025-02-25',
    addressee: AT,
    answerOn: '2025-04-29',
    answerText:
      'Arbejdstilsynet prioriterer unges arbejdsmiljø i tilsynsplanen for 2025–2026 og udarbejder nyt ' +
      'materiale sammen med branchefællesskaberne. (Demotekst.)',
    items: [
      {
        action: 'Tilsyn med fokus på unge under 18 i detailhandel og restauranter',
        owner: AT,
        dueOn: '2025-12-31',
        history: [
          { status: 'open', at: '2025-05-05T10:00:00.000Z' },
          { status: 'done', at: '2025-12-18T10:00:00.000Z' },
        ],
      },
      {
        action: 'Materiale til virksomheder om oplæring og instruktion af unge',
        owner: 'BFA Transport, Service, Turisme og Jord til Bord',
        dueOn: '2026-03-31',
        history: [
          { status: 'open', at: '2025-05-05T10:00:00.000Z' },
          { status: 'in_progress', at: '2025-09-01T10:00:00.000Z' },
          { status: 'done', at: '2026-03-12T10:00:00.000Z' },
        ],
      },
      {
        action: 'Opfølgning på kampagnen »Tag godt imod jeres unge medarbejder«',
        owner: SECRETARIAT,
        dueOn: '2026-12-31',
        history: [
          { status: 'open', at: '2025-05-05T10:00:00.000Z' },
          { status: 'in_progress', at: '2026-04-14T10:00:00.000Z' },
        ],
      },
      {
        action: 'Fælles temadag med erhvervsskolerne',
        owner: SECRETARIAT,
        dueOn: '2025-11-30',
        history: [
          { status: 'open', at: '2025-05-05T10:00:00.000Z' },
          { status: 'dropped', at: '2025-10-01T10:00:00.000Z' },
        ],
      },
    ],
  },
];
