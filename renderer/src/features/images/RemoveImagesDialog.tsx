/** The one confirmation for removing many image rows: the names untagged, the images deleted, the ones refused. */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { removeImagesAction } from '../../../../shared/cli/images.cli';
import type { BulkResult } from '../../../../shared/dto/bulk';
import { useBerth } from '../../app/store';
import { BulkRemoveDialog } from '../../ui/BulkRemove';
import { rowReference } from './image-list';
import { imageLoss } from './image-loss';
import type { ImageRow } from './image-rows';

export function RemoveImagesDialog({
  rows,
  onDone,
  onClose,
}: {
  rows: readonly ImageRow[];
  onDone: (result: BulkResult) => void;
  onClose: () => void;
}) {
  const images = useBerth(useShallow((s) => s.images));
  const containers = useBerth(useShallow((s) => s.containers));
  const remove = useBerth((s) => s.removeImages);
  const [force, setForce] = useState(false);
  const lines = useMemo(() => imageLoss(rows, images, containers, force), [rows, images, containers, force]);
  const refs = rows.map(rowReference);
  return (
    <BulkRemoveDialog
      noun="image"
      count={rows.length}
      intro="Removing a name untags it; removing an image's last name (or an image by its ID) deletes the image and the layers no other image shares. Pull or build it again to get it back. This is what will be lost:"
      lines={lines}
      options={
        <fieldset className="ctr-checks">
          <legend className="sr-only">Options</legend>
          <label>
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Force (--force): also
            delete images that stopped containers were made from (those containers keep the layers and can still start).
            An image a running container uses is never deleted, not even with force; only its name goes.
          </label>
        </fieldset>
      }
      command={removeImagesAction(refs, force).command}
      onConfirm={() => remove(refs, force)}
      onDone={onDone}
      onClose={onClose}
    />
  );
}
