import { useEffect, useState } from 'react';
import { removeVolumeAction } from '../../../../shared/cli/volumes.cli';
import type { VolumeRemovePreview } from '../../../../shared/dto/volumes';
import type { BerthError } from '../../../../shared/result';
import { listInWords } from '../../../../shared/words';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { formatBytes } from '../../ui/format-bytes';
import { useNativeDialogs } from '../desktop/use-native-dialogs';
import { useBerth } from '../../app/store';
import { useVolumeExport } from './use-volume-transfer';

/** Says what removing the volume destroys (its size), or, while containers use it, who they are. */
export function RemoveVolumeDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const preview = useBerth((s) => s.previewVolumeRemoval);
  const remove = useBerth((s) => s.removeVolume);
  const navigate = useBerth((s) => s.navigate);
  const exporter = useVolumeExport(name);
  // Export goes through the browser bridge only (see VolumePage).
  const canExport = !useNativeDialogs();
  const [value, setValue] = useState<VolumeRemovePreview | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void preview(name).then((r) => (r.ok ? setValue(r.value) : setError(r.error)));
  }, [preview, name]);

  const run = async () => {
    setBusy(true);
    const result = await remove(name);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onClose();
    navigate({ section: 'volumes' });
  };

  const users = value?.users ?? [];
  return (
    <Dialog title={`Remove volume ${name}?`} onClose={onClose}>
      <CommandPreview command={removeVolumeAction(name).command} />
      {value === null && error === null && <p aria-busy="true">Measuring the volume…</p>}
      {value !== null && users.length > 0 && (
        <>
          <p role="alert">
            <strong>
              {name} cannot be removed while {listInWords(users.map((u) => u.name))}{' '}
              {users.length === 1 ? 'uses' : 'use'} it.
            </strong>{' '}
            Remove {users.length === 1 ? 'that container' : 'those containers'} first (stopping is not enough: a stopped
            container still holds its volumes).
          </p>
          <ul className="res-list" aria-label="Containers using this volume">
            {users.map((u) => (
              <li key={u.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onClose();
                    navigate({ section: 'containers', id: u.id, tab: 'overview' });
                  }}
                >
                  {u.name}
                </button>{' '}
                <span className="muted">
                  {u.state}, at {u.destination}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {value !== null && users.length === 0 && (
        <p>
          <strong>
            Every file in {name} is deleted for good
            {value.size === null ? '' : ` (${formatBytes(value.size)})`}.
          </strong>{' '}
          No container uses it.{canExport && ' Export it first to keep a copy as a tar file.'}
        </p>
      )}
      {exporter.started && <p role="status">The download of {exporter.filename} has started.</p>}
      <DialogError error={error ?? exporter.error} />
      <DialogButtons>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        {value !== null && users.length === 0 && (
          <>
            {canExport && (
              <button type="button" className="button" onClick={() => void exporter.run()}>
                Export first
              </button>
            )}
            <button type="button" className="button button-danger" aria-busy={busy} onClick={() => void run()}>
              Remove volume
            </button>
          </>
        )}
      </DialogButtons>
    </Dialog>
  );
}
