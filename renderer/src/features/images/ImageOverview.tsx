import { useState, type ReactNode } from 'react';
import type { ImageDetail } from '../../../../shared/dto/images';
import { TimeAgo } from '../../ui/TimeAgo';
import { formatBytes } from '../../ui/format-bytes';
import { exactTime } from '../../ui/relative-time';
import { useNow } from '../../ui/use-now';
import { isSecretKey, splitEnv } from './secret-env';

const dash = (value: string) => (value === '' ? <span className="muted">—</span> : value);
const code = (items: readonly string[]) =>
  items.length === 0 ? <span className="muted">—</span> : <code>{JSON.stringify(items)}</code>;

function Field({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

function EnvLine({ line }: { line: string }) {
  const { key, value } = splitEnv(line);
  const secret = isSecretKey(key);
  const [shown, setShown] = useState(!secret);
  return (
    <li>
      <code>
        {key}={shown ? value : '••••••'}
      </code>
      {secret && (
        <button type="button" className="link-button small" onClick={() => setShown(!shown)}>
          {shown ? `Hide ${key}` : `Reveal ${key}`}
        </button>
      )}
    </li>
  );
}

export function ImageOverview({ detail }: { detail: ImageDetail }) {
  const now = useNow(60_000);
  const platform = [detail.os, detail.architecture, detail.variant].filter((p) => p !== '').join('/');
  const labels = Object.entries(detail.labels);
  return (
    <dl className="facts">
      <Field name="ID">
        <span className="mono selectable">{detail.id}</span>
      </Field>
      <Field name="Tags">
        {detail.repoTags.length === 0 ? <span className="muted">none (dangling)</span> : detail.repoTags.join(', ')}
        {(detail.notes ?? []).map((note) => (
          <p key={note} className="muted">
            {note}
          </p>
        ))}
      </Field>
      <Field name="Repo digests">
        {detail.repoDigests.length === 0 ? (
          <span className="muted">none: this image was built or loaded here, not pulled</span>
        ) : (
          <span className="mono selectable">{detail.repoDigests.join(', ')}</span>
        )}
      </Field>
      <Field name="Created">
        {detail.created === null ? (
          <span className="muted">not recorded: the image's config has no creation time</span>
        ) : (
          <>
            <TimeAgo ms={detail.created} now={now} /> <span className="muted">({exactTime(detail.created)})</span>
          </>
        )}
      </Field>
      <Field name="Size">{formatBytes(detail.size)}</Field>
      <Field name="Author">{dash(detail.author)}</Field>
      <Field name="Platform">{dash(platform)}</Field>
      <Field name="Entrypoint">{code(detail.entrypoint)}</Field>
      <Field name="Cmd">{code(detail.cmd)}</Field>
      <Field name="Env">
        {detail.env.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="plain-list">
            {detail.env.map((line) => (
              <EnvLine key={line} line={line} />
            ))}
          </ul>
        )}
      </Field>
      <Field name="Exposed ports">{dash(detail.exposedPorts.join(', '))}</Field>
      <Field name="Volumes">{dash(detail.volumes.join(', '))}</Field>
      <Field name="Working dir">{dash(detail.workingDir)}</Field>
      <Field name="User">{dash(detail.user)}</Field>
      <Field name="Labels">
        {labels.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="plain-list">
            {labels.map(([k, v]) => (
              <li key={k}>
                <code>
                  {k}={v}
                </code>
              </li>
            ))}
          </ul>
        )}
      </Field>
    </dl>
  );
}
