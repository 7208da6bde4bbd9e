import { useState } from 'react';
import { importVolumeAction } from '../../../../shared/cli/volumes.cli';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { useVolumeImport } from './use-volume-transfer';

/** Uploads a tar (an export, or any tar) and unpacks it into the volume, over what is there. */
export function ImportVolumeDialog({
  name,
  onClose,
  onDone,
}: {
  name: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const importer = useVolumeImport(name, onDone);
  return (
    <Dialog title={`Import a tar into ${name}`} onClose={onClose}>
      <form
        className="res-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (file !== null) void importer.run(file);
        }}
      >
        <p>The files in the tar are unpacked at the volume's root; files with the same path are replaced.</p>
        <div className="res-field">
          <label htmlFor="volume-import-file">Tar file</label>
          <input
            id="volume-import-file"
            type="file"
            accept=".tar,application/x-tar"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <CommandPreview command={importVolumeAction(name, 'busybox', file?.name ?? 'volume.tar').command} />
        {importer.fraction !== null && <progress aria-label="Upload progress" max={1} value={importer.fraction} />}
        {importer.imported !== null && (
          <p role="status">
            Imported {importer.imported} into {name}.
          </p>
        )}
        <DialogError error={importer.error} />
        <DialogButtons>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={file === null || importer.fraction !== null}
            aria-busy={importer.fraction !== null}
          >
            Import
          </button>
        </DialogButtons>
      </form>
    </Dialog>
  );
}
