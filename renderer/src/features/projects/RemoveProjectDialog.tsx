import { useEffect, useState } from 'react';
import { removeProjectAction } from '../../../../shared/cli/projects.cli';
import type { ProjectRemovePreview } from '../../../../shared/dto/projects';
import type { BerthError } from '../../../../shared/result';
import { CommandPreview, Dialog, DialogButtons, DialogError } from '../../ui/Dialog';
import { useBerth } from '../../app/store';

/** Like `docker compose down`: says exactly which containers, networks (and, when ticked, volumes) go first. */
export function RemoveProjectDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const preview = useBerth((s) => s.previewProjectRemove);
  const remove = useBerth((s) => s.removeProject);
  const [plan, setPlan] = useState<ProjectRemovePreview | null>(null);
  const [volumes, setVolumes] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BerthError | null>(null);

  useEffect(() => {
    let live = true;
    void preview(name).then((r) => {
      if (!live) return;
      if (r.ok) setPlan(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [name, preview]);

  const run = async () => {
    setBusy(true);
    const result = await remove(name, volumes);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (result.value.failed.length > 0)
      return setError({
        code: 'ENGINE_ERROR',
        message: `Removed ${result.value.done.length}; could not remove ${result.value.failed
          .map((f) => `${f.item} (${f.message})`)
          .join('; ')}.`,
      });
    onClose();
  };

  return (
    <Dialog title={`Remove project ${name}?`} onClose={onClose}>
      <CommandPreview command={removeProjectAction(name, volumes).command} />
      {plan === null && error === null && <p aria-busy="true">Reading what the project holds…</p>}
      {plan !== null && (
        <>
          <p>This removes, for good:</p>
          <ul aria-label="What will be removed">
            {plan.containers.map((c) => (
              <li key={c.name}>
                container <strong>{c.name}</strong> ({c.state}
                {c.state === 'running' ? ', stopped first' : ''}) with the changes in its writable layer
              </li>
            ))}
            {plan.networks.map((n) => (
              <li key={n}>
                network <strong>{n}</strong>
              </li>
            ))}
            {volumes &&
              plan.volumes.map((v) => (
                <li key={v}>
                  volume <strong>{v}</strong> and all its data
                </li>
              ))}
          </ul>
          {plan.volumes.length > 0 && (
            <label className="res-checks">
              <input type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} />
              Also remove the project&apos;s volumes ({plan.volumes.join(', ')})
            </label>
          )}
          {plan.volumes.length > 0 && !volumes && (
            <p className="muted">The volumes {plan.volumes.join(', ')} are kept.</p>
          )}
        </>
      )}
      <DialogError error={error} />
      <DialogButtons>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={plan === null || busy}
          aria-busy={busy}
          onClick={() => void run()}
        >
          Remove project
        </button>
      </DialogButtons>
    </Dialog>
  );
}
