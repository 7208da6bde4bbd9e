import { defineDomain } from '../core/domain';
import { settingsHandlers } from './settings.handlers';
import type { SettingsStore } from './settings.store';

declare module '../core/domain' {
  interface Services {
    readonly settings: SettingsStore;
  }
}

export const settingsDomain = defineDomain({
  name: 'settings',
  make: ({ settings }) => ({ services: { settings }, handlers: settingsHandlers(settings) }),
});
