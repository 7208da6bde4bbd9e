import { describe, expect, it } from 'vitest';
import { connected, endpoint, unreachable } from './fake-api.test-helper';
import { selectScreen } from './selectors';

const connecting = { state: 'connecting', endpoint, attempt: 1 } as const;

describe('selectScreen', () => {
  it('shows a quiet loading state until the first answer', () => {
    expect(selectScreen({ linkError: null, engineStatus: null, lastSettled: null })).toBe('loading');
    expect(selectScreen({ linkError: null, engineStatus: connecting, lastSettled: null })).toBe('loading');
  });

  it('shows the shell when connected and the full-window failure when unreachable', () => {
    expect(selectScreen({ linkError: null, engineStatus: connected, lastSettled: 'connected' })).toBe('shell');
    expect(selectScreen({ linkError: null, engineStatus: unreachable, lastSettled: 'unreachable' })).toBe(
      'unreachable',
    );
  });

  it('keeps the last settled screen while a new attempt is connecting', () => {
    expect(selectScreen({ linkError: null, engineStatus: connecting, lastSettled: 'unreachable' })).toBe('unreachable');
    expect(selectScreen({ linkError: null, engineStatus: connecting, lastSettled: 'connected' })).toBe('shell');
  });

  it('puts a lost link to Berth before anything the engine said', () => {
    const linkError = { code: 'BRIDGE_DISCONNECTED', message: 'Lost.' } as const;
    expect(selectScreen({ linkError, engineStatus: connected, lastSettled: 'connected' })).toBe('link-lost');
  });
});
