import type { ReactNode } from 'react';
import type { BerthError } from '../../../shared/result';
import { Message } from './Message';

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export function LoadError({ what, error, onRetry }: { what: string; error: BerthError; onRetry: () => void }) {
  return (
    <div className="load-error" role="alert">
      <p>
        <strong>Could not load {what}.</strong> <Message text={error.message} />
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="list-loading" aria-busy="true">
      Loading {what}…
    </p>
  );
}
