import { useEffect, useState } from 'react';
import { saveAction, tarFilename } from '../../../../shared/cli/images.cli';
import type { ImageDetail } from '../../../../shared/dto/images';
import type { BerthError } from '../../../../shared/result';
import { BuildProvenance } from '../build/BuildLayers';
import { Command } from '../../ui/Command';
import { LoadError, Loading } from '../../ui/ListStates';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SectionHeader } from '../../ui/SectionHeader';
import { ImageExplain } from '../learn/Explain';
import { shortImageId } from './image-rows';
import { useNativeDialogs } from '../desktop/use-native-dialogs';
import { useBerth } from '../../app/store';
import { ImageLayers } from './ImageLayers';
import { ImageOverview } from './ImageOverview';
import { RemoveDialog } from './RemoveDialog';
import { startDownload } from '../../ui/transfer';
import { TagDialog } from './TagDialog';
import { TransferDialog } from './TransferDialog';

const TABS = [
  ['overview', 'Overview'],
  ['layers', 'Layers'],
  ['containers', 'Containers'],
  ['raw', 'Raw'],
] as const;
type Tab = (typeof TABS)[number][0];

type Open = { kind: 'tag' } | { kind: 'remove'; ref: string } | { kind: 'push'; ref: string } | null;

function ContainersTab({ detail }: { detail: ImageDetail }) {
  const navigate = useBerth((s) => s.navigate);
  if (detail.containers.length === 0) {
    return (
      <p className="muted">
        No container was made from this image yet.{' '}
        <Command>{`docker run ${detail.repoTags[0] ?? shortImageId(detail.id)}`}</Command> would make one.
      </p>
    );
  }
  return (
    <table className="table table-compact" aria-label="Containers made from this image">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">State</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {detail.containers.map((c) => (
          <tr key={c.id}>
            <td>
              <button
                type="button"
                className="link-button"
                onClick={() => navigate({ section: 'containers', id: c.id })}
              >
                {c.name}
              </button>
            </td>
            <td>{c.state}</td>
            <td className="muted">{c.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RawTab({ detail }: { detail: ImageDetail }) {
  const text = JSON.stringify(detail.raw, null, 2);
  const [copied, setCopied] = useState(false);
  return (
    <div className="raw">
      <button
        type="button"
        className="button"
        onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}
      >
        {copied ? 'Copied' : 'Copy JSON'}
      </button>
      <pre className="raw-json" tabIndex={0} aria-label="docker image inspect output">
        {text}
      </pre>
    </div>
  );
}

/** A native save dialog in the desktop app, the browser's download otherwise. */
function useSave(ref: string) {
  const ticket = useBerth((s) => s.imageTicket);
  const saveToFile = useBerth((s) => s.saveImageToFile);
  const native = useNativeDialogs();
  const [error, setError] = useState<BerthError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setError(null);
    setSaved(null);
    if (!native) {
      const result = await ticket('save', ref);
      if (result.ok) startDownload(result.value);
      else setError(result.error);
      return;
    }
    setBusy(true);
    const result = await saveToFile(ref);
    setBusy(false);
    if (!result.ok) setError(result.error);
    else if (!result.value.cancelled) setSaved(result.value.path);
  };
  return { save, error, saved, busy };
}

export function ImagePage({ id, tab }: { id: string; tab: string | undefined }) {
  const state = useBerth((s) => s.imageDetail);
  const open = useBerth((s) => s.openImageDetail);
  const close = useBerth((s) => s.closeImageDetail);
  const navigate = useBerth((s) => s.navigate);
  const [dialog, setDialog] = useState<Open>(null);
  const detail = state?.ref === id ? state.value : null;
  const name = detail?.repoTags[0] ?? shortImageId(id);
  const { save, error: saveError, saved, busy: saving } = useSave(detail?.repoTags[0] ?? id);
  const current: Tab = TABS.some(([t]) => t === tab) ? (tab as Tab) : 'overview';

  useEffect(() => {
    void open(id);
  }, [id, open]);
  useEffect(() => close, [close]);

  const back = (
    <button type="button" className="button" onClick={() => navigate({ section: 'images' })}>
      ← All images
    </button>
  );
  if (state?.ref === id && state.load === 'error' && state.error !== null && detail === null) {
    return (
      <>
        <SectionHeader title={name} detail="Image">
          {back}
        </SectionHeader>
        <main className="content">
          <LoadError what="this image" error={state.error} onRetry={() => void open(id)} />
        </main>
      </>
    );
  }
  return (
    <>
      <SectionHeader title={name} detail={detail ? `Image ${shortImageId(detail.id)}` : 'Image'}>
        <div className="button-row">
          {back}
          {detail && (
            <>
              <button type="button" className="button" onClick={() => setDialog({ kind: 'tag' })}>
                Tag…
              </button>
              {detail.repoTags[0] !== undefined && (
                <button
                  type="button"
                  className="button"
                  onClick={() => setDialog({ kind: 'push', ref: detail.repoTags[0] ?? '' })}
                >
                  Push…
                </button>
              )}
              <button
                type="button"
                className="button"
                title={saveAction(name, tarFilename(name)).command}
                disabled={saving}
                aria-busy={saving}
                onClick={() => void save()}
              >
                {saving ? 'Saving…' : 'Save as tar'}
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => setDialog({ kind: 'remove', ref: detail.repoTags[0] ?? detail.id })}
              >
                Remove…
              </button>
            </>
          )}
        </div>
      </SectionHeader>
      <main className="content">
        {detail !== null && <ImageExplain image={detail} />}
        {saved !== null && (
          <p className="muted" role="status">
            Saved {name} to <code>{saved}</code>.
          </p>
        )}
        <ErrorNotice error={saveError} className="load-error" />
        {state?.load === 'error' && state.error !== null && detail !== null && (
          <ErrorNotice error={state.error} className="load-error" />
        )}
        <div role="tablist" aria-label="Image page" className="tabs">
          {TABS.map(([value, label]) => (
            <button
              key={value}
              type="button"
              role="tab"
              aria-selected={current === value}
              className="tab"
              onClick={() => navigate({ section: 'images', id, tab: value })}
            >
              {label}
            </button>
          ))}
        </div>
        <div role="tabpanel" aria-label={TABS.find(([t]) => t === current)?.[1]}>
          {detail === null ? (
            <Loading what="the image" />
          ) : current === 'overview' ? (
            <ImageOverview detail={detail} />
          ) : current === 'layers' ? (
            <>
              <ImageLayers detail={detail} name={name} />
              {/* Images built in this session link each layer back to its Dockerfile line. */}
              <BuildProvenance imageId={detail.id} history={[...detail.steps].reverse()} />
            </>
          ) : current === 'containers' ? (
            <ContainersTab detail={detail} />
          ) : (
            <RawTab detail={detail} />
          )}
        </div>
      </main>
      {dialog?.kind === 'tag' && <TagDialog source={name} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'push' && <TransferDialog kind="push" initial={dialog.ref} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'remove' && detail && (
        <RemoveDialog
          reference={dialog.ref}
          otherTags={detail.repoTags.filter((t) => t !== dialog.ref)}
          onClose={() => setDialog(null)}
          onRemoved={() => {
            setDialog(null);
            // With other names left, the image is still here; otherwise go back to the list.
            if (detail.repoTags.length <= 1 || dialog.ref.startsWith('sha256:')) navigate({ section: 'images' });
          }}
        />
      )}
    </>
  );
}
