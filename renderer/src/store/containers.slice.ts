import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../shared/api';
import type { ContainerSummary } from '../../../shared/dto/lists';
import type { BerthError } from '../../../shared/result';
import type { BerthState } from './store';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface ContainersSlice {
  containers: readonly ContainerSummary[];
  containersLoad: LoadState;
  containersError: BerthError | null;
  /** false: running containers only, like `docker ps`; true: all of them, like `docker ps -a`. */
  showAllContainers: boolean;
  refreshContainers(): Promise<void>;
  setShowAllContainers(all: boolean): void;
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
      async refreshContainers() {
        const mine = ++latest;
        if (get().containersLoad !== 'ready') set({ containersLoad: 'loading' });
        const result = await api.containers.list({ all: get().showAllContainers });
        if (mine !== latest) return;
        if (result.ok) set({ containers: result.value, containersLoad: 'ready', containersError: null });
        else set({ containersLoad: 'error', containersError: result.error });
      },
      setShowAllContainers(all) {
        if (all === get().showAllContainers) return;
        set({ showAllContainers: all, containersLoad: 'loading' });
        void get().refreshContainers();
      },
    };
  };
