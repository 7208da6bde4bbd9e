import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { formatBytes } from '../../ui/format-bytes';
import { KIND_LABEL, modeText, parentPath, type TreeEntry, type TreeRow } from './layer-tree';

const ROW_HEIGHT = 26;

function RowText({ entry, view, layer }: { entry: TreeEntry; view: 'changes' | 'merged'; layer: number }) {
  const deleted = entry.kind === 'deleted';
  return (
    <>
      <span className={deleted ? 'lf-name lf-deleted' : 'lf-name'}>
        {entry.name}
        {entry.type === 'dir' ? '/' : ''}
        {entry.link !== null && (
          <span className="muted">
            {' '}
            {entry.type === 'hardlink' ? '⇒' : '→'} {entry.link}
          </span>
        )}
      </span>
      <span className="lf-kind">
        {view === 'changes' && entry.kind !== null && (
          <span className={`lf-badge lf-${entry.kind}`}>{KIND_LABEL[entry.kind]}</span>
        )}
        {view === 'merged' && entry.layer === layer && <span className="lf-badge lf-added">this layer</span>}
      </span>
      <span className="num lf-size">
        {deleted || entry.kind === 'opaque-dir'
          ? entry.hides > 0
            ? `hides ${formatBytes(entry.hides)}`
            : ''
          : entry.type === 'file'
            ? formatBytes(entry.size)
            : ''}
      </span>
      <span className="mono lf-mode">
        {entry.kind === null && view === 'changes' ? '' : modeText(entry.mode, entry.type)}
      </span>
      <span className="mono lf-owner">
        {entry.kind === null && view === 'changes' ? '' : `${entry.uid}:${entry.gid}`}
      </span>
      <span className="lf-from muted">{view === 'merged' ? `layer ${entry.layer + 1}` : ''}</span>
    </>
  );
}

/**
 * A virtualised tree (only the rows in sight are in the page, so 100,000 entries scroll like 100). The tree itself
 * takes focus and points at the current row with aria-activedescendant; arrows move, Right/Left open and close a
 * folder, Enter opens a file.
 */
export function FileTree({
  rows,
  label,
  view,
  layer,
  selected,
  onSelect,
  onToggle,
  onOpen,
}: {
  rows: readonly TreeRow[];
  label: string;
  view: 'changes' | 'merged';
  layer: number;
  selected: string | null;
  onSelect: (entry: TreeEntry) => void;
  onToggle: (path: string) => void;
  onOpen: (entry: TreeEntry) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const id = useId();
  // eslint-disable-next-line react-hooks/incompatible-library -- the rows read the virtualizer fresh on each render.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const at = selected === null ? -1 : rows.findIndex((r) => r.entry.path === selected);

  useEffect(() => {
    if (at >= 0) virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [at, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[at];
    const go = (index: number) => {
      const next = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (next) onSelect(next.entry);
    };
    switch (event.key) {
      case 'ArrowDown':
        go(at + 1);
        break;
      case 'ArrowUp':
        go(at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'PageDown':
        go(at + 15);
        break;
      case 'PageUp':
        go(at - 15);
        break;
      case 'ArrowRight':
        if (row?.entry.folder && !row.expanded) onToggle(row.entry.path);
        else go(at + 1);
        break;
      case 'ArrowLeft':
        if (row?.expanded) onToggle(row.entry.path);
        else if (row) go(rows.findIndex((r) => r.entry.path === parentPath(row.entry.path)));
        break;
      case 'Enter':
      case ' ':
        if (!row) return;
        if (row.entry.folder) onToggle(row.entry.path);
        else onOpen(row.entry);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className="lf-tree-box">
      <div className="lf-row lf-head" aria-hidden="true">
        <span className="lf-name">Name</span>
        <span className="lf-kind">{view === 'changes' ? 'Change' : ''}</span>
        <span className="num lf-size">Size</span>
        <span className="lf-mode">Mode</span>
        <span className="lf-owner">Owner</span>
        <span className="lf-from">{view === 'merged' ? 'Written by' : ''}</span>
      </div>
      <div
        ref={scrollRef}
        className="lf-tree"
        role="tree"
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={at >= 0 ? `${id}-${at}` : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (at < 0 && rows[0]) onSelect(rows[0].entry);
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const { entry } = row;
            return (
              <div
                key={entry.path}
                id={`${id}-${item.index}`}
                role="treeitem"
                aria-level={row.depth + 1}
                aria-expanded={entry.folder ? row.expanded : undefined}
                aria-selected={entry.path === selected}
                className="lf-row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  onSelect(entry);
                  if (entry.folder) onToggle(entry.path);
                }}
                onDoubleClick={() => {
                  if (!entry.folder) onOpen(entry);
                }}
              >
                <span className="lf-indent" style={{ width: row.depth * 16 }} />
                <span className="lf-twisty" aria-hidden="true">
                  {entry.folder ? (row.expanded ? '▾' : '▸') : ''}
                </span>
                <RowText entry={entry} view={view} layer={layer} />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
