import type { InputHTMLAttributes } from 'react';

type FormFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  id: string;
  label: string;
  hint?: string;
  hintClassName?: string;
  error?: string | null;
};

/**
 * A label and its input, without a wrapper (the caller lays the field out). With a `hint`, a line under the input
 * (id `${id}-help`) describes it, and says what is wrong instead while `error` is set.
 */
export function FormField({ id, label, hint, hintClassName, error = null, ...input }: FormFieldProps) {
  const helpId = `${id}-help`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...input}
        {...(hint !== undefined ? { 'aria-invalid': error !== null, 'aria-describedby': helpId } : {})}
      />
      {hint !== undefined && (
        <p id={helpId} className={hintClassName}>
          {error ?? hint}
        </p>
      )}
    </>
  );
}
