import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type {
  ImageDetail,
  PrunePlan,
  PruneResult,
  RemoveResult,
  TagResult,
  TransferEvent,
  TransferTicket,
} from '../../../../shared/dto/images';
import type { BulkResult } from '../../../../shared/dto/bulk';
import type { ImageSummary } from '../../../../shared/dto/lists';
import type { BerthError, Result } from '../../../../shared/result';
import type { StreamMessage, Unsubscribe } from '../../../../shared/stream';
import { DEFAULT_QUERY, type ImageListQuery } from './image-list';
import type { LoadState } from '../../ui/load-state';
import type { EngineList } from '../../app/engine.slice';
import type { BerthState } from '../../app/state';

/** Engine events that change what the image list (and an open image page) shows. */
export const imagesList: EngineList = {
  name: 'images',
  // Creating or removing a container changes the images' "used by" counts.
  staleOn: { image: true, daemon: true, container: ['create', 'destroy'] },
  refresh: (state) => state.refreshImages(),
};

export interface ImageDetailState {
  readonly ref: string;
  readonly load: LoadState;
  readonly value: ImageDetail | null;
  readonly error: BerthError | null;
}

export interface ImagesSlice {
  images: readonly ImageSummary[];
  imagesLoad: LoadState;
  imagesError: BerthError | null;
  imageQuery: ImageListQuery;
  /** The image page's data; re-fetched with the list when engine events say images changed. */
  imageDetail: ImageDetailState | null;
  refreshImages(): Promise<void>;
  setImageQuery(patch: Partial<ImageListQuery>): void;
  openImageDetail(ref: string): Promise<void>;
  closeImageDetail(): void;
  tagImage(ref: string, target: string): Promise<Result<TagResult>>;
  removeImage(ref: string, force: boolean): Promise<Result<RemoveResult>>;
  removeImages(refs: readonly string[], force: boolean): Promise<Result<BulkResult>>;
  /** "Remove that container first", from the explanation of a refused image removal. */
  removeContainerOfImage(id: string): Promise<Result<unknown>>;
  planImagePrune(): Promise<Result<PrunePlan>>;
  pruneImages(): Promise<Result<PruneResult>>;
  transferImage(
    kind: 'pull' | 'push',
    ref: string,
    listener: (message: StreamMessage<TransferEvent>) => void,
  ): Unsubscribe;
  /** A one-use bridge address to download `ref` as a tar ('save') or to upload a tar to ('load'). */
  imageTicket(kind: 'save' | 'load', ref?: string): Promise<Result<TransferTicket>>;
}

export const createImagesSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], ImagesSlice> =>
  (set, get) => {
    let latest = 0;
    let latestDetail = 0;

    const fetchDetail = async (ref: string) => {
      const mine = ++latestDetail;
      const result = await api.images.inspect({ ref });
      const current = get().imageDetail;
      if (mine !== latestDetail || current?.ref !== ref) return;
      if (result.ok) set({ imageDetail: { ref, load: 'ready', value: result.value, error: null } });
      else set({ imageDetail: { ...current, load: 'error', error: result.error } });
    };

    return {
      images: [],
      imagesLoad: 'idle',
      imagesError: null,
      imageQuery: DEFAULT_QUERY,
      imageDetail: null,
      async refreshImages() {
        const mine = ++latest;
        if (get().imagesLoad !== 'ready') set({ imagesLoad: 'loading' });
        const open = get().imageDetail;
        if (open !== null) void fetchDetail(open.ref);
        const result = await api.images.list();
        if (mine !== latest) return;
        if (result.ok) set({ images: result.value, imagesLoad: 'ready', imagesError: null });
        else set({ imagesLoad: 'error', imagesError: result.error });
      },
      setImageQuery(patch) {
        set({ imageQuery: { ...get().imageQuery, ...patch } });
      },
      async openImageDetail(ref) {
        const current = get().imageDetail;
        if (current?.ref !== ref) set({ imageDetail: { ref, load: 'loading', value: null, error: null } });
        await fetchDetail(ref);
      },
      closeImageDetail() {
        latestDetail += 1;
        set({ imageDetail: null });
      },
      tagImage: (ref, target) => api.images.tag({ ref, target }),
      removeImage: (ref, force) => api.images.remove({ ref, force }),
      async removeImages(refs, force) {
        const result = await api.images.bulkRemove({ refs: [...refs], force });
        void get().refreshImages();
        return result;
      },
      removeContainerOfImage: (id) => api.containers.remove({ id, force: true, volumes: false }),
      planImagePrune: () => api.images.prunePlan(),
      pruneImages: () => api.images.prune(),
      transferImage: (kind, ref, listener) =>
        kind === 'pull' ? api.images.pull({ ref }, listener) : api.images.push({ ref }, listener),
      imageTicket: (kind, ref) =>
        kind === 'save' ? api.images.saveTicket({ ref: ref ?? '' }) : api.images.loadTicket(),
    };
  };

declare module '../../app/state' {
  interface BerthState extends ImagesSlice {}
}
