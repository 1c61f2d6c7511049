// Texts of the BFAs' work pages that span features: the overview (/indsats), the editor area's hub
// (/redaktion/indsats) and the page per BFA (/bfa/:code), in Danish and English.
const da = {
  nav: 'Indsats',
  overviewTitle: 'Indsatsen for målene',
  overviewIntro:
    'Hvad branchefællesskaberne for arbejdsmiljø (BFA) og Arbejdsmiljørådet gør for at nå målene: arbejdspladsnære aktiviteter, kampagner, pilotforsøg, puljerne der betaler, og rådets anbefalinger med opfølgning.',
  sections: {
    activities: [
      'Aktiviteter',
      'BFA’ernes arbejdspladsnære aktiviteter: besøg, dialogmøder, kurser og vejledning.',
    ],
    campaigns: ['Kampagner', 'Kampagner med deres kanaler, periode og rækkevidde.'],
    pilots: [
      'Pilotforsøg',
      'Forsøg med en indsatsgruppe og en sammenligningsgruppe, evalueret med usikkerhed.',
    ],
    pools: [
      'Puljer',
      'Bevillingerne, hvad der er brugt, hvad der er tilbage, og prisen pr. nået arbejdsplads.',
    ],
    recommendations: ['Anbefalinger', 'Arbejdsmiljørådets anbefalinger, svarene og opfølgningen.'],
  },
  bfasTitle: 'Branchefællesskaberne',
  bfaActivities: (n: string) => `${n} offentliggjorte aktiviteter`,
  hubTitle: 'Indsats i redaktionen',
  hubIntro:
    'Her redigerer du aktiviteter, kampagner og pilotforsøg (BFA-redaktører: kun jeres egne) og sekretariatets puljer og anbefalinger. Kladder er kun synlige i redaktionen.',
  hubImport: [
    'Indlæs aktiviteter fra regneark',
    'Et regneark (XLSX eller CSV) med danske kolonneoverskrifter.',
  ],
  bfaIntro: (short: string) =>
    `${short}s arbejde med målene: branchegrupper, måltal, aktiviteter, kampagner, pilotforsøg, puljer og rækkevidde.`,
  bfaBranches: 'Branchegrupper',
  bfaTargets: 'Måltal efter status',
  bfaTargetList: 'Måltal',
  bfaNoTargets: 'BFA’et har ingen måltal.',
  bfaStatusLabel: (short: string) => `${short}s måltal efter status`,
  bfaAllActivities: (short: string) => `Alle ${short}s aktiviteter`,
  bfaSource: 'BFA’ets egen side',
  notFound: (code: string) => `Intet BFA med koden "${code}"`,
};

export type WorkTexts = typeof da;

const en: WorkTexts = {
  nav: 'Initiatives',
  overviewTitle: 'Initiatives toward the goals',
  overviewIntro:
    "What the branch bodies for the working environment (BFA) and the Working Environment Council do to meet the goals: workplace-near activities, campaigns, pilots, the funding pools that pay for them, and the council's recommendations with their follow-up.",
  sections: {
    activities: [
      'Activities',
      "The BFAs' workplace-near activities: visits, dialogue meetings, courses and guidance.",
    ],
    campaigns: ['Campaigns', 'Campaigns with their channels, period and reach.'],
    pilots: [
      'Pilots',
      'Trials with an intervention group and a comparison group, evaluated with their uncertainty.',
    ],
    pools: ['Funding pools', 'The grants, what is spent, what is left, and the cost per workplace reached.'],
    recommendations: [
      'Recommendations',
      "The Working Environment Council's recommendations, the answers and the follow-up.",
    ],
  },
  bfasTitle: 'The branch bodies',
  bfaActivities: (n: string) => `${n} published activities`,
  hubTitle: 'Initiatives in the editor area',
  hubIntro:
    "Edit activities, campaigns and pilots (BFA editors: only your own) and the secretariat's funding pools and recommendations. Drafts are visible in the editor area only.",
  hubImport: [
    'Load activities from a spreadsheet',
    'A spreadsheet (XLSX or CSV) with Danish column headings.',
  ],
  bfaIntro: (short: string) =>
    `${short}'s work toward the goals: branch groups, targets, activities, campaigns, pilots, funding pools and reach.`,
  bfaBranches: 'Branch groups',
  bfaTargets: 'Targets by status',
  bfaTargetList: 'Targets',
  bfaNoTargets: 'The BFA has no targets.',
  bfaStatusLabel: (short: string) => `${short}'s targets by status`,
  bfaAllActivities: (short: string) => `All of ${short}'s activities`,
  bfaSource: "The BFA's own site",
  notFound: (code: string) => `No BFA with the code "${code}"`,
};

export const WORK_TEXTS = { da, en };
