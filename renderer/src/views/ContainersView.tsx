import { useShallow } from 'zustand/react/shallow';
import type { ContainerSummary } from '../../../shared/dto/lists';
import { Command } from '../components/Command';
import { EmptyState, LoadError, Loading } from '../components/ListStates';
import { SectionHeader } from '../components/SectionHeader';
import { TimeAgo } from '../components/TimeAgo';
import { formatPorts } from '../lib/ports';
import { containerStateLook } from '../lib/state-tone';
import { useNow } from '../lib/use-now';
import { useBerth } from '../store/store';

function ShowToggle() {
  const showAll = useBerth((s) => s.showAllContainers);
  const setShowAll = useBerth((s) => s.setShowAllContainers);
  return (
    <div className="segmented" role="group" aria-label="Which containers to show">
      <button type="button" aria-pressed={showAll} onClick={() => setShowAll(true)}>
        Show all
      </button>
      <button type="button" aria-pressed={!showAll} onClick={() => setShowAll(false)}>
        Running only
      </button>
    </div>
  );
}

function ContainerRow({ container, now }: { container: ContainerSummary; now: number }) {
  const look = containerStateLook(container.state);
  const ports = formatPorts(container.ports);
  return (
    <tr>
      <td>
        <span className="cell-primary">{container.name}</span>
        <span className="cell-secondary mono">{container.id.slice(0, 12)}</span>
      </td>
      <td className="mono cell-truncate" title={container.image}>
        {container.image}
      </td>
      <td>
        <span className={`badge tone-${look.tone}`}>
          <span className="dot" aria-hidden="true" />
          {look.label}
        </span>
      </td>
      <td className="muted">{container.status}</td>
      <td className="mono">
        {ports.length === 0 ? (
          <>
            <span className="muted" aria-hidden="true">
              —
            </span>
            <span className="sr-only">None</span>
          </>
        ) : (
          ports.map((p) => (
            <span key={p} className="port">
              {p}
            </span>
          ))
        )}
      </td>
      <td className="muted nowrap">
        <TimeAgo ms={container.created} now={now} />
      </td>
    </tr>
  );
}

function ContainersBody() {
  const containers = useBerth(useShallow((s) => s.containers));
  const load = useBerth((s) => s.containersLoad);
  const error = useBerth((s) => s.containersError);
  const showAll = useBerth((s) => s.showAllContainers);
  const refresh = useBerth((s) => s.refreshContainers);
  const setShowAll = useBerth((s) => s.setShowAllContainers);
  const now = useNow(30_000);

  if (load === 'error' && error !== null)
    return <LoadError what="containers" error={error} onRetry={() => void refresh()} />;
  if (load === 'idle' || (load === 'loading' && containers.length === 0)) return <Loading what="containers" />;
  if (containers.length === 0) {
    return showAll ? (
      <EmptyState title="No containers yet">
        <p>
          A container is a running copy of an image. Start one from a terminal and it shows up here by itself, for
          example:
        </p>
        <Command>docker run -d --name hello busybox sleep 3600</Command>
      </EmptyState>
    ) : (
      <EmptyState title="Nothing is running">
        <p>No container is running right now. Stopped containers are still there.</p>
        <button type="button" className="button" onClick={() => setShowAll(true)}>
          Show all containers
        </button>
      </EmptyState>
    );
  }
  return (
    <div className="table-card">
      <table className="table" aria-label="Containers">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Image</th>
            <th scope="col">State</th>
            <th scope="col">Status</th>
            <th scope="col">Ports</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {containers.map((c) => (
            <ContainerRow key={c.id} container={c} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ContainersView() {
  const count = useBerth((s) => (s.containersLoad === 'ready' ? s.containers.length : null));
  const running = useBerth((s) => s.containers.filter((c) => c.state === 'running').length);
  const showAll = useBerth((s) => s.showAllContainers);
  const detail =
    count === null
      ? undefined
      : showAll
        ? `${count} ${count === 1 ? 'container' : 'containers'}, ${running} running`
        : `${count} running`;
  return (
    <>
      <SectionHeader title="Containers" detail={detail}>
        <ShowToggle />
      </SectionHeader>
      <main className="content">
        <ContainersBody />
      </main>
    </>
  );
}
