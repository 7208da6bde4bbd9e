/**
 * The Logs section: pick containers (or a whole compose project) and read their logs interleaved by time,
 * each line tagged with its container. Reached from the sidebar, or with navigate({ section: 'logs', id })
 * where id is a comma-separated list of container ids to preselect.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ContainerSummary } from '../../../../shared/dto/lists';
import { SectionHeader } from '../../ui/SectionHeader';
import { useBerth } from '../../app/store';
import { LogsPanel } from './LogsPanel';

const PROJECT = 'com.docker.compose.project';

function projects(containers: readonly ContainerSummary[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of containers) {
    const p = c.labels[PROJECT];
    if (p !== undefined) out.set(p, [...(out.get(p) ?? []), c.id]);
  }
  return out;
}

export function LogsSection() {
  const containers = useBerth(useShallow((s) => s.containers));
  const load = useBerth((s) => s.containersLoad);
  const refresh = useBerth((s) => s.refreshContainers);
  const picked = useBerth((s) => s.logsPicked);
  const setPicked = useBerth((s) => s.setLogsPicked);
  const routeIds = useBerth((s) => s.route.id);

  useEffect(() => {
    if (load === 'idle') void refresh();
  }, [load, refresh]);
  useEffect(() => {
    if (routeIds) setPicked(routeIds.split(','));
  }, [routeIds, setPicked]);

  const toggle = (id: string, on: boolean) => setPicked(on ? [...picked, id] : picked.filter((p) => p !== id));
  const groups = projects(containers);
  const live = picked.filter((id) => containers.some((c) => c.id === id));

  return (
    <div className="logs-section">
      <SectionHeader title="Logs" detail="Pick one or more containers; their lines are interleaved by time." />
      <fieldset className="logs-picker">
        <legend className="sr-only">Containers to show</legend>
        {containers.map((c) => (
          <label key={c.id}>
            <input type="checkbox" checked={picked.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
            {c.name}
          </label>
        ))}
        {[...groups].map(([project, ids]) => (
          <button key={project} type="button" className="logs-toggle" onClick={() => setPicked(ids)}>
            Project {project}
          </button>
        ))}
        {containers.length === 0 && load === 'ready' && <p className="muted">There are no containers.</p>}
      </fieldset>
      {live.length > 0 ? (
        <LogsPanel key={live.join(',')} containerIds={live} />
      ) : (
        <p className="muted">No container picked yet.</p>
      )}
    </div>
  );
}
