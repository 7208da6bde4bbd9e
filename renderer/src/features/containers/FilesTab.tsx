import { useEffect, useState } from 'react';
import type { ContainerChanges, ContainerOverview, DiffNode } from '../../../../shared/dto/containers';
import type { BerthError } from '../../../../shared/result';
import { LoadError, Loading } from '../../ui/ListStates';
import { formatBytes } from '../../ui/format-bytes';
import { useBerth } from '../../app/store';
import { WholeFilesystem } from './WholeFilesystem';

function Node({ node }: { node: DiffNode }) {
  return (
    <li role="treeitem" aria-selected={false} aria-expanded={node.children.length > 0 ? true : undefined}>
      <span className="mono">{node.name}</span>
      {node.kind && <span className={`ctr-kind ctr-kind-${node.kind}`}>{node.kind}</span>}
      {node.children.length > 0 && (
        <ul role="group">
          {node.children.map((child) => (
            <Node key={child.path} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

type FilesView = 'changes' | 'whole';

/**
 * The writable layer: what the container changed compared with its image, as a tree, and how big that is; or the
 * whole filesystem as the container sees it, with downloads and uploads.
 */
export function FilesTab({ container }: { container: ContainerOverview }) {
  const [view, setView] = useState<FilesView>('changes');
  const navigate = useBerth((s) => s.navigate);
  const containerChanges = useBerth((s) => s.containerChanges);
  const [changes, setChanges] = useState<ContainerChanges | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void containerChanges({ id: container.id }).then((r) => (r.ok ? setChanges(r.value) : setError(r.error)));
  }, [containerChanges, container.id, tick]);
  const toggle = (
    <div className="segmented" role="group" aria-label="Which files to show">
      <button type="button" aria-pressed={view === 'changes'} onClick={() => setView('changes')}>
        Changes only
      </button>
      <button type="button" aria-pressed={view === 'whole'} onClick={() => setView('whole')}>
        Whole filesystem
      </button>
    </div>
  );
  if (view === 'whole')
    return (
      <div className="ctr-files">
        {toggle}
        <WholeFilesystem key={container.id} container={container} onChanged={() => setTick((t) => t + 1)} />
      </div>
    );
  if (error)
    return (
      <div className="ctr-files">
        {toggle}
        <LoadError what="the changes" error={error} onRetry={() => setTick((t) => t + 1)} />
      </div>
    );
  if (changes === null)
    return (
      <div className="ctr-files">
        {toggle}
        <Loading what="the changes" />
      </div>
    );
  const share = container.sizeRootFs > 0 ? (container.sizeRw / container.sizeRootFs) * 100 : 0;
  return (
    <div className="ctr-files">
      {toggle}
      <p>
        Writable layer: <strong>{formatBytes(container.sizeRw)}</strong> of {formatBytes(container.sizeRootFs)} the
        container sees in all ({share < 0.1 && share > 0 ? '<0.1' : share.toFixed(1)}%); the rest is the image’s
        read-only layers. {changes.counts.added} added, {changes.counts.changed} changed, {changes.counts.deleted}{' '}
        deleted.{' '}
        <button type="button" className="ctr-link-button" onClick={() => setTick((t) => t + 1)}>
          Refresh
        </button>{' '}
        <button
          type="button"
          className="ctr-link-button"
          onClick={() => navigate({ section: 'learn', id: 'writable-layer' })}
        >
          Lesson: the writable container layer
        </button>
      </p>
      <progress
        className="ctr-size-bar"
        max={100}
        value={share}
        aria-label="Writable layer share of the container's files"
      />
      {changes.entries.length === 0 ? (
        <p className="muted">No changes: the container sees exactly its image’s files.</p>
      ) : (
        <ul role="tree" aria-label="Changes in the writable layer" className="ctr-diff-tree">
          {changes.tree.map((n) => (
            <Node key={n.path} node={n} />
          ))}
        </ul>
      )}
    </div>
  );
}
