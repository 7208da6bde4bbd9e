import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { VolumeSummary } from '../../../../shared/dto/volumes';
import { Command } from '../../ui/Command';
import { EmptyState, LoadError, Loading } from '../../ui/ListStates';
import { TimeAgo } from '../../ui/TimeAgo';
import { formatBytes } from '../../ui/format-bytes';
import { useNow } from '../../ui/use-now';
import { useBerth } from '../../app/store';
import { RemoveSelectedBar, useBulkRemoval } from '../../ui/BulkRemove';
import { useListSelection } from '../../ui/use-list-selection';
import { RemoveVolumesDialog } from './RemoveVolumesDialog';

/** The containers mounting a volume, each a link to its page (inside a grid row, not a tab stop of its own). */
export function VolumeUsers({ volume, inGrid = false }: { volume: VolumeSummary; inGrid?: boolean }) {
  const navigate = useBerth((s) => s.navigate);
  if (volume.users.length === 0) return <span className="badge badge-small tone-idle">unused</span>;
  return (
    <ul className="res-inline-list" aria-label={`Containers using ${volume.name}`}>
      {volume.users.map((u) => (
        <li key={u.id}>
          <button
            type="button"
            className="link-button"
            {...(inGrid ? { tabIndex: -1 } : {})}
            onClick={() => navigate({ section: 'containers', id: u.id, tab: 'overview' })}
          >
            {u.name}
          </button>{' '}
          <span className="muted">
            ({u.state}, {u.destination}
            {u.rw ? '' : ', read-only'})
          </span>
        </li>
      ))}
    </ul>
  );
}

function SizeCell({ name }: { name: string }) {
  const size = useBerth((s) => (s.volumeSizes === null ? undefined : s.volumeSizes[name]));
  if (size === undefined) return <span className="muted">—</span>;
  return <>{size === null ? 'unknown' : formatBytes(size)}</>;
}

export function VolumesList() {
  const volumes = useBerth(useShallow((s) => s.volumes));
  const load = useBerth((s) => s.volumesLoad);
  const error = useBerth((s) => s.volumesError);
  const refresh = useBerth((s) => s.refreshVolumes);
  const navigate = useBerth((s) => s.navigate);
  const now = useNow(30_000);
  const keys = useMemo(() => volumes.map((v) => v.name), [volumes]);
  const bulk = useBulkRemoval();
  const selection = useListSelection({
    keys,
    labelOf: (name) => name,
    onOpen: (name) => navigate({ section: 'volumes', id: name }),
    onDelete: bulk.ask,
  });

  if (load === 'error' && error !== null)
    return <LoadError what="volumes" error={error} onRetry={() => void refresh()} />;
  if (load === 'idle' || (load === 'loading' && volumes.length === 0)) return <Loading what="volumes" />;
  if (volumes.length === 0) {
    return (
      <EmptyState title="No volumes yet">
        <p>A volume keeps data outside any container, so it survives the container being removed. Make one with:</p>
        <Command>docker volume create mydata</Command>
      </EmptyState>
    );
  }
  return (
    <>
      <RemoveSelectedBar noun="volume" selected={selection.selected} onClear={selection.clear} bulk={bulk} />
      {bulk.asking && <RemoveVolumesDialog names={bulk.asking} onDone={bulk.done} onClose={bulk.close} />}
      <div className="table-card res-table-wrap">
        <table className="table" aria-label="Volumes" {...selection.gridProps}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Driver</th>
              <th scope="col">Created</th>
              <th scope="col">Used by</th>
              <th scope="col" className="num">
                Size
              </th>
            </tr>
          </thead>
          <tbody>
            {volumes.map((v) => (
              <tr key={v.name} {...selection.rowProps(v.name)}>
                <td className="cell-truncate" title={v.name}>
                  <button
                    type="button"
                    tabIndex={-1}
                    className="link-button cell-primary mono"
                    aria-label={`Open volume ${v.name}`}
                    onClick={() => navigate({ section: 'volumes', id: v.name })}
                  >
                    {v.anonymous ? `${v.name.slice(0, 12)}…` : v.name}
                  </button>
                  {v.anonymous && (
                    <span
                      className="badge badge-small tone-idle"
                      title="Made by a VOLUME line or `docker run -v /path`, without a name."
                    >
                      anonymous
                    </span>
                  )}
                </td>
                <td>{v.driver}</td>
                <td className="muted nowrap">{v.created === null ? '—' : <TimeAgo ms={v.created} now={now} />}</td>
                <td>
                  {v.users.length > 0 && <span className="badge badge-small tone-ok">in use</span>}{' '}
                  <VolumeUsers volume={v} inGrid />
                </td>
                <td className="num nowrap">
                  <SizeCell name={v.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
