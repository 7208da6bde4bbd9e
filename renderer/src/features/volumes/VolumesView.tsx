import { useState } from 'react';
import { Message } from '../../ui/Message';
import { SectionHeader } from '../../ui/SectionHeader';
import { VolumesListExplain } from '../learn/Explain';
import { useBerth } from '../../app/store';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { PruneVolumesDialog } from './PruneVolumesDialog';
import { VolumePage } from './VolumePage';
import { VolumesList } from './VolumesList';
import '../../ui/resources.css';

function VolumesListPage() {
  const count = useBerth((s) => (s.volumesLoad === 'ready' ? s.volumes.length : null));
  const sizesLoad = useBerth((s) => s.volumeSizesLoad);
  const sizesError = useBerth((s) => s.volumeSizesError);
  const measure = useBerth((s) => s.measureVolumes);
  const [dialog, setDialog] = useState<'create' | 'prune' | null>(null);
  const close = () => setDialog(null);
  const measuring = sizesLoad === 'loading';
  return (
    <>
      <SectionHeader
        title="Volumes"
        detail={count === null ? undefined : `${count} ${count === 1 ? 'volume' : 'volumes'}`}
      >
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => setDialog('create')}>
            Create volume…
          </button>
          <button
            type="button"
            className="button"
            disabled={measuring}
            aria-busy={measuring}
            title="Asks the engine to add up every volume's files (docker system df -v): slow with big volumes."
            onClick={() => void measure()}
          >
            {measuring ? 'Measuring…' : sizesLoad === 'ready' ? 'Measure sizes again' : 'Show sizes'}
          </button>
          <button type="button" className="button" onClick={() => setDialog('prune')}>
            Remove unused…
          </button>
        </div>
      </SectionHeader>
      <main className="content">
        {measuring && <progress aria-label="Measuring volume sizes" />}
        {sizesError !== null && (
          <p className="load-error" role="alert">
            <Message text={sizesError.message} />
          </p>
        )}
        <VolumesListExplain />
        <VolumesList />
      </main>
      {dialog === 'create' && <CreateVolumeDialog onClose={close} />}
      {dialog === 'prune' && <PruneVolumesDialog onClose={close} />}
    </>
  );
}

export function VolumesView() {
  const route = useBerth((s) => s.route);
  if (route.section === 'volumes' && route.id !== undefined) return <VolumePage name={route.id} />;
  return <VolumesListPage />;
}
