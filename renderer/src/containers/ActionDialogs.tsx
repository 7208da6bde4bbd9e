import { useEffect, useState } from 'react';
import { checkContainerName } from '../../../shared/commands/containers.parse';
import * as text from '../../../shared/commands/containers.commands';
import type { ContainerChanges, ContainerOverview } from '../../../shared/dto/containers';
import type { BerthError, Result } from '../../../shared/result';
import { Command } from '../components/Command';
import { Message } from '../components/Message';
import { useBerth } from '../store/store';
import { needsForce } from './availability';
import { Dialog } from '../components/Dialog';

export type Run = (work: () => Promise<Result<unknown>>) => Promise<boolean>;

interface DialogProps {
  readonly container: ContainerOverview;
  readonly run: Run;
  readonly onClose: () => void;
}

function Actions({
  busy,
  label,
  onClose,
  danger = false,
}: {
  busy: boolean;
  label: string;
  onClose: () => void;
  danger?: boolean;
}) {
  return (
    <div className="ctr-dialog-actions">
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button
        type="submit"
        className={danger ? 'button ctr-button-danger' : 'button button-primary'}
        disabled={busy}
        aria-busy={busy}
      >
        {label}
      </button>
    </div>
  );
}

/** Runs an action from a dialog: closes it on success, keeps it open (the page shows the error) on failure. */
function useSubmit(run: Run, onClose: () => void) {
  const [busy, setBusy] = useState(false);
  return {
    busy,
    submit: async (work: () => Promise<Result<unknown>>) => {
      setBusy(true);
      const done = await run(work);
      setBusy(false);
      if (done) onClose();
    },
  };
}

export function StopDialog({ container, run, onClose }: DialogProps) {
  const api = useBerth((s) => s.containersApi);
  const [seconds, setSeconds] = useState('10');
  const timeout = Math.min(3600, Math.max(0, Math.round(Number(seconds) || 0)));
  const { busy, submit } = useSubmit(run, onClose);
  return (
    <Dialog title={`Stop ${container.name}`} onClose={onClose} className="ctr-dialog">
      <form onSubmit={(e) => (e.preventDefault(), void submit(() => api.stop({ id: container.id, timeout })))}>
        <p>
          Docker sends the main process SIGTERM so it can finish its work. If it has not ended after the timeout, Docker
          sends SIGKILL, which ends it at once.
        </p>
        <div className="ctr-field">
          <label htmlFor="stop-timeout">Seconds to wait before SIGKILL</label>
          <input id="stop-timeout" inputMode="numeric" value={seconds} onChange={(e) => setSeconds(e.target.value)} />
        </div>
        <Command>{text.stopAction(container.name, timeout).command}</Command>
        <Actions busy={busy} label="Stop" onClose={onClose} />
      </form>
    </Dialog>
  );
}

const SIGNALS = ['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'] as const;

export function KillDialog({ container, run, onClose }: DialogProps) {
  const api = useBerth((s) => s.containersApi);
  const [signal, setSignal] = useState<string>('SIGKILL');
  const { busy, submit } = useSubmit(run, onClose);
  return (
    <Dialog title={`Send a signal to ${container.name}`} onClose={onClose} className="ctr-dialog">
      <form onSubmit={(e) => (e.preventDefault(), void submit(() => api.kill({ id: container.id, signal })))}>
        <p>SIGKILL ends the main process at once, without a chance to clean up. Other signals are up to the program.</p>
        <div className="ctr-field">
          <label htmlFor="kill-signal">Signal</label>
          <select id="kill-signal" value={signal} onChange={(e) => setSignal(e.target.value)}>
            {SIGNALS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <Command>{text.killAction(container.name, signal).command}</Command>
        <Actions busy={busy} label="Send signal" onClose={onClose} danger={signal === 'SIGKILL'} />
      </form>
    </Dialog>
  );
}

export function RenameDialog({ container, run, onClose }: DialogProps) {
  const api = useBerth((s) => s.containersApi);
  const [name, setName] = useState(container.name);
  const error = name === '' ? 'Write the new name.' : checkContainerName(name);
  const { busy, submit } = useSubmit(run, onClose);
  return (
    <Dialog title={`Rename ${container.name}`} onClose={onClose} className="ctr-dialog">
      <form
        onSubmit={(e) => (
          e.preventDefault(),
          error === null && void submit(() => api.rename({ id: container.id, name }))
        )}
      >
        <div className="ctr-field">
          <label htmlFor="rename-name">New name</label>
          <input
            id="rename-name"
            value={name}
            aria-invalid={error !== null}
            aria-describedby="rename-note"
            onChange={(e) => setName(e.target.value)}
          />
          <p id="rename-note" className={error ? 'ctr-field-error' : 'ctr-field-hint'}>
            {error ?? 'Only the name changes; the container, its layer and its settings stay.'}
          </p>
        </div>
        <Command>{text.renameAction(container.name, name || 'NAME').command}</Command>
        <Actions busy={busy} label="Rename" onClose={onClose} />
      </form>
    </Dialog>
  );
}

export interface CommitFields {
  repo: string;
  tag: string;
  message: string;
  author: string;
}

const REPO = /^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

export function CommitFieldset({ fields, onChange }: { fields: CommitFields; onChange: (f: CommitFields) => void }) {
  const repoError = REPO.test(fields.repo) ? null : 'A repository is lower case, e.g. me/web-snapshot.';
  const put = (key: keyof CommitFields) => (e: { target: { value: string } }) =>
    onChange({ ...fields, [key]: e.target.value });
  return (
    <div className="ctr-form-grid">
      <div className="ctr-field">
        <label htmlFor="commit-repo">Repository</label>
        <input
          id="commit-repo"
          value={fields.repo}
          aria-invalid={repoError !== null}
          aria-describedby="commit-repo-note"
          onChange={put('repo')}
        />
        {repoError && (
          <p id="commit-repo-note" className="ctr-field-error">
            {repoError}
          </p>
        )}
      </div>
      <div className="ctr-field">
        <label htmlFor="commit-tag">Tag</label>
        <input id="commit-tag" value={fields.tag} onChange={put('tag')} />
      </div>
      <div className="ctr-field">
        <label htmlFor="commit-message">Message</label>
        <input id="commit-message" value={fields.message} onChange={put('message')} />
      </div>
      <div className="ctr-field">
        <label htmlFor="commit-author">Author</label>
        <input id="commit-author" value={fields.author} onChange={put('author')} />
      </div>
    </div>
  );
}

export const commitInput = (id: string, f: CommitFields) => ({
  id,
  repo: f.repo,
  ...(f.tag ? { tag: f.tag } : {}),
  ...(f.message ? { message: f.message } : {}),
  ...(f.author ? { author: f.author } : {}),
});

export const defaultCommit = (name: string): CommitFields => ({
  repo: `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, '-')
      .replace(/^[._-]+/, '') || 'snapshot'
  }-snapshot`,
  tag: 'latest',
  message: '',
  author: '',
});

export function CommitDialog({ container, run, onClose }: DialogProps) {
  const api = useBerth((s) => s.containersApi);
  const navigate = useBerth((s) => s.navigate);
  const [fields, setFields] = useState(() => defaultCommit(container.name));
  const [made, setMade] = useState<{ imageId: string; reference: string } | null>(null);
  const { busy, submit } = useSubmit(run, () => undefined);
  const commit = () =>
    submit(async () => {
      const result = await api.commit(commitInput(container.id, fields));
      if (result.ok) setMade(result.value);
      return result;
    });
  return (
    <Dialog title={`Commit ${container.name} as an image`} onClose={onClose} className="ctr-dialog">
      {made ? (
        <div>
          <p role="status">
            Image <strong>{made.reference}</strong> is made: the image of this container plus one new layer holding its
            writable layer’s changes.
          </p>
          <div className="ctr-dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => navigate({ section: 'images', id: made.imageId })}
            >
              Open the image
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={(e) => (e.preventDefault(), void commit())}>
          <p>Saves what this container changed (its writable layer) as a new layer on top of its image.</p>
          <CommitFieldset fields={fields} onChange={setFields} />
          <Command>{text.commitAction(container.name, commitInput(container.id, fields)).command}</Command>
          <Actions busy={busy} label="Commit" onClose={onClose} />
        </form>
      )}
    </Dialog>
  );
}

export function RemoveDialog({ container, run, onClose }: DialogProps) {
  const api = useBerth((s) => s.containersApi);
  const [changes, setChanges] = useState<ContainerChanges | null>(null);
  const [loadError, setLoadError] = useState<BerthError | null>(null);
  const [force, setForce] = useState(needsForce(container.state));
  const [volumes, setVolumes] = useState(false);
  const [commitFirst, setCommitFirst] = useState(false);
  const [fields, setFields] = useState(() => defaultCommit(container.name));
  const { busy, submit } = useSubmit(run, onClose);
  useEffect(() => {
    void api.changes({ id: container.id }).then((r) => (r.ok ? setChanges(r.value) : setLoadError(r.error)));
  }, [api, container.id]);
  const count = changes?.entries.length ?? 0;
  const remove = () =>
    submit(async () => {
      if (commitFirst) {
        const committed = await api.commit(commitInput(container.id, fields));
        if (!committed.ok) return committed;
      }
      return api.remove({ id: container.id, force, volumes });
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
