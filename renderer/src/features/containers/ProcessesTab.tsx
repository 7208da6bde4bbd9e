import { useEffect, useState } from 'react';
import type { ContainerOverview, ProcessTable } from '../../../../shared/dto/containers';
import type { BerthError } from '../../../../shared/result';
import { Command } from '../../ui/Command';
import { LoadError, Loading } from '../../ui/ListStates';
import { useBerth } from '../../app/store';

export function ProcessesTab({ container }: { container: ContainerOverview }) {
  const containerProcesses = useBerth((s) => s.containerProcesses);
  const [table, setTable] = useState<ProcessTable | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [tick, setTick] = useState(0);
  const running = container.state === 'running' || container.state === 'paused';
  useEffect(() => {
    if (!running) return;
    void containerProcesses({ id: container.id }).then((r) =>
      r.ok ? (setTable(r.value), setError(null)) : setError(r.error),
    );
  }, [containerProcesses, container.id, running, tick]);
  if (!running) return <p className="muted">The container is not running, so it has no processes.</p>;
  if (error) return <LoadError what="the processes" error={error} onRetry={() => setTick((t) => t + 1)} />;
  if (table === null) return <Loading what="the processes" />;
  return (
    <div>
      <p>
        <Command>{`docker top ${container.name}`}</Command>{' '}
        <button type="button" className="button" onClick={() => setTick((t) => t + 1)}>
          Refresh
        </button>
      </p>
      <table className="table table-compact" aria-label="Processes">
        <thead>
          <tr>
            {table.titles.map((t) => (
              <th key={t} scope="col">
                {t}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.processes.map((p, i) => (
            <tr key={i}>
              {p.map((cell, j) => (
                <td key={j} className="mono">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
