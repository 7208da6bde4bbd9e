/**
 * The Logs section: pick containers (or a whole compose project) and read their logs interleaved by time,
 * each line tagged with its container; or search the whole history of the picked ones. Reached from the sidebar,
 * or with navigate({ section: 'logs', id }) where id is a comma-separated list of container ids to preselect.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SectionHeader } from '../../ui/SectionHeader';
import { useBerth } from '../../app/store';
import { ContainerPicker } from './ContainerPicker';
import { HistorySearch } from './HistorySearch';
import { LogsPanel } from './LogsPanel';
import { TimeRangePicker } from './TimeRangePicker';

export function LogsSection() {
  const containers = useBerth(useShallow((s) => s.containers));
  const load = useBerth((s) => s.containersLoad);
  const refresh = useBerth((s) => s.refreshContainers);
  const picked = useBerth((s) => s.logsPicked);
  const focus = useBerth((s) => s.logsFocus);
  const setPicked = useBerth((s) => s.setLogsPicked);
  const routeIds = useBerth((s) => s.route.id);

  useEffect(() => {
    if (load === 'idle') void refresh();
  }, [load, refresh]);
  useEffect(() => {
    if (routeIds) setPicked(routeIds.split(','));
  }, [routeIds, setPicked]);

  const live = picked.filter((id) => containers.some((c) => c.id === id));
  const names = live.map((id) => containers.find((c) => c.id === id)?.name ?? id);
  const focusText = focus && live.length === 1 && live[0] === focus.container ? focus.text : '';

  return (
    <div className="logs-section">
      <SectionHeader title="Logs" detail="Pick one or more containers; their lines are interleaved by time." />
      <ContainerPicker containers={containers} picked={picked} onPick={setPicked} loaded={load === 'ready'} />
      <TimeRangePicker />
      <HistorySearch containerIds={live} names={names} />
      {live.length > 0 ? (
        <LogsPanel key={`${live.join(',')}|${focusText}`} containerIds={live} focus={focusText} />
      ) : (
        <p className="muted">No container picked yet.</p>
      )}
    </div>
  );
}
