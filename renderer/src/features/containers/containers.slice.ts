import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { ContainerSummary } from '../../../../shared/dto/lists';
import type { BerthError } from '../../../../shared/result';
import type { EngineList } from '../../app/engine.slice';
import type { BerthState } from '../../app/state';
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

type Containers = BerthApi['containers'];

export interface ContainersSlice {
  containers: readonly ContainerSummary[];
  containersLoad: LoadState;
  containersError: BerthError | null;
  /** false: running containers only, like `docker ps`; true: all of them, like `docker ps -a`. */
  showAllContainers: boolean;
  containerFilter: ContainerFilter;
  containerSearch: string;
  /** A container's own page data and actions, for its page, tabs and dialogs. */
  listContainers: Containers['list'];
  inspectContainer: Containers['inspect'];
  inspectContainerRaw: Containers['inspectRaw'];
  containerChanges: Containers['changes'];
  containerProcesses: Containers['top'];
  watchContainerStats: Containers['stats'];
  runContainer: Containers['run'];
  startContainer: Containers['start'];
  stopContainer: Containers['stop'];
  restartContainer: Containers['restart'];
  pauseContainer: Containers['pause'];
  unpauseContainer: Containers['unpause'];
  killContainer: Containers['kill'];
  renameContainer: Containers['rename'];
  removeContainer: Containers['remove'];
  commitContainer: Containers['commit'];
  /** Many at once (one result per item), what removing them loses, and edit-and-recreate. */
  bulkContainers: Containers['bulk'];
  containerLossPlan: Containers['lossPlan'];
  containerEditPlan: Containers['editPlan'];
  recreateContainer: Containers['recreate'];
  /** An interactive shell: a stream of output, and input and resizes sent to its session. */
  execInContainer: Containers['exec'];
  sendExecInput: Containers['execInput'];
  resizeExec: Containers['execResize'];
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
      listContainers: (input) => api.containers.list(input),
      inspectContainer: (input) => api.containers.inspect(input),
      inspectContainerRaw: (input) => api.containers.inspectRaw(input),
      containerChanges: (input) => api.containers.changes(input),
      containerProcesses: (input) => api.containers.top(input),
      watchContainerStats: (input, listener) => api.containers.stats(input, listener),
      runContainer: (input) => api.containers.run(input),
      startContainer: (input) => api.containers.start(input),
      stopContainer: (input) => api.containers.stop(input),
      restartContainer: (input) => api.containers.restart(input),
      pauseContainer: (input) => api.containers.pause(input),
      unpauseContainer: (input) => api.containers.unpause(input),
      killContainer: (input) => api.containers.kill(input),
      renameContainer: (input) => api.containers.rename(input),
      removeContainer: (input) => api.containers.remove(input),
      commitContainer: (input) => api.containers.commit(input),
      bulkContainers: (input) => api.containers.bulk(input),
      containerLossPlan: (input) => api.containers.lossPlan(input),
      containerEditPlan: (input) => api.containers.editPlan(input),
      recreateContainer: (input) => api.containers.recreate(input),
      execInContainer: (input, listener) => api.containers.exec(input, listener),
      sendExecInput: (input) => api.containers.execInput(input),
      resizeExec: (input) => api.containers.execResize(input),
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

declare module '../../app/state' {
  interface BerthState extends ContainersSlice {}
}
