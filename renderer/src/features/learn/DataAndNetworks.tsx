import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBerth } from '../../app/store';
import { Term } from './Term';

/**
 * Beside images and containers, the two things containers share without being made of them: volumes (data that
 * outlives a container) and networks (how containers reach each other). Each links to its page.
 */
export function DataAndNetworks() {
  const volumes = useBerth(useShallow((s) => s.volumes));
  const networks = useBerth(useShallow((s) => s.networks));
  const refreshVolumes = useBerth((s) => s.refreshVolumes);
  const refreshNetworks = useBerth((s) => s.refreshNetworks);
  const navigate = useBerth((s) => s.navigate);
  useEffect(() => {
    void refreshVolumes();
    void refreshNetworks();
  }, [refreshVolumes, refreshNetworks]);
  const custom = networks.filter((n) => !n.predefined || n.containers.length > 0);

  return (
    <>
      <section aria-labelledby="volumes-rel-title" className="card">
        <h2 id="volumes-rel-title">
          <Term name="volume">Volumes</Term> and the containers that mount them
        </h2>
        {volumes.length === 0 ? (
          <p>There are no volumes: every container keeps its files in its own writable layer.</p>
        ) : (
          <ul>
            {volumes.map((v) => (
              <li key={v.name}>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Open volume ${v.name}`}
                  onClick={() => navigate({ section: 'volumes', id: v.name })}
                >
                  {v.name}
                </button>{' '}
                {v.users.length === 0
                  ? 'is mounted by no container; its data stays until the volume is removed.'
                  : `is mounted by ${v.users.map((u) => `${u.name} at ${u.destination} (${u.state})`).join(', ')}.`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="networks-rel-title" className="card">
        <h2 id="networks-rel-title">
          <Term name="network">Networks</Term> and the containers on them
        </h2>
        {custom.length === 0 ? (
          <p>No container is on a network; containers cannot reach each other by name.</p>
        ) : (
          <ul>
            {custom.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Open network ${n.name}`}
                  onClick={() => navigate({ section: 'networks', id: n.id })}
                >
                  {n.name}
                </button>{' '}
                {n.containers.length === 0
                  ? 'has no containers.'
                  : `joins ${n.containers.map((c) => c.name).join(', ')}${n.predefined ? '.' : ', which reach each other by name.'}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
