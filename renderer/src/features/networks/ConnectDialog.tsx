import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { connectAction } from '../../../../shared/cli/networks.cli';
import type { NetworkSummary } from '../../../../shared/dto/networks';
import type { BerthError } from '../../../../shared/result';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { useBerth } from '../../app/store';

const words = (text: string) => text.split(/[\s,]+/).filter((w) => w !== '');

/** Connects a container that is not on the network yet, with optional aliases. */
export function ConnectDialog({ network, onClose }: { network: NetworkSummary; onClose: () => void }) {
  const containers = useBerth(useShallow((s) => s.containers));
  const refreshContainers = useBerth((s) => s.refreshContainers);
  const connect = useBerth((s) => s.connectNetwork);
  const on = new Set(network.containers.map((c) => c.containerId));
  const candidates = containers.filter((c) => !on.has(c.id));
  const [container, setContainer] = useState('');
  const [aliases, setAliases] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthError | null>(null);

  useEffect(() => {
    void refreshContainers();
  }, [refreshContainers]);

  const chosen = container || candidates[0]?.name || '';
  const spec = { network: network.name, container: chosen || 'CONTAINER', aliases: words(aliases) };
  const run = async () => {
    setBusy(true);
    const result = await connect(spec);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onClose();
  };

  return (
    <Dialog title={`Connect a container to ${network.name}`} onClose={onClose}>
      <form
        className="res-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        {candidates.length === 0 ? (
          <p>Every container is on this network already, or there are no containers.</p>
        ) : (
          <Field label="Container" error={undefined}>
            {(p) => (
              <select {...p} value={chosen} onChange={(e) => setContainer(e.target.value)}>
                {candidates.map((c) => (
                  <option key={c.id} value={c.name}>
                    {c.name} ({c.state})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          label="Aliases"
          error={undefined}
          hint="Optional: other names the container answers to on this network, separated by spaces."
        >
          {(p) => <input {...p} autoComplete="off" value={aliases} onChange={(e) => setAliases(e.target.value)} />}
        </Field>
        <CommandPreview command={connectAction(spec).command} />
        <DialogError error={error} />
        <DialogButtons>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={chosen === '' || busy} aria-busy={busy}>
            Connect
          </button>
        </DialogButtons>
      </form>
    </Dialog>
  );
}
