import { useState } from 'react';
import { DISK_CATEGORIES, type DiskCategory, type DiskUsage } from '../../../../shared/dto/disk';
import { dockerCommand } from '../../../../shared/cli/command';
import { Command } from '../../ui/Command';
import { Message } from '../../ui/Message';
import { SectionHeader } from '../../ui/SectionHeader';
import { TimeAgo } from '../../ui/TimeAgo';
import { formatBytes } from '../../ui/format-bytes';
import { useNow } from '../../ui/use-now';
import { useBerth } from '../../app/store';
import { DiskPruneDialog } from './DiskPruneDialog';
import { barWidths, CATEGORY_TITLES, largestCategory } from './disk-bars';
import '../../ui/resources.css';

const size = (n: number | null) => (n === null ? 'unknown' : formatBytes(n));

/** One row per item of a category: its name, size and a few words about it. */
function itemsOf(
  usage: DiskUsage,
  category: DiskCategory,
): { key: string; name: string; size: string; note: string }[] {
  switch (category) {
    case 'images':
      return usage.images.map((i) => ({
        key: i.id,
        name: i.tags[0] ?? i.id.replace(/^sha256:/, '').slice(0, 12),
        size: formatBytes(i.size),
        note: `${i.containers} ${i.containers === 1 ? 'container' : 'containers'}, ${size(i.uniqueSize)} its own`,
      }));
    case 'containers':
      return usage.containers.map((c) => ({
        key: c.id,
        name: c.name,
        size: formatBytes(c.sizeRw),
        note: `${c.state}, from ${c.image}`,
      }));
    case 'volumes':
      return usage.volumes.map((v) => ({
        key: v.name,
        name: v.name,
        size: size(v.size),
        note: v.refCount === null ? '' : v.refCount === 0 ? 'unused' : `used by ${v.refCount}`,
      }));
    case 'buildCache':
      return usage.buildCache.map((b) => ({
        key: b.id,
        name: b.description || b.id.slice(0, 12),
        size: formatBytes(b.size),
        note: [b.type, b.inUse ? 'in use' : '', b.shared ? 'shared' : ''].filter(Boolean).join(', '),
      }));
  }
}

function Category({ usage, category, onPrune }: { usage: DiskUsage; category: DiskCategory; onPrune: () => void }) {
  const total = usage.totals[category];
  const title = CATEGORY_TITLES[category];
  const widths = barWidths(total, largestCategory(usage));
  const items = itemsOf(usage, category);
  return (
    <section className="res-card" aria-label={title}>
      <div className="res-card-head">
        <h2>{title}</h2>
        <button type="button" className="button" onClick={onPrune} aria-label={`Clean up ${title.toLowerCase()}…`}>
          Clean up…
        </button>
      </div>
      <p>
        {total.count} total, {total.active} in use · <strong>{formatBytes(total.size)}</strong> ·{' '}
        {formatBytes(total.reclaimable)} reclaimable
      </p>
      <div
        className="res-bar"
        role="img"
        aria-label={`${title}: ${formatBytes(total.size)}, of which ${formatBytes(total.reclaimable)} reclaimable`}
      >
        <span className="res-bar-used" style={{ width: `${widths.kept}%` }} />
        <span className="res-bar-reclaimable" style={{ width: `${widths.reclaimable}%` }} />
      </div>
      {items.length > 0 && (
        <details>
          <summary>
            {items.length} {items.length === 1 ? 'item' : 'items'}
          </summary>
          <div className="res-table-wrap">
            <table className="table table-compact" aria-label={`${title} on disk`}>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" className="num">
                    Size
                  </th>
                  <th scope="col">Notes</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.key}>
                    <td className="mono cell-truncate">{item.name}</td>
                    <td className="num nowrap">{item.size}</td>
                    <td className="muted">{item.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}

export function DiskView() {
  const usage = useBerth((s) => s.diskUsage);
  const load = useBerth((s) => s.diskLoad);
  const error = useBerth((s) => s.diskError);
  const measuredAt = useBerth((s) => s.diskMeasuredAt);
  const measure = useBerth((s) => s.measureDisk);
  const now = useNow(30_000);
  const [prune, setPrune] = useState<DiskCategory | null>(null);
  const measuring = load === 'loading';
  return (
    <>
      <SectionHeader title="Disk" detail="What images, containers, volumes and build cache take on the engine's disk">
        <button
          type="button"
          className="button button-primary"
          disabled={measuring}
          aria-busy={measuring}
          onClick={() => void measure()}
        >
          {measuring ? 'Measuring…' : usage === null ? 'Measure' : 'Measure again'}
        </button>
      </SectionHeader>
      <main className="content">
        <p className="muted">
          Same as <Command>{dockerCommand('system', 'df', '-v')}</Command>. Measuring walks every volume's files, so
          Berth does it only when you ask.
          {measuredAt !== null && (
            <>
              {' '}
              Measured <TimeAgo ms={measuredAt} now={now} />.
            </>
          )}
        </p>
        {measuring && <progress aria-label="Measuring disk usage" />}
        {error !== null && (
          <p className="load-error" role="alert">
            <Message text={error.message} />
          </p>
        )}
        {usage !== null && (
          <>
            <p className="muted">
              <span className="res-legend res-bar-used" aria-hidden="true" />
              kept <span className="res-legend res-bar-reclaimable" aria-hidden="true" />
              reclaimable
            </p>
            <div className="res-cards">
              {DISK_CATEGORIES.map((c) => (
                <Category key={c} usage={usage} category={c} onPrune={() => setPrune(c)} />
              ))}
            </div>
          </>
        )}
      </main>
      {prune !== null && <DiskPruneDialog category={prune} onClose={() => setPrune(null)} />}
    </>
  );
}
