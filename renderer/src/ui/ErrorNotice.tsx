import type { NextStep } from '../../../shared/engine-errors';
import type { BerthError } from '../../../shared/result';
import { useBerth } from '../app/store';
import { Message } from './Message';

const isNextStep = (v: unknown): v is NextStep =>
  typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string';

/** The next step as a button; a login opens the login dialog, then does again what failed (`onRetry`). */
function NextStepAction({ next, onRetry }: { next: NextStep; onRetry?: () => void }) {
  const navigate = useBerth((s) => s.navigate);
  const askLogin = useBerth((s) => s.askLogin);
  switch (next.kind) {
    case 'open-container':
      return next.container === '' ? null : (
        <button
          type="button"
          className="button"
          onClick={() => navigate({ section: 'containers', id: next.container, tab: 'overview' })}
        >
          Open container {next.container.slice(0, 12)}
        </button>
      );
    case 'free-space':
      return (
        <button type="button" className="button" onClick={() => navigate({ section: 'disk' })}>
          Free space…
        </button>
      );
    case 'pull':
      return next.image === '' ? null : (
        <button
          type="button"
          className="button"
          onClick={() => navigate({ section: 'images', dialog: { kind: 'pull', ref: next.image } })}
        >
          Pull {next.image}…
        </button>
      );
    case 'login':
      return (
        <button type="button" className="button" onClick={() => askLogin(next.registry, onRetry)}>
          Log in to {next.registry}…
        </button>
      );
  }
}

/**
 * An action's error as the user reads it everywhere: Berth's sentence, the next step where there is one, and the
 * engine's own words behind a "Details" disclosure (never in place of the sentence).
 */
export function ErrorNotice({
  error,
  className,
  onRetry,
}: {
  error: BerthError | string | null;
  className?: string;
  /** What to do again after the next step (a login) is done. */
  onRetry?: () => void;
}) {
  if (error === null) return null;
  const e: BerthError = typeof error === 'string' ? { code: 'INTERNAL', message: error } : error;
  const engine = typeof e.details?.engine === 'string' && e.details.engine !== '' ? e.details.engine : null;
  const status = typeof e.details?.statusCode === 'number' ? e.details.statusCode : null;
  const next = isNextStep(e.details?.next) ? e.details.next : null;
  return (
    <div className={`error-notice ${className ?? ''}`} role="alert">
      <p className="error-notice-text">
        <Message text={e.message} />
      </p>
      {next !== null && (
        <p className="error-notice-actions">
          <NextStepAction next={next} {...(onRetry === undefined ? {} : { onRetry })} />
        </p>
      )}
      {engine !== null && (
        <details className="error-notice-details">
          <summary>Details</summary>
          <p className="muted">The engine said{status === null ? '' : ` (HTTP ${status})`}:</p>
          <pre className="mono error-notice-engine">{engine}</pre>
        </details>
      )}
    </div>
  );
}
