// Form parts every editor form shares: the CSRF field, fields that show their problem beside them with the input
// kept, and the summary of problems at the top (dkfds markup: form-error, form-error-message, error summary).
import type { Child } from 'hono/jsx';
import { type Issue, toAppError } from '../errors.js';
import type { Locale } from '../format.js';
import { currentCsrfToken } from './sessions.js';

/** The session's CSRF token as a hidden field; every post form of a signed-in page carries it. */
export function CsrfField() {
  const token = currentCsrfToken();
  return token === undefined ? null : <input type="hidden" name="_csrf" value={token} />;
}

/** An action URL carrying the CSRF token (for file uploads, whose body is streamed before any field is read). */
export function withCsrf(action: string): string {
  const token = currentCsrfToken();
  return token === undefined ? action : `${action}?_csrf=${encodeURIComponent(token)}`;
}

/** Problems of a submitted form, keyed by field. */
export type FieldProblems = Record<string, string>;

/** The expected error's problems in the page's language by field; anything else is not a form problem. */
export function problemsOf(error: unknown, locale: Locale): FieldProblems {
  const known = toAppError(error);
  if (
    known === undefined ||
    !['invalid_input', 'conflict', 'not_found', 'unauthorized', 'busy'].includes(known.code)
  )
    throw error;
  const problems: FieldProblems = {};
  for (const issue of known.issues) problems[issue.field] = messageOf(issue, locale);
  if (known.issues.length === 0) problems._form = known.message;
  return problems;
}

const messageOf = (issue: Issue, locale: Locale) =>
  locale === 'da' ? (issue.messageDa ?? issue.message) : issue.message;

export function ErrorSummary({ problems, title }: { problems: FieldProblems; title: string }) {
  const entries = Object.entries(problems);
  if (entries.length === 0) return null;
  return (
    <div class="alert alert-error" role="alert">
      <div class="alert-body">
        <p class="alert-heading">{title}</p>
        <ul class="alert-text nobullet-list">
          {entries.map(([field, message]) => (
            <li>{field === '_form' ? message : <a href={`#${field}`}>{message}</a>}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  problems: FieldProblems;
  value?: string;
  type?: string;
  autocomplete?: string;
  hint?: string;
  required?: boolean;
  children?: Child;
}

/** A labelled input; its problem (if any) is shown between label and input and named by aria-describedby. */
export function Field(props: FieldProps) {
  const problem = props.problems[props.name];
  const describedBy = [props.hint ? `${props.name}-hint` : '', problem ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={problem ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={props.name}>
        {props.label}
      </label>
      {props.hint ? (
        <span class="form-hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {problem ? (
        <span class="form-error-message" id={`${props.name}-error`}>
          {problem}
        </span>
      ) : null}
      {props.children ?? (
        <input
          class="form-input"
          id={props.name}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.type === 'password' ? undefined : props.value}
          autocomplete={props.autocomplete}
          required={props.required}
          aria-describedby={describedBy || undefined}
          aria-invalid={problem ? 'true' : undefined}
        />
      )}
    </div>
  );
}

/** Text of a form field ('' when missing or a file). */
export const textOf = (form: Record<string, unknown>, name: string): string =>
  typeof form[name] === 'string' ? (form[name] as string) : '';
