import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type {
  NetworkConnectSpec,
  NetworkCreateSpec,
  NetworkPrunePreview,
  NetworkPruneResult,
  NetworkSummary,
} from '../../../../shared/dto/networks';
import type { BulkResult } from '../../../../shared/dto/bulk';
import type { BerthError, Result } from '../../../../shared/result';
import type { LoadState } from '../../ui/load-state';
import type { EngineList } from '../../app/engine.slice';
import type { BerthState } from '../../app/state';

/** Engine events that change the network list: networks come and go, containers connect, start and stop. */
export const networksList: EngineList = {
  name: 'networks',
  staleOn: { network: true, daemon: true, container: ['create', 'destroy', 'start', 'die'] },
  refresh: (state) => state.refreshNetworks(),
};

export interface NetworksSlice {
  networks: readonly NetworkSummary[];
  networksLoad: LoadState;
  networksError: BerthError | null;
  refreshNetworks(): Promise<void>;
  createNetwork(spec: NetworkCreateSpec): Promise<Result<NetworkSummary>>;
  removeNetwork(id: string): Promise<Result<null>>;
  removeNetworks(ids: readonly string[]): Promise<Result<BulkResult>>;
  connectNetwork(spec: NetworkConnectSpec): Promise<Result<null>>;
  disconnectNetwork(network: string, container: string): Promise<Result<null>>;
  previewNetworkPrune(): Promise<Result<NetworkPrunePreview>>;
  pruneNetworks(): Promise<Result<NetworkPruneResult>>;
}

export const createNetworksSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], NetworksSlice> =>
  (set, get) => {
    let latest = 0;
    /** Runs a change, then fetches the list again when it worked (events would too, a moment later). */
    const thenRefresh = async <T>(pending: Promise<Result<T>>): Promise<Result<T>> => {
      const result = await pending;
      if (result.ok) void get().refreshNetworks();
      return result;
    };
    return {
      networks: [],
      networksLoad: 'idle',
      networksError: null,
      async refreshNetworks() {
        const mine = ++latest;
        if (get().networksLoad !== 'ready') set({ networksLoad: 'loading' });
        const result = await api.networks.list();
        if (mine !== latest) return;
        if (result.ok) set({ networks: result.value, networksLoad: 'ready', networksError: null });
        else set({ networksLoad: 'error', networksError: result.error });
      },
      createNetwork: (spec) => thenRefresh(api.networks.create(spec)),
      removeNetwork: (id) => thenRefresh(api.networks.remove({ id })),
      async removeNetworks(ids) {
        const result = await api.networks.bulkRemove({ ids: [...ids] });
        void get().refreshNetworks();
        return result;
      },
      connectNetwork: (spec) => thenRefresh(api.networks.connect({ ...spec, aliases: [...spec.aliases] })),
      disconnectNetwork: (network, container) => thenRefresh(api.networks.disconnect({ network, container })),
      previewNetworkPrune: () => api.networks.prunePreview(),
      pruneNetworks: () => thenRefresh(api.networks.prune()),
    };
  };

declare module '../../app/state' {
  interface BerthState extends NetworksSlice {}
}
