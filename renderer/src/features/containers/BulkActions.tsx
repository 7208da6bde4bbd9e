/** Actions on the selected containers: start, stop, restart at once; remove after one confirmation of the losses. */
import { useEffect, useState } from 'react';
import { bulkAction } from '../../../../shared/cli/containers.cli';
import type { BulkResult, ContainerBulkAction, ContainerLossPlan } from '../../../../shared/dto/bulk';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { BulkResults, SelectionBar } from '../../ui/BulkResults';
import { Command } from '../../ui/Command';
import { Dialog, DialogError } from '../../ui/Dialog';

const VERBS: Record<ContainerBulkAction, string> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  remove: 'Remove',
};

function describeLoss(p: ContainerLossPlan): string {
  const parts = [
    p.changes < 0
      ? 'writable layer unknown'
      : p.changes === 0
        ? 'no writable-layer changes'
        : `${p.changes} writable-layer change${p.changes === 1 ? '' : 's'}`,
  ];
  if (p.anonymousVolumes.length > 0)
    parts.push(`${p.anonymousVolumes.length} anonymous volume${p.anonymousVolumes.length === 1 ? '' : 's'}`);
  if (p.namedVolumes.length > 0) parts.push(`named volumes kept: ${p.namedVolumes.join(', ')}`);
  return parts.join(' · ');
}

function RemoveManyDialog({
  ids,
  onDone,
  onClose,
}: {
  ids: readonly string[];
  onDone: (result: BulkResult) => void;
  onClose: () => void;
}) {
  const lossPlan = useBerth((s) => s.containerLossPlan);
  const bulk = useBerth((s) => s.bulkContainers);
  const [plan, setPlan] = useState<readonly ContainerLossPlan[] | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [force, setForce] = useState(false);
  const [volumes, setVolumes] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void lossPlan({ ids: [...ids] }).then((r) => (r.ok ? setPlan(r.value) : setError(r.error)));
  }, [lossPlan, ids]);
  const running = plan?.filter((p) => p.state === 'running' || p.state === 'paused' || p.state === 'restarting') ?? [];
  const names = plan?.map((p) => p.name) ?? ids.map((id) => id.slice(0, 12));
  const remove = async () => {
    setBusy(true);
    const result = await bulk({ action: 'remove', ids: [...ids], force, volumes });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };
  return (
    <Dialog title={`Remove ${ids.length} container${ids.length === 1 ? '' : 's'}`} onClose={onClose} wide>
      <form onSubmit={(e) => (e.preventDefault(), void remove())}>
        <p>
          Removing deletes each container and its writable layer for good. Their images stay. This is what will be lost:
        </p>
        {plan === null && error === null && <p aria-busy="true">Looking at their writable layers…</p>}
        {plan !== null && (
          <ul className="bulk-loss-list" aria-label="What will be lost">
            {plan.map((p) => (
              <li key={p.id}>
                <strong className="mono">{p.name}</strong> ({p.state}): {describeLoss(p)}
              </li>
            ))}
          </ul>
        )}
        {running.length > 0 && !force && (
          <p role="note">
            {running.length} of them {running.length === 1 ? 'is' : 'are'} running: without force the engine refuses to
            remove {running.length === 1 ? 'it' : 'them'}, and the others are removed.
          </p>
        )}
        <fieldset className="ctr-checks">
          <legend className="sr-only">Options</legend>
          <label>
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Force: kill the
            running ones first (-f)
          </label>
          <label>
            <input type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} /> Also remove their
            anonymous volumes (-v)
          </label>
        </fieldset>
        <Command>{bulkAction('remove', names, { force, volumes }).command}</Command>
        <DialogError error={error} />
        <div className="ctr-dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button ctr-button-danger" disabled={busy || plan === null} aria-busy={busy}>
            Remove {ids.length} container{ids.length === 1 ? '' : 's'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function useContainerBulk() {
  const bulk = useBerth((s) => s.bulkContainers);
  const refresh = useBerth((s) => s.refreshContainers);
  const [removing, setRemoving] = useState<readonly string[] | null>(null);
  const [outcome, setOutcome] = useState<{ verb: string; result: BulkResult } | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [busy, setBusy] = useState<ContainerBulkAction | null>(null);
  const run = async (action: ContainerBulkAction, ids: readonly string[]) => {
    setBusy(action);
    setError(null);
    const result = await bulk({ action, ids: [...ids] });
    setBusy(null);
    if (result.ok) setOutcome({ verb: VERBS[action], result: result.value });
    else setError(result.error);
    void refresh();
  };
  const view = (
    <>
      {outcome && <BulkResults result={outcome.result} verb={outcome.verb} onDismiss={() => setOutcome(null)} />}
      <DialogError error={error} />
      {removing && (
        <RemoveManyDialog
          ids={removing}
          onClose={() => setRemoving(null)}
          onDone={(result) => {
            setRemoving(null);
            setOutcome({ verb: 'Remove', result });
            void refresh();
          }}
        />
      )}
    </>
  );
  return { run, busy, askRemove: (ids: readonly string[]) => setRemoving(ids), view };
}

export function ContainerSelectionBar({
  ids,
  names,
  bulk,
  onClear,
}: {
  ids: readonly string[];
  names: readonly string[];
  bulk: ReturnType<typeof useContainerBulk>;
  onClear: () => void;
}) {
  return (
    <SelectionBar count={ids.length} noun={ids.length === 1 ? 'container' : 'containers'} onClear={onClear}>
      {(['start', 'stop', 'restart'] as const).map((action) => (
        <button
          key={action}
          type="button"
          className="button"
          disabled={bulk.busy !== null}
          aria-busy={bulk.busy === action}
          title={bulkAction(action, names).command}
          onClick={() => void bulk.run(action, ids)}
        >
          {VERBS[action]} selected
        </button>
      ))}
      <button type="button" className="button ctr-button-danger" onClick={() => bulk.askRemove(ids)}>
        Remove selected…
      </button>
    </SelectionBar>
  );
}
