/** Commit a container as an image: the fields (shared with the remove dialog's commit-first) and the dialog. */
import { useState } from 'react';
import * as text from '../../../../shared/cli/containers.cli';
import { Command } from '../../ui/Command';
import { Dialog } from '../../ui/Dialog';
import { useBerth } from '../../app/store';
import { Actions, useSubmit, type DialogProps } from './ActionDialogs';

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
  const commitContainer = useBerth((s) => s.commitContainer);
  const navigate = useBerth((s) => s.navigate);
  const [fields, setFields] = useState(() => defaultCommit(container.name));
  const [made, setMade] = useState<{ imageId: string; reference: string } | null>(null);
  const { busy, submit } = useSubmit(run, () => undefined);
  const commit = () =>
    submit(async () => {
      const result = await commitContainer(commitInput(container.id, fields));
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
