import { useId, type ReactNode } from 'react';

/**
 * A label, its control (made by the caller with the props given) and one line under it: what is wrong when
 * `error` is set, the hint otherwise. The line describes the control, so a screen reader reads the error with it.
 */
export function Field({
  label,
  hint,
  error,
  className = 'res-field',
  children,
}: {
  label: string;
  hint?: string;
  error: string | undefined;
  className?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const note = `${id}-note`;
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error !== undefined, ...(error || hint ? { 'aria-describedby': note } : {}) })}
      {error ? (
        <p id={note} className="res-field-error">
          {error}
        </p>
      ) : hint ? (
        <p id={note} className="res-field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
