import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { BerthError } from '../../../shared/result';
import { Command } from '../components/Command';
import { Message } from '../components/Message';

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert (so focus stays
 * inside), Escape closes it, and the title labels it.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

/** The docker command an action equals, shown before it runs. */
export function CommandPreview({ command }: { command: string }) {
  return (
    <p className="dialog-command">
      <span className="muted">Same as </span>
      <Command>{command}</Command>
    </p>
  );
}

export function DialogError({ error }: { error: BerthError | string | null }) {
  if (error === null) return null;
  return (
    <p className="dialog-error" role="alert">
      <Message text={typeof error === 'string' ? error : error.message} />
    </p>
  );
}

export function DialogButtons({ children }: { children: ReactNode }) {
  return <div className="dialog-buttons">{children}</div>;
}
