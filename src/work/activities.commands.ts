// `maaltal activities list|show`: the BFAs' activities from the command line. The local operator sees drafts too;
// with MAALTAL_TOKEN the token's role decides, as on the web. Stored text reaches the terminal escaped.
import {
  type Command,
  type CommandContext,
  flag,
  type OptionSpec,
  type ParsedArgs,
  stringOption,
} from '../cli/command.js';
import { terminalSafe } from '../cli/terminal.js';
import { DEMO_LABEL_DA, DEMO_LABEL_EN } from '../demo/demo.generator.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { usageError } from '../errors.js';
import { formatNumber, type Locale } from '../format.js';
import type { Activity } from './activities.model.js';
import { periodText, pickName, targetLabel } from './activities.pages.js';
import { presentActivityDetail, presentActivityList } from './activities.presenter.js';
import { activityFilterSchema, parseActivityInput } from './activities.schemas.js';
import { getActivity, listActivities } from './activities.service.js';
import { ACTIVITY_TEXTS, formatDkk, STATUS_LABELS, TYPE_LABELS } from './activities.texts.js';

const json: OptionSpec = { type: 'boolean', description: 'print JSON (as the API answers) instead of text' };
const lang: OptionSpec = {
  type: 'string',
  value: 'da|en',
  description: 'language of names, types and statuses in the text output (default da)',
};

function localeOf(args: ParsedArgs): Locale {
  const value = stringOption(args, 'lang') ?? 'da';
  if (value !== 'da' && value !== 'en')
    throw usageError('Invalid --lang', [{ field: '--lang', message: 'must be "da" or "en"' }]);
  return value;
}

function parseId(value: string | undefined): number {
  if (value === undefined || !/^[1-9]\d{0,8}$/.test(value))
    throw usageError('Invalid activity id', [
      { field: 'ID', message: `"${value ?? ''}" is not a whole number from 1` },
    ]);
  return Number(value);
}

const draftMark = (activity: Activity, locale: Locale) =>
  activity.published ? '' : ` [${ACTIVITY_TEXTS[locale].draft.toUpperCase()}]`;

function activityLine(activity: Activity, locale: Locale): string {
  const groups = [...new Set(activity.branches.map((b) => pickName(b.group, locale)))].join(', ');
  return [
    `#${activity.id}`.padEnd(5),
    `${activity.title}${draftMark(activity, locale)}`,
    `\n      ${activity.bfa.short} · ${TYPE_LABELS[activity.type][locale]} · ${STATUS_LABELS[activity.status][locale]}`,
    ` · ${periodText(activity, locale)} · ${groups}`,
  ].join(' ');
}

function detailLines(activity: Activity, locale: Locale): string[] {
  const t = ACTIVITY_TEXTS[locale];
  const n = (value: number | null) => formatNumber(value, locale);
  return [
    activityLine(activity, locale),
    `      ${t.planned}: ${n(activity.plannedWorkplaces)} ${t.workplaces.toLowerCase()}, ${n(activity.plannedParticipants)} ${t.participants.toLowerCase()}`,
    `      ${t.reached}: ${n(activity.reachedWorkplaces)} ${t.workplaces.toLowerCase()}, ${n(activity.reachedParticipants)} ${t.participants.toLowerCase()}`,
    `      ${t.colCost}: ${formatDkk(activity.costDkk, locale)}`,
    ...(activity.fundingPool === null
      ? []
      : [`      pool #${activity.fundingPool.id}: ${activity.fundingPool.name}`]),
    ...(activity.campaign === null
      ? []
      : [`      campaign #${activity.campaign.id}: ${activity.campaign.title}`]),
    ...activity.branches
      .filter((b) => b.subBranch !== null)
      .map(
        (b) =>
          `      ${pickName(b.group, locale)}: ${b.subBranch === null ? '' : pickName(b.subBranch, locale)}`,
      ),
    '',
    `${t.targetsHeading}:`,
    ...activity.targets.map((target) => `  #${target.id} ${targetLabel(target, locale)}`),
    '',
    `${t.evidenceHeading}:`,
    ...activity.evidence.map((item) =>
      item.kind === 'link'
        ? `  ${item.title}: ${item.url ?? ''}`
        : `  ${item.title}: ${item.fileName ?? ''} (${item.contentType ?? ''}, ${item.sizeBytes ?? 0} bytes)`,
    ),
    ...(activity.notes === '' ? [] : ['', `${t.notesHeading}:`, activity.notes]),
  ];
}

async function demoNotice(context: CommandContext, demo: boolean) {
  if (demo) context.stderr.write(`${DEMO_LABEL_DA} / ${DEMO_LABEL_EN}\n`);
}

export const activityCommands: Command[] = [
  {
    name: 'activities list',
    summary:
      'List the BFAs’ workplace-near activities (drafts too for the operator and editors who may read them)',
    permission: 'public',
    options: {
      bfa: { type: 'string', value: 'CODE', description: 'only this BFA’s activities' },
      lang,
      json,
    },
    async run(context, args) {
      const bfa = stringOption(args, 'bfa');
      const filter = parseActivityInput(
        activityFilterSchema,
        bfa === undefined ? {} : { bfa },
        'Invalid filter',
        (field) => `--${field}`,
      );
      const locale = localeOf(args);
      const { db } = await context.store();
      const principal = await context.principal();
      const [activities, demo] = await Promise.all([
        listActivities(db, principal, filter),
        holdsDemoData(db),
      ]);
      if (flag(args, 'json')) {
        context.stdout.write(
          `${terminalSafe(JSON.stringify(presentActivityList(activities, demo), null, 2))}\n`,
        );
        return 0;
      }
      await demoNotice(context, demo);
      for (const activity of activities)
        context.stdout.write(`${terminalSafe(activityLine(activity, locale))}\n`);
      context.stdout.write(`${activities.length} activit${activities.length === 1 ? 'y' : 'ies'}\n`);
      return 0;
    },
  },
  {
    name: 'activities show',
    summary: 'Show one activity with its branch groups, targets, evidence and notes',
    usage: 'ID [options]',
    permission: 'public',
    positionals: [
      { name: 'ID', description: 'the activity id (see `maaltal activities list`)', required: true },
    ],
    options: { lang, json },
    async run(context, args) {
      const id = parseId(args.positionals[0]);
      const locale = localeOf(args);
      const { db } = await context.store();
      const principal = await context.principal();
      const [activity, demo] = await Promise.all([getActivity(db, principal, id), holdsDemoData(db)]);
      if (flag(args, 'json')) {
        context.stdout.write(
          `${terminalSafe(JSON.stringify(presentActivityDetail(activity, demo), null, 2))}\n`,
        );
        return 0;
      }
      await demoNotice(context, demo);
      context.stdout.write(`${terminalSafe(detailLines(activity, locale).join('\n'))}\n`);
      return 0;
    },
  },
];
