import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import type { BerthState } from '../../app/state';

type Layers = BerthApi['layers'];

/** Inside an image's layers: reading only, so the views keep their answers in their own state. */
export interface LayersSlice {
  indexLayers: Layers['index'];
  layerChanges: Layers['changes'];
  layerMerged: Layers['merged'];
  searchLayers: Layers['search'];
  readLayerFile: Layers['readFile'];
  layerWaste: Layers['waste'];
}

export const createLayersSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], LayersSlice> =>
  () => ({
    indexLayers: (input) => api.layers.index(input),
    layerChanges: (input) => api.layers.changes(input),
    layerMerged: (input) => api.layers.merged(input),
    searchLayers: (input) => api.layers.search(input),
    readLayerFile: (input) => api.layers.readFile(input),
    layerWaste: (input) => api.layers.waste(input),
  });

declare module '../../app/state' {
  interface BerthState extends LayersSlice {}
}
