import type { Settings, SettingsPatch } from '../../../shared/dto/settings';
import { BerthFailure } from '../../../shared/result';
import type { DomainHandlers } from '../core/dispatcher.types';
import type { SettingsStore } from './settings.store';

export function settingsHandlers(settings: SettingsStore): DomainHandlers<'settings'> {
  return {
    requests: {
      'settings:get': () => settings.get(),
      'settings:update': (patch) => settings.update(withoutNewEngine(patch, settings.get())),
    },
    streams: {
      'settings:watch': (_input, sink) => {
        sink.emit(settings.get());
        return settings.onChange((next) => sink.emit(next));
      },
    },
  };
}

/**
 * A new engine is never taken from the window through settings:update: engine:use asks for a yes first (see
 * engine/engine.switch.ts). Going back to automatic (null) and re-sending the current values are fine.
 */
export function withoutNewEngine(patch: SettingsPatch, current: Settings): SettingsPatch {
  const changes = (key: 'engineEndpoint' | 'engineContext') =>
    patch[key] !== undefined && patch[key] !== null && patch[key] !== current[key];
  const newTls =
    patch.engineTls !== undefined &&
    patch.engineTls !== null &&
    JSON.stringify(patch.engineTls) !== JSON.stringify(current.engineTls);
  if (changes('engineEndpoint') || changes('engineContext') || newTls) {
    throw new BerthFailure(
      'PERMISSION_DENIED',
      'A new engine is not saved with the other settings: choose it under Settings › Engine, where Berth asks you to confirm it first.',
    );
  }
  return patch;
}
