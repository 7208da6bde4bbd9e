import { useEffect, useState } from 'react';
import { pruneVolumesAction } from '../../../../shared/cli/volumes.cli';
import type { VolumePrunePreview } from '../../../../shared/dto/volumes';
import type { BerthError } from '../../../../shared/result';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { formatBytes } from '../../ui/format-bytes';
import { useBerth } from '../../app/store';

const plural = (n: number) => `${n} ${n === 1 ? 'volume' : 'volumes'}`;

/** Lists exactly the volumes the engine's prune would remove (its rule depends on the API version), then asks. */
export function PruneVolumesDialog({ onClose }: { onClose: () => void }) {
  const preview = useBerth((s) => s.previewVolumePrune);
  const prune = useBerth((s) => s.pruneVolumes);
  const [all, setAll] = useState(false);
  const [answer, setAnswer] = useState<{ all: boolean; value: VolumePrunePreview } | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void preview(all).then((r) => {
      if (!live) return;
      if (r.ok) setAnswer({ all, value: r.value });
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [preview, all]);

  const run = async () => {
    setBusy(true);
    const result = await prune(all);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDone(`Removed ${plural(result.value.removed.length)} and freed ${formatBytes(result.value.spaceReclaimed)}.`);
  };

  // The answer for the other choice of "all" is not shown while the new one is on its way.
  const value = answer?.all === all ? answer.value : null;
  const count = value?.volumes.length ?? 0;
  return (
    <Dialog title="Remove unused volumes?" onClose={onClose}>
      <p>
        An unused volume is one no container mounts, running or stopped. Its data is deleted for good.
        {value?.rule === 'anonymous-unused' &&
          !all &&
          ' This engine prunes only anonymous volumes unless you ask for all.'}
      </p>
      {value?.rule !== 'all-unused' && (
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Named volumes too (--all)
        </label>
      )}
      <CommandPreview command={pruneVolumesAction(all).command} />
      {value === null && error === null && <p aria-busy="true">Looking for unused volumes…</p>}
      {value !== null && done === null && (
        <>
          <p>
            <strong>
              {count === 0
                ? 'No volume would be removed.'
                : `${plural(count)} will be removed, freeing ${formatBytes(value.total)}.`}
            </strong>
          </p>
          {count > 0 && (
            <ul className="res-list" aria-label="Volumes that will be removed">
              {value.volumes.map((v) => (
                <li key={v.name}>
                  <span className="mono">{v.name}</span>{' '}
                  <span className="muted">{v.size === null ? 'size unknown' : formatBytes(v.size)}</span>
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
            Remove {plural(count)}
          </button>
        )}
      </DialogButtons>
    </Dialog>
  );
}
