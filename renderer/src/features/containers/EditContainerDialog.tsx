/** Edit and recreate: the run form filled from a container's own settings, the diff, what is lost, the result. */
import { useEffect, useState } from 'react';
import { commitReference, recreateAction } from '../../../../shared/cli/containers.cli';
import type { DiffEntry, RunSpec } from '../../../../shared/dto/containers';
import type { EditPlan, RecreateResult } from '../../../../shared/dto/recreate';
import type { BerthError } from '../../../../shared/result';
import { Dialog } from '../../ui/Dialog';
import { Command } from '../../ui/Command';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useBerth } from '../../app/store';
import { useNativeDialogs } from '../desktop/use-native-dialogs';
import { useContainerTransfers } from './use-container-transfers';
import { CreateContainerDialog } from './CreateContainerDialog';
import { formFromSpec, specChanges } from './run-form-from-spec';

const REPO = /^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

/** A repository name for the writable layer's snapshot, made from the container's name. */
export const snapshotRepo = (name: string): string =>
  `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'container'
  }-snapshot`;

/**
 * The writable layer's changes, each added or changed path with a button that copies it out of the container (a tar,
 * the `docker cp` twin shown) before the recreate, so that nothing the user wants is lost with the old container.
 */
function ChangesToCopy({ plan }: { plan: EditPlan }) {
  const desktop = useNativeDialogs();
  const transfers = useContainerTransfers(plan.id, plan.name, desktop);
  const rel = (c: DiffEntry) => c.path.replace(/^\/+/, '');
  return (
    <>
      <ul aria-label="Writable-layer changes" className="mono ctr-edit-layer">
        {plan.changes.map((c) => (
          <li key={c.path}>
            {c.kind} {c.path}
            {c.kind !== 'deleted' && (
              <>
                {' '}
                <button
                  type="button"
                  className="button button-compact"
                  aria-label={`Copy ${c.path} out`}
                  disabled={transfers.busy !== null}
                  onClick={() => void transfers.download(rel(c))}
                >
                  Copy out
                </button>
              </>
            )}
          </li>
        ))}
        {plan.changeCount > plan.changes.length && <li>… and {plan.changeCount - plan.changes.length} more</li>}
      </ul>
      <p className="muted">
        Copy out saves a file or folder as a tar {desktop ? 'where you choose' : 'through a download'}, before anything
        is recreated.
      </p>
      {transfers.busy !== null && (
        <p role="status" aria-busy="true">
          {transfers.busy}
        </p>
      )}
      {transfers.note !== null && (
        <p className="muted" role="status">
          {transfers.note.text} Same as <Command>{transfers.note.command}</Command>
        </p>
      )}
      <ErrorNotice error={transfers.error} className="load-error" />
    </>
  );
}

function Notes({
  plan,
  spec,
  commit,
  setCommit,
  repo,
  setRepo,
  kept,
  setKept,
}: {
  plan: EditPlan;
  spec: RunSpec;
  commit: boolean;
  setCommit: (on: boolean) => void;
  repo: string;
  setRepo: (repo: string) => void;
  kept: ReadonlySet<string>;
  setKept: (kept: ReadonlySet<string>) => void;
}) {
  const changes = specChanges(plan.spec, spec);
  const repoError = commit && !REPO.test(repo) ? 'A repository is lower case, e.g. web-snapshot.' : null;
  return (
    <div className="ctr-edit-notes">
      <section aria-labelledby="edit-changes">
        <h3 id="edit-changes">Changes</h3>
        {changes.length === 0 ? (
          <p className="muted">None yet: the new container would have the same settings.</p>
        ) : (
          <ul aria-label="Changes" className="mono">
            {changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        )}
        {plan.hiddenEnv.length > 0 && (
          <p>
            Kept with their current values, which Berth does not show:{' '}
            <span className="mono">{plan.hiddenEnv.join(', ')}</span>.
          </p>
        )}
        {plan.extraNetworks.length > 0 && (
          <p>
            Also connected again to <span className="mono">{plan.extraNetworks.join(', ')}</span>.
          </p>
        )}
      </section>
      <section aria-labelledby="edit-layer">
        <h3 id="edit-layer">Its writable layer</h3>
        {plan.changeCount === 0 ? (
          <p>No file was added, changed or deleted in it: nothing is lost there.</p>
        ) : (
          <>
            <p>
              {plan.changeCount} file change{plan.changeCount === 1 ? '' : 's'} made inside it{' '}
              {plan.changeCount === 1 ? 'is' : 'are'} lost with the old container unless you commit{' '}
              {plan.changeCount === 1 ? 'it' : 'them'} to an image or copy the ones you want out first:
            </p>
            <ChangesToCopy plan={plan} />
            <label>
              <input type="checkbox" checked={commit} onChange={(e) => setCommit(e.target.checked)} /> Commit them to an
              image and make the new container from it
            </label>
            {commit && (
              <div className="ctr-field">
                <label htmlFor="edit-commit-repo">Image repository for the changes</label>
                <input
                  id="edit-commit-repo"
                  value={repo}
                  aria-invalid={repoError !== null}
                  {...(repoError ? { 'aria-describedby': 'edit-commit-repo-note' } : {})}
                  onChange={(e) => setRepo(e.target.value)}
                />
                {repoError && (
                  <p id="edit-commit-repo-note" className="ctr-field-error">
                    {repoError}
                  </p>
                )}
              </div>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="edit-volumes">
        <h3 id="edit-volumes">Volumes</h3>
        <p>
          Named volumes and bind mounts are kept. Anonymous volumes are lost with the old container unless you keep
          them: a kept one is attached to the new container by its name.
        </p>
        {plan.anonymousVolumes.length === 0 ? (
          <p className="muted">It has no anonymous volume.</p>
        ) : (
          <fieldset className="ctr-checks">
            <legend>Anonymous volumes</legend>
            {plan.anonymousVolumes.map((v) => (
              <label key={v.name}>
                <input
                  type="checkbox"
                  checked={kept.has(v.name)}
                  onChange={(e) => {
                    const next = new Set(kept);
                    if (e.target.checked) next.add(v.name);
                    else next.delete(v.name);
                    setKept(next);
                  }}
                />{' '}
                Keep the volume at <span className="mono">{v.target}</span> ({v.name.slice(0, 12)})
              </label>
            ))}
          </fieldset>
        )}
      </section>
    </div>
  );
}

/** Opens with the container's settings read from the engine; recreates it under the same name. */
export function EditContainerDialog({
  id,
  onClose,
  onDone,
}: {
  id: string;
  onClose: () => void;
  /** Closing the result: the new container replaced the old one. */
  onDone: (result: RecreateResult) => void;
}) {
  const editPlan = useBerth((s) => s.containerEditPlan);
  const recreate = useBerth((s) => s.recreateContainer);
  const refreshContainers = useBerth((s) => s.refreshContainers);
  const [plan, setPlan] = useState<EditPlan | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [commit, setCommit] = useState(false);
  const [repo, setRepo] = useState('');
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<RecreateResult | null>(null);

  useEffect(() => {
    let live = true;
    void editPlan({ id }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPlan(r.value);
        setRepo(snapshotRepo(r.value.name));
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [editPlan, id]);

  if (done) {
    return (
      <Dialog title={`Recreated ${done.name}`} onClose={() => onDone(done)}>
        <p role="status">
          {done.name} was recreated from {done.image}
          {done.committed ? ` (its writable layer committed as ${done.committed})` : ''}. The new container is{' '}
          <span className="mono">{done.id.slice(0, 12)}</span>; the old one is removed.
        </p>
        <div className="ctr-dialog-actions">
          <button type="button" className="button button-primary" autoFocus onClick={() => onDone(done)}>
            Open the new container
          </button>
        </div>
      </Dialog>
    );
  }
  if (plan === null) {
    return (
      <Dialog title="Edit and recreate" onClose={onClose}>
        {error ? <ErrorNotice error={error} /> : <p aria-busy="true">Reading its settings…</p>}
        <div className="ctr-dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </Dialog>
    );
  }

  const commitAs = commit ? { repo: repo.trim() } : undefined;
  /** The edited spec plus the anonymous volumes the user keeps, re-attached by name. */
  const finalSpec = (spec: RunSpec): RunSpec => ({
    ...spec,
    name: plan.name,
    mounts: [
      ...spec.mounts,
      ...plan.anonymousVolumes
        .filter((v) => kept.has(v.name))
        .map((v) => ({ type: 'volume' as const, source: v.name, target: v.target, readOnly: false })),
    ],
  });
  return (
    <CreateContainerDialog
      onClose={onClose}
      initial={formFromSpec(plan.spec)}
      mode={{
        title: `Edit and recreate ${plan.name}`,
        submitLabel: 'Recreate',
        ownName: plan.name,
        command: (spec) =>
          recreateAction(plan.name, plan.id, finalSpec(spec), {
            running: plan.running,
            ...(commitAs ? { commitAs: commitReference(commitAs) } : {}),
          }).command,
        notes: (spec) => (
          <Notes
            plan={plan}
            spec={spec}
            commit={commit}
            setCommit={setCommit}
            repo={repo}
            setRepo={setRepo}
            kept={kept}
            setKept={setKept}
          />
        ),
        submit: async (spec) => {
          if (commitAs && !REPO.test(commitAs.repo))
            return { code: 'INVALID_INPUT', message: 'Write the image repository for the changes in lower case.' };
          const result = await recreate({
            id: plan.id,
            spec: finalSpec(spec),
            keepEnv: plan.hiddenEnv,
            ...(commitAs ? { commitAs } : {}),
          });
          if (!result.ok) return result.error;
          void refreshContainers();
          setDone(result.value);
          return null;
        },
      }}
    />
  );
}
