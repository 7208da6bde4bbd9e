import { useEffect, useMemo } from 'react';
import { LoadError, Loading } from '../../ui/ListStates';
import { useBerth } from '../../app/store';
import { DataAndNetworks } from './DataAndNetworks';
import { RelationshipsPicture } from './RelationshipsPicture';
import { sharedLayers, staleContainers } from './explain-notes';
import { Term } from './Term';

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/**
 * Images with their tags and digests, the containers made from each, the layers they share, and the volumes and
 * networks containers use.
 */
export function RelationshipsView() {
  const graph = useBerth((s) => s.relationships);
  const load = useBerth((s) => s.relationshipsLoad);
  const error = useBerth((s) => s.relationshipsError);
  const refresh = useBerth((s) => s.refreshRelationships);
  // The lists re-fetch on engine events; following them keeps this view as fresh.
  const images = useBerth((s) => s.images);
  const containers = useBerth((s) => s.containers);
  useEffect(() => void refresh(), [refresh, images, containers]);
  const stale = useMemo(() => (graph === null ? [] : staleContainers(graph)), [graph]);
  const shared = useMemo(() => (graph === null ? [] : sharedLayers(graph)), [graph]);

  if (load === 'error' && error !== null)
    return <LoadError what="relationships" error={error} onRetry={() => void refresh()} />;
  if (graph === null) return <Loading what="relationships" />;
  return (
    <div className="relationships">
      <RelationshipsPicture graph={graph} />
      <section aria-labelledby="stale-title" className="card">
        <h2 id="stale-title">Containers still on an older image</h2>
        {stale.length === 0 ? (
          <p>Every container runs the image its name points at today.</p>
        ) : (
          <ul>
            {stale.map((s) => (
              <li key={s.container}>
                <strong>{s.container}</strong> still runs image {short(s.runs)}; <code>{s.reference}</code> now names{' '}
                {short(s.nowNamed)}. Re-create the container to use the new one.
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="table-card">
        <table className="table" aria-label="Images and their containers">
          <thead>
            <tr>
              <th scope="col">Image</th>
              <th scope="col">
                <Term name="tag">Tags</Term>
              </th>
              <th scope="col">
                <Term name="digest">Digests</Term>
              </th>
              <th scope="col" className="num">
                <Term name="layer">Layers</Term>
              </th>
              <th scope="col">
                <Term name="container">Containers</Term> made from it
              </th>
            </tr>
          </thead>
          <tbody>
            {graph.images.map((image) => {
              const made = graph.containers.filter((c) => c.imageId === image.id);
              return (
                <tr key={image.id}>
                  <td className="mono">{short(image.id)}</td>
                  <td>
                    {image.repoTags.length === 0 ? <span className="muted">none</span> : image.repoTags.join(', ')}
                  </td>
                  <td className="mono cell-truncate" title={image.repoDigests.join('\n')}>
                    {image.repoDigests.length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      image.repoDigests.map((d) => d.split('@')[1]?.slice(0, 19)).join(', ')
                    )}
                  </td>
                  <td className="num">{image.layers.length}</td>
                  <td>
                    {made.length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      made.map((c) => `${c.name} (${c.state})`).join(', ')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="shared-title" className="card">
        <h2 id="shared-title">Shared layers</h2>
        {shared.length === 0 ? (
          <p>No two images share a layer.</p>
        ) : (
          <ul>
            {shared.map((s) => (
              <li key={s.layer}>
                <span className="mono">{short(s.layer)}</span> is stored once and used by {s.images.join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      <DataAndNetworks />
    </div>
  );
}
