import { useState } from 'react';
import { BuildButton } from '../build/BuildButton';
import { SectionHeader } from '../../ui/SectionHeader';
import { imagesCount } from '../../../../shared/counts';
import { ImagePage } from './ImagePage';
import { ImagesLearn } from './ImagesLearn';
import { ImagesList } from './ImagesList';
import { LoadDialog } from './LoadDialog';
import { PruneDialog } from './PruneDialog';
import { TransferDialog } from './TransferDialog';
import { useNativeLoad } from './use-native-load';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useNativeDialogs } from '../desktop/use-native-dialogs';
import { ImagesListExplain } from '../learn/Explain';
import { useBerth } from '../../app/store';
import './images.css';

type ListDialog = 'pull' | 'load' | 'prune' | null;

function ImagesListPage() {
  // No total size: images share layers, so adding their sizes up would overstate the disk they use.
  const ready = useBerth((s) => s.imagesLoad === 'ready');
  const images = useBerth((s) => s.images);
  // An error elsewhere may send the user here with a next step: the pull dialog with its image, or the prune dialog.
  const arrival = useBerth((s) => (s.route.section === 'images' ? s.route.dialog : undefined));
  const [dialog, setDialog] = useState<ListDialog>(arrival?.kind ?? null);
  // The list has a row per tag: the header counts both, so "3 images" never sits above 203 rows unexplained.
  const detail = ready ? imagesCount(images) : undefined;
  const close = () => setDialog(null);
  const native = useNativeDialogs();
  const nativeLoad = useNativeLoad();
  return (
    <>
      <SectionHeader title="Images" detail={detail}>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => setDialog('pull')}>
            Pull…
          </button>
          <button
            type="button"
            className="button"
            aria-busy={nativeLoad.busy}
            disabled={nativeLoad.busy}
            onClick={() => (native ? void nativeLoad.run() : setDialog('load'))}
          >
            {nativeLoad.busy ? 'Loading…' : 'Load from tar…'}
          </button>
          <button type="button" className="button" onClick={() => setDialog('prune')}>
            Remove dangling…
          </button>
          <BuildButton />
        </div>
      </SectionHeader>
      <main className="content images-content">
        {nativeLoad.loaded !== null && (
          <p className="muted" role="status">
            {nativeLoad.loaded.loaded.length > 0
              ? `Loaded ${nativeLoad.loaded.loaded.join(', ')} from `
              : 'No images in '}
            <code>{nativeLoad.loaded.path}</code>.
          </p>
        )}
        <ErrorNotice error={nativeLoad.error} className="load-error" />
        <ImagesLearn />
        <ImagesListExplain />
        <ImagesList />
      </main>
      {dialog === 'pull' && (
        <TransferDialog kind="pull" initial={arrival?.kind === 'pull' ? arrival.ref : ''} onClose={close} />
      )}
      {dialog === 'load' && <LoadDialog onClose={close} />}
      {dialog === 'prune' && <PruneDialog onClose={close} />}
    </>
  );
}

export function ImagesView() {
  const route = useBerth((s) => s.route);
  if (route.section === 'images' && route.id !== undefined) return <ImagePage id={route.id} tab={route.tab} />;
  return <ImagesListPage />;
}
