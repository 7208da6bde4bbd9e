import { useEffect, useState } from 'react';
import { pruneNetworksAction } from '../../../../shared/cli/networks.cli';
import type { NetworkPrunePreview } from '../../../../shared/dto/networks';
import type { BerthError } from '../../../../shared/result';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { useBerth } from '../../app/store';

const plural = (n: number) => `${n} ${n === 1 ? 'network' : 'networks'}`;

/** Lists exactly the networks the prune would remove (user-defined ones no running container is on), then asks. */
export function PruneNetworksDialog({ onClose }: { onClose: () => void }) {
  const preview = useBerth((s) => s.previewNetworkPrune);
  const prune = useBerth((s) => s.pruneNetworks);
  const [value, setValue] = useState<NetworkPrunePreview | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void preview().then((r) => (r.ok ? setValue(r.value) : setError(r.error)));
  }, [preview]);

  const run = async () => {
    setBusy(true);
    const result = await prune();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDone(`Removed ${plural(result.value.removed.length)}.`);
  };

  const count = value?.networks.length ?? 0;
  return (
    <Dialog title="Remove unused networks?" onClose={onClose}>
      <p>Networks you made that no running container is on. The engine's own bridge, host and none always stay.</p>
      <CommandPreview command={pruneNetworksAction().command} />
      {value === null && error === null && <p aria-busy="true">Looking for unused networks…</p>}
      {value !== null && done === null && (
        <>
          <p>
            <strong>{count === 0 ? 'No network would be removed.' : `${plural(count)} will be removed.`}</strong>
          </p>
          {count > 0 && (
            <ul className="res-list" aria-label="Networks that will be removed">
              {value.networks.map((n) => (
                <li key={n.id} className="mono">
                  {n.name}
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
