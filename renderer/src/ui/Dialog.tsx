import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { BerthError } from '../../../shared/result';
import { Command } from './Command';
import { ErrorNotice } from './ErrorNotice';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

/**
 * What describes a dialog when it is not given a description: its first paragraph of prose, else the docker command
 * it equals. Returns the element (given an id if it has none) or null.
 */
export function findDescription(dialog: HTMLElement, fallbackId: string): HTMLElement | null {
  const found =
    dialog.querySelector<HTMLElement>('[data-dialog-description]') ??
    dialog.querySelector<HTMLElement>('p:not(.dialog-command):not([aria-busy]):not([role="alert"])') ??
    dialog.querySelector<HTMLElement>('.dialog-command');
  if (found && !found.id) found.id = fallbackId;
  return found;
}

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert, Tab wraps inside
 * it, Escape closes it, the title labels it, a description (given, or its first paragraph) describes it, and focus
 * goes back to where it was when it closes.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  wide = false,
  className,
}: {
  title: string;
  /** One sentence on what the dialog does; without it, the dialog's first paragraph describes it. */
  description?: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** A section's own sizing or layout on top of the shared look (styles/dialog.css). */
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // Read while rendering: by the time effects run, a child's autoFocus has already moved focus into the dialog.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // showModal() focuses the first control; keep a child's autoFocus choice instead.
    const wanted = dialog.contains(document.activeElement) ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    if (wanted instanceof HTMLElement) wanted.focus();
    // Nothing to focus yet (its controls wait for a measurement): the dialog itself takes focus, so a screen reader
    // reads its title and description and Tab starts inside it.
    if (!dialog.contains(document.activeElement)) dialog.focus();
    // A focused control that goes away (a choice that only applies before a measurement) would drop focus onto the
    // page behind: keep it in the dialog.
    const keep = new MutationObserver(() => {
      if (dialog.open && !dialog.contains(document.activeElement)) dialog.focus();
    });
    keep.observe(dialog, { childList: true, subtree: true });
    return () => {
      keep.disconnect();
      dialog.close();
      opener?.focus();
    };
  }, [opener]);

  // The body may change (a measurement arrives, a form becomes a result): keep aria-describedby on what is there.
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || description !== undefined) return;
    const describe = () => {
      const found = findDescription(dialog, `${descriptionId}-auto`);
      if (found) dialog.setAttribute('aria-describedby', found.id);
      else dialog.removeAttribute('aria-describedby');
    };
    describe();
    const observer = new MutationObserver(describe);
    observer.observe(dialog, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [description, descriptionId]);

  // Escape is handled on keydown rather than through the 'cancel' event: Chromium closes a dialog whose cancel
  // was refused twice without user activation, which would hide one that chose to stay open (a running push).
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const all = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const head = all[0];
    const tail = all.at(-1);
    if (!head || !tail) return;
    if (event.shiftKey && document.activeElement === head) {
      event.preventDefault();
      tail.focus();
    } else if (!event.shiftKey && document.activeElement === tail) {
      event.preventDefault();
      head.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={['dialog', wide && 'dialog-wide', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      aria-describedby={description === undefined ? undefined : descriptionId}
      aria-modal="true"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {description !== undefined && (
        <p id={descriptionId} className="dialog-description">
          {description}
        </p>
      )}
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

export function DialogError({ error, onRetry }: { error: BerthError | string | null; onRetry?: () => void }) {
  return <ErrorNotice error={error} className="dialog-error" {...(onRetry === undefined ? {} : { onRetry })} />;
}

export function DialogButtons({ children }: { children: ReactNode }) {
  return <div className="dialog-buttons">{children}</div>;
}
