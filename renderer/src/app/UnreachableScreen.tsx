import { useId } from 'react';
import { explainUnreachable, secondsUntil, type UnreachableStatus } from './explain-unreachable';
import { useNow } from '../ui/use-now';
import { useBerth } from './store';
import { Command } from '../ui/Command';
import { AlertIcon } from '../ui/icons';
import { Message } from '../ui/Message';

function Countdown({ status, connecting }: { status: UnreachableStatus; connecting: boolean }) {
  const now = useNow(1000);
  if (connecting) return <p className="retry-note">Trying again…</p>;
  const seconds = secondsUntil(status.nextRetryAt, now);
  if (seconds === null)
    return <p className="retry-note">Berth will not try again on its own. Press Retry when ready.</p>;
  return <p className="retry-note">{seconds === 0 ? 'Trying again…' : `Next try in ${seconds} s`}</p>;
}

export function UnreachableScreen() {
  const status = useBerth((s) => s.lastUnreachable);
  const connecting = useBerth((s) => s.engineStatus?.state === 'connecting');
  const retrying = useBerth((s) => s.retrying);
  const retryError = useBerth((s) => s.retryError);
  const retry = useBerth((s) => s.retryEngine);
  const headingId = useId();
  if (status === null) return null;
  const explanation = explainUnreachable(status);

  return (
    <main className="screen">
      <section className="problem" aria-labelledby={headingId}>
        <div className="problem-icon tone-danger" aria-hidden="true">
          <AlertIcon size={22} />
        </div>
        <h1 id={headingId}>Cannot reach the Docker Engine</h1>
        <p className="problem-headline">{explanation.headline}</p>
        <p>{explanation.summary}</p>

        <ol className="steps">
          {explanation.steps.map((step) => (
            <li key={step.text}>
              <span>{step.text}</span>
              {step.command !== undefined && <Command>{step.command}</Command>}
            </li>
          ))}
        </ol>
        {explanation.caution !== undefined && (
          <p className="caution">
            <strong>Good to know: </strong>
            {explanation.caution}
          </p>
        )}

        <div className="problem-actions">
          <button type="button" className="button button-primary" onClick={() => void retry()} aria-busy={retrying}>
            Retry
          </button>
          <Countdown status={status} connecting={connecting || retrying} />
        </div>
        {retryError !== null && (
          <p className="inline-error">
            <Message text={retryError.message} />
          </p>
        )}

        <details className="problem-details">
          <summary>Details</summary>
          <dl>
            <dt>Endpoint tried</dt>
            <dd>
              <code>{status.endpoint.address}</code> ({status.endpoint.source})
            </dd>
            <dt>What it said</dt>
            <dd>
              <Message text={status.message} />
            </dd>
            <dt>Attempt</dt>
            <dd>{status.attempt}</dd>
          </dl>
          {status.tried.length > 0 && (
            <table className="table table-compact" aria-label="Endpoints tried">
              <thead>
                <tr>
                  <th scope="col">Endpoint</th>
                  <th scope="col">Source</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {status.tried.map((t) => (
                  <tr key={t.endpoint.address}>
                    <td className="nowrap">
                      <code>{t.endpoint.address}</code>
                    </td>
                    <td>{t.endpoint.source}</td>
                    <td>
                      <Message text={t.message} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </details>
      </section>
    </main>
  );
}
