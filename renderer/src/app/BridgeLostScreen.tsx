import { useId } from 'react';
import { isBridgeLost } from './engine.slice';
import { useBerth } from './store';
import { PlugIcon } from '../ui/icons';
import { Message } from '../ui/Message';

/** The page itself lost Berth (browser mode): nothing here is about the engine. */
export function BridgeLostScreen() {
  const error = useBerth((s) => s.linkError);
  const retrying = useBerth((s) => s.retrying);
  const retry = useBerth((s) => s.retryEngine);
  const headingId = useId();
  if (error === null) return null;
  const bridge = isBridgeLost(error);

  return (
    <main className="screen">
      <section className="problem" aria-labelledby={headingId}>
        <div className="problem-icon tone-busy" aria-hidden="true">
          <PlugIcon size={22} />
        </div>
        <h1 id={headingId}>{bridge ? 'Lost the connection to Berth' : 'Berth stopped getting engine updates'}</h1>
        <p>
          <Message text={error.message} />
        </p>
        <div className="problem-actions">
          <button type="button" className="button button-primary" onClick={() => void retry()} aria-busy={retrying}>
            Retry
          </button>
          <p className="retry-note">{bridge ? 'Reconnecting by itself in the background.' : 'Trying again shortly.'}</p>
        </div>
      </section>
    </main>
  );
}
