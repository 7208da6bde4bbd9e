import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { ContainerOverview } from '../../../../shared/dto/containers';
import type { BerthError, Result } from '../../../../shared/result';
import { LoadError, Loading } from '../../ui/ListStates';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ContainerExplain } from '../learn/Explain';
import { containerStateLook } from '../../ui/state-tone';
import { LogsPanel } from '../logs/LogsPanel';
import { useBerth } from '../../app/store';
import { ContainerToolbar } from './ContainerToolbar';
import { EditContainerDialog } from './EditContainerDialog';
import { FilesTab } from './FilesTab';
import { InspectTab } from './InspectTab';
import { OverviewTab } from './OverviewTab';
import { ProcessesTab } from './ProcessesTab';
import { StatsTab } from './StatsTab';

// xterm is most of the bundle's weight and only the terminal tab needs it: load it when that tab opens.
const TerminalTab = lazy(() => import('./TerminalTab').then((m) => ({ default: m.TerminalTab })));

const TABS = [
  ['overview', 'Overview'],
  ['files', 'Files'],
  ['processes', 'Processes'],
  ['stats', 'Stats'],
  ['terminal', 'Terminal'],
  ['logs', 'Logs'],
  ['inspect', 'Inspect'],
] as const;
type Tab = (typeof TABS)[number][0];

const isTab = (t: string | undefined): t is Tab => TABS.some(([id]) => id === t);

/** Loads the page's data, and again whenever the list shows this container changed (engine events). */
function useOverview(id: string) {
  const inspectContainer = useBerth((s) => s.inspectContainer);
  const listed = useBerth((s) => {
    const c = s.containers.find((x) => x.id === id);
    return c ? `${c.state}|${c.status}|${c.name}` : 'absent';
  });
  const [overview, setOverview] = useState<ContainerOverview | null>(null);
  const [error, setError] = useState<BerthError | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void inspectContainer({ id }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setOverview(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [inspectContainer, id, listed, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { overview, error, reload };
}

export function ContainerPage({ id, tab }: { id: string; tab: string | undefined }) {
  const navigate = useBerth((s) => s.navigate);
  // The list's row for this container, for the explain-mode note (it holds what the note needs).
  const summary = useBerth((s) => s.containers.find((c) => c.id === id || c.name === id));
  const { overview, error, reload } = useOverview(id);
  const [actionError, setActionError] = useState<BerthError | null>(null);
  const [editing, setEditing] = useState(false);
  const current: Tab = isTab(tab) ? tab : 'overview';

  const run = useCallback(
    async (work: () => Promise<Result<unknown>>) => {
      setActionError(null);
      const result = await work();
      if (!result.ok) setActionError(result.error);
      reload();
      return result.ok;
    },
    [reload],
  );

  const back = (
    <button type="button" className="ctr-link-button ctr-back" onClick={() => navigate({ section: 'containers' })}>
      ← All containers
    </button>
  );
  if (overview === null) {
    return (
      <main className="content">
        {back}
        {error ? <LoadError what="this container" error={error} onRetry={reload} /> : <Loading what="the container" />}
      </main>
    );
  }
  const gone = error?.code === 'NOT_FOUND';
  const look = containerStateLook(overview.state);
  return (
    <main className="content ctr-container-page">
      {back}
      <header className="ctr-page-header">
        <h1>{overview.name}</h1>
        <span className={`badge tone-${gone ? 'danger' : look.tone}`} role="status" aria-label="Container state">
          <span className="dot" aria-hidden="true" />
          {gone ? 'Removed' : look.label}
        </span>
        <button
          type="button"
          className="ctr-link-button mono"
          onClick={() => navigate({ section: 'images', id: overview.imageId })}
        >
          {overview.image}
        </button>
      </header>
      {summary !== undefined && <ContainerExplain container={summary} />}
      {gone ? (
        <p className="ctr-form-failure" role="alert">
          This container was removed. Its page shows what it was.
        </p>
      ) : (
        <ContainerToolbar container={overview} run={run} onEdit={() => setEditing(true)} />
      )}
      {editing && (
        <EditContainerDialog
          id={overview.id}
          onClose={() => setEditing(false)}
          onDone={(done) => navigate({ section: 'containers', id: done.id, tab: 'overview' })}
        />
      )}
      <ErrorNotice error={actionError ?? null} className="ctr-form-failure" />
      <div className="ctr-tabs" role="tablist" aria-label="Container page">
        {TABS.map(([tabId, label]) => (
          <button
            key={tabId}
            type="button"
            role="tab"
            id={`tab-${tabId}`}
            aria-selected={current === tabId}
            aria-controls="container-tabpanel"
            onClick={() => navigate({ section: 'containers', id, tab: tabId })}
          >
            {label}
          </button>
        ))}
      </div>
      <section className="ctr-tab-panel" role="tabpanel" id="container-tabpanel" aria-labelledby={`tab-${current}`}>
        {current === 'overview' && <OverviewTab container={overview} />}
        {current === 'files' && <FilesTab container={overview} />}
        {current === 'processes' && <ProcessesTab container={overview} />}
        {current === 'stats' && <StatsTab container={overview} />}
        {current === 'terminal' && (
          <Suspense fallback={<Loading what="the terminal" />}>
            <TerminalTab container={overview} />
          </Suspense>
        )}
        {current === 'logs' && <LogsPanel containerIds={[overview.id]} />}
        {current === 'inspect' && <InspectTab container={overview} />}
      </section>
    </main>
  );
}
