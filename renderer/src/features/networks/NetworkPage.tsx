import { useState } from 'react';
import { disconnectAction } from '../../../../shared/cli/networks.cli';
import type { BerthError } from '../../../../shared/result';
import { Command } from '../../ui/Command';
import { Loading } from '../../ui/ListStates';
import { Message } from '../../ui/Message';
import { SectionHeader } from '../../ui/SectionHeader';
import { useBerth } from '../../app/store';
import { ConnectDialog } from './ConnectDialog';
import { RemoveNetworkDialog } from './RemoveNetworkDialog';

export function NetworkPage({ id }: { id: string }) {
  const network = useBerth((s) => s.networks.find((n) => n.id === id || n.name === id) ?? null);
  const load = useBerth((s) => s.networksLoad);
  const navigate = useBerth((s) => s.navigate);
  const disconnect = useBerth((s) => s.disconnectNetwork);
  const [dialog, setDialog] = useState<'connect' | 'remove' | null>(null);
  const [error, setError] = useState<BerthError | null>(null);

  const back = (
    <button type="button" className="button" onClick={() => navigate({ section: 'networks' })}>
      ← All networks
    </button>
  );
  if (network === null) {
    return (
      <>
        <SectionHeader title="Network" detail={id.slice(0, 12)}>
          {back}
        </SectionHeader>
        <main className="content">
          {load === 'ready' ? (
            <p role="alert">This network is not on the engine any more.</p>
          ) : (
            <Loading what="the network" />
          )}
        </main>
      </>
    );
  }
  const drop = async (container: string) => {
    setError(null);
    const result = await disconnect(network.name, container);
    if (!result.ok) setError(result.error);
  };
  return (
    <>
      <SectionHeader title={network.name} detail={`Network, ${network.driver} driver, ${network.scope} scope`}>
        <div className="button-row">
          {back}
          {network.name !== 'host' && network.name !== 'none' && (
            <button type="button" className="button" onClick={() => setDialog('connect')}>
              Connect a container…
            </button>
          )}
          {!network.predefined && (
            <button type="button" className="button button-danger" onClick={() => setDialog('remove')}>
              Remove…
            </button>
          )}
        </div>
      </SectionHeader>
      <main className="content">
        {network.predefined && <p className="muted">The engine made this network itself; it cannot be removed.</p>}
        <dl className="res-facts" aria-label="About this network">
          <dt>Subnets</dt>
          <dd className="mono">
            {network.subnets.length === 0
              ? 'none'
              : network.subnets.map((s) => `${s.subnet}${s.gateway ? ` via ${s.gateway}` : ''}`).join(', ')}
          </dd>
          <dt>Internal</dt>
          <dd>{network.internal ? 'yes: containers on it cannot reach outside' : 'no'}</dd>
          <dt>Attachable</dt>
          <dd>{network.attachable ? 'yes' : 'no'}</dd>
          <dt>ID</dt>
          <dd className="mono">{network.id}</dd>
        </dl>
        {error !== null && (
          <p className="load-error" role="alert">
            <Message text={error.message} />
          </p>
        )}
        <h2>Containers</h2>
        {network.containers.length === 0 ? (
          <p className="muted">No container is on this network.</p>
        ) : (
          <div className="table-card res-table-wrap">
            <table className="table table-compact" aria-label={`Containers on ${network.name}`}>
              <thead>
                <tr>
                  <th scope="col">Container</th>
                  <th scope="col">State</th>
                  <th scope="col">IPv4</th>
                  <th scope="col">Aliases</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {network.containers.map((c) => (
                  <tr key={c.containerId}>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => navigate({ section: 'containers', id: c.containerId, tab: 'overview' })}
                      >
                        {c.name}
                      </button>
                    </td>
                    <td>{c.state}</td>
                    <td className="mono">{c.ipv4 || '—'}</td>
                    <td className="mono">{c.aliases.join(', ') || '—'}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        title={disconnectAction(network.name, c.name).command}
                        aria-label={`Disconnect ${c.name}`}
                        onClick={() => void drop(c.name)}
                      >
                        Disconnect
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted">
          Containers on a user-defined network find each other by name: <Command>ping other-container</Command>
        </p>
      </main>
      {dialog === 'connect' && <ConnectDialog network={network} onClose={() => setDialog(null)} />}
      {dialog === 'remove' && <RemoveNetworkDialog network={network} onClose={() => setDialog(null)} />}
    </>
  );
}
