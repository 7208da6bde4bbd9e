import type { StateCreator } from 'zustand/vanilla';
import type { BerthState } from './store';

export const SECTIONS = ['containers', 'images', 'build', 'logs', 'learn', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_TITLES: Readonly<Record<Section, string>> = {
  containers: 'Containers',
  images: 'Images',
  build: 'Build',
  logs: 'Logs',
  learn: 'Learn',
  settings: 'Settings',
};

/**
 * Where the user is: a section, and inside it optionally one item (a container or image id, a lesson id) and a
 * tab of that item's page (e.g. { section: 'containers', id: 'abc', tab: 'logs' }).
 */
export interface Route {
  readonly section: Section;
  readonly id?: string;
  readonly tab?: string;
}

export interface UiSlice {
  route: Route;
  navigate(route: Route): void;
  showSection(section: Section): void;
  /** Explain mode: screens add plain-language notes computed from the user's data (renderer/src/learn/Explain.tsx). */
  explain: boolean;
  setExplain(on: boolean): void;
}

export const createUiSlice: StateCreator<BerthState, [], [], UiSlice> = (set) => ({
  route: { section: 'containers' },
  navigate: (route) => set({ route }),
  showSection: (section) => set({ route: { section } }),
  explain: false,
  setExplain: (on) => set({ explain: on }),
});
