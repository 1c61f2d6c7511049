// The audit trail's texts in Danish and English: the page, the CSV header, the CLI and every problem it names.
import type { Locale } from '../format.js';

const da = {
  title: 'Revisionsspor',
  intro:
    'Hver ændring i redaktionen og fra kommandolinjen, nyeste først. Sporet kan hverken ændres eller slettes, og hver række er kædet til den forrige med en SHA-256-hash.',
  filterHeading: 'Filtrér',
  user: 'Bruger',
  entity: 'Objekttype',
  action: 'Handling',
  from: 'Fra dato',
  to: 'Til dato',
  dateHint: 'ÅÅÅÅ-MM-DD',
  show: 'Vis',
  download: 'Hent som CSV (regneark)',
  noRows: 'Ingen hændelser passer til filtret.',
  shown: (count: number) => (count === 1 ? 'Viser 1 hændelse.' : `Viser ${count} hændelser.`),
  truncated: (limit: number) => `Kun de ${limit} nyeste vises; CSV-filen har alle.`,
  problem: 'Filtret kan ikke bruges',
  errorPrefix: 'Fejl:',
  col: {
    id: 'Nr.',
    at: 'Tidspunkt (UTC)',
    actorKind: 'Aktørtype',
    actorId: 'Aktør-id',
    actorLabel: 'Aktør',
    requestId: 'Forespørgsel',
    clientAddress: 'Adresse',
    action: 'Handling',
    entity: 'Objekttype',
    entityId: 'Objekt-id',
    before: 'Før',
    after: 'Efter',
    hash: 'Hash',
  },
  kind: { user: 'bruger', token: 'API-nøgle', cli: 'kommandolinje', anonymous: 'anonym' },
  fileName: 'revisionsspor.csv',
  intact: (rows: number) => `revisionssporet er intakt: ${rows} ${rows === 1 ? 'række' : 'rækker'}`,
  broken: (problems: number, rows: number) =>
    `revisionssporet er brudt: ${problems} ${problems === 1 ? 'problem' : 'problemer'} i ${rows} ${rows === 1 ? 'række' : 'rækker'}`,
  row: 'række',
  noEvents: 'ingen hændelser passer til filtret',
  reason: {
    contentChanged: 'indholdet passer ikke til rækkens hash (ændret efter den blev skrevet)',
    chainBroken: (previous: number) => `dens prev_hash er ikke hashen af række ${previous}`,
    firstNotGenesis: 'den første rækkes prev_hash er ikke 64 nuller',
    missing: (first: number, last: number) =>
      first === last ? `række ${first} mangler` : `rækkerne ${first}–${last} mangler`,
  },
  problems: {
    badDate: 'skal være en gyldig dato som ÅÅÅÅ-MM-DD',
    toBeforeFrom: 'må ikke ligge før fra-datoen',
    badLimit: 'skal være et helt tal fra 1 til 10000',
    tooLong: 'må højst være 200 tegn',
    invalid: 'er ikke gyldig',
  },
  invalidFilter: 'Ugyldigt filter',
};

type AuditTexts = typeof da;

const en: AuditTexts = {
  title: 'Audit trail',
  intro:
    'Every change made in the editor area and from the command line, newest first. The trail can be neither changed nor deleted, and each row is chained to the one before by a SHA-256 hash.',
  filterHeading: 'Filter',
  user: 'User',
  entity: 'Entity',
  action: 'Action',
  from: 'From date',
  to: 'To date',
  dateHint: 'YYYY-MM-DD',
  show: 'Show',
  download: 'Download as CSV (spreadsheet)',
  noRows: 'No events match the filter.',
  shown: (count: number) => (count === 1 ? 'Showing 1 event.' : `Showing ${count} events.`),
  truncated: (limit: number) => `Only the newest ${limit} are shown; the CSV file has them all.`,
  problem: 'The filter cannot be used',
  errorPrefix: 'Error:',
  col: {
    id: 'No.',
    at: 'Time (UTC)',
    actorKind: 'Actor kind',
    actorId: 'Actor id',
    actorLabel: 'Actor',
    requestId: 'Request',
    clientAddress: 'Address',
    action: 'Action',
    entity: 'Entity',
    entityId: 'Entity id',
    before: 'Before',
    after: 'After',
    hash: 'Hash',
  },
  kind: { user: 'user', token: 'API token', cli: 'command line', anonymous: 'anonymous' },
  fileName: 'audit-trail.csv',
  intact: (rows: number) => `audit trail intact: ${rows} ${rows === 1 ? 'row' : 'rows'}`,
  broken: (problems: number, rows: number) =>
    `audit trail broken: ${problems} ${problems === 1 ? 'problem' : 'problems'} in ${rows} ${rows === 1 ? 'row' : 'rows'}`,
  row: 'row',
  noEvents: 'no events match the filter',
  reason: {
    contentChanged: 'its content does not match its hash (changed after it was written)',
    chainBroken: (previous: number) => `its prev_hash is not the hash of row ${previous}`,
    firstNotGenesis: "the first row's prev_hash is not 64 zeros",
    missing: (first: number, last: number) =>
      first === last ? `row ${first} is missing` : `rows ${first}–${last} are missing`,
  },
  problems: {
    badDate: 'must be a valid date as YYYY-MM-DD',
    toBeforeFrom: 'must not be before the from date',
    badLimit: 'must be a whole number from 1 to 10000',
    tooLong: 'must be at most 200 characters',
    invalid: 'is not valid',
  },
  invalidFilter: 'Invalid filter',
};

export const AUDIT_TEXTS: Record<Locale, AuditTexts> = { da, en };

export type AuditProblemKey = keyof AuditTexts['problems'];
