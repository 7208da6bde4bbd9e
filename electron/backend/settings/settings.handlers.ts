import type { DomainHandlers } from '../core/dispatcher.types';
import type { SettingsStore } from './settings.store';

export function settingsHandlers(settings: SettingsStore): DomainHandlers<'settings'> {
  return {
    requests: {
      'settings:get': () => settings.get(),
      'settings:update': (patch) => settings.update(patch),
    },
    streams: {
      'settings:watch': (_input, sink) => {
        sink.emit(settings.get());
        return settings.onChange((next) => sink.emit(next));
      },
    },
  };
}
