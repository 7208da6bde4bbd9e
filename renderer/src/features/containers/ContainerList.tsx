import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ContainerSummary } from '../../../../shared/dto/lists';
import { containerStatusText } from '../../../../shared/container-status';
import { TimeAgo } from '../../ui/TimeAgo';
import { formatBytes } from '../../ui/format-bytes';
import { formatPorts } from './ports';
import { containerStateLook } from '../../ui/state-tone';
import { useNow } from '../../ui/use-now';
import { useBerth } from '../../app/store';
import { containerRows, type ListRow } from './container-rows';
import { useStatsSamples, useStatsStream } from './use-stats';
import { useListSelection, type RowProps } from '../../ui/use-list-selection';
import { ContainerSelectionBar, useContainerBulk } from './BulkActions';
import '../../ui/resources.css';

const ROW_HEIGHT = 53;

function Usage({ container }: { container: ContainerSummary }) {
  const samples = useStatsSamples(container.id);
  const last = samples.at(-1);
  if (container.state !== 'running' || last === undefined)
    return (
      <>
        <td className="num muted">—</td>
        <td className="num muted">—</td>
      </>
    );
  return (
    <>
      <td className="num">{last.cpuPercent === null ? '…' : `${last.cpuPercent.toFixed(1)}%`}</td>
      <td className="num">{formatBytes(last.memoryUsed)}</td>
    </>
  );
}

function ContainerRow({ container, now, row }: { container: ContainerSummary; now: number; row: RowProps }) {
  const navigate = useBerth((s) => s.navigate);
  const look = containerStateLook(container.state);
  const ports = formatPorts(container.ports);
  return (
    <tr {...row}>
      <td>
        <button
          type="button"
          tabIndex={-1}
          className="ctr-link-button cell-primary"
          onClick={() => navigate({ section: 'containers', id: container.id, tab: 'overview' })}
        >
          {container.name}
        </button>
        <span className="cell-secondary mono">{container.id.slice(0, 12)}</span>
      </td>
      <td className="mono cell-truncate" title={container.image}>
        <button
          type="button"
          tabIndex={-1}
          className="ctr-link-button"
          aria-label={`Image ${container.image}`}
          onClick={() => navigate({ section: 'images', id: container.imageId })}
        >
          {container.image}
        </button>
      </td>
      <td>
        <span className={`badge tone-${look.tone}`}>
          <span className="dot" aria-hidden="true" />
          {look.label}
        </span>
      </td>
      <td className="muted">{containerStatusText(container, now) ?? container.status}</td>
      <td className="mono">
        {ports.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          ports.map((p) => (
            <span key={p} className="port">
              {p}
            </span>
          ))
        )}
      </td>
      <Usage container={container} />
      <td className="muted nowrap">
        <TimeAgo ms={container.created} now={now} />
      </td>
    </tr>
  );
}

function GroupRow({ row }: { row: Extract<ListRow, { kind: 'group' }> }) {
  return (
    <tr className="ctr-group-row">
      <th scope="rowgroup" colSpan={8}>
        <span className="ctr-group-name">{row.project}</span>
        <span className="muted">
          {' '}
          · compose project · {row.running} of {row.count} running
        </span>
      </th>
    </tr>
  );
}

/** The containers as a virtualised table: only the rows on screen are in the DOM, and only they get stats. */
export function ContainerList() {
  const containers = useBerth(useShallow((s) => s.containers));
  const filter = useBerth((s) => s.containerFilter);
  const search = useBerth((s) => s.containerSearch);
  const rows = useMemo(() => containerRows(containers, filter, search), [containers, filter, search]);
  const scroller = useRef<HTMLDivElement>(null);
  const navigate = useBerth((s) => s.navigate);
  const keys = useMemo(() => rows.flatMap((r) => (r.kind === 'container' ? [r.key] : [])), [rows]);
  const byId = useMemo(() => new Map(containers.map((c) => [c.id, c])), [containers]);
  const bulk = useContainerBulk();
  const scrollTo = useRef<(key: string) => void>(() => undefined);
  const selection = useListSelection({
    keys,
    labelOf: (id) => byId.get(id)?.name ?? '',
    onOpen: (id) => navigate({ section: 'containers', id, tab: 'overview' }),
    onDelete: (ids) => bulk.askRemove(ids),
    pageSize: Math.max(1, Math.floor((scroller.current?.clientHeight ?? 530) / ROW_HEIGHT) - 1),
    scrollTo: (key) => scrollTo.current(key),
  });
  // Status lines count seconds; a 5 s clock keeps them true to docker ps without asking the engine.
  const now = useNow(5_000);
  // TanStack Virtual returns fresh functions each render; the React Compiler skips this component, which is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => rows[i]?.key ?? i,
  });
  scrollTo.current = (key) => virtualizer.scrollToIndex(rows.findIndex((r) => r.key === key));
  const items = virtualizer.getVirtualItems();
  const visibleRunning = items.flatMap((item) => {
    const row = rows[item.index];
    return row?.kind === 'container' && row.container.state === 'running' ? [row.container.id] : [];
  });
  useStatsStream(visibleRunning.slice(0, 50));
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  if (rows.length === 0) return <p className="ctr-list-empty muted">No container matches.</p>;
  const names = selection.selected.map((id) => byId.get(id)?.name ?? id);
  return (
    <>
      {selection.selected.length > 0 && (
        <ContainerSelectionBar ids={selection.selected} names={names} bulk={bulk} onClear={selection.clear} />
      )}
      {bulk.view}
      <div className="table-card ctr-scroll" ref={scroller}>
        <table className="table" aria-label="Containers" aria-rowcount={rows.length + 1} {...selection.gridProps}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Image</th>
              <th scope="col">State</th>
              <th scope="col">Status</th>
              <th scope="col">Ports</th>
              <th scope="col" className="num">
                CPU
              </th>
              <th scope="col" className="num">
                Memory
              </th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {before > 0 && <tr aria-hidden="true" className="ctr-spacer" ref={(el) => size(el, before)} />}
            {items.map((item) => {
              const row = rows[item.index];
              if (row === undefined) return null;
              return row.kind === 'group' ? (
                <GroupRow key={row.key} row={row} />
              ) : (
                <ContainerRow key={row.key} container={row.container} now={now} row={selection.rowProps(row.key)} />
              );
            })}
            {after > 0 && <tr aria-hidden="true" className="ctr-spacer" ref={(el) => size(el, after)} />}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Spacer heights are set through the CSSOM: the CSP forbids style attributes in markup. */
function size(el: HTMLTableRowElement | null, height: number): void {
  if (el) el.style.height = `${height}px`;
}
