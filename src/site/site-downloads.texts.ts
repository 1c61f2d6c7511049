// The "download everything" zips' texts in Danish and English: the links on the overview and the goal pages, the
// files' names, and the read-me that says what each file holds, where the figures come from and how far they go.
import type { Locale } from '../format.js';

const da = {
  siteZipLink: 'Hent alle tal (zip)',
  siteZipNote:
    'Alle måltal, målinger og ulykkestal som CSV til dansk Excel og som JSON med alle decimaler, med en LÆSMIG-fil.',
  goalZipLink: 'Hent alle tal for målet (zip)',
  goalZipNote:
    'Målets måltal og målinger som CSV til dansk Excel og som JSON med alle decimaler, med en LÆSMIG-fil.',
  zipName: (scope: string) => `maaltal-${scope}.zip`,
  siteScope: 'alle-data',
  goalScope: (code: string) => `maal-${code}`,
  readme: 'LÆSMIG.txt',
  targetsFile: 'maaltal.csv',
  observationsFile: 'maalinger.csv',
  accidentFiles: {
    byBranch: 'ulykker-branche.csv',
    bySexAge: 'ulykker-koen-alder.csv',
    fatal: 'doedsulykker.csv',
  },
  jsonFile: 'data.json',
  readmeTitle: (scope: string) => `Måltal – alle tal for ${scope}`,
  siteTitle: 'hele sitet',
  goalTitle: (no: number, name: string) => `mål ${no}: ${name}`,
  asOf: (date: string, version: string) => `Data som de så ud ${date} (dataversion ${version}).`,
  demo: 'DEMODATA – ikke officielle tal. Tallene er dannet til at vise sitet og må ikke bruges som statistik.',
  filesTitle: 'Filer',
  describeTargets:
    'ét måltal pr. linje: branche, problem, indikator, udgangspunkt, seneste måling med 95 %-konfidensinterval, måltal, status i ord og fremskrivning.',
  describeObservations:
    'alle målinger bag måltallene, én pr. linje. Et år, der ikke offentliggøres, står som en linje med "Skjult: Ja" og uden tal.',
  describeByBranch: 'anmeldte arbejdsulykker pr. år og branchegruppe, med rate og 95 %-konfidensinterval.',
  describeBySexAge: 'anmeldte arbejdsulykker pr. år, køn og alder for hele landet.',
  describeFatal: 'dødsulykker pr. år (efter ulykkesår) pr. 100.000 beskæftigede.',
  describeJson:
    'de samme tal med alle decimaler og koder i stedet for ord (til programmer), med metadata; samme form som API’et (/api).',
  formatTitle: 'Format',
  format:
    'CSV-filerne er UTF-8 med byte order mark (BOM), adskilt med semikolon og med decimalkomma, så de åbner direkte i dansk Excel og LibreOffice. Tallene er afrundet som på siden; JSON-filen har alle decimaler. Celler, der er skjult af diskretionshensyn, er tomme og markeret "Skjult". En engelsk udgave med komma og decimalpunktum findes under /en/.',
  sourcesTitle: 'Kilder',
  indicatorSource: (indicator: string, source: string) => `${indicator}: ${source}`,
  batchesTitle: 'Indlæste datafiler (batches)',
  batch: (id: number, kind: string, file: string, label: string, date: string, rows: string) =>
    `#${id} ${kind}: ${file}${label === '' ? '' : ` (${label})`}, indlæst ${date}, ${rows} rækker`,
  methodTitle: 'Metode',
  progressMethod:
    'Status og fremskrivning beregnes af de offentliggjorte målinger (udgangspunkt, seneste måling og usikkerhed) som beskrevet på metodesiden /metode.',
  disclosureTitle: 'Diskretion',
  surveyRule: (min: string) =>
    `Spørgeskemamålinger med færre end ${min} svarpersoner offentliggøres ikke og bruges ikke i vurderingen.`,
  fatalExempt:
    'Dødsulykker offentliggøres af Arbejdstilsynet sag for sag, så deres antal er undtaget fra diskretion.',
  accidentRegister: 'Arbejdstilsynets register over anmeldte arbejdsulykker',
  caveatsTitle: 'Forbehold',
  none: 'Ingen.',
};

type Texts = typeof da;

const en: Texts = {
  siteZipLink: 'Download all figures (zip)',
  siteZipNote:
    'Every target, measurement and accident figure as CSV and as JSON with every digit, with a read-me.',
  goalZipLink: 'Download all figures for this goal (zip)',
  goalZipNote: "The goal's targets and measurements as CSV and as JSON with every digit, with a read-me.",
  zipName: (scope: string) => `maaltal-${scope}.zip`,
  siteScope: 'all-data',
  goalScope: (code: string) => `goal-${code}`,
  readme: 'README.txt',
  targetsFile: 'targets.csv',
  observationsFile: 'measurements.csv',
  accidentFiles: {
    byBranch: 'accidents-by-branch.csv',
    bySexAge: 'accidents-by-sex-age.csv',
    fatal: 'fatal-accidents.csv',
  },
  jsonFile: 'data.json',
  readmeTitle: (scope: string) => `Måltal – all figures for ${scope}`,
  siteTitle: 'the whole site',
  goalTitle: (no: number, name: string) => `goal ${no}: ${name}`,
  asOf: (date: string, version: string) => `Data as they stood on ${date} (data version ${version}).`,
  demo: 'DEMO DATA – not official figures. They were made to show the site and must not be used as statistics.',
  filesTitle: 'Files',
  describeTargets:
    'one target per line: branch, problem, indicator, baseline, latest measurement with its 95% confidence interval, target, status in words and projection.',
  describeObservations:
    'every measurement behind the targets, one per line. A year that is not published is a line with "Hidden: Yes" and no figures.',
  describeByBranch:
    'reported work accidents by year and branch group, with the rate and its 95% confidence interval.',
  describeBySexAge: 'reported work accidents by year, sex and age for the whole country.',
  describeFatal: 'fatal accidents by year (by accident year) per 100,000 employed.',
  describeJson:
    'the same figures with every digit and codes instead of words (for programs), with metadata; the same shape as the API (/api).',
  formatTitle: 'Format',
  format:
    'The CSV files are UTF-8 with a byte order mark (BOM), comma-separated with decimal points. Figures are rounded as on the site; the JSON file has every digit. Cells hidden to protect confidentiality are empty and marked "Hidden". A Danish version (semicolons, decimal commas) is at the same address without /en/.',
  sourcesTitle: 'Sources',
  indicatorSource: (indicator: string, source: string) => `${indicator}: ${source}`,
  batchesTitle: 'Data files loaded (batches)',
  batch: (id: number, kind: string, file: string, label: string, date: string, rows: string) =>
    `#${id} ${kind}: ${file}${label === '' ? '' : ` (${label})`}, loaded ${date}, ${rows} rows`,
  methodTitle: 'Method',
  progressMethod:
    'Status and projection are computed from the published measurements (baseline, latest measurement and uncertainty) as described on the method page /en/metode.',
  disclosureTitle: 'Confidentiality',
  surveyRule: (min: string) =>
    `Survey measurements from fewer than ${min} respondents are not published and not used in the assessment.`,
  fatalExempt:
    'Fatal accidents are published by the Danish Working Environment Authority case by case, so their counts are exempt from suppression.',
  accidentRegister: "The Danish Working Environment Authority's register of reported work accidents",
  caveatsTitle: 'Caveats',
  none: 'None.',
};

export const SITE_DOWNLOAD_TEXTS: Record<Locale, Texts> = { da, en };
