/** Remove a container, after showing what in its writable layer would be lost and offering to commit it first. */
import { useEffect, useState } from 'react';
import * as text from '../../../../shared/cli/containers.cli';
import type { ContainerChanges } from '../../../../shared/dto/containers';
import type { BerthError } from '../../../../shared/result';
import { Command } from '../../ui/Command';
import { Dialog } from '../../ui/Dialog';
import { Message } from '../../ui/Message';
import { useBerth } from '../../app/store';
import { Actions, useSubmit, type DialogProps } from './ActionDialogs';
import { needsForce } from './availability';
import { CommitFieldset, commitInput, defaultCommit } from './CommitDialog';

export function RemoveDialog({ container, run, onClose }: DialogProps) {
  const containerChanges = useBerth((s) => s.containerChanges);
  const commitContainer = useBerth((s) => s.commitContainer);
  const removeContainer = useBerth((s) => s.removeContainer);
  const [changes, setChanges] = useState<ContainerChanges | null>(null);
  const [loadError, setLoadError] = useState<BerthError | null>(null);
  const [force, setForce] = useState(needsForce(container.state));
  const [volumes, setVolumes] = useState(false);
  const [commitFirst, setCommitFirst] = useState(false);
  const [fields, setFields] = useState(() => defaultCommit(container.name));
  const { busy, submit } = useSubmit(run, onClose);
  useEffect(() => {
    void containerChanges({ id: container.id }).then((r) => (r.ok ? setChanges(r.value) : setLoadError(r.error)));
  }, [containerChanges, container.id]);
  const count = changes?.entries.length ?? 0;
  const remove = () =>
    submit(async () => {
      if (commitFirst) {
        const committed = await commitContainer(commitInput(container.id, fields));
        if (!committed.ok) return committed;
      }
      return removeContainer({ id: container.id, force, volumes });
    });
  return (
    <Dialog title={`Remove ${container.name}`} onClose={onClose} className="ctr-dialog" wide>
      <form onSubmit={(e) => (e.preventDefault(), void remove())}>
        <p>
          Removing deletes the container and its writable layer for good. The image {container.image} stays.
          {needsForce(container.state) && ' It is running: removing it kills it first.'}
        </p>
        {loadError && (
          <p className="ctr-field-error">
            <Message text={loadError.message} />
          </p>
        )}
        {changes === null && loadError === null && <p aria-busy="true">Looking at its writable layer…</p>}
        {changes !== null && count === 0 && (
          <p>Its writable layer has no changes: nothing is lost but the container itself.</p>
        )}
        {count > 0 && (
          <div className="ctr-data-loss" role="alert">
            <p>
              <strong>
                {count === 1 ? 'This change' : `These ${count} changes`} in its writable layer will be lost:
              </strong>
            </p>
            <ul className="ctr-change-list mono" aria-label="Changes that will be lost">
              {changes?.entries.slice(0, 20).map((c) => (
                <li key={c.path}>
                  <span className={`ctr-kind ctr-kind-${c.kind}`}>{c.kind}</span> {c.path}
                </li>
              ))}
              {count > 20 && <li className="muted">…and {count - 20} more</li>}
            </ul>
            <label>
              <input type="checkbox" checked={commitFirst} onChange={(e) => setCommitFirst(e.target.checked)} /> Commit
              as an image first, then remove
            </label>
            {commitFirst && <CommitFieldset fields={fields} onChange={setFields} />}
          </div>
        )}
        <fieldset className="ctr-checks">
          <legend className="sr-only">Options</legend>
          <label>
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} /> Force: kill it if it
            runs (-f)
          </label>
          <label>
            <input type="checkbox" checked={volumes} onChange={(e) => setVolumes(e.target.checked)} /> Also remove its
            anonymous volumes (-v)
          </label>
        </fieldset>
        {commitFirst && (
          <Command>{text.commitAction(container.name, commitInput(container.id, fields)).command}</Command>
        )}
        <Command>{text.removeAction(container.name, { force, volumes }).command}</Command>
        <Actions busy={busy} label={commitFirst ? 'Commit, then remove' : 'Remove'} onClose={onClose} danger />
      </form>
    </Dialog>
  );
}
