// The Danish words the demo of the BFAs' work is made of: where an activity took place, what it was about, how its
// title and notes read, and how large a typical workplace is per branch group. Synthetic, never official texts.

/** "Where": each branch group (and sub-branch) as a Danish place phrase for titles. */
export const BRANCH_PHRASES: Record<string, string> = {
  anlaegsarbejde: 'i anlægsbranchen',
  'opfoerelse-og-nedrivning-af-byggeri': 'på byggepladser',
  'faerdiggoerelse-af-byggeri': 'i færdiggørelsesfagene',
  butikker: 'i butikker',
  engros: 'i engroshandlen',
  elektronik: 'i elektronikindustrien',
  'energi-og-raastoffer': 'i energi- og råstofbranchen',
  'installation-og-reparation-af-maskiner-og-udstyr': 'hos maskininstallatører',
  'kemi-og-medicin': 'i kemi- og medicinalindustrien',
  'metal-og-maskiner': 'i metalindustrien',
  'plast-glas-og-beton': 'i plast-, glas- og betonindustrien',
  'tekstil-og-papir': 'i tekstil- og papirindustrien',
  transportmidler: 'hos producenter af transportmidler',
  'trae-og-moebler': 'i træ- og møbelindustrien',
  'film-presse-og-boeger': 'i medie- og forlagsbranchen',
  'it-og-telekommunikation': 'i it- og telebranchen',
  kontor: 'på kontorarbejdspladser',
  'landbrug-skovbrug-og-fiskeri': 'i landbruget',
  slagterier: 'på slagterier',
  'naerings-og-nydelsesmidler': 'i fødevareindustrien',
  'politi-beredskab-og-faengsler': 'hos politi, beredskab og fængsler',
  'religioese-institutioner-og-begravelsesvaesen': 'hos kirker og begravelsesvæsen',
  'vand-kloak-og-affald': 'i vand-, kloak- og affaldssektoren',
  'frisoerer-og-anden-personlig-pleje': 'i frisørsaloner',
  'hotel-og-camping': 'på hoteller og campingpladser',
  'kultur-og-sport': 'i kultur- og sportsbranchen',
  rengoering: 'i rengøringsbranchen',
  'restauranter-og-barer': 'på restauranter og barer',
  'transport-af-gods': 'i godstransporten',
  'transport-af-passagerer': 'i personbefordringen',
  daginstitutioner: 'i daginstitutioner',
  'doegninstitutioner-og-hjemmepleje': 'i ældreplejen',
  hospitaler: 'på hospitaler',
  'laeger-tandlaeger-og-dyrlaeger': 'i lægepraksis og klinikker',
  undervisning: 'på skoler',
  'universiteter-og-forskning': 'på universiteter',
  'vikarbureauer-og-call-centres-virksomhed': 'i vikarbureauer og callcentre',
  'pengeinstitut-og-finansieringsvirksomhed': 'i pengeinstitutter',
  'forsikring-genforsikring-og-pensionsforsikring': 'i forsikringsselskaber',
};

/** What an activity is about: a goal, or a sub-problem of the psychosocial goal (as targets name them). */
export const TOPICS = [
  'accidents',
  'chemical',
  'ergonomic',
  'offensive-behaviour-violence-threats',
  'high-demands-low-influence',
] as const;

/** How often each BFA works on each topic when not led by a target (relative weights; unnamed BFAs: equal). */
export const BFA_TOPIC_WEIGHTS: Record<string, Record<string, number>> = {
  voa: {
    accidents: 1,
    chemical: 0.5,
    ergonomic: 3,
    'offensive-behaviour-violence-threats': 3,
    'high-demands-low-influence': 3,
  },
  ba: {
    accidents: 3,
    chemical: 2,
    ergonomic: 3,
    'offensive-behaviour-violence-threats': 0.5,
    'high-demands-low-influence': 0.5,
  },
  industri: {
    accidents: 2,
    chemical: 2,
    ergonomic: 2,
    'offensive-behaviour-violence-threats': 0.5,
    'high-demands-low-influence': 1.5,
  },
  hfk: {
    accidents: 0.5,
    chemical: 0.5,
    ergonomic: 2,
    'offensive-behaviour-violence-threats': 2,
    'high-demands-low-influence': 3,
  },
  tstj: {
    accidents: 2,
    chemical: 1.5,
    ergonomic: 2,
    'offensive-behaviour-violence-threats': 2,
    'high-demands-low-influence': 1,
  },
};

/** Desk work: no activity there is about chemicals or machine and fall accidents. */
export const DESK_GROUPS = new Set([
  'kontor',
  'it-og-telekommunikation',
  'film-presse-og-boeger',
  'universiteter-og-forskning',
]);
/** The topics left out for desk work. */
export const NOT_AT_DESKS = new Set(['accidents', 'chemical']);

/** "What": phrases per topic, to follow "om …" or "Virksomhedsbesøg: …". */
export const TOPIC_PHRASES: Record<string, string[]> = {
  accidents: [
    'sikkerhedskultur',
    'forebyggelse af faldulykker',
    'sikker brug af maskiner',
    'nærved-hændelser og ulykkesanalyse',
    'sikkerhedsrunderinger',
  ],
  chemical: [
    'kemisk risikovurdering',
    'støv og kemi i hverdagen',
    'substitution af farlige stoffer',
    'hudbeskyttelse og handsker',
    'sikkerhedsdatablade i praksis',
  ],
  ergonomic: [
    'tunge løft',
    'tekniske hjælpemidler til løft',
    'belastende arbejdsstillinger',
    'gentaget ensidigt arbejde',
    'planlægning af materialehåndtering',
  ],
  'offensive-behaviour-violence-threats': [
    'krænkende handlinger',
    'forebyggelse af vold og trusler',
    'seksuel chikane',
    'håndtering af konflikter med kunder og borgere',
  ],
  'high-demands-low-influence': [
    'høje krav og lav indflydelse',
    'arbejdspres og trivsel',
    'forebyggelse af stress',
    'indflydelse på egen arbejdsdag',
  ],
};

/** Title patterns per activity type: {topic} and {where} are filled in. */
export const TITLE_PATTERNS: Record<string, string[]> = {
  workplace_visit: ['Virksomhedsbesøg: {topic} {where}', 'Besøgsrunde om {topic} {where}'],
  dialogue_meeting: ['Dialogmøde om {topic} {where}', 'Dialogmøder med ledere og AMR om {topic} {where}'],
  course: ['Kursus for arbejdsmiljøgrupper: {topic} {where}', 'Workshop om {topic} {where}'],
  guidance_material: ['Vejledning om {topic} {where}', 'Branchevejledning: {topic} {where}'],
  network: ['Netværk om {topic} {where}', 'Erfa-netværk for arbejdsmiljøgrupper: {topic} {where}'],
  other: ['Temadag om {topic} {where}', 'Webinar om {topic} {where}'],
};

/** Lines of the notes' Markdown list, drawn two or three at a time for a finished or running activity. */
export const NOTE_POINTS = [
  'Opfølgning aftalt med arbejdsmiljøgrupperne',
  'Erfaringer samlet i en kort tjekliste',
  'Materialet er lagt på branchefællesskabets hjemmeside',
  'Deltagerne vurderede udbyttet som højt',
  'Gennemført sammen med de lokale arbejdsmiljørådgivere',
  'Flere virksomheder ønsker et opfølgende besøg',
  'Indsatsen er afstemt med branchens måltal',
  'Små virksomheder var svære at nå: nyt forsøg via brancheorganisationerne',
];

/** Average employees per workplace (demo assumption), per branch group; groups not named have 12. */
export const WORKPLACE_SIZE: Record<string, number> = {
  anlaegsarbejde: 14,
  'opfoerelse-og-nedrivning-af-byggeri': 7,
  'faerdiggoerelse-af-byggeri': 5,
  butikker: 9,
  engros: 11,
  elektronik: 35,
  'energi-og-raastoffer': 30,
  'installation-og-reparation-af-maskiner-og-udstyr': 9,
  'kemi-og-medicin': 80,
  'metal-og-maskiner': 28,
  'plast-glas-og-beton': 25,
  'tekstil-og-papir': 18,
  transportmidler: 40,
  'trae-og-moebler': 15,
  'film-presse-og-boeger': 10,
  'it-og-telekommunikation': 12,
  kontor: 9,
  'landbrug-skovbrug-og-fiskeri': 3,
  slagterier: 90,
  'naerings-og-nydelsesmidler': 30,
  'politi-beredskab-og-faengsler': 45,
  'religioese-institutioner-og-begravelsesvaesen': 6,
  'vand-kloak-og-affald': 20,
  'frisoerer-og-anden-personlig-pleje': 3,
  'hotel-og-camping': 12,
  'kultur-og-sport': 8,
  rengoering: 14,
  'restauranter-og-barer': 7,
  'transport-af-gods': 8,
  'transport-af-passagerer': 15,
  daginstitutioner: 18,
  'doegninstitutioner-og-hjemmepleje': 28,
  hospitaler: 160,
  'laeger-tandlaeger-og-dyrlaeger': 7,
  undervisning: 40,
  'universiteter-og-forskning': 120,
};
