import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../shared/api';
import type { ImageSummary } from '../../../shared/dto/lists';
import type { BerthError } from '../../../shared/result';
import type { LoadState } from './containers.slice';
import type { BerthState } from './store';

export interface ImagesSlice {
  images: readonly ImageSummary[];
  imagesLoad: LoadState;
  imagesError: BerthError | null;
  refreshImages(): Promise<void>;
}

export const createImagesSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], ImagesSlice> =>
  (set, get) => {
    let latest = 0;
    return {
      images: [],
      imagesLoad: 'idle',
      imagesError: null,
      async refreshImages() {
        const mine = ++latest;
        if (get().imagesLoad !== 'ready') set({ imagesLoad: 'loading' });
        const result = await api.images.list();
        if (mine !== latest) return;
        if (result.ok) set({ images: result.value, imagesLoad: 'ready', imagesError: null });
        else set({ imagesLoad: 'error', imagesError: result.error });
      },
    };
  };
