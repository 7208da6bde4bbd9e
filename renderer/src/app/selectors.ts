import type { BerthState } from './store';

/** What fills the window above the status bar. */
export type Screen = 'loading' | 'shell' | 'unreachable' | 'link-lost';

export function selectScreen(state: Pick<BerthState, 'linkError' | 'engineStatus' | 'lastSettled'>): Screen {
  if (state.linkError !== null) return 'link-lost';
  const status = state.engineStatus;
  if (status === null) return 'loading';
  switch (status.state) {
    case 'connected':
      return 'shell';
    case 'unreachable':
      return 'unreachable';
    case 'connecting':
      // A new attempt keeps what was on screen, so the window does not flash between states.
      if (state.lastSettled === 'unreachable') return 'unreachable';
      return state.lastSettled === 'connected' ? 'shell' : 'loading';
    default:
      return status satisfies never;
  }
}
