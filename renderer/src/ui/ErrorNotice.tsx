import type { NextStep } from '../../../shared/engine-errors';
import type { BerthError } from '../../../shared/result';
import { useBerth } from '../app/store';
import { Message } from './Message';

const isNextStep = (v: unknown): v is NextStep =>
  typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string';

/** The next step as a button where Berth has one; a login has no dialog yet, so it is said as the command. */
function NextStepAction({ next }: { next: NextStep }) {
  const navigate = useBerth((s) => s.navigate);
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
        <span className="error-notice-next">
          <Message text={`Log in with \`docker login ${next.registry}\`, then retry.`} />
        </span>
      );
  }
}

/**
 * An action's error as the user reads it everywhere: Berth's sentence, the next step where there is one, and the
 * engine's own words behind a "Details" disclosure (never in place of the sentence).
 */
export function ErrorNotice({ error, className }: { error: BerthError | string | null; className?: string }) {
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
          <NextStepAction next={next} />
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
