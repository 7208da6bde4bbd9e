import { useState } from 'react';
import type { BerthError } from '../../../../shared/result';
import { exportVolumeAction } from '../../../../shared/cli/volumes.cli';
import { Command } from '../../ui/Command';
import { Loading } from '../../ui/ListStates';
import { Message } from '../../ui/Message';
import { SectionHeader } from '../../ui/SectionHeader';
import { TimeAgo } from '../../ui/TimeAgo';
import { useNow } from '../../ui/use-now';
import { useNativeDialogs } from '../desktop/use-native-dialogs';
import { useBerth } from '../../app/store';
import { ImportVolumeDialog } from './ImportVolumeDialog';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';
import { VolumeBrowser } from './VolumeBrowser';
import { VolumeUsers } from './VolumesList';
import { useVolumeExport } from './use-volume-transfer';

function Pairs({ label, map }: { label: string; map: Readonly<Record<string, string>> }) {
  const entries = Object.entries(map);
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {entries.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          entries.map(([k, v]) => (
            <code key={k} className="command command-inline">
              {k}={v}
            </code>
          ))
        )}
      </dd>
    </>
  );
}

export function VolumePage({ name }: { name: string }) {
  const volume = useBerth((s) => s.volumes.find((v) => v.name === name) ?? null);
  const load = useBerth((s) => s.volumesLoad);
  const navigate = useBerth((s) => s.navigate);
  const now = useNow(30_000);
  const exporter = useVolumeExport(name);
  // The desktop app moves tars through main's native dialogs; the browser mode downloads and uploads them.
  const desktop = useNativeDialogs();
  const exportToFile = useBerth((s) => s.exportVolumeToFile);
  const importFromFile = useBerth((s) => s.importVolumeFromFile);
  const [native, setNative] = useState<{ busy: boolean; said: string | null; error: BerthError | null }>({
    busy: false,
    said: null,
    error: null,
  });
  const [dialog, setDialog] = useState<'remove' | 'import' | null>(null);
  // Bumped after an import so the browser reads its folder again.
  const [version, setVersion] = useState(0);

  const viaDialog = async (kind: 'export' | 'import') => {
    setNative({ busy: true, said: null, error: null });
    const result = kind === 'export' ? await exportToFile(name) : await importFromFile(name);
    if (!result.ok) return setNative({ busy: false, said: null, error: result.error });
    if (result.value.cancelled) return setNative({ busy: false, said: null, error: null });
    if (kind === 'import') setVersion((v) => v + 1);
    setNative({
      busy: false,
      said: kind === 'export' ? `Exported to ${result.value.path}.` : `Imported ${result.value.path}.`,
      error: null,
    });
  };

  const back = (
    <button type="button" className="button" onClick={() => navigate({ section: 'volumes' })}>
      ← All volumes
    </button>
  );
  if (volume === null) {
    return (
      <>
        <SectionHeader title={name} detail="Volume">
          {back}
        </SectionHeader>
        <main className="content">
          {load === 'ready' ? (
            <p role="alert">There is no volume {name} on this engine any more.</p>
          ) : (
            <Loading what="the volume" />
          )}
        </main>
      </>
    );
  }
  return (
    <>
      <SectionHeader title={name} detail={`Volume, ${volume.driver} driver`}>
        <div className="button-row">
          {back}
          <button
            type="button"
            className="button"
            title={exportVolumeAction(name, 'busybox', `${name}.tar`).command}
            disabled={native.busy}
            onClick={() => void (desktop ? viaDialog('export') : exporter.run())}
          >
            Export as tar
          </button>
          <button
            type="button"
            className="button"
            disabled={native.busy}
            onClick={() => (desktop ? void viaDialog('import') : setDialog('import'))}
          >
            Import tar…
          </button>
          <button type="button" className="button button-danger" onClick={() => setDialog('remove')}>
            Remove…
          </button>
        </div>
      </SectionHeader>
      <main className="content">
        {exporter.started && (
          <p className="muted" role="status">
            The download of {exporter.filename} has started. Same as{' '}
            <Command>{exportVolumeAction(name, 'busybox', exporter.filename ?? `${name}.tar`).command}</Command>
          </p>
        )}
        {native.busy && (
          <p className="muted" role="status" aria-live="polite">
            Working through the helper container…
          </p>
        )}
        {native.said !== null && (
          <p className="muted" role="status">
            {native.said}
          </p>
        )}
        {native.error !== null && (
          <p className="load-error" role="alert">
            <Message text={native.error.message} />
          </p>
        )}
        {exporter.error !== null && (
          <p className="load-error" role="alert">
            <Message text={exporter.error.message} />
          </p>
        )}
        <dl className="res-facts" aria-label="About this volume">
          <dt>Created</dt>
          <dd>{volume.created === null ? 'unknown' : <TimeAgo ms={volume.created} now={now} />}</dd>
          <dt>Mount point on the engine</dt>
          <dd className="mono">{volume.mountpoint}</dd>
          <dt>Used by</dt>
          <dd>
            <VolumeUsers volume={volume} />
          </dd>
          <Pairs label="Labels" map={volume.labels} />
          <Pairs label="Options" map={volume.options} />
        </dl>
        <h2>Files</h2>
        <VolumeBrowser name={name} version={version} />
      </main>
      {dialog === 'remove' && <RemoveVolumeDialog name={name} onClose={() => setDialog(null)} />}
      {dialog === 'import' && (
        <ImportVolumeDialog name={name} onClose={() => setDialog(null)} onDone={() => setVersion((v) => v + 1)} />
      )}
    </>
  );
}
