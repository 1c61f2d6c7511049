// The read-me of a "download everything" zip (LÆSMIG.txt / README.txt): what each file holds, the format, where
// the figures come from (indicators' sources and the data files loaded), the method, the disclosure rules and
// the caveats, in the reader's language. Plain text with Windows line ends, so Notepad shows it as it is.
import { ACCIDENT_INDICATOR_SOURCE } from '../accidents/indicator-source.js';
import type { Answer, RateRow } from '../accidents/rates.js';
import { formatDate, formatNumber, type Locale } from '../format.js';
import { DEFAULT_SURVEY_SETTINGS } from '../targets/survey-settings.js';
import type { Target } from '../targets/targets.model.js';
import type { ObservationLine } from '../web/download-observations.js';
import { MESSAGES, pick } from '../web/i18n.js';
import { SITE_DOWNLOAD_TEXTS } from './site-downloads.texts.js';
import type { AccidentTableKey } from './site-downloads-tables.js';

/** What a zip holds, read as the pages read it. */
export interface ZipContent {
  targets: Target[];
  lines: ObservationLine[];
  accidents: { key: AccidentTableKey; answer: Answer<RateRow> }[];
  /** The committed data files loaded (never who loaded them). */
  batches: {
    id: number;
    kind: string;
    fileName: string;
    sourceLabel: string;
    importedAt: string;
    rowCount: number;
  }[];
  demo: boolean;
  version: string;
  /** The newest import, ISO-8601; null before any. */
  asOf: string | null;
}

export interface ZipScope {
  locale: Locale;
  /** The goal of a goal's zip; null for the whole site. */
  goal: { id: number; code: string; areaDa: string; areaEn: string } | null;
}

const unique = (texts: readonly string[]) => [...new Set(texts.filter((text) => text.trim() !== ''))];

const section = (title: string, lines: readonly string[], none: string) => [
  '',
  title,
  '-'.repeat(title.length),
  ...(lines.length === 0 ? [none] : lines.map((line) => `- ${line}`)),
];

function fileLines(content: ZipContent, locale: Locale): string[] {
  const t = SITE_DOWNLOAD_TEXTS[locale];
  const describe = { byBranch: t.describeByBranch, bySexAge: t.describeBySexAge, fatal: t.describeFatal };
  return [
    `${t.targetsFile}: ${t.describeTargets}`,
    `${t.observationsFile}: ${t.describeObservations}`,
    ...content.accidents.map(({ key }) => `${t.accidentFiles[key]}: ${describe[key]}`),
    `${t.jsonFile}: ${t.describeJson}`,
  ];
}

function sourceLines(content: ZipContent, locale: Locale): string[] {
  const t = SITE_DOWNLOAD_TEXTS[locale];
  const indicators = new Map(
    content.targets.map((target) => [
      target.indicator.code,
      t.indicatorSource(
        pick(target.indicator, locale),
        target.indicator.dataSource === ACCIDENT_INDICATOR_SOURCE
          ? t.accidentRegister
          : target.indicator.dataSource,
      ),
    ]),
  );
  return [...indicators.values()];
}

function batchLines(content: ZipContent, locale: Locale): string[] {
  const t = SITE_DOWNLOAD_TEXTS[locale];
  return content.batches.map((batch) =>
    t.batch(
      batch.id,
      batch.kind,
      batch.fileName,
      batch.sourceLabel,
      formatDate(batch.importedAt, locale),
      formatNumber(batch.rowCount, locale),
    ),
  );
}

function methodLines(content: ZipContent, locale: Locale): string[] {
  const t = SITE_DOWNLOAD_TEXTS[locale];
  return unique([t.progressMethod, ...content.accidents.map(({ answer }) => answer.meta.method[locale])]);
}

function disclosureLines(content: ZipContent, locale: Locale): string[] {
  const t = SITE_DOWNLOAD_TEXTS[locale];
  const min = formatNumber(DEFAULT_SURVEY_SETTINGS.publication.minRespondents, locale);
  const accidents = content.accidents.flatMap(({ answer }) => {
    const { suppression } = answer.meta;
    return [
      locale === 'da' ? suppression.noteDa : suppression.noteEn,
      suppression.exemptFatal ? t.fatalExempt : '',
    ];
  });
  return unique([t.surveyRule(min), ...accidents]);
}

function caveatLines(content: ZipContent, locale: Locale): string[] {
  const breaks = content.targets.map((target) =>
    locale === 'da' ? target.indicator.methodBreakNotesDa : target.indicator.methodBreakNotesEn,
  );
  const accidents = content.accidents.flatMap(({ answer }) => [
    ...answer.meta.seriesNotes.map((note) => note[locale]),
    answer.meta.excludedUndated > 0
      ? MESSAGES[locale].undatedNote(formatNumber(answer.meta.excludedUndated, locale))
      : '',
  ]);
  return unique([...breaks, ...accidents]);
}

export function readme(content: ZipContent, scope: ZipScope): string {
  const { locale, goal } = scope;
  const t = SITE_DOWNLOAD_TEXTS[locale];
  const title = t.readmeTitle(
    goal === null ? t.siteTitle : t.goalTitle(goal.id, locale === 'da' ? goal.areaDa : goal.areaEn),
  );
  const asOf = content.asOf === null ? '–' : formatDate(content.asOf, locale);
  const lines = [
    title,
    '='.repeat(title.length),
    '',
    t.asOf(asOf, content.version),
    ...(content.demo ? ['', t.demo] : []),
    ...section(t.filesTitle, fileLines(content, locale), t.none),
    '',
    t.formatTitle,
    '-'.repeat(t.formatTitle.length),
    t.format,
    ...section(t.sourcesTitle, sourceLines(content, locale), t.none),
    ...section(t.batchesTitle, batchLines(content, locale), t.none),
    ...section(t.methodTitle, methodLines(content, locale), t.none),
    ...section(t.disclosureTitle, disclosureLines(content, locale), t.none),
    ...section(t.caveatsTitle, caveatLines(content, locale), t.none),
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
