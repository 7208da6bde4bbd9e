import { useState } from 'react';
import { SectionHeader } from '../../ui/SectionHeader';
import { NetworksListExplain } from '../learn/Explain';
import { useBerth } from '../../app/store';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { NetworkPage } from './NetworkPage';
import { NetworksList } from './NetworksList';
import { PruneNetworksDialog } from './PruneNetworksDialog';
import '../../ui/resources.css';

function NetworksListPage() {
  const count = useBerth((s) => (s.networksLoad === 'ready' ? s.networks.length : null));
  const [dialog, setDialog] = useState<'create' | 'prune' | null>(null);
  const close = () => setDialog(null);
  return (
    <>
      <SectionHeader
        title="Networks"
        detail={count === null ? undefined : `${count} ${count === 1 ? 'network' : 'networks'}`}
      >
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => setDialog('create')}>
            Create network…
          </button>
          <button type="button" className="button" onClick={() => setDialog('prune')}>
            Remove unused…
          </button>
        </div>
      </SectionHeader>
      <main className="content">
        <NetworksListExplain />
        <NetworksList />
      </main>
      {dialog === 'create' && <CreateNetworkDialog onClose={close} />}
      {dialog === 'prune' && <PruneNetworksDialog onClose={close} />}
    </>
  );
}

export function NetworksView() {
  const route = useBerth((s) => s.route);
  if (route.section === 'networks' && route.id !== undefined) return <NetworkPage id={route.id} />;
  return <NetworksListPage />;
}
