import type { ContextPreview } from '../../../../shared/dto/build';
import { Message } from '../../ui/Message';
import { formatBytes } from '../../ui/format-bytes';
import { useBerth } from '../../app/store';
import { buildFilesNote } from './explain';

function FileLists({ preview }: { preview: ContextPreview }) {
  const more = (shown: number, total: number) =>
    total > shown ? <li className="muted">…and {total - shown} more</li> : null;
  return (
    <div className="build-context-lists">
      <details open={preview.sentCount <= 50}>
        <summary>Files sent ({preview.sentCount})</summary>
        <ul aria-label="Files sent" className="build-file-list">
          {preview.sent.map((file) => (
            <li key={file.path}>
              <span className="mono">{file.path}</span>
              <span className="muted">{formatBytes(file.size)}</span>
            </li>
          ))}
          {more(preview.sent.length, preview.sentCount)}
        </ul>
      </details>
      {preview.hasDockerignore && (
        <details open={preview.excludedCount > 0 && preview.excludedCount <= 50}>
          <summary>Left out by .dockerignore ({preview.excludedCount})</summary>
          <ul aria-label="Files left out" className="build-file-list">
            {preview.excluded.map((file) => (
              <li key={file}>
                <span className="mono">{file}</span>
              </li>
            ))}
            {more(preview.excluded.length, preview.excludedCount)}
          </ul>
        </details>
      )}
    </div>
  );
}

/** What the engine will receive: counts, size, warnings and both file lists. */
export function ContextPreviewPanel() {
  const preview = useBerth((s) => s.buildPreview);
  const load = useBerth((s) => s.buildPreviewLoad);
  const error = useBerth((s) => s.buildPreviewError);
  if (load === 'idle') return null;
  return (
    <section className="card build-preview" aria-label="Context preview" aria-busy={load === 'loading'}>
      <h2>Context</h2>
      {load === 'loading' && <p className="muted">Reading the folder…</p>}
      {load === 'error' && error && (
        <p className="inline-error" role="alert">
          <Message text={error.message} />
        </p>
      )}
      {load === 'ready' && preview && (
        <>
          <p className="build-context-summary">
            <strong>
              {preview.sentCount} {preview.sentCount === 1 ? 'file' : 'files'}, {formatBytes(preview.sentSize)}
            </strong>{' '}
            will be sent from <span className="mono">{preview.contextPath}</span>.{' '}
            {preview.hasDockerignore
              ? `${preview.excludedCount} left out by .dockerignore.`
              : 'There is no .dockerignore, so everything in the folder is sent.'}
          </p>
          {!preview.dockerfileFound && (
            <p className="inline-error" role="alert">
              There is no {preview.dockerfile} in this folder.
              {preview.dockerfiles.length > 0 ? ` Dockerfiles found: ${preview.dockerfiles.join(', ')}.` : ''}
            </p>
          )}
          {preview.warnings.map((w) => (
            <p key={w.folder} className="caution" role="note">
              <strong>
                {w.folder}: {w.files} {w.files === 1 ? 'file' : 'files'}, {formatBytes(w.size)}.
              </strong>{' '}
              <Message text={w.message} />
            </p>
          ))}
          {preview.buildFilesIgnored.length > 0 && <p className="muted">{buildFilesNote(preview.buildFilesIgnored)}</p>}
          <FileLists preview={preview} />
        </>
      )}
    </section>
  );
}
