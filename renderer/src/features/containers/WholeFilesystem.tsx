import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { downloadContainerPathAction, uploadContainerFileAction } from '../../../../shared/cli/containerFiles.cli';
import type { ContainerOverview } from '../../../../shared/dto/containers';
import { Command } from '../../ui/Command';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes } from '../../ui/format-bytes';
import { useNativeDialogs } from '../desktop/use-native-dialogs';
import { modeText } from '../layers/layer-tree';
import '../layers/layers.css';
import { MARK_WORDS, uploadFolderOf, type FsRow } from './container-fs-tree';
import { useContainerFs } from './use-container-fs';
import { useContainerTransfers } from './use-container-transfers';

const ROW_HEIGHT = 30;
const abs = (path: string) => `/${path}`;

function Row({
  row,
  container,
  selected,
  onDownload,
  onUpload,
}: {
  row: FsRow;
  container: string;
  selected: boolean;
  onDownload: (path: string) => void;
  onUpload: (folder: string) => void;
}) {
  const { entry } = row;
  // Only the selected row's buttons are in the Tab order, so Tab leaves the tree after at most two stops.
  const tab = selected ? 0 : -1;
  return (
    <>
      <span className="lf-indent" style={{ width: row.depth * 16 }} />
      <span className="lf-twisty" aria-hidden="true">
        {row.folder ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className={entry.mark === 'deleted' ? 'lf-name lf-deleted' : 'lf-name'}>
        {row.fullPath ? abs(entry.path) : entry.name}
        {entry.type === 'dir' ? '/' : ''}
        {entry.link !== null && <span className="muted"> → {entry.link}</span>}
      </span>
      <span className="lf-kind">
        {entry.mark !== null && <span className={`ctr-kind ctr-kind-${entry.mark}`}>{MARK_WORDS[entry.mark]}</span>}
      </span>
      <span className="num lf-size">
        {entry.type === 'file' && entry.mark !== 'deleted' ? formatBytes(entry.size) : ''}
      </span>
      <span className="mono lf-mode">{entry.mode === '' ? '' : modeText(entry.mode, entry.type)}</span>
      <span className="cfs-actions">
        {entry.mark !== 'deleted' && (
          <button
            type="button"
            className="ctr-link-button"
            tabIndex={tab}
            aria-label={`Download ${abs(entry.path)}`}
            title={downloadContainerPathAction(container, entry.path, `${entry.name}.tar`).command}
            onClick={(e) => {
              e.stopPropagation();
              onDownload(entry.path);
            }}
          >
            Download
          </button>
        )}
        {row.folder && (
          <button
            type="button"
            className="ctr-link-button"
            tabIndex={tab}
            aria-label={`Upload files to ${abs(entry.path)}`}
            title={uploadContainerFileAction(container, entry.path, 'FILE').command}
            onClick={(e) => {
              e.stopPropagation();
              onUpload(entry.path);
            }}
          >
            Upload files…
          </button>
        )}
      </span>
    </>
  );
}

/**
 * The filesystem as the container sees it: its image's layers merged, with what its writable layer added, changed
 * or deleted marked in words. Folders load as they open; files and folders download as tars and files upload into
 * folders, as `docker cp` does, also when the container is stopped.
 */
export function WholeFilesystem({ container, onChanged }: { container: ContainerOverview; onChanged: () => void }) {
  const [filter, setFilter] = useState('');
  const fs = useContainerFs(container.id, filter);
  const desktop = useNativeDialogs();
  const transfers = useContainerTransfers(container.id, container.name, desktop);
  const [selected, setSelected] = useState<string | null>(null);
  const [uploadTo, setUploadTo] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const { rows } = fs;
  // eslint-disable-next-line react-hooks/incompatible-library -- the rows read the virtualizer fresh on each render.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const at = selected === null ? -1 : rows.findIndex((r) => r.entry.path === selected);
  const current = rows[at]?.entry ?? null;

  const afterUpload = (folder: string) => {
    void fs.reload(folder);
    if (folder !== '') void fs.refresh();
    onChanged();
  };
  const startUpload = (folder: string) => {
    if (desktop) {
      void transfers.uploadViaDialog(folder).then((done) => done && afterUpload(folder));
      return;
    }
    setUploadTo(folder);
    input.current?.click();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const row = rows[at];
    const go = (index: number) => {
      const next = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (next) {
        setSelected(next.entry.path);
        virtualizer.scrollToIndex(rows.indexOf(next), { align: 'auto' });
      }
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
      case 'ArrowRight':
        if (row?.folder && !row.expanded) fs.toggle(row.entry.path);
        else go(at + 1);
        break;
      case 'ArrowLeft':
        if (row?.expanded) fs.toggle(row.entry.path);
        break;
      case 'Enter':
      case ' ':
        if (row?.folder) fs.toggle(row.entry.path);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <section className="cfs" aria-label="Whole filesystem">
      <div className="lf-bar">
        <input
          type="search"
          className="cfs-filter"
          aria-label="Filter paths in the opened folders"
          placeholder="Filter paths in the opened folders"
          value={filter}
          maxLength={500}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button type="button" className="button" onClick={() => void fs.refresh()}>
          Reload files
        </button>
        <button type="button" className="button" onClick={() => startUpload('')}>
          Upload files to /
        </button>
      </div>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label={`Files to upload to ${abs(uploadTo)}`}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length === 0) return;
          void transfers.uploadFiles(uploadTo, files).then((some) => some && afterUpload(uploadTo));
        }}
      />
      {transfers.progress !== null && (
        <p role="status" aria-live="polite">
          Uploading {transfers.progress.file} to {abs(transfers.progress.folder)}
          {transfers.progress.count > 1 ? ` (${transfers.progress.index + 1} of ${transfers.progress.count})` : ''}{' '}
          <progress
            max={1}
            value={transfers.progress.fraction}
            aria-label={`Uploading ${transfers.progress.file} to ${abs(transfers.progress.folder)}`}
          />
        </p>
      )}
      {transfers.busy !== null && (
        <p role="status" aria-live="polite" aria-busy="true">
          {transfers.busy}
        </p>
      )}
      {transfers.note !== null && (
        <p className="muted" role="status">
          {transfers.note.text} Same as <Command>{transfers.note.command}</Command>
        </p>
      )}
      <ErrorNotice error={transfers.error} className="load-error" />
      <ErrorNotice error={fs.error} className="load-error" />
      {!fs.ready && fs.error === null && (
        <p role="status" aria-busy="true">
          Reading the image’s layers and the container’s changes…
        </p>
      )}
      {fs.ready && filter.trim() !== '' && rows.length === 0 && (
        <p className="muted">No path in the opened folders holds “{filter.trim()}”.</p>
      )}
      {fs.truncated.size > 0 && (
        <p className="muted">Some folders hold more entries than Berth lists at once; the first ones are shown.</p>
      )}
      {rows.length > 0 && (
        <div className="lf-tree-box">
          <div className="lf-row lf-head" aria-hidden="true">
            <span className="lf-name">Name</span>
            <span className="lf-kind">Change</span>
            <span className="num lf-size">Size</span>
            <span className="lf-mode">Mode</span>
            <span className="cfs-actions" />
          </div>
          <div
            ref={scrollRef}
            className="lf-tree"
            role="tree"
            aria-label={`Filesystem of ${container.name}`}
            tabIndex={0}
            aria-activedescendant={at >= 0 ? `${id}-${at}` : undefined}
            onKeyDown={onKeyDown}
            onFocus={(e) => {
              if (e.target === e.currentTarget && at < 0 && rows[0]) setSelected(rows[0].entry.path);
            }}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                return (
                  <div
                    key={row.entry.path}
                    id={`${id}-${item.index}`}
                    role="treeitem"
                    aria-level={row.depth + 1}
                    aria-expanded={row.folder ? row.expanded : undefined}
                    aria-selected={row.entry.path === selected}
                    className="lf-row"
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    onClick={() => {
                      setSelected(row.entry.path);
                      if (row.folder) fs.toggle(row.entry.path);
                    }}
                  >
                    <Row
                      row={row}
                      container={container.name}
                      selected={row.entry.path === selected}
                      onDownload={(path) => void transfers.download(path)}
                      onUpload={startUpload}
                    />
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
      {current !== null && (
        <p className="muted cfs-twins">
          {current.mark === 'deleted' ? (
            <>{abs(current.path)} was deleted in the writable layer; the image still holds it below.</>
          ) : (
            <>
              Copy out:{' '}
              <Command>
                {downloadContainerPathAction(container.name, current.path, `${current.name}.tar`).command}
              </Command>
            </>
          )}{' '}
          Copy in:{' '}
          <Command>{uploadContainerFileAction(container.name, uploadFolderOf(current), 'FILE').command}</Command>
        </p>
      )}
    </section>
  );
}
