import { useEffect, useState } from 'react';
import { browseVolumeAction, readVolumeFileAction } from '../../../../shared/cli/volumes.cli';
import { MAX_READ_BYTES, type VolumeFile, type VolumeFolder } from '../../../../shared/dto/volumes';
import type { BerthError } from '../../../../shared/result';
import { Command } from '../../ui/Command';
import { Message } from '../../ui/Message';
import { TimeAgo } from '../../ui/TimeAgo';
import { formatBytes } from '../../ui/format-bytes';
import { useNow } from '../../ui/use-now';
import { useBerth } from '../../app/store';

/** The CLI twin needs an image; Berth's helper uses any local one, busybox is what a user would type. */
const TWIN_IMAGE = 'busybox';
const join = (dir: string, name: string) => (dir === '' ? name : `${dir}/${name}`);

/** A folder of the volume as a table: folders open in place, small files open below; a breadcrumb goes back up. */
export function VolumeBrowser({ name, version }: { name: string; version: number }) {
  const browse = useBerth((s) => s.browseVolume);
  const read = useBerth((s) => s.readVolumeFile);
  const now = useNow(30_000);
  const [path, setPath] = useState('');
  const [folder, setFolder] = useState<VolumeFolder | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [file, setFile] = useState<VolumeFile | null>(null);
  const [fileError, setFileError] = useState<BerthError | null>(null);

  useEffect(() => {
    let live = true;
    void browse(name, path).then((result) => {
      if (!live) return;
      if (result.ok) {
        setFolder(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [browse, name, path, version]);

  const go = (at: string) => {
    setFile(null);
    setFileError(null);
    setPath(at);
  };
  const open = async (at: string) => {
    setFileError(null);
    const result = await read(name, at);
    if (result.ok) setFile(result.value);
    else {
      setFile(null);
      setFileError(result.error);
    }
  };

  const crumbs = path === '' ? [] : path.split('/');
  const shown = folder?.path === path ? folder : null;
  return (
    <section aria-label="Browse the volume">
      <nav aria-label="Folder path">
        <ol className="res-breadcrumb">
          <li>
            <button type="button" className="link-button" onClick={() => go('')} aria-label="Volume root">
              {name}
            </button>
          </li>
          {crumbs.map((part, i) => (
            <li key={i}>
              <button
                type="button"
                className="link-button"
                aria-current={i === crumbs.length - 1 ? 'location' : undefined}
                onClick={() => go(crumbs.slice(0, i + 1).join('/'))}
              >
                {part}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <p className="muted">
        Same as <Command>{browseVolumeAction(name, path, TWIN_IMAGE).command}</Command>
      </p>
      {error !== null && (
        <p className="load-error" role="alert">
          <Message text={error.message} />
        </p>
      )}
      {shown === null && error === null && <p aria-busy="true">Reading the folder…</p>}
      {shown !== null && shown.entries.length === 0 && <p className="muted">This folder is empty.</p>}
      {shown !== null && shown.entries.length > 0 && (
        <div className="table-card res-table-wrap">
          <table className="table table-compact" aria-label={`Files in ${path === '' ? 'the volume root' : path}`}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">Mode</th>
                <th scope="col">Modified</th>
              </tr>
            </thead>
            <tbody>
              {shown.entries.map((entry) => {
                const at = join(path, entry.name);
                return (
                  <tr key={entry.name}>
                    <td className="mono">
                      {entry.type === 'dir' ? (
                        <button type="button" className="link-button" onClick={() => go(at)}>
                          {entry.name}/
                        </button>
                      ) : entry.type === 'file' && entry.size <= MAX_READ_BYTES ? (
                        <button type="button" className="link-button" onClick={() => void open(at)}>
                          {entry.name}
                        </button>
                      ) : (
                        <>
                          {entry.name}
                          {entry.linkTarget !== null && <span className="muted"> → {entry.linkTarget}</span>}
                        </>
                      )}
                    </td>
                    <td>{entry.type}</td>
                    <td className="num nowrap">{entry.type === 'dir' ? '—' : formatBytes(entry.size)}</td>
                    <td className="mono">{entry.mode}</td>
                    <td className="muted nowrap">
                      <TimeAgo ms={entry.mtime} now={now} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {shown?.truncated && <p className="muted">Only the first entries of this folder are listed.</p>}
      {fileError !== null && (
        <p className="load-error" role="alert">
          <Message text={fileError.message} />
        </p>
      )}
      {file !== null && (
        <section aria-label={`Contents of ${file.path}`}>
          <h3 className="mono">{file.path}</h3>
          <p className="muted">
            Same as <Command>{readVolumeFileAction(name, file.path, TWIN_IMAGE).command}</Command>
          </p>
          <pre className="res-file" tabIndex={0} aria-label={`Text of ${file.path}`}>
            {file.text}
          </pre>
        </section>
      )}
    </section>
  );
}
