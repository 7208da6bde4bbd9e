import type { StateCreator } from 'zustand/vanilla';
import type { BerthState } from './store';

export const SECTIONS = ['containers', 'images', 'learn'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_TITLES: Readonly<Record<Section, string>> = {
  containers: 'Containers',
  images: 'Images',
  learn: 'Learn',
};

export interface UiSlice {
  section: Section;
  showSection(section: Section): void;
}

export const createUiSlice: StateCreator<BerthState, [], [], UiSlice> = (set) => ({
  section: 'containers',
  showSection: (section) => set({ section }),
});
