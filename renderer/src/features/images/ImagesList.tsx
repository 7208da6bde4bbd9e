import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Command } from '../../ui/Command';
import { EmptyState, LoadError, Loading } from '../../ui/ListStates';
import { TimeAgo } from '../../ui/TimeAgo';
import { formatBytes } from '../../ui/format-bytes';
import { NONE } from './image-rows';
import { useNow } from '../../ui/use-now';
import { useBerth } from '../../app/store';
import { listImages, type ImageKindFilter, type ImageSortKey, type ListedImage } from './image-list';
import { RemoveSelectedBar, useBulkRemoval } from '../../ui/BulkRemove';
import { useListSelection, type RowProps } from '../../ui/use-list-selection';
import { RemoveImagesDialog } from './RemoveImagesDialog';

const ROW_HEIGHT = 44;
const COLUMNS = 'minmax(180px, 2.2fr) minmax(80px, 1fr) 120px 90px 110px 120px';

function Name({ value }: { value: string }) {
  return value === NONE ? <span className="muted">{NONE}</span> : <>{value}</>;
}

function Row({
  row,
  now,
  index,
  top,
  select,
}: {
  row: ListedImage;
  now: number;
  index: number;
  top: number;
  select: RowProps;
}) {
  const navigate = useBerth((s) => s.navigate);
  const open = () => navigate({ section: 'images', id: row.id, tab: 'overview' });
  const label = row.dangling ? `${row.shortId} (dangling)` : `${row.repository}:${row.tag}`;
  return (
    <div
      {...select}
      role="row"
      aria-rowindex={index + 2}
      className="vrow"
      style={{ transform: `translateY(${top}px)`, gridTemplateColumns: COLUMNS }}
    >
      <div role="gridcell" className="cell-truncate" title={row.repository}>
        <button
          type="button"
          tabIndex={-1}
          className="link-button cell-primary"
          onClick={open}
          aria-label={`Open image ${label}`}
        >
          <Name value={row.repository} />
        </button>
      </div>
      <div role="gridcell">
        <Name value={row.tag} />
        {row.dangling && (
          <span
            className="badge badge-small tone-idle"
            title="No name points at this image any more. It is usually left over from a rebuild and can be removed."
          >
            dangling
          </span>
        )}
      </div>
      <div role="gridcell" className="mono" title={row.id}>
        {row.shortId}
      </div>
      <div role="gridcell" className="num">
        {formatBytes(row.size)}
      </div>
      <div role="gridcell" className="muted nowrap">
        <TimeAgo ms={row.created} now={now} />
      </div>
      <div role="gridcell" className="nowrap" title="Containers made from this image, and how many of them run">
        {row.containers < 0
          ? '—'
          : `${row.containers}${row.running !== undefined && row.running > 0 ? ` (${row.running} running)` : ''}`}
      </div>
    </div>
  );
}

const SORTS: readonly [ImageSortKey, string][] = [
  ['created', 'Created'],
  ['name', 'Name'],
  ['size', 'Size'],
  ['containers', 'Containers'],
];
const KINDS: readonly [ImageKindFilter, string][] = [
  ['all', 'All images'],
  ['used', 'Used by containers'],
  ['unused', 'Not used'],
  ['dangling', 'Dangling'],
];

function Toolbar() {
  const query = useBerth((s) => s.imageQuery);
  const setQuery = useBerth((s) => s.setImageQuery);
  return (
    <div className="list-toolbar" role="search">
      <input
        type="search"
        className="input"
        aria-label="Filter images"
        placeholder="Filter by name or ID"
        value={query.text}
        onChange={(e) => setQuery({ text: e.target.value })}
      />
      <select
        className="input"
        aria-label="Show"
        value={query.kind}
        onChange={(e) => setQuery({ kind: e.target.value as ImageKindFilter })}
      >
        {KINDS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label="Sort by"
        value={query.sort}
        onChange={(e) => setQuery({ sort: e.target.value as ImageSortKey })}
      >
        {SORTS.map(([value, label]) => (
          <option key={value} value={value}>
            Sort: {label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        aria-label={query.descending ? 'Sorted descending; sort ascending' : 'Sorted ascending; sort descending'}
        onClick={() => setQuery({ descending: !query.descending })}
      >
        {query.descending ? '↓' : '↑'}
      </button>
    </div>
  );
}

export function ImagesList() {
  const images = useBerth(useShallow((s) => s.images));
  const load = useBerth((s) => s.imagesLoad);
  const error = useBerth((s) => s.imagesError);
  const refresh = useBerth((s) => s.refreshImages);
  const query = useBerth((s) => s.imageQuery);
  const rows = useMemo(() => listImages(images, query), [images, query]);
  const now = useNow(30_000);
  const scroller = useRef<HTMLDivElement>(null);
  // The React Compiler is not in use here; the virtualizer re-renders this component itself on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => rows[i]?.key ?? i,
  });
  const navigate = useBerth((s) => s.navigate);
  const keys = useMemo(() => rows.map((r) => r.key), [rows]);
  const byKey = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  const bulk = useBulkRemoval();
  const selection = useListSelection({
    keys,
    labelOf: (key) => byKey.get(key)?.repository ?? '',
    onOpen: (key) => {
      const row = byKey.get(key);
      if (row) navigate({ section: 'images', id: row.id, tab: 'overview' });
    },
    onDelete: bulk.ask,
    pageSize: Math.max(1, Math.floor((scroller.current?.clientHeight ?? 440) / ROW_HEIGHT) - 1),
    scrollTo: (key) => virtual.scrollToIndex(keys.indexOf(key)),
  });
  const chosen = (picked: readonly string[]) => picked.flatMap((k) => byKey.get(k) ?? []);

  if (load === 'error' && error !== null)
    return <LoadError what="images" error={error} onRetry={() => void refresh()} />;
  if (load === 'idle' || (load === 'loading' && images.length === 0)) return <Loading what="images" />;
  if (images.length === 0) {
    return (
      <EmptyState title="No images yet">
        <p>An image is the template a container starts from. Download one from a registry, for example:</p>
        <Command>docker pull busybox</Command>
      </EmptyState>
    );
  }
  return (
    <>
      <Toolbar />
      <RemoveSelectedBar noun="image" selected={selection.selected} onClear={selection.clear} bulk={bulk} />
      {bulk.asking && <RemoveImagesDialog rows={chosen(bulk.asking)} onDone={bulk.done} onClose={bulk.close} />}
      <div className="table-card vtable" aria-label="Images" aria-rowcount={rows.length + 1} {...selection.gridProps}>
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="vrow vhead" style={{ gridTemplateColumns: COLUMNS }}>
            {['Repository', 'Tag', 'Image ID', 'Size', 'Created', 'Containers'].map((name) => (
              <div key={name} role="columnheader" className={name === 'Size' ? 'num' : undefined}>
                {name}
              </div>
            ))}
          </div>
        </div>
        <div ref={scroller} className="vbody" role="rowgroup">
          {rows.length === 0 && <p className="muted vempty">No image matches this filter.</p>}
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const row = rows[item.index];
              return row ? (
                <Row
                  key={row.key}
                  row={row}
                  now={now}
                  index={item.index}
                  top={item.start}
                  select={selection.rowProps(row.key)}
                />
              ) : null;
            })}
          </div>
        </div>
      </div>
    </>
  );
}
