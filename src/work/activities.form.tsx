// The editor's activity form: every field as the editor typed it (kept through problems and conflicts), problems
// beside their fields, branch groups, sub-branches and targets as checkbox lists (no script needed), and, on a
// version conflict, the fields someone else changed with what they hold now.
import { can, type Principal } from '../auth/policy.js';
import { formatDate, formatNumber, type Locale } from '../format.js';
import { Entered, enteredLang } from '../web/entered-text.js';
import { CsrfField, ErrorSummary, Field, type FieldProblems } from '../web/forms.js';
import { localePath } from '../web/i18n.js';
import { type Activity, activityState, branchCodes, COUNT_FIELDS } from './activities.model.js';
import { pickName, targetLabel } from './activities.pages.js';
import type { ActivityChoices } from './activities.service.js';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TEXTS,
  ACTIVITY_TYPES,
  fieldLabel,
  formatDkk,
  STATUS_LABELS,
  TYPE_LABELS,
} from './activities.texts.js';

const TEXT_FIELDS = [
  'bfa',
  'title',
  'type',
  'periodStart',
  'periodEnd',
  ...COUNT_FIELDS,
  'costDkk',
  'fundingPool',
  'campaign',
  'status',
  'notes',
] as const;
const LIST_FIELDS = ['branchGroups', 'subBranches', 'targets'] as const;

/** The form's values as text, exactly as typed (or as stored, when the form opens). */
export type FormValues = Record<(typeof TEXT_FIELDS)[number], string> &
  Record<(typeof LIST_FIELDS)[number], string[]>;

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

export function valuesOfActivity(activity: Activity): FormValues {
  const state = activityState(activity);
  return {
    ...(Object.fromEntries(TEXT_FIELDS.map((field) => [field, text(state[field])])) as Record<
      (typeof TEXT_FIELDS)[number],
      string
    >),
    ...branchCodes(activity),
    targets: activity.targets.map((target) => String(target.id)),
  };
}

export function emptyValues(bfa: string): FormValues {
  const values = Object.fromEntries(TEXT_FIELDS.map((field) => [field, ''])) as Record<
    (typeof TEXT_FIELDS)[number],
    string
  >;
  return { ...values, bfa, status: 'planned', branchGroups: [], subBranches: [], targets: [] };
}

/** The posted form (parsed with `all: true`, so repeated checkboxes arrive as lists). */
export function valuesOfForm(form: Record<string, unknown>): FormValues {
  const one = (name: string) => {
    const value = form[name];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' ? first : '';
  };
  const many = (name: string) => {
    const value = form[name];
    const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return all.filter((item): item is string => typeof item === 'string');
  };
  return {
    ...(Object.fromEntries(TEXT_FIELDS.map((field) => [field, one(field)])) as Record<
      (typeof TEXT_FIELDS)[number],
      string
    >),
    branchGroups: many('branchGroups'),
    subBranches: many('subBranches'),
    targets: many('targets'),
  };
}

/** The input the schema reads: the typed text as it is (the schema turns digits into numbers, empty into null). */
export const inputOfValues = (values: FormValues): Record<string, unknown> => ({ ...values });

/** A stored value as the conflict report shows it. */
export function shownValue(field: string, activity: Activity, locale: Locale): string {
  const t = ACTIVITY_TEXTS[locale];
  const dash = '–';
  switch (field) {
    case 'bfa':
      return activity.bfa.short;
    case 'type':
      return TYPE_LABELS[activity.type][locale];
    case 'status':
      return STATUS_LABELS[activity.status][locale];
    case 'branchGroups':
      return [...new Set(activity.branches.map((b) => pickName(b.group, locale)))].join(', ') || dash;
    case 'subBranches':
      return (
        activity.branches
          .flatMap((b) => (b.subBranch === null ? [] : [pickName(b.subBranch, locale)]))
          .join(', ') || dash
      );
    case 'targets':
      return activity.targets.map((target) => targetLabel(target, locale)).join('; ') || dash;
    case 'periodStart':
      return formatDate(activity.periodStart, locale);
    case 'periodEnd':
      return activity.periodEnd === null ? dash : formatDate(activity.periodEnd, locale);
    case 'costDkk':
      return formatDkk(activity.costDkk, locale);
    case 'fundingPool':
      return activity.fundingPool?.name ?? dash;
    case 'campaign':
      return activity.campaign?.title ?? dash;
    case 'published':
      return activity.published ? t.yes : t.no;
    case 'evidence':
      return activity.evidence.map((item) => item.title).join(', ') || dash;
    case 'notes':
      return activity.notes === ''
        ? dash
        : activity.notes.length > 300
          ? `${activity.notes.slice(0, 300)}…`
          : activity.notes;
    case 'title':
      return activity.title;
    default: {
      const value = activityState(activity)[field];
      return typeof value === 'number' ? formatNumber(value, locale) : text(value) || dash;
    }
  }
}

/** The fields whose stored value is text the BFAs entered (Danish), marked so on English pages. */
const ENTERED_FIELDS = new Set(['title', 'notes', 'fundingPool', 'campaign', 'evidence']);

/** A conflict: the stored activity now and the fields someone else changed since the editor opened it. */
export interface FormConflict {
  stored: Activity;
  fields: string[];
}

const describedBy = (name: string, hint: boolean, problem: boolean) =>
  [hint ? `${name}-hint` : '', problem ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

function TextInput(props: {
  name: string;
  label: string;
  values: FormValues;
  problems: FieldProblems;
  hint?: string;
  type?: string;
  inputmode?: 'numeric';
  required?: boolean;
}) {
  const name = props.name as (typeof TEXT_FIELDS)[number];
  const problem = props.problems[name] !== undefined;
  return (
    <Field
      name={name}
      label={props.label}
      problems={props.problems}
      {...(props.hint ? { hint: props.hint } : {})}
    >
      <input
        class="form-input"
        id={name}
        name={name}
        type={props.type ?? 'text'}
        inputmode={props.inputmode}
        value={props.values[name]}
        required={props.required}
        aria-describedby={describedBy(name, props.hint !== undefined, problem)}
        aria-invalid={problem ? 'true' : undefined}
      />
    </Field>
  );
}

type SelectOption = { value: string; label: string; lang?: 'da' | undefined };

function SelectInput(props: {
  name: (typeof TEXT_FIELDS)[number];
  label: string;
  values: FormValues;
  problems: FieldProblems;
  options: SelectOption[];
  empty?: string;
  hint?: string;
}) {
  const problem = props.problems[props.name] !== undefined;
  const value = props.values[props.name];
  return (
    <Field
      name={props.name}
      label={props.label}
      problems={props.problems}
      {...(props.hint ? { hint: props.hint } : {})}
    >
      <select
        class="form-select"
        id={props.name}
        name={props.name}
        aria-describedby={describedBy(props.name, props.hint !== undefined, problem)}
        aria-invalid={problem ? 'true' : undefined}
      >
        {props.empty === undefined ? null : <option value="">{props.empty}</option>}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Checkboxes in a fieldset whose id is the field's name (the error summary links to it). */
function CheckboxList(props: {
  name: (typeof LIST_FIELDS)[number];
  legend: string;
  hint: string;
  values: FormValues;
  problems: FieldProblems;
  options: { value: string; label: string }[];
  empty?: string;
}) {
  const problem = props.problems[props.name];
  const chosen = new Set(props.values[props.name]);
  return (
    <fieldset
      id={props.name}
      class={problem ? 'form-group form-error' : 'form-group'}
      aria-describedby={describedBy(props.name, true, problem !== undefined)}
    >
      <legend class="form-label">{props.legend}</legend>
      <span class="form-hint" id={`${props.name}-hint`}>
        {props.hint}
      </span>
      {problem ? (
        <span class="form-error-message" id={`${props.name}-error`}>
          {problem}
        </span>
      ) : null}
      {props.options.length === 0 && props.empty !== undefined ? <p>{props.empty}</p> : null}
      {props.options.map((option, i) => (
        <div class="form-group-checkbox">
          <input
            class="form-checkbox"
            type="checkbox"
            id={`${props.name}-${i}`}
            name={props.name}
            value={option.value}
            checked={chosen.has(option.value)}
          />
          <label for={`${props.name}-${i}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Only the editor's own BFA for a BFA editor; every BFA for the secretariat. */
export const writableBfas = (choices: ActivityChoices, principal: Principal) =>
  choices.bfas.filter(
    (bfa) =>
      !(principal.kind === 'user' || principal.kind === 'token') ||
      principal.role !== 'bfa_editor' ||
      principal.bfaId === bfa.id,
  );

function choiceLists(choices: ActivityChoices, principal: Principal, values: FormValues, locale: Locale) {
  const bfas = writableBfas(choices, principal);
  const own = new Set(bfas.map((bfa) => bfa.id));
  const short = new Map(choices.bfas.map((bfa) => [bfa.id, bfa.short]));
  const restricted = bfas.length < choices.bfas.length;
  const keep = (ids: (number | null)[], chosen: boolean) =>
    chosen || ids.some((id) => id !== null && own.has(id));
  const groups = choices.groups.filter((g) => keep(g.ownerIds, values.branchGroups.includes(g.code)));
  const groupCodes = new Set(groups.map((g) => g.code));
  const owners = (ids: number[]) => ids.map((id) => short.get(id)).join(', ');
  return {
    bfas: bfas.map((bfa) => ({ value: bfa.code, label: `${bfa.short} – ${pickName(bfa, locale)}` })),
    groups: groups.map((g) => ({
      value: g.code,
      label: restricted ? pickName(g, locale) : `${pickName(g, locale)} (${owners(g.ownerIds)})`,
    })),
    subBranches: choices.subBranches
      .filter((s) => groupCodes.has(s.groupCode))
      .map((s) => ({
        value: s.code,
        label: `${pickName(groups.find((g) => g.code === s.groupCode) ?? s, locale)}: ${pickName(s, locale)}`,
      })),
    targets: choices.targets
      .filter((target) => keep([target.ownerBfaId], values.targets.includes(String(target.id))))
      .map((target) => ({
        value: String(target.id),
        label: restricted
          ? targetLabel(target, locale)
          : `${targetLabel(target, locale)} (${short.get(target.ownerBfaId ?? -1) ?? '–'})`,
      })),
    pools: choices.pools.map((pool) => ({
      value: String(pool.id),
      label: pool.name,
      lang: enteredLang(locale),
    })),
    campaigns: choices.campaigns
      .filter(
        (campaign) =>
          keep([campaign.bfaId], values.campaign === String(campaign.id)) || campaign.bfaId === null,
      )
      .map((campaign) => ({ value: String(campaign.id), label: campaign.title, lang: enteredLang(locale) })),
  };
}

function ConflictSummary({ conflict, locale }: { conflict: FormConflict; locale: Locale }) {
  const t = ACTIVITY_TEXTS[locale];
  const { stored } = conflict;
  return (
    <div class="alert alert-warning" role="alert">
      <div class="alert-body">
        <p class="alert-heading">{t.conflictTitle}</p>
        <p class="alert-text">
          {t.conflictText(stored.version, stored.updatedBy, formatDate(stored.updatedAt, locale))}
        </p>
        <p class="alert-text">{t.conflictList}</p>
        <ul class="alert-text" id="conflict-fields">
          {conflict.fields.map((field) => (
            <li>
              <a
                href={`#${field === 'evidence' ? 'evidence-heading' : field === 'published' ? 'publish-heading' : field}`}
              >
                {fieldLabel(field, locale)}
              </a>
              :{' '}
              {ENTERED_FIELDS.has(field) ? (
                <Entered locale={locale}>{shownValue(field, stored, locale)}</Entered>
              ) : (
                shownValue(field, stored, locale)
              )}
            </li>
          ))}
        </ul>
        <p class="alert-text">{t.conflictAgain}</p>
      </div>
    </div>
  );
}

export interface ActivityFormProps {
  locale: Locale;
  principal: Principal;
  choices: ActivityChoices;
  values: FormValues;
  problems: FieldProblems;
  /** The version the form saves over; absent for a new activity. */
  version?: number;
  /** The activity's id, for an existing one. */
  id?: number;
  conflict?: FormConflict;
}

/** The problems beside the fields: a conflict's fields get the stored value beside them; typed problems on top. */
function problemsBeside(props: ActivityFormProps): FieldProblems {
  const problems: FieldProblems = {};
  const { conflict, locale } = props;
  for (const field of conflict?.fields ?? [])
    if (conflict !== undefined)
      problems[field] = ACTIVITY_TEXTS[locale].conflictBeside(shownValue(field, conflict.stored, locale));
  return Object.assign(problems, props.problems);
}

/** The form's fields and its submit button. */
export function ActivityForm(props: ActivityFormProps) {
  const { locale, values } = props;
  const t = ACTIVITY_TEXTS[locale];
  const lists = choiceLists(props.choices, props.principal, values, locale);
  const problems = problemsBeside(props);
  const summary = props.conflict === undefined ? props.problems : {};
  const label = (field: string) => fieldLabel(field, locale);
  const shared = { values, problems };
  const input = (
    name: string,
    extra: { hint?: string; type?: string; inputmode?: 'numeric'; required?: boolean } = {},
  ) => <TextInput name={name} label={label(name)} {...shared} {...extra} />;
  const select = (
    name: (typeof TEXT_FIELDS)[number],
    options: SelectOption[],
    extra: { empty?: string; hint?: string } = {},
  ) => <SelectInput name={name} label={label(name)} options={options} {...shared} {...extra} />;
  const checkboxes = (
    name: (typeof LIST_FIELDS)[number],
    hint: string,
    options: SelectOption[],
    extra: { empty?: string } = {},
  ) => <CheckboxList name={name} legend={label(name)} hint={hint} options={options} {...shared} {...extra} />;
  const action =
    props.id === undefined
      ? localePath(locale, '/redaktion/aktiviteter')
      : localePath(locale, `/redaktion/aktiviteter/${props.id}`);
  return (
    <form method="post" action={action}>
      <CsrfField />
      {props.version === undefined ? null : (
        <input type="hidden" name="version" value={String(props.version)} />
      )}
      {props.conflict === undefined ? null : <ConflictSummary conflict={props.conflict} locale={locale} />}
      <ErrorSummary problems={summary} title={t.problems} />
      {select('bfa', lists.bfas)}
      {input('title', { required: true })}
      {select(
        'type',
        ACTIVITY_TYPES.map((type) => ({ value: type, label: TYPE_LABELS[type][locale] })),
        { hint: t.typeHint, empty: locale === 'da' ? 'Vælg type' : 'Choose a type' },
      )}
      {select(
        'status',
        ACTIVITY_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status][locale] })),
      )}
      {checkboxes('branchGroups', t.branchHint, lists.groups)}
      {lists.subBranches.length === 0 && values.subBranches.length === 0
        ? null
        : checkboxes('subBranches', t.subBranchHint, lists.subBranches)}
      {checkboxes('targets', t.targetsHint, lists.targets, { empty: t.noTargetChoices })}
      {input('periodStart', { type: 'date', hint: t.dateHint, required: true })}
      {input('periodEnd', { type: 'date', hint: `${t.optional}. ${t.dateHint}` })}
      {input('plannedWorkplaces', { inputmode: 'numeric', hint: t.countHint })}
      {input('plannedParticipants', { inputmode: 'numeric', hint: t.countHint })}
      {input('reachedWorkplaces', { inputmode: 'numeric', hint: t.countHint })}
      {input('reachedParticipants', { inputmode: 'numeric', hint: t.countHint })}
      {input('costDkk', { inputmode: 'numeric', hint: t.countHint })}
      {select('fundingPool', lists.pools, { empty: t.none })}
      {select('campaign', lists.campaigns, { empty: t.none })}
      <Field name="notes" label={label('notes')} problems={problems} hint={t.notesHint}>
        <textarea
          class="form-input"
          id="notes"
          name="notes"
          rows={8}
          aria-describedby={describedBy('notes', true, problems.notes !== undefined)}
        >
          {values.notes}
        </textarea>
      </Field>
      <button class="button button-primary" type="submit">
        {props.id === undefined ? t.create : t.save}
      </button>
    </form>
  );
}

/** May this principal create activities at all (some BFA)? */
export const mayCreate = (principal: Principal) => can(principal, 'work.write');
