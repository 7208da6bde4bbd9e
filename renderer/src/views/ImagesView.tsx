import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Command } from '../components/Command';
import { EmptyState, LoadError, Loading } from '../components/ListStates';
import { SectionHeader } from '../components/SectionHeader';
import { TimeAgo } from '../components/TimeAgo';
import { formatBytes } from '../lib/format-bytes';
import { imageRows, NONE, type ImageRow } from '../lib/image-rows';
import { useNow } from '../lib/use-now';
import { useBerth } from '../store/store';

function Name({ value }: { value: string }) {
  return value === NONE ? <span className="muted">{NONE}</span> : <>{value}</>;
}

function ImageTableRow({ row, now }: { row: ImageRow; now: number }) {
  return (
    <tr>
      <td className="cell-truncate" title={row.repository}>
        <span className="cell-primary">
          <Name value={row.repository} />
        </span>
      </td>
      <td>
        <Name value={row.tag} />
        {row.dangling && (
          <span
            className="badge badge-small tone-idle"
            title="No name points at this image any more. It is usually left over from a rebuild and can be removed."
          >
            dangling
          </span>
        )}
      </td>
      <td className="mono" title={row.id}>
        {row.shortId}
      </td>
      <td className="num">{formatBytes(row.size)}</td>
      <td className="muted nowrap">
        <TimeAgo ms={row.created} now={now} />
      </td>
    </tr>
  );
}

function ImagesBody() {
  const images = useBerth(useShallow((s) => s.images));
  const load = useBerth((s) => s.imagesLoad);
  const error = useBerth((s) => s.imagesError);
  const refresh = useBerth((s) => s.refreshImages);
  const rows = useMemo(() => imageRows(images), [images]);
  const now = useNow(30_000);

  if (load === 'error' && error !== null)
    return <LoadError what="images" error={error} onRetry={() => void refresh()} />;
  if (load === 'idle' || (load === 'loading' && images.length === 0)) return <Loading what="images" />;
  if (rows.length === 0) {
    return (
      <EmptyState title="No images yet">
        <p>An image is the template a container starts from. Download one from a registry, for example:</p>
        <Command>docker pull busybox</Command>
      </EmptyState>
    );
  }
  return (
    <div className="table-card">
      <table className="table" aria-label="Images">
        <thead>
          <tr>
            <th scope="col">Repository</th>
            <th scope="col">Tag</th>
            <th scope="col">Image ID</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ImageTableRow key={row.key} row={row} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImagesView() {
  // No total size: images share layers, so adding their sizes up would overstate the disk they use.
  const count = useBerth((s) => (s.imagesLoad === 'ready' ? s.images.length : null));
  const detail = count === null ? undefined : `${count} ${count === 1 ? 'image' : 'images'}`;
  return (
    <>
      <SectionHeader title="Images" detail={detail} />
      <main className="content">
        <ImagesBody />
      </main>
    </>
  );
}
