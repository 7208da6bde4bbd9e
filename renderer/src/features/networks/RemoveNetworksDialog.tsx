/** The one confirmation for removing many networks: what each takes away, and which the engine will refuse. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { removeNetworksAction } from '../../../../shared/cli/networks.cli';
import type { BulkResult } from '../../../../shared/dto/bulk';
import { useBerth } from '../../app/store';
import { BulkRemoveDialog } from '../../ui/BulkRemove';
import { networkLoss } from './network-loss';

export function RemoveNetworksDialog({
  ids,
  onDone,
  onClose,
}: {
  ids: readonly string[];
  onDone: (result: BulkResult) => void;
  onClose: () => void;
}) {
  const networks = useBerth(useShallow((s) => s.networks));
  const remove = useBerth((s) => s.removeNetworks);
  const lines = useMemo(() => networkLoss(ids, networks), [ids, networks]);
  return (
    <BulkRemoveDialog
      noun="network"
      count={ids.length}
      intro="Removing a network deletes it and its address range; containers keep running, but lose the names and addresses they had on it. This is what will be lost:"
      lines={lines}
      command={removeNetworksAction(lines.map((l) => l.name)).command}
      onConfirm={() => remove(ids)}
      onDone={onDone}
      onClose={onClose}
    />
  );
}
