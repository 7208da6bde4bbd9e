import type { StateCreator } from 'zustand/vanilla';
import type { BerthApi } from '../../../../shared/api';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../../shared/dto/settings';
import type { BerthError } from '../../../../shared/result';
import { keepSubscribed } from '../../platform/keep-subscribed';
import type { BerthState } from '../../app/state';

export interface SettingsSlice {
  /** The settings main holds; the defaults until the first answer (other slices may read e.g. logLineCap). */
  settings: Settings;
  settingsLoaded: boolean;
  /** Follows the settings stream, which answers with the current settings first; returns the cleanup. */
  startSettings(): () => void;
  /** Saves some settings; resolves with null, or the error to show beside the form. */
  saveSettings(patch: SettingsPatch): Promise<BerthError | null>;
}

export const createSettingsSlice =
  (api: BerthApi): StateCreator<BerthState, [], [], SettingsSlice> =>
  (set) => ({
    settings: DEFAULT_SETTINGS,
    settingsLoaded: false,
    startSettings() {
      const watch = keepSubscribed<Settings>({
        open: (listener) => api.settings.watch(undefined, listener),
        onData: (items) => {
          const latest = items.at(-1);
          if (latest !== undefined) set({ settings: latest, settingsLoaded: true });
        },
        // The engine slice already tells the user about a lost link; the stream reopens by itself.
        onLost: () => undefined,
      });
      return watch.stop;
    },
    async saveSettings(patch) {
      const result = await api.settings.update(patch);
      if (!result.ok) return result.error;
      set({ settings: result.value, settingsLoaded: true });
      return null;
    },
  });

declare module '../../app/state' {
  interface BerthState extends SettingsSlice {}
}
