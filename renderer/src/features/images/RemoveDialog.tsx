import { useState } from 'react';
import { removeImageAction } from '../../../../shared/cli/images.cli';
import type { ImageContainerRef } from '../../../../shared/dto/images';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';

const conflictContainers = (error: BerthError | null): readonly ImageContainerRef[] =>
  (error?.details?.containers as readonly ImageContainerRef[] | undefined) ?? [];

/**
 * Asks before removing; when the engine refuses (409) it shows why, names the containers, and offers to remove
 * them first or to force — never both silently.
 */
export function RemoveDialog({
  reference,
  otherTags,
  onClose,
  onRemoved,
}: {
  reference: string;
  otherTags: readonly string[];
  onClose: () => void;
  onRemoved: () => void;
}) {
  const removeImage = useBerth((s) => s.removeImage);
  const removeContainer = useBerth((s) => s.removeContainerOfImage);
  const [error, setError] = useState<BerthError | null>(null);
  const [busy, setBusy] = useState(false);
  const containers = conflictContainers(error);
  const canForce = error?.details?.canForce === true;

  const remove = async (withForce: boolean) => {
    setBusy(true);
    const result = await removeImage(reference, withForce);
    setBusy(false);
    if (result.ok) onRemoved();
    else setError(result.error);
  };

  const removeContainersThenImage = async () => {
    setBusy(true);
    for (const c of containers) {
      const result = await removeContainer(c.id);
      if (!result.ok) {
        setBusy(false);
        setError(result.error);
        return;
      }
    }
    setBusy(false);
    await remove(false);
  };

  const untagOnly = otherTags.length > 0 && !reference.startsWith('sha256:');
  return (
    <Dialog title={`Remove ${reference}?`} onClose={onClose}>
      <p>
        {untagOnly
          ? `This removes the name ${reference}. The image stays, still known as ${otherTags.join(', ')}.`
          : 'This deletes the image and every layer no other image uses. Containers cannot be made from it afterwards until you pull or build it again.'}
      </p>
      <CommandPreview command={removeImageAction(reference, false).command} />
      <DialogError error={error} />
      {error !== null && canForce && <CommandPreview command={removeImageAction(reference, true).command} />}
      {containers.length > 0 && (
        <ul className="conflict-list" aria-label="Containers using this image">
          {containers.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong> <span className="muted">{c.status}</span>
            </li>
          ))}
        </ul>
      )}
      <DialogButtons>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        {containers.length > 0 && (
          <button type="button" className="button" aria-busy={busy} onClick={() => void removeContainersThenImage()}>
            Remove {containers.length === 1 ? `container ${containers[0]?.name}` : `${containers.length} containers`}{' '}
            first
          </button>
        )}
        {error !== null && canForce && (
          <button type="button" className="button button-danger" aria-busy={busy} onClick={() => void remove(true)}>
            Force remove
          </button>
        )}
        {error === null && (
          <button type="button" className="button button-danger" aria-busy={busy} onClick={() => void remove(false)}>
            Remove
          </button>
        )}
      </DialogButtons>
    </Dialog>
  );
}
