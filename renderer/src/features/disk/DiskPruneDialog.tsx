import { useEffect, useState } from 'react';
import { pruneCategoryAction } from '../../../../shared/cli/disk.cli';
import type { DiskCategory, DiskPrunePreview } from '../../../../shared/dto/disk';
import type { BerthError } from '../../../../shared/result';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { formatBytes } from '../../ui/format-bytes';
import { useBerth } from '../../app/store';
import { CATEGORY_TITLES } from './disk-bars';

/** What "all" widens to, per category; containers have no such choice. */
const ALL_LABEL: Partial<Record<DiskCategory, string>> = {
  images: 'Every image no container uses, not only dangling ones (--all)',
  volumes: 'Named volumes too, not only anonymous ones (--all)',
  buildCache: 'All unused build cache, not only dangling records (--all)',
};

/** Lists exactly what the category's prune would remove and how much it frees, then prunes and re-measures. */
export function DiskPruneDialog({ category, onClose }: { category: DiskCategory; onClose: () => void }) {
  const preview = useBerth((s) => s.previewDiskPrune);
  const prune = useBerth((s) => s.pruneDisk);
  const [all, setAll] = useState(false);
  const [value, setValue] = useState<DiskPrunePreview | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = CATEGORY_TITLES[category].toLowerCase();

  useEffect(() => {
    let live = true;
    void preview(category, all).then((r) => {
      if (!live) return;
      if (r.ok) setValue(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [preview, category, all]);

  const run = async () => {
    setBusy(true);
    const result = await prune(category, all);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDone(`Removed ${result.value.removed.length} and freed ${formatBytes(result.value.spaceReclaimed)}.`);
  };

  const current = value !== null && value.all === all ? value : null;
  const count = current?.items.length ?? 0;
  const label = ALL_LABEL[category];
  return (
    <Dialog title={`Clean up ${title}?`} onClose={onClose}>
      {label !== undefined && (
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {label}
        </label>
      )}
      <CommandPreview command={pruneCategoryAction(category, all).command} />
      {current === null && error === null && <p aria-busy="true">Finding what would go…</p>}
      {current !== null && done === null && (
        <>
          <p>
            <strong>
              {count === 0
                ? 'Nothing would be removed.'
                : `${count} ${count === 1 ? 'item' : 'items'} will be removed, freeing ${formatBytes(current.total)}.`}
            </strong>
          </p>
          {count > 0 && (
            <ul className="res-list" aria-label="What will be removed">
              {current.items.map((item) => (
                <li key={item.id}>
                  <span className="mono">{item.name}</span>{' '}
                  <span className="muted">{item.size === null ? 'size unknown' : formatBytes(item.size)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {done !== null && <p role="status">{done}</p>}
      <DialogError error={error} />
      <DialogButtons>
        <button type="button" className="button" onClick={onClose}>
          {done === null ? 'Cancel' : 'Close'}
        </button>
        {done === null && count > 0 && (
          <button type="button" className="button button-danger" aria-busy={busy} onClick={() => void run()}>
            Remove {count} {count === 1 ? 'item' : 'items'}
          </button>
        )}
      </DialogButtons>
    </Dialog>
  );
}
