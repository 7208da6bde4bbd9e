import { useEffect, useState } from 'react';
import { pruneAction } from '../../../../shared/cli/images.cli';
import type { PrunePlan } from '../../../../shared/dto/images';
import type { BerthError } from '../../../../shared/result';
import { formatBytes } from '../../ui/format-bytes';
import { shortImageId } from './image-rows';
import { useBerth } from '../../app/store';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';

/** Shows which dangling images would go and the space they free, then asks. */
export function PruneDialog({ onClose }: { onClose: () => void }) {
  const plan = useBerth((s) => s.planImagePrune);
  const prune = useBerth((s) => s.pruneImages);
  const [value, setValue] = useState<PrunePlan | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void plan().then((result) => (result.ok ? setValue(result.value) : setError(result.error)));
  }, [plan]);

  const run = async () => {
    setBusy(true);
    const result = await prune();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDone(
      `Removed ${result.value.deleted.length} ${result.value.deleted.length === 1 ? 'image' : 'images'} and freed ${formatBytes(result.value.spaceReclaimed)}.`,
    );
  };

  const count = value?.images.length ?? 0;
  return (
    <Dialog title="Remove dangling images?" onClose={onClose}>
      <p>
        Dangling images have no name left (<code>&lt;none&gt;</code>), usually because a rebuild gave their tag to a
        newer image. No container uses them.
      </p>
      <CommandPreview command={pruneAction().command} />
      {value === null && error === null && <p aria-busy="true">Looking for dangling images…</p>}
      {value !== null && done === null && (
        <>
          <p>
            <strong>
              {count === 0
                ? 'There are no dangling images: nothing to remove.'
                : `${count} ${count === 1 ? 'image' : 'images'} will be removed, freeing about ${formatBytes(value.reclaimable)}.`}
            </strong>
          </p>
          {count > 0 && (
            <ul className="conflict-list" aria-label="Images that will be removed">
              {value.images.map((i) => (
                <li key={i.id}>
                  <span className="mono">{shortImageId(i.id)}</span>{' '}
                  <span className="muted">{formatBytes(i.size)}</span>
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
            Remove {count} {count === 1 ? 'image' : 'images'}
          </button>
        )}
      </DialogButtons>
    </Dialog>
  );
}
