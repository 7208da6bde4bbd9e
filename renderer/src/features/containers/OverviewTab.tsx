import { useEffect, useState } from 'react';
import type { ContainerChanges, ContainerOverview } from '../../../../shared/dto/containers';
import { exitFact, explainExit } from '../../../../shared/exit-codes';
import { TimeAgo } from '../../ui/TimeAgo';
import { formatBytes } from '../../ui/format-bytes';
import { formatPorts } from './ports';
import { useNow } from '../../ui/use-now';
import { useBerth } from '../../app/store';
import { useStatsSamples, useStatsStream } from './use-stats';

function When({ ms, now }: { ms: number | null; now: number }) {
  return ms === null ? <span className="muted">never</span> : <TimeAgo ms={ms} now={now} />;
}

/** "What is a container?", told with this container's own numbers. */
function WhatIsAContainer({ container }: { container: ContainerOverview }) {
  const containerChanges = useBerth((s) => s.containerChanges);
  const [changes, setChanges] = useState<ContainerChanges | null>(null);
  const running = container.state === 'running';
  useStatsStream(running ? [container.id] : []);
  const memory = useStatsSamples(container.id).at(-1)?.memoryUsed;
  useEffect(() => {
    void containerChanges({ id: container.id }).then((r) => setChanges(r.ok ? r.value : null));
  }, [containerChanges, container.id, container.state]);
  const m = changes?.entries.length;
  return (
    <section className="card learn-card ctr-learn" aria-labelledby="what-is">
      <h2 id="what-is">What is a container?</h2>
      <p>
        This container was made from the image <strong className="mono">{container.image}</strong>.
        {container.imageLayers >= 0
          ? ` Its ${container.imageLayers} read-only ${container.imageLayers === 1 ? 'layer is' : 'layers are'} shared with every other container of that image.`
          : ' That image has since been removed; its layers stay while this container needs them.'}{' '}
        On top sits this container’s own thin writable layer, which holds{' '}
        {m === undefined ? 'its changes' : m === 0 ? 'no changes yet' : `${m} ${m === 1 ? 'change' : 'changes'}`} (
        {formatBytes(container.sizeRw)}).
      </p>
      <p>
        {running
          ? `It is running, so it uses memory: ${memory === undefined ? 'measuring…' : formatBytes(memory)} right now.`
          : 'It is not running, so it uses no memory or CPU at all: only the disk space of its writable layer.'}{' '}
        Removing it deletes that writable layer; the image stays.
      </p>
    </section>
  );
}

export function OverviewTab({ container: c }: { container: ContainerOverview }) {
  const now = useNow(30_000);
  const exit = explainExit(c.exitCode, { oomKilled: c.oomKilled });
  const fact = exitFact(c);
  // The exit card belongs to a container that has exited; a running one has no exit code, whatever the engine says.
  const ended = (c.state === 'exited' || c.state === 'dead') && fact.exited;
  const ports = formatPorts(c.ports);
  return (
    <div className="ctr-overview">
      {ended && (
        <section className="card ctr-exit-card" aria-label="Exit code">
          <h2>
            Exit code {c.exitCode}: {exit.summary}
          </h2>
          <p>{exit.detail}</p>
          {c.error && <p className="ctr-field-error">{c.error}</p>}
        </section>
      )}
      <dl className="ctr-facts">
        <dt>Image</dt>
        <dd className="mono">{c.image}</dd>
        <dt>Command</dt>
        <dd className="mono">{c.command || '—'}</dd>
        <dt>Created</dt>
        <dd>
          <When ms={c.created} now={now} />
        </dd>
        <dt>Started</dt>
        <dd>
          <When ms={c.started} now={now} />
        </dd>
        <dt>Finished</dt>
        <dd>
          <When ms={c.finished} now={now} />
        </dd>
        <dt>Exit code</dt>
        <dd className={fact.exited ? undefined : 'muted'}>{fact.text}</dd>
        <dt>Restarts</dt>
        <dd>
          {c.restartCount} (policy: {c.restartPolicy}
          {c.autoRemove ? ', removed when it stops' : ''})
        </dd>
        <dt>Ports</dt>
        <dd className="mono">{ports.length === 0 ? 'none published' : ports.join(', ')}</dd>
        <dt>Networks</dt>
        <dd>
          {c.networks.length === 0
            ? 'none'
            : c.networks.map((n) => `${n.name}${n.ipAddress ? ` (${n.ipAddress})` : ''}`).join(', ')}
        </dd>
        <dt>Mounts</dt>
        <dd className="mono">
          {c.mounts.length === 0
            ? 'none'
            : c.mounts.map((m) => (
                <span key={m.destination} className="port">
                  {m.name ?? m.source} → {m.destination} ({m.type}
                  {m.readOnly ? ', read-only' : ''})
                </span>
              ))}
        </dd>
      </dl>
      <WhatIsAContainer container={c} />
      <table className="table table-compact" aria-label="Environment">
        <thead>
          <tr>
            <th scope="col">Variable</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {c.env.map((e) => (
            <tr key={e.key}>
              <td className="mono">{e.key}</td>
              <td className="mono">
                {e.masked ? (
                  <span className="muted" title="Hidden: the name looks like a secret">
                    ••••••
                  </span>
                ) : (
                  e.value
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
