// The editor area's activity pages: the list of activities the user may read and edit (drafts included), the new
// activity's form, and one activity's page: its form, publishing, and its evidence (links, files, removal).
import { can, type Principal } from '../auth/policy.js';
import type { Locale } from '../format.js';
import { Entered, EnteredIn } from '../web/entered-text.js';
import { CsrfField, ErrorSummary, Field, type FieldProblems, withCsrf } from '../web/forms.js';
import { localePath } from '../web/i18n.js';
import { Layout } from '../web/layout.js';
import { ActivityForm, type ActivityFormProps } from './activities.form.js';
import type { Activity } from './activities.model.js';
import { DraftBadge, EvidenceList, periodText } from './activities.pages.js';
import { mayWrite } from './activities.service.js';
import { ACTIVITY_TEXTS, STATUS_LABELS } from './activities.texts.js';

const editPath = (locale: Locale, id: number, rest = '') =>
  localePath(locale, `/redaktion/aktiviteter/${id}${rest}`);

export function EditorListPage(props: {
  locale: Locale;
  path: string;
  principal: Principal;
  ownBfa: string | undefined;
  activities: Activity[];
}) {
  const { locale, principal } = props;
  const t = ACTIVITY_TEXTS[locale];
  return (
    <Layout locale={locale} path={props.path} title={t.editorTitle} demo={false}>
      <h1>{t.editorTitle}</h1>
      <p>{t.editorIntro}</p>
      {props.ownBfa === undefined ? null : <p>{t.own(props.ownBfa)}</p>}
      {can(principal, 'work.write') ? (
        <p>
          <a class="button button-primary" href={localePath(locale, '/redaktion/aktiviteter/ny')}>
            {t.newActivity}
          </a>
        </p>
      ) : (
        <p>{t.cannotWrite}</p>
      )}
      <section class="table-wrapper" tabindex={0} aria-label={t.editorTitle}>
        <table class="table table--compact table--responsive-headers">
          <thead>
            <tr>
              <th scope="col">{t.colTitle}</th>
              <th scope="col">BFA</th>
              <th scope="col">{t.colPeriod}</th>
              <th scope="col">Status</th>
              <th scope="col">{t.colState}</th>
            </tr>
          </thead>
          <tbody>
            {props.activities.map((activity) => (
              <tr>
                <td data-title={t.colTitle}>
                  <a
                    href={
                      mayWrite(principal, activity)
                        ? editPath(locale, activity.id)
                        : localePath(locale, `/aktiviteter/${activity.id}`)
                    }
                  >
                    <Entered locale={locale}>{activity.title}</Entered>
                  </a>
                </td>
                <td data-title="BFA">{activity.bfa.short}</td>
                <td data-title={t.colPeriod}>{periodText(activity, locale)}</td>
                <td data-title="Status">{STATUS_LABELS[activity.status][locale]}</td>
                <td data-title={t.colState}>
                  {activity.published ? t.published : <DraftBadge locale={locale} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}

export function NewActivityPage(props: ActivityFormProps & { path: string }) {
  const t = ACTIVITY_TEXTS[props.locale];
  return (
    <Layout locale={props.locale} path={props.path} title={t.newTitle} demo={false}>
      <h1>{t.newTitle}</h1>
      {can(props.principal, 'work.write') ? <ActivityForm {...props} /> : <p>{t.cannotWrite}</p>}
    </Layout>
  );
}

/** What the evidence forms show again after a problem: their problems and what was typed. */
export interface EvidenceForms {
  linkProblems: FieldProblems;
  linkTitle: string;
  linkUrl: string;
  fileProblems: FieldProblems;
  fileTitle: string;
}

export const NO_EVIDENCE_INPUT: EvidenceForms = {
  linkProblems: {},
  linkTitle: '',
  linkUrl: '',
  fileProblems: {},
  fileTitle: '',
};

function PublishSection({
  activity,
  locale,
  problems,
}: {
  activity: Activity;
  locale: Locale;
  problems: FieldProblems;
}) {
  const t = ACTIVITY_TEXTS[locale];
  const [path, label] = activity.published ? ['/afpublicer', t.unpublish] : ['/offentliggoer', t.publish];
  return (
    <>
      <h2 id="publish-heading">{locale === 'da' ? 'Offentliggørelse' : 'Publication'}</h2>
      <ErrorSummary problems={problems} title={t.problems} />
      <p>{activity.published ? t.publishedNote : t.draftState}</p>
      <form method="post" action={editPath(locale, activity.id, path)}>
        <CsrfField />
        <input type="hidden" name="version" value={String(activity.version)} />
        <button class="button button-secondary" type="submit">
          {label}
        </button>
      </form>
    </>
  );
}

function EvidenceRemoval({ activity, locale }: { activity: Activity; locale: Locale }) {
  const t = ACTIVITY_TEXTS[locale];
  if (activity.evidence.length === 0) return null;
  return (
    <ul class="nobullet-list">
      {activity.evidence.map((item) => (
        <li>
          <form method="post" action={editPath(locale, activity.id, `/bilag/${item.id}/slet`)}>
            <CsrfField />
            <button class="button button-tertiary" type="submit" aria-label={t.removeLabel(item.title)}>
              {t.remove}
            </button>{' '}
            <Entered locale={locale}>{item.title}</Entered>
          </form>
        </li>
      ))}
    </ul>
  );
}

function EvidenceSection({
  activity,
  locale,
  forms,
}: {
  activity: Activity;
  locale: Locale;
  forms: EvidenceForms;
}) {
  const t = ACTIVITY_TEXTS[locale];
  return (
    <>
      <h2 id="evidence-heading">{t.evidenceEditHeading}</h2>
      <EvidenceList activity={activity} locale={locale} />
      <EvidenceRemoval activity={activity} locale={locale} />
      <h3>{t.addLink}</h3>
      <form method="post" action={editPath(locale, activity.id, '/links')}>
        <CsrfField />
        <ErrorSummary problems={forms.linkProblems} title={t.problems} />
        <Field name="linkTitle" label={t.linkTitle} problems={forms.linkProblems} value={forms.linkTitle} />
        <Field
          name="linkUrl"
          label={t.linkUrl}
          problems={forms.linkProblems}
          value={forms.linkUrl}
          type="url"
        />
        <button class="button button-secondary" type="submit">
          {t.addLink}
        </button>
      </form>
      <h3>{t.addFile}</h3>
      <form
        method="post"
        action={withCsrf(editPath(locale, activity.id, '/bilag'))}
        enctype="multipart/form-data"
      >
        <ErrorSummary problems={forms.fileProblems} title={t.problems} />
        <Field name="fileTitle" label={t.fileTitle} problems={forms.fileProblems} value={forms.fileTitle} />
        <Field name="file" label={t.fileField} problems={forms.fileProblems} type="file" />
        <button class="button button-secondary" type="submit">
          {t.addFile}
        </button>
      </form>
    </>
  );
}

export function EditActivityPage(
  props: ActivityFormProps & {
    path: string;
    activity: Activity;
    evidence: EvidenceForms;
    publishProblems: FieldProblems;
  },
) {
  const { locale, activity } = props;
  const t = ACTIVITY_TEXTS[locale];
  return (
    <Layout locale={locale} path={props.path} title={t.editTitle(activity.title)} demo={false}>
      <h1>
        <EnteredIn locale={locale} text={t.editTitle} value={activity.title} />
      </h1>
      <p>
        {activity.published ? null : (
          <>
            <DraftBadge locale={locale} />{' '}
          </>
        )}
        {t.versionLine(activity.version)} ·{' '}
        <a href={localePath(locale, `/aktiviteter/${activity.id}`)}>{t.publicPage}</a>
      </p>
      <ActivityForm {...props} id={activity.id} />
      <PublishSection activity={activity} locale={locale} problems={props.publishProblems} />
      <EvidenceSection activity={activity} locale={locale} forms={props.evidence} />
    </Layout>
  );
}
