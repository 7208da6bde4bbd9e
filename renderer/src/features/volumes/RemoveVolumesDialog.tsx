/** The one confirmation for removing many volumes: each one's data (with its size once measured) or who holds it. */
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { removeVolumesAction } from '../../../../shared/cli/volumes.cli';
import type { BulkResult } from '../../../../shared/dto/bulk';
import { useBerth } from '../../app/store';
import { BulkRemoveDialog } from '../../ui/BulkRemove';
import { volumeLoss } from './volume-loss';

export function RemoveVolumesDialog({
  names,
  onDone,
  onClose,
}: {
  names: readonly string[];
  onDone: (result: BulkResult) => void;
  onClose: () => void;
}) {
  const volumes = useBerth(useShallow((s) => s.volumes));
  const sizes = useBerth((s) => s.volumeSizes);
  const sizesLoad = useBerth((s) => s.volumeSizesLoad);
  const measure = useBerth((s) => s.measureVolumes);
  const remove = useBerth((s) => s.removeVolumes);
  const unmeasured = sizes === null && sizesLoad === 'idle';
  // Sizes cost a walk over every volume's files, so they are measured once the user is about to lose them.
  useEffect(() => {
    if (unmeasured) void measure();
  }, [unmeasured, measure]);
  const lines = useMemo(() => volumeLoss(names, volumes, sizes), [names, volumes, sizes]);
  return (
    <BulkRemoveDialog
      noun="volume"
      count={names.length}
      intro="Removing a volume deletes the files in it for good; no container or image keeps a copy. This is what will be lost:"
      lines={lines}
      {...(sizesLoad === 'loading' ? { measuring: 'Measuring the volumes…' } : {})}
      command={removeVolumesAction(names).command}
      onConfirm={() => remove(names)}
      onDone={onDone}
      onClose={onClose}
    />
  );
}
