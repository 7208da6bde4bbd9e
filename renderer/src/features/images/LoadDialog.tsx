import { useState } from 'react';
import { loadAction } from '../../../../shared/cli/images.cli';
import type { LoadResult } from '../../../../shared/dto/images';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { upload } from '../../ui/transfer';

/** Loads images from a `docker save` tar chosen here. */
export function LoadDialog({ onClose }: { onClose: () => void }) {
  const ticket = useBerth((s) => s.imageTicket);
  const [file, setFile] = useState<File | null>(null);
  const [fraction, setFraction] = useState<number | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [loaded, setLoaded] = useState<readonly string[] | null>(null);

  const run = async () => {
    if (file === null) return;
    setError(null);
    setFraction(0);
    const issued = await ticket('load');
    const result = issued.ok ? await upload<LoadResult>(issued.value, file, setFraction) : issued;
    setFraction(null);
    if (result.ok) setLoaded(result.value.loaded);
    else setError(result.error);
  };

  return (
    <Dialog title="Load images from a tar file" onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <p>
          A tar made by <code>docker save</code> holds one or more images with all their layers and tags.
        </p>
        <label className="field">
          <span>Tar file</span>
          <input type="file" accept=".tar,application/x-tar" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <CommandPreview command={loadAction(file?.name ?? 'image.tar').command} />
        {fraction !== null && <progress aria-label="Upload progress" max={1} value={fraction} />}
        {loaded !== null && (
          <p role="status">{loaded.length > 0 ? `Loaded ${loaded.join(', ')}.` : 'The file held no images.'}</p>
        )}
        <DialogError error={error} />
        <DialogButtons>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          {loaded === null && (
            <button
              type="submit"
              className="button button-primary"
              disabled={file === null}
              aria-busy={fraction !== null}
            >
              Load
            </button>
          )}
        </DialogButtons>
      </form>
    </Dialog>
  );
}
