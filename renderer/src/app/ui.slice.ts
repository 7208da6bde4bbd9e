import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../shared/api';
import type { SectionId } from '../../../shared/dto/app';
import type { BerthState } from './state';

/**
 * Where the user is: a section, and inside it optionally one item (a container or image id, a lesson id) and a
 * tab of that item's page (e.g. { section: 'containers', id: 'abc', tab: 'logs' }).
 */
export interface Route {
  readonly section: SectionId;
  readonly id?: string;
  readonly tab?: string;
  /** A dialog the section opens on arrival, e.g. an error's next step: pull this image, or free space. */
  readonly dialog?: { readonly kind: 'pull'; readonly ref: string } | { readonly kind: 'prune' };
}

export interface UiSlice {
  route: Route;
  navigate(route: Route): void;
  showSection(section: SectionId): void;
  /** Explain mode: screens add plain-language notes computed from the user's data (renderer/src/features/learn/Explain.tsx). */
  explain: boolean;
  setExplain(on: boolean): void;
  /** What the desktop shell asks of the page (menu, tray, notifications); shell-actions.ts runs it. */
  watchAppCommands: BerthApi['app']['commands'];
}

export const createUiSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], UiSlice> =>
  (set) => ({
    route: { section: 'containers' },
    navigate: (route) => set({ route }),
    showSection: (section) => set({ route: { section } }),
    explain: false,
    setExplain: (on) => set({ explain: on }),
    watchAppCommands: (input, listener) => api.app.commands(input, listener),
  });

declare module './state' {
  interface BerthState extends UiSlice {}
}
