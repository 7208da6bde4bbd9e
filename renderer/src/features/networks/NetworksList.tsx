import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NetworkSummary } from '../../../../shared/dto/networks';
import { LoadError, Loading } from '../../ui/ListStates';
import { useBerth } from '../../app/store';
import { RemoveSelectedBar, useBulkRemoval } from '../../ui/BulkRemove';
import { useListSelection } from '../../ui/use-list-selection';
import { RemoveNetworksDialog } from './RemoveNetworksDialog';

const subnetText = (n: NetworkSummary) =>
  n.subnets.length === 0
    ? '—'
    : n.subnets.map((s) => (s.gateway ? `${s.subnet} via ${s.gateway}` : s.subnet)).join(', ');

/** The containers on a network with their addresses (only running ones have one) and aliases. */
export function NetworkMembers({ network, inGrid = false }: { network: NetworkSummary; inGrid?: boolean }) {
  const navigate = useBerth((s) => s.navigate);
  if (network.containers.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="res-inline-list" aria-label={`Containers on ${network.name}`}>
      {network.containers.map((c) => (
        <li key={c.containerId}>
          <button
            type="button"
            className="link-button"
            {...(inGrid ? { tabIndex: -1 } : {})}
            onClick={() => navigate({ section: 'containers', id: c.containerId, tab: 'overview' })}
          >
            {c.name}
          </button>{' '}
          <span className="muted mono">
            {c.ipv4 || c.state}
            {c.aliases.length > 0 ? `, aka ${c.aliases.join(', ')}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function NetworksList() {
  const networks = useBerth(useShallow((s) => s.networks));
  const load = useBerth((s) => s.networksLoad);
  const error = useBerth((s) => s.networksError);
  const refresh = useBerth((s) => s.refreshNetworks);
  const navigate = useBerth((s) => s.navigate);
  const keys = useMemo(() => networks.map((n) => n.id), [networks]);
  const byId = useMemo(() => new Map(networks.map((n) => [n.id, n.name])), [networks]);
  const bulk = useBulkRemoval();
  const selection = useListSelection({
    keys,
    labelOf: (id) => byId.get(id) ?? id,
    onOpen: (id) => navigate({ section: 'networks', id }),
    onDelete: bulk.ask,
  });
  if (load === 'error' && error !== null)
    return <LoadError what="networks" error={error} onRetry={() => void refresh()} />;
  if (load === 'idle' || (load === 'loading' && networks.length === 0)) return <Loading what="networks" />;
  return (
    <>
      <RemoveSelectedBar noun="network" selected={selection.selected} onClear={selection.clear} bulk={bulk} />
      {bulk.asking && <RemoveNetworksDialog ids={bulk.asking} onDone={bulk.done} onClose={bulk.close} />}
      <div className="table-card res-table-wrap">
        <table className="table" aria-label="Networks" {...selection.gridProps}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Driver</th>
              <th scope="col">Scope</th>
              <th scope="col">Subnet and gateway</th>
              <th scope="col">Internal</th>
              <th scope="col">Attachable</th>
              <th scope="col">Containers</th>
            </tr>
          </thead>
          <tbody>
            {networks.map((n) => (
              <tr key={n.id} {...selection.rowProps(n.id)}>
                <td>
                  <button
                    type="button"
                    tabIndex={-1}
                    className="link-button cell-primary"
                    aria-label={`Open network ${n.name}`}
                    onClick={() => navigate({ section: 'networks', id: n.id })}
                  >
                    {n.name}
                  </button>
                  {n.predefined && (
                    <span className="badge badge-small tone-idle" title="Made by the engine; it cannot be removed.">
                      predefined
                    </span>
                  )}
                </td>
                <td>{n.driver}</td>
                <td>{n.scope}</td>
                <td className="mono">{subnetText(n)}</td>
                <td>{n.internal ? 'yes' : 'no'}</td>
                <td>{n.attachable ? 'yes' : 'no'}</td>
                <td>
                  <NetworkMembers network={n} inGrid />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
