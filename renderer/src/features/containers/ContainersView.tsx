import { useState } from 'react';
import { Command } from '../../ui/Command';
import { EmptyState, LoadError, Loading } from '../../ui/ListStates';
import { SectionHeader } from '../../ui/SectionHeader';
import { containersCount } from '../../../../shared/counts';
import { COMPOSE_PROJECT } from './container-rows';
import { ContainerList } from './ContainerList';
import { ContainerPage } from './ContainerPage';
import { CreateContainerDialog } from './CreateContainerDialog';
import { ContainersListExplain } from '../learn/Explain';
import './containers.css';
import type { ContainerFilter } from './containers.slice';
import { useBerth } from '../../app/store';

const FILTERS: readonly [ContainerFilter, string][] = [
  ['all', 'Show all'],
  ['running', 'Running only'],
  ['exited', 'Stopped only'],
];

function FilterToggle() {
  const filter = useBerth((s) => s.containerFilter);
  const setFilter = useBerth((s) => s.setContainerFilter);
  return (
    <div className="segmented" role="group" aria-label="Which containers to show">
      {FILTERS.map(([id, label]) => (
        <button key={id} type="button" aria-pressed={filter === id} onClick={() => setFilter(id)}>
          {label}
        </button>
      ))}
    </div>
  );
}

function SearchBox() {
  const search = useBerth((s) => s.containerSearch);
  const setSearch = useBerth((s) => s.setContainerSearch);
  return (
    <input
      type="search"
      className="input ctr-search"
      placeholder="Search name, image, project"
      aria-label="Search containers"
      value={search}
      onChange={(e) => setSearch(e.target.value)}
    />
  );
}

function ContainersBody() {
  const count = useBerth((s) => s.containers.length);
  const load = useBerth((s) => s.containersLoad);
  const error = useBerth((s) => s.containersError);
  const filter = useBerth((s) => s.containerFilter);
  const refresh = useBerth((s) => s.refreshContainers);
  const setFilter = useBerth((s) => s.setContainerFilter);

  if (load === 'error' && error !== null)
    return <LoadError what="containers" error={error} onRetry={() => void refresh()} />;
  if (load === 'idle' || (load === 'loading' && count === 0)) return <Loading what="containers" />;
  if (count === 0) {
    return filter !== 'running' ? (
      <EmptyState title="No containers yet">
        <p>
          A container is a running copy of an image. Create one with the button above, or start one from a terminal and
          it shows up here by itself, for example:
        </p>
        <Command>docker run -d --name hello busybox sleep 3600</Command>
      </EmptyState>
    ) : (
      <EmptyState title="Nothing is running">
        <p>No container is running right now. Stopped containers are still there.</p>
        <button type="button" className="button" onClick={() => setFilter('all')}>
          Show all containers
        </button>
      </EmptyState>
    );
  }
  return <ContainerList />;
}

export function ContainersView() {
  const route = useBerth((s) => s.route);
  const ready = useBerth((s) => s.containersLoad === 'ready');
  const containers = useBerth((s) => s.containers);
  const showAll = useBerth((s) => s.showAllContainers);
  const [creating, setCreating] = useState(false);
  // A command pasted into the explainer and sent to the run form.
  const runDraft = useBerth((s) => s.runDraft);
  const setRunDraft = useBerth((s) => s.setRunDraft);
  if (route.id !== undefined) return <ContainerPage key={route.id} id={route.id} tab={route.tab} />;
  // Rows grouped under compose projects are still containers: the header names both, so it adds up.
  const detail = ready ? containersCount(containers, { all: showAll, projectLabel: COMPOSE_PROJECT }) : undefined;
  return (
    <>
      <SectionHeader title="Containers" detail={detail}>
        <SearchBox />
        <FilterToggle />
        <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
          Create container
        </button>
      </SectionHeader>
      <main className="content ctr-content-fill">
        <ContainersListExplain />
        <ContainersBody />
      </main>
      {creating && <CreateContainerDialog onClose={() => setCreating(false)} />}
      {runDraft && !creating && <CreateContainerDialog initial={runDraft} onClose={() => setRunDraft(null)} />}
    </>
  );
}
