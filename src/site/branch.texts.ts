// The branch look-up's and branch pages' own texts in Danish and English (the older ones are in web/i18n.ts).
import type { Locale } from '../format.js';

const da = {
  lookupHint: 'Fx 47.11, 86 eller et ord for, hvad virksomheden laver: "bager", "tømrer", "vognmand"',
  resultsHeading: (q: string) => `Resultater for "${q}"`,
  allGroups: 'Alle branchegrupper',
  groupsHeading: 'Branchegrupper med det i navnet',
  codesHeading: 'Branchekoder (DB07)',
  codeHeading: (code: string) => `Kode ${code} og koderne under den`,
  titlesNote:
    'Koder og titler er Danmarks Statistiks Dansk Branchekode 2007 (DB07). Koblingen fra kode til branchegruppe bygger på DB07-overskrifterne og er ikke Arbejdstilsynets officielle nøgle. "Udledt" betyder, at koden ikke selv er koblet, men hører under eller over koder, der er.',
  colCodeTitle: 'Kode og titel (DB07)',
  colGroup: 'Branchegruppe',
  inferredFrom: (codes: string) => `udledt af kode ${codes}`,
  split: 'Flere branchegrupper:',
  splitRest: 'Andre koder under den: ingen branchegruppe kendt',
  noGroup: 'Ingen branchegruppe kendt',
  mainGroup: 'Hovedgruppe:',
  mainGroupBasis: (division: string) => `ud fra de øvrige koder, der begynder med ${division}`,
  mainGroupUnknown: 'Hovedgruppen kendes heller ikke.',
  shown: (n: number, total: number) =>
    `Viser de ${n} bedste af ${total} koder. Skriv flere ord for at få færre og mere præcise resultater.`,
  empty:
    'Skriv en branchekode (fx 47.11 eller 86) eller et ord for, hvad virksomheden laver (fx bager, tømrer eller sygehus).',
  tooLong: (max: number) =>
    `Søgningen er for lang. Skriv højst ${max} tegn: en branchekode eller et par ord.`,
  unknownCode: (text: string) =>
    `"${text}" er ikke en kode i DB07. Tjek koden, fx i CVR-registret, eller søg på et ord for, hvad virksomheden laver.`,
  noMatch: (q: string) =>
    `Ingen branchekode eller branchegruppe passer til "${q}". Prøv et andet ord for, hvad virksomheden laver, eller en branchekode.`,
  landedByCode: (code: string, classification: string) => `Branchekode ${code} (${classification})`,
  landedBelongs: 'hører til branchegruppen',
  landedCaveat: 'Koblingen fra branchekode til branchegruppe er udledt og skal bekræftes.',
};

type BranchTexts = typeof da;

const en: BranchTexts = {
  lookupHint: 'E.g. 47.11, 86 or a word for what the business does: "bager", "tømrer", "bakery", "haulier"',
  resultsHeading: (q) => `Results for "${q}"`,
  allGroups: 'All branch groups',
  groupsHeading: 'Branch groups with it in their name',
  codesHeading: 'Industry codes (DB07)',
  codeHeading: (code) => `Code ${code} and the codes under it`,
  titlesNote:
    'Codes and titles are Statistics Denmark’s Danish industry classification 2007 (DB07); the titles are official Danish titles and are shown in Danish. The link from code to branch group rests on the DB07 headings and is not the Working Environment Authority’s official key. "Inferred" means the code is not linked itself but lies under or over codes that are.',
  colCodeTitle: 'Code and title (DB07, in Danish)',
  colGroup: 'Branch group',
  inferredFrom: (codes) => `inferred from code ${codes}`,
  split: 'Several branch groups:',
  splitRest: 'Other codes under it: no branch group known',
  noGroup: 'No branch group known',
  mainGroup: 'Main group:',
  mainGroupBasis: (division) => `from the other codes starting with ${division}`,
  mainGroupUnknown: 'The main group is not known either.',
  shown: (n, total) => `Showing the best ${n} of ${total} codes. Add words for fewer, more precise results.`,
  empty:
    'Type an industry code (e.g. 47.11 or 86) or a word for what the business does (e.g. bager, tømrer or sygehus; a few English words work too).',
  tooLong: (max) =>
    `The search is too long. Type at most ${max} characters: an industry code or a few words.`,
  unknownCode: (text) =>
    `"${text}" is not a DB07 code. Check the code, e.g. in the Danish business register (CVR), or search for a word for what the business does.`,
  noMatch: (q) =>
    `No industry code or branch group matches "${q}". Try another word for what the business does (Danish works best), or an industry code.`,
  landedByCode: (code, classification) => `Industry code ${code} (${classification})`,
  landedBelongs: 'belongs to the branch group',
  landedCaveat: 'The link from industry code to branch group is inferred and must be confirmed.',
};

export const BRANCH_TEXTS: Record<Locale, BranchTexts> = { da, en };
