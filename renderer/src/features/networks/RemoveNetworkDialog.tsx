import { useState } from 'react';
import { removeNetworkAction } from '../../../../shared/cli/networks.cli';
import type { NetworkSummary } from '../../../../shared/dto/networks';
import type { BerthError } from '../../../../shared/result';
import { listInWords } from '../../../../shared/words';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { useBerth } from '../../app/store';

/** Removes a network nobody is on; while containers are attached, says which and removes nothing. */
export function RemoveNetworkDialog({ network, onClose }: { network: NetworkSummary; onClose: () => void }) {
  const remove = useBerth((s) => s.removeNetwork);
  const navigate = useBerth((s) => s.navigate);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthError | null>(null);
  const attached = network.containers.map((c) => c.name);

  const run = async () => {
    setBusy(true);
    const result = await remove(network.id);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onClose();
    navigate({ section: 'networks' });
  };

  return (
    <Dialog title={`Remove network ${network.name}?`} onClose={onClose}>
      <CommandPreview command={removeNetworkAction(network.name).command} />
      {attached.length > 0 ? (
        <p role="alert">
          <strong>
            {network.name} cannot be removed while {listInWords(attached)} {attached.length === 1 ? 'is' : 'are'} on it.
          </strong>{' '}
          Disconnect {attached.length === 1 ? 'that container' : 'them'} first, or remove{' '}
          {attached.length === 1 ? 'it' : 'them'}.
        </p>
      ) : (
        <p>No container is on {network.name}. Removing it frees its subnet.</p>
      )}
      <DialogError error={error} />
      <DialogButtons>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        {attached.length === 0 && (
          <button type="button" className="button button-danger" aria-busy={busy} onClick={() => void run()}>
            Remove network
          </button>
        )}
      </DialogButtons>
    </Dialog>
  );
}
