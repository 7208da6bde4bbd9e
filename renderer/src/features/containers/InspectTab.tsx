import { useEffect, useState } from 'react';
import type { ContainerOverview } from '../../../../shared/dto/containers';
import type { BerthError } from '../../../../shared/result';
import { Command } from '../../ui/Command';
import { LoadError, Loading } from '../../ui/ListStates';
import { useBerth } from '../../app/store';

export function InspectTab({ container }: { container: ContainerOverview }) {
  const inspectContainerRaw = useBerth((s) => s.inspectContainerRaw);
  const [raw, setRaw] = useState<string | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  useEffect(() => {
    void inspectContainerRaw({ id: container.id }).then((r) =>
      r.ok ? setRaw(JSON.stringify(r.value, null, 2)) : setError(r.error),
    );
  }, [inspectContainerRaw, container.id, container.state]);
  if (error) return <LoadError what="the inspect output" error={error} onRetry={() => setError(null)} />;
  if (raw === null) return <Loading what="the inspect output" />;
  return (
    <div>
      <p className="muted">
        The engine’s full answer, as <Command>{`docker inspect ${container.name}`}</Command> prints it; values of
        secret-looking variables are hidden.
      </p>
      <pre className="ctr-raw-json" tabIndex={0} aria-label="Inspect output">
        {raw}
      </pre>
    </div>
  );
}
