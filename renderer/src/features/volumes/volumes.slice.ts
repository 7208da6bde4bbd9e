import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { TransferTicket } from '../../../../shared/dto/images';
import type {
  VolumeCreateSpec,
  VolumeFile,
  VolumeFolder,
  VolumePrunePreview,
  VolumePruneResult,
  VolumeRemovePreview,
  VolumeSummary,
  VolumeUsage,
} from '../../../../shared/dto/volumes';
import type { BulkResult } from '../../../../shared/dto/bulk';
import type { BerthError, Result } from '../../../../shared/result';
import type { LoadState } from '../../ui/load-state';
import type { EngineList } from '../../app/engine.slice';
import type { BerthState } from '../../app/state';

/** Engine events that change the volume list: volumes come and go, containers mount and release them. */
export const volumesList: EngineList = {
  name: 'volumes',
  staleOn: { volume: true, daemon: true, container: ['create', 'destroy'] },
  refresh: (state) => state.refreshVolumes(),
};

export interface VolumesSlice {
  volumes: readonly VolumeSummary[];
  volumesLoad: LoadState;
  volumesError: BerthError | null;
  /** Sizes by volume name, only after the user asked (GET /system/df walks every volume's files). */
  volumeSizes: Readonly<Record<string, number | null>> | null;
  volumeSizesLoad: LoadState;
  volumeSizesError: BerthError | null;
  refreshVolumes(): Promise<void>;
  measureVolumes(): Promise<void>;
  createVolume(spec: VolumeCreateSpec): Promise<Result<VolumeSummary>>;
  previewVolumeRemoval(name: string): Promise<Result<VolumeRemovePreview>>;
  removeVolume(name: string): Promise<Result<null>>;
  removeVolumes(names: readonly string[]): Promise<Result<BulkResult>>;
  previewVolumePrune(all: boolean): Promise<Result<VolumePrunePreview>>;
  pruneVolumes(all: boolean): Promise<Result<VolumePruneResult>>;
  browseVolume(name: string, path: string): Promise<Result<VolumeFolder>>;
  readVolumeFile(name: string, path: string): Promise<Result<VolumeFile>>;
  /** A one-use bridge address to download the volume as a tar ('export') or upload one into it ('import'). */
  volumeTicket(kind: 'export' | 'import', name: string): Promise<Result<TransferTicket>>;
}

export const sizesByName = (usage: readonly VolumeUsage[]): Record<string, number | null> =>
  Object.fromEntries(usage.map((u) => [u.name, u.size]));

export const createVolumesSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], VolumesSlice> =>
  (set, get) => {
    let latest = 0;
    return {
      volumes: [],
      volumesLoad: 'idle',
      volumesError: null,
      volumeSizes: null,
      volumeSizesLoad: 'idle',
      volumeSizesError: null,
      async refreshVolumes() {
        const mine = ++latest;
        if (get().volumesLoad !== 'ready') set({ volumesLoad: 'loading' });
        const result = await api.volumes.list();
        if (mine !== latest) return;
        if (result.ok) set({ volumes: result.value, volumesLoad: 'ready', volumesError: null });
        else set({ volumesLoad: 'error', volumesError: result.error });
      },
      async measureVolumes() {
        set({ volumeSizesLoad: 'loading', volumeSizesError: null });
        const result = await api.volumes.usage();
        if (result.ok) set({ volumeSizes: sizesByName(result.value), volumeSizesLoad: 'ready' });
        else set({ volumeSizesLoad: 'error', volumeSizesError: result.error });
      },
      async createVolume(spec) {
        const result = await api.volumes.create(spec);
        if (result.ok) void get().refreshVolumes();
        return result;
      },
      previewVolumeRemoval: (name) => api.volumes.removePreview({ name }),
      async removeVolume(name) {
        const result = await api.volumes.remove({ name });
        if (result.ok) void get().refreshVolumes();
        return result;
      },
      async removeVolumes(names) {
        const result = await api.volumes.bulkRemove({ names: [...names] });
        void get().refreshVolumes();
        return result;
      },
      previewVolumePrune: (all) => api.volumes.prunePreview({ all }),
      async pruneVolumes(all) {
        const result = await api.volumes.prune({ all });
        if (result.ok) void get().refreshVolumes();
        return result;
      },
      browseVolume: (name, path) => api.volumes.browse({ name, path }),
      readVolumeFile: (name, path) => api.volumes.readFile({ name, path }),
      volumeTicket: (kind, name) =>
        kind === 'export' ? api.volumes.exportTicket({ name }) : api.volumes.importTicket({ name }),
    };
  };

declare module '../../app/state' {
  interface BerthState extends VolumesSlice {}
}
