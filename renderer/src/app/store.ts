import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { BerthState, BerthStore } from './state';
import type { BerthApi } from '../../../shared/api';
import { createBuildSlice } from '../features/build/build.slice';
import { containersList, createContainersSlice } from '../features/containers/containers.slice';
import { createDesktopSlice } from '../features/desktop/desktop.slice';
import { createEngineSlice, type EngineList } from './engine.slice';
import { createDiskSlice } from '../features/disk/disk.slice';
import { createImagesSlice, imagesList } from '../features/images/images.slice';
import { createLayersSlice } from '../features/layers/layers.slice';
import { createLearnSlice } from '../features/learn/learn.slice';
import { createLogsSlice } from '../features/logs/logs.slice';
import { createNetworksSlice, networksList } from '../features/networks/networks.slice';
import { createRegistriesSlice } from '../features/registries/registries.slice';
import { createSettingsSlice } from '../features/settings/settings.slice';
import { createEnginesSlice } from '../features/settings/engines.slice';
import { createVolumesSlice, volumesList } from '../features/volumes/volumes.slice';
import { createUiSlice } from './ui.slice';
import { createProjectsSlice, projectsList } from '../features/projects/projects.slice';
import { createContainerFilesSlice } from '../features/containers/container-files.slice';

export type { BerthState, BerthStore } from './state';

/** The lists that engine events make stale; each slice declares which events those are. */
export const ENGINE_LISTS: readonly EngineList[] = [
  containersList,
  imagesList,
  volumesList,
  networksList,
  projectsList,
];

/** The one store. The API is passed in (window.berth in the app, a fake object in unit tests). */
export function createBerthStore(api: BerthApi, engineLists: readonly EngineList[] = ENGINE_LISTS): BerthStore {
  return createStore<BerthState>()((...a) => ({
    ...createEngineSlice(api, engineLists)(...a),
    ...createContainersSlice(api)(...a),
    ...createImagesSlice(api)(...a),
    ...createVolumesSlice(api)(...a),
    ...createNetworksSlice(api)(...a),
    ...createDiskSlice(api)(...a),
    ...createUiSlice(api)(...a),
    ...createSettingsSlice(api)(...a),
    ...createLearnSlice(api)(...a),
    ...createLogsSlice(api)(...a),
    ...createBuildSlice(api)(...a),
    ...createDesktopSlice(api)(...a),
    ...createEnginesSlice(api)(...a),
    ...createRegistriesSlice(api)(...a),
    ...createLayersSlice(api)(...a),
    ...createProjectsSlice(api)(...a),
    ...createContainerFilesSlice(api)(...a),
  }));
}

const StoreContext = createContext<BerthStore | null>(null);

export function StoreProvider({ store, children }: { store: BerthStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

/** Reads the store through a selector; wrap list selectors in useShallow. */
export function useBerth<T>(selector: (state: BerthState) => T): T {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useBerth needs a StoreProvider above it.');
  return useStore(store, selector);
}
