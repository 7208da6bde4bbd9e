import { describe, expect, it } from 'vitest';
import { buildBerthApi } from '../../../../shared/api';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/dto/settings';
import { fail, ok } from '../../../../shared/result';
import type { StreamMessage } from '../../../../shared/stream';
import { createBerthStore } from '../../app/store';

function setup() {
  let watcher: ((m: StreamMessage<Settings>) => void) | null = null;
  const sent: unknown[] = [];
  const base = buildBerthApi({
    request: (channel, input) => {
      if (channel !== 'settings:update') return Promise.resolve(fail('INTERNAL', `${channel} is not faked.`));
      sent.push(input);
      const patch = input as Partial<Settings>;
      if (patch.logLineCap === 1) return Promise.resolve(fail('INVALID_INPUT', 'Keep at least 1,000 log lines.'));
      return Promise.resolve(ok({ ...DEFAULT_SETTINGS, ...patch }));
    },
    subscribe: (channel, _input, listener) => {
      if (channel === 'settings:watch') watcher = listener;
      return () => (watcher = null);
    },
  });
  const store = createBerthStore(base);
  return {
    store,
    sent,
    push: (s: Settings) => watcher?.({ type: 'data', items: [s] }),
    watching: () => watcher !== null,
  };
}

describe('settings slice', () => {
  it('starts from the defaults, so state.settings.logLineCap is always there', () => {
    const { store } = setup();
    expect(store.getState().settings.logLineCap).toBe(100_000);
    expect(store.getState().settingsLoaded).toBe(false);
  });

  it('follows the settings stream and stops following on cleanup', () => {
    const { store, push, watching } = setup();
    const stop = store.getState().startSettings();
    push({ ...DEFAULT_SETTINGS, logLineCap: 5000 });
    expect(store.getState()).toMatchObject({ settings: { logLineCap: 5000 }, settingsLoaded: true });
    stop();
    expect(watching()).toBe(false);
  });

  it('saves a patch and keeps what main answered; a refusal comes back as the error', async () => {
    const { store, sent } = setup();
    expect(await store.getState().saveSettings({ theme: 'dark' })).toBeNull();
    expect(store.getState().settings.theme).toBe('dark');
    expect(await store.getState().saveSettings({ logLineCap: 1 })).toEqual({
      code: 'INVALID_INPUT',
      message: 'Keep at least 1,000 log lines.',
    });
    expect(store.getState().settings.logLineCap).toBe(100_000);
    expect(sent).toEqual([{ theme: 'dark' }, { logLineCap: 1 }]);
  });
});
