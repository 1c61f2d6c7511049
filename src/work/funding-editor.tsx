// The editor area's funding pools: the secretariat's overview (/redaktion/puljer: every pool the reader may see,
// drafts included, with remaining money, days left and the FLAG for a pool that ends within 12 months with money or
// activities left), and the pool form (new and edit, shares per BFA, the version opened in a hidden field), with the
// publish button. Problems stand beside their fields; on a conflict what the editor typed is kept.
import { formatNumber, type Locale } from '../format.js';
import { CsrfField, ErrorSummary, Field, type FieldProblems } from '../web/forms.js';
import { localePath } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { formAmount } from './funding.schemas.js';
import type { BfaRef, FundingPool, PoolSummary } from './funding.service.js';
import { FUNDING_TEXTS, formatDkk } from './funding.texts.js';
import { daysLeftText, FigureTable, figureColumns, period, stored } from './funding-pages.js';

/** The pool form as typed: every field as text, shares by BFA code. */
export interface PoolForm {
  name: string;
  legalBasis: string;
  amountDkk: string;
  periodStart: string;
  periodEnd: string;
  purpose: string;
  shares: Record<string, string>;
  version: string;
}

export const POOL_FORM_FIELDS = [
  'name',
  'legalBasis',
  'amountDkk',
  'periodStart',
  'periodEnd',
  'purpose',
  'shares',
];

export const emptyPoolForm = (): PoolForm => ({
  name: '',
  legalBasis: '',
  amountDkk: '',
  periodStart: '',
  periodEnd: '',
  purpose: '',
  shares: {},
  version: '',
});

/** The stored pool as the form shows it (amounts in the page's language). */
export function poolForm(pool: FundingPool, locale: Locale): PoolForm {
  return {
    name: pool.name,
    legalBasis: pool.legalBasis,
    amountDkk: formatNumber(pool.amountDkk, locale),
    periodStart: pool.periodStart,
    periodEnd: pool.periodEnd,
    purpose: pool.purpose,
    shares: Object.fromEntries(pool.shares.map((s) => [s.bfa.code, formatNumber(s.amountDkk, locale)])),
    version: String(pool.version),
  };
}

/** The posted form's texts. */
export function postedPoolForm(form: Record<string, unknown>, bfas: readonly BfaRef[]): PoolForm {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  return {
    name: text('name'),
    legalBasis: text('legalBasis'),
    amountDkk: text('amountDkk'),
    periodStart: text('periodStart'),
    periodEnd: text('periodEnd'),
    purpose: text('purpose'),
    shares: Object.fromEntries(bfas.map((bfa) => [bfa.code, text(`share-${bfa.code}`)])),
    version: text('version'),
  };
}

/** The form's input for the schema: amounts read in the page's language, empty shares left out. */
export function poolInputOf(form: PoolForm, locale: Locale): Record<string, unknown> {
  return {
    name: form.name,
    legalBasis: form.legalBasis,
    amountDkk: formAmount(form.amountDkk, locale) ?? '',
    periodStart: form.periodStart,
    periodEnd: form.periodEnd,
    purpose: form.purpose,
    shares: Object.entries(form.shares)
      .filter(([, amount]) => amount.trim() !== '')
      .map(([bfa, amount]) => ({ bfa, amountDkk: formAmount(amount, locale) })),
  };
}

/** Problems of fields the form has no input for (e.g. `published` on a conflict) go to the summary as text. */
export function placeProblems(problems: FieldProblems): FieldProblems {
  const placed: FieldProblems = {};
  for (const [field, message] of Object.entries(problems)) {
    if (field === '_form' || POOL_FORM_FIELDS.includes(field)) placed[field] = message;
    else placed._form = [placed._form, `${field}: ${message}`].filter(Boolean).join(' ');
  }
  return placed;
}

function Flag({ summary, locale }: { summary: PoolSummary; locale: Locale }) {
  const t = FUNDING_TEXTS[locale];
  if (!summary.flagged || summary.flagReason === null) return <>{t.flagNone}</>;
  return (
    <>
      <strong>
        <span aria-hidden="true">⚑ </span>
        {t.flagLabel}
      </strong>
      : {summary.flagReason[locale]}
    </>
  );
}

export function EditorOverviewPage(props: {
  summaries: readonly PoolSummary[];
  locale: Locale;
  path: string;
  mayWrite: boolean;
}) {
  const { locale, summaries } = props;
  const t = FUNDING_TEXTS[locale];
  const flagged = summaries.filter((s) => s.flagged).length;
  const money = (value: number) => formatDkk(value, locale);
  return (
    <Layout locale={locale} path={props.path} title={t.editorTitle} demo={false}>
      <h1>{t.editorTitle}</h1>
      <p>{t.editorIntro}</p>
      {props.mayWrite ? (
        <p>
          <a class="button button-secondary" href={localePath(locale, '/redaktion/puljer/ny')}>
            {t.newPool}
          </a>
        </p>
      ) : null}
      {flagged === 0 ? null : (
        <div class="alert alert-warning" role="note">
          <div class="alert-body">
            <p class="alert-text">{t.flagExplanation}</p>
          </div>
        </div>
      )}
      {summaries.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <FigureTable
          caption={t.caption}
          columns={[
            { label: t.colPool },
            { label: t.colStatus },
            ...figureColumns(t.colAmount, t.colRemaining, t.colRemainingAfter, t.colDaysLeft),
            { label: t.flagColumn },
          ]}
        >
          {summaries.map((s) => (
            <tr class={s.flagged ? 'maaltal-flagged' : undefined}>
              <th scope="row" data-title={t.colPool}>
                <a href={localePath(locale, `/redaktion/puljer/${s.pool.id}`)} lang={stored(locale)}>
                  {s.pool.name}
                </a>
              </th>
              <td data-title={t.colStatus}>{s.pool.published ? t.published : t.draft}</td>
              <td class="num" data-title={t.colAmount}>
                {money(s.pool.amountDkk)}
              </td>
              <td class="num" data-title={t.colRemaining}>
                {money(s.remainingDkk)}
              </td>
              <td class="num" data-title={t.colRemainingAfter}>
                {money(s.remainingAfterCommitmentsDkk)}
              </td>
              <td class="num" data-title={t.colDaysLeft}>
                {daysLeftText(s, locale)}
              </td>
              <td data-title={t.flagColumn}>
                <Flag summary={s} locale={locale} />
              </td>
            </tr>
          ))}
        </FigureTable>
      )}
    </Layout>
  );
}

function ShareFields(props: {
  bfas: readonly BfaRef[];
  form: PoolForm;
  problems: FieldProblems;
  locale: Locale;
}) {
  const t = FUNDING_TEXTS[props.locale];
  const problem = props.problems.shares;
  return (
    <fieldset
      id="shares"
      class={problem ? 'form-group form-error' : 'form-group'}
      aria-describedby="shares-hint"
    >
      <legend class="form-label">{t.fieldShares}</legend>
      <span class="form-hint" id="shares-hint">
        {t.fieldSharesHint}
      </span>
      {problem ? <span class="form-error-message">{problem}</span> : null}
      {props.bfas.map((bfa) => (
        <div class="form-group">
          <label class="form-label" for={`share-${bfa.code}`}>
            {bfa.short}
          </label>
          <input
            class="form-input input-width-s"
            id={`share-${bfa.code}`}
            name={`share-${bfa.code}`}
            inputmode="numeric"
            value={props.form.shares[bfa.code] ?? ''}
          />
        </div>
      ))}
    </fieldset>
  );
}

function PoolFormFields(props: {
  form: PoolForm;
  problems: FieldProblems;
  bfas: readonly BfaRef[];
  locale: Locale;
}) {
  const { form, problems, locale } = props;
  const t = FUNDING_TEXTS[locale];
  const required = (
    name: 'name' | 'legalBasis' | 'amountDkk' | 'periodStart' | 'periodEnd',
    label: string,
    extra: { hint?: string; type?: string } = {},
  ) => <Field name={name} label={label} problems={problems} value={form[name]} required {...extra} />;
  const date = { hint: t.fieldDateHint, type: 'date' };
  return (
    <>
      {required('name', t.fieldName)}
      {required('legalBasis', t.fieldLegalBasis, { hint: t.fieldLegalBasisHint })}
      {required('amountDkk', t.fieldAmount)}
      {required('periodStart', t.fieldPeriodStart, date)}
      {required('periodEnd', t.fieldPeriodEnd, date)}
      <Field name="purpose" label={t.fieldPurpose} problems={problems}>
        <textarea class="form-input" id="purpose" name="purpose" rows={4} maxlength={5000}>
          {form.purpose}
        </textarea>
      </Field>
      <ShareFields bfas={props.bfas} form={form} problems={problems} locale={locale} />
    </>
  );
}

export function PoolFormPage(props: {
  locale: Locale;
  path: string;
  /** The stored pool's summary; undefined for a new pool. */
  summary: PoolSummary | undefined;
  form: PoolForm;
  problems: FieldProblems;
  bfas: readonly BfaRef[];
  mayWrite: boolean;
  conflict?: boolean;
}) {
  const { locale, summary, form } = props;
  const t = FUNDING_TEXTS[locale];
  const title = summary === undefined ? t.newPool : summary.pool.name;
  const action = localePath(
    locale,
    summary === undefined ? '/redaktion/puljer' : `/redaktion/puljer/${summary.pool.id}`,
  );
  const problems = placeProblems(props.problems);
  return (
    <Layout locale={locale} path={props.path} title={title} demo={false}>
      <p class="maaltal-note">
        <a href={localePath(locale, '/redaktion/puljer')}>{t.editorTitle}</a>
      </p>
      <h1 lang={summary === undefined ? undefined : stored(locale)}>{title}</h1>
      {summary === undefined ? null : (
        <PoolStatus summary={summary} locale={locale} mayWrite={props.mayWrite} />
      )}
      {props.conflict === true ? (
        <div class="alert alert-warning" role="alert">
          <div class="alert-body">
            <p class="alert-text">{t.conflict}</p>
          </div>
        </div>
      ) : null}
      {props.mayWrite ? (
        <form method="post" action={action} novalidate>
          <CsrfField />
          <ErrorSummary problems={problems} title={t.problems} />
          {summary === undefined ? null : <input type="hidden" name="version" value={form.version} />}
          <PoolFormFields form={form} problems={problems} bfas={props.bfas} locale={locale} />
          <button class="button button-primary" type="submit">
            {summary === undefined ? t.create : t.save}
          </button>
        </form>
      ) : (
        <p>{t.readOnly}</p>
      )}
    </Layout>
  );
}

function PoolStatus(props: { summary: PoolSummary; locale: Locale; mayWrite: boolean }) {
  const { summary, locale } = props;
  const t = FUNDING_TEXTS[locale];
  const id = summary.pool.id;
  return (
    <>
      <p>
        {summary.pool.published ? t.published : t.draft} · {t.version(summary.pool.version)} ·{' '}
        {period(summary, locale)} · {t.colRemaining}: {formatDkk(summary.remainingDkk, locale)} ·{' '}
        {t.colDaysLeft}: {daysLeftText(summary, locale)}
      </p>
      {summary.flagged && summary.flagReason !== null ? (
        <div class="alert alert-warning" role="note">
          <div class="alert-body">
            <p class="alert-text">
              <strong>{t.flagLabel}:</strong> {summary.flagReason[locale]}
            </p>
          </div>
        </div>
      ) : null}
      <p>
        <a href={localePath(locale, `/puljer/${id}${summary.pool.published ? '' : '?drafts=1'}`)}>
          {t.publicPage}
        </a>
      </p>
      {props.mayWrite ? (
        <form
          method="post"
          action={localePath(locale, `/redaktion/puljer/${id}/offentliggoer`)}
          class="maaltal-inline-form"
        >
          <CsrfField />
          <input type="hidden" name="published" value={summary.pool.published ? '0' : '1'} />
          <input type="hidden" name="version" value={String(summary.pool.version)} />
          <button class="button button-secondary" type="submit">
            {summary.pool.published ? t.unpublish : t.publish}
          </button>
        </form>
      ) : null}
    </>
  );
}
