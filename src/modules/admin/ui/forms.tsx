import type { FC, PropsWithChildren } from 'hono/jsx';
import { csrfFieldName } from '../../accounts/accounts.middleware.ts';

/** The hidden field every workspace form carries; see `csrfProtection`. */
export const CsrfField: FC<{ token: string }> = ({ token }) => (
  <input type="hidden" name={csrfFieldName} value={token} />
);

export type FormError = { field?: string | undefined; message: string };

/**
 * The list of problems at the top of a form. It takes focus when the page loads (autofocus), so
 * screen reader users hear it first, and each item links to its field.
 */
export const ErrorSummary: FC<{ errors: FormError[] }> = ({ errors }) =>
  errors.length === 0 ? null : (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
      <h2 id="error-summary-title">There {errors.length === 1 ? 'is a problem' : 'are problems'}</h2>
      <ul>
        {errors.map((e) => (
          <li>{e.field ? <a href={`#${e.field}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  );

/** A notice after a successful action ("The password was changed."). */
export const Notice: FC<{ message: string | null | undefined }> = ({ message }) =>
  message ? (
    <p class="notice" role="status">
      {message}
    </p>
  ) : null;

type FieldProps = {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'search';
  value?: string | null | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  autofocus?: boolean;
};

/** The ids a control's `aria-describedby` names: its hint and its error, when it has them. */
export const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/**
 * A form control's label, hint and error, in that order above the control (the children), with ids
 * the control points to through `describedBy`. Every workspace form builds its fields on this.
 */
export const FieldFrame: FC<
  PropsWithChildren<{
    id: string;
    label: string;
    hint?: string | undefined;
    error?: string | undefined;
    /** Visually hidden label (rows of a table whose column headers say it). */
    hideLabel?: boolean | undefined;
  }>
> = ({ id, label, hint, error, hideLabel, children }) => (
  <div class={error ? 'field field--error' : 'field'}>
    <label for={id} class={hideLabel ? 'visually-hidden' : undefined}>
      {label}
    </label>
    {hint ? (
      <p class="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
    ) : null}
    {error ? (
      <p class="field__error" id={`${id}-error`}>
        <span class="visually-hidden">Error: </span>
        {error}
      </p>
    ) : null}
    {children}
  </div>
);

/** A labelled input with its hint and error tied to it for assistive technology. */
export const Field: FC<FieldProps> = ({
  id,
  name,
  label,
  type = 'text',
  value,
  error,
  hint,
  autocomplete,
  required,
  autofocus,
}) => (
  <FieldFrame id={id} label={label} hint={hint} error={error}>
    <input
      id={id}
      name={name}
      type={type}
      value={type === 'password' ? undefined : (value ?? undefined)}
      autocomplete={autocomplete}
      required={required}
      autofocus={autofocus}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy(id, hint, error)}
    />
  </FieldFrame>
);

type SelectProps = {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
};

export const SelectField: FC<SelectProps> = ({ id, name, label, options, value, error, hint }) => (
  <FieldFrame id={id} label={label} hint={hint} error={error}>
    <select
      id={id}
      name={name}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy(id, hint, error)}
    >
      {options.map((o) => (
        <option value={o.value} selected={o.value === value}>
          {o.label}
        </option>
      ))}
    </select>
  </FieldFrame>
);

/** A one-button form for an action on a row (revoke, disable); the label says exactly what happens. */
export const ActionButton: FC<{ action: string; csrfToken: string; label: string; danger?: boolean }> = ({
  action,
  csrfToken,
  label,
  danger,
}) => (
  <form method="post" action={action} class="inline-form">
    <CsrfField token={csrfToken} />
    <button type="submit" class={danger ? 'button button--danger' : 'button button--secondary'}>
      {label}
    </button>
  </form>
);
