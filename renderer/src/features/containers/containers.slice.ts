import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { ContainerSummary } from '../../../../shared/dto/lists';
import type { BerthError } from '../../../../shared/result';
import type { EngineList } from '../../app/engine.slice';
import type { BerthState } from '../../app/store';
import type { LoadState } from '../../ui/load-state';

/** Which containers the list shows: like `docker ps`, `docker ps -a`, `docker ps -a --filter status=exited`. */
export type ContainerFilter = 'running' | 'all' | 'exited';

/** Engine events that change what the container list shows. */
export const containersList: EngineList = {
  name: 'containers',
  // Containers show their image by name; a tag or a removal changes that name.
  staleOn: { container: true, image: true, daemon: true },
  refresh: (state) => state.refreshContainers(),
};

export interface ContainersSlice {
  containers: readonly ContainerSummary[];
  containersLoad: LoadState;
  containersError: BerthError | null;
  /** false: running containers only, like `docker ps`; true: all of them, like `docker ps -a`. */
  showAllContainers: boolean;
  containerFilter: ContainerFilter;
  containerSearch: string;
  /** The container channels, for views that fetch a container's own page data. */
  containersApi: BerthApi['containers'];
  refreshContainers(): Promise<void>;
  setShowAllContainers(all: boolean): void;
  setContainerFilter(filter: ContainerFilter): void;
  setContainerSearch(search: string): void;
}

export const createContainersSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], ContainersSlice> =>
  (set, get) => {
    // Answers can overtake each other (a toggle while a refresh is in flight): only the latest one counts.
    let latest = 0;
    return {
      containers: [],
      containersLoad: 'idle',
      containersError: null,
      showAllContainers: true,
      containerFilter: 'all',
      containerSearch: '',
      containersApi: api.containers,
      async refreshContainers() {
        const mine = ++latest;
        if (get().containersLoad !== 'ready') set({ containersLoad: 'loading' });
        const result = await api.containers.list({ all: get().showAllContainers });
        if (mine !== latest) return;
        if (result.ok) set({ containers: result.value, containersLoad: 'ready', containersError: null });
        else set({ containersLoad: 'error', containersError: result.error });
      },
      setShowAllContainers(all) {
        get().setContainerFilter(all ? 'all' : 'running');
      },
      setContainerFilter(filter) {
        if (filter === get().containerFilter) return;
        const all = filter !== 'running';
        const refetch = all !== get().showAllContainers;
        set({ containerFilter: filter, showAllContainers: all, ...(refetch ? { containersLoad: 'loading' } : {}) });
        if (refetch) void get().refreshContainers();
      },
      setContainerSearch(search) {
        set({ containerSearch: search });
      },
    };
  };
