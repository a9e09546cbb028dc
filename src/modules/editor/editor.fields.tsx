import type { FC } from 'hono/jsx';
import type { AuthorityKind } from '../../database/tables.ts';
import { describedBy, FieldFrame } from '../admin/ui/forms.tsx';
import type { AuthorityRow } from './editor.form.ts';

/**
 * Form controls of the editor: a label, an optional hint, the error right above the control, all
 * tied together for assistive technology. Ids are the field names with dots turned into dashes, which
 * is what the error summary links to.
 */

export const fieldId = (name: string) => name.replace(/\./g, '-');

type Common = {
  name: string;
  label: string;
  hint?: string | undefined;
  errors: Map<string, string>;
  /** Visually hidden label (rows of a table whose column headers say it). */
  hideLabel?: boolean;
};

export const TextInput: FC<
  Common & {
    value: string;
    type?: 'text' | 'datetime-local' | 'search';
    list?: string | undefined;
    maxlength?: number;
    required?: boolean;
    size?: number;
    placeholder?: string;
    data?: Record<string, string>;
  }
> = ({
  name,
  label,
  hint,
  errors,
  hideLabel,
  value,
  type = 'text',
  list,
  maxlength,
  required,
  size,
  placeholder,
  data,
}) => {
  const id = fieldId(name);
  const error = errors.get(id);
  const dataAttributes = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        list={list}
        maxlength={maxlength}
        required={required}
        size={size}
        placeholder={placeholder}
        autocomplete="off"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...dataAttributes}
      />
    </FieldFrame>
  );
};

export const TextArea: FC<Common & { value: string; rows?: number; code?: boolean }> = ({
  name,
  label,
  hint,
  errors,
  hideLabel,
  value,
  rows = 4,
  code,
}) => {
  const id = fieldId(name);
  const error = errors.get(id);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        class={code ? 'textarea--code' : undefined}
        spellcheck={code ? false : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {value}
      </textarea>
    </FieldFrame>
  );
};

export const Select: FC<Common & { value: string; options: { value: string; label: string }[] }> = ({
  name,
  label,
  hint,
  errors,
  hideLabel,
  value,
  options,
}) => {
  const id = fieldId(name);
  const error = errors.get(id);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} hideLabel={hideLabel}>
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
};

export const Checkbox: FC<{ name: string; label: string; checked: boolean }> = ({ name, label, checked }) => {
  const id = fieldId(name);
  return (
    <div class="field field--checkbox">
      <input id={id} name={name} type="checkbox" value="on" checked={checked} />
      <label for={id}>{label}</label>
    </div>
  );
};

/**
 * A name field that finds an authority record. Without scripts it offers the most used names of its
 * kind (a datalist) and the name is matched, or a new record created, on save; editor.js asks
 * /admin/api/authorities as you type and remembers the record picked. The hidden `id` and `idName`
 * keep the picked record only while the name still reads as it did.
 */
export const AuthorityPicker: FC<{
  prefix: string;
  kind: AuthorityKind;
  label: string;
  row: AuthorityRow;
  errors: Map<string, string>;
  hideLabel?: boolean;
  hint?: string | undefined;
}> = ({ prefix, kind, label, row, errors, hideLabel, hint }) => (
  <>
    <TextInput
      name={`${prefix}.name`}
      label={label}
      value={row.name}
      errors={errors}
      hideLabel={hideLabel}
      hint={hint}
      list={`names-${kind}`}
      maxlength={500}
      data={{ 'authority-kind': kind }}
    />
    <input type="hidden" name={`${prefix}.id`} value={row.id} data-authority-id="" />
    <input type="hidden" name={`${prefix}.idName`} value={row.idName} data-authority-id-name="" />
  </>
);

/** A datalist of names for the pickers of one kind. */
export const NameList: FC<{ kind: AuthorityKind; names: string[] }> = ({ kind, names }) => (
  <datalist id={`names-${kind}`}>
    {names.map((name) => (
      <option value={name} />
    ))}
  </datalist>
);

type TextInputProps = Parameters<typeof TextInput>[0];
type TextAreaProps = Parameters<typeof TextArea>[0];
type StringKeys<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string;

/**
 * Controls bound to one form: a field is named once and takes its value and its error from the form,
 * so a section lists only what differs between fields (label, hint, limits).
 */
export function bindFields<F extends object>(form: F, errors: Map<string, string>) {
  const textOf = (name: StringKeys<F>) => form[name] as string;
  const Text: FC<Omit<TextInputProps, 'value' | 'errors' | 'name'> & { name: StringKeys<F> }> = (props) => (
    <TextInput {...props} value={textOf(props.name)} errors={errors} />
  );
  const Area: FC<Omit<TextAreaProps, 'value' | 'errors' | 'name'> & { name: StringKeys<F> }> = (props) => (
    <TextArea {...props} value={textOf(props.name)} errors={errors} />
  );
  return { Text, Area };
}
