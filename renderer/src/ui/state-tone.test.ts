import { describe, expect, it } from 'vitest';
import type { ContainerState } from '../../../shared/dto/lists';
import { containerStateLook, engineStateLook } from './state-tone';

describe('containerStateLook', () => {
  it('shows running containers as healthy and dead ones as a problem', () => {
    expect(containerStateLook('running')).toEqual({ tone: 'ok', label: 'Running' });
    expect(containerStateLook('dead')).toEqual({ tone: 'danger', label: 'Dead' });
  });

  it('marks states in transition as busy and stopped ones as idle', () => {
    for (const state of ['paused', 'restarting', 'removing'] as const)
      expect(containerStateLook(state).tone).toBe('busy');
    for (const state of ['created', 'exited'] as const) expect(containerStateLook(state).tone).toBe('idle');
  });

  it('gives every state a capitalised label', () => {
    const states: ContainerState[] = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
    for (const state of states) expect(containerStateLook(state).label).toMatch(/^[A-Z][a-z]+$/);
  });
});

describe('engineStateLook', () => {
  it('uses the words the status bar shows', () => {
    expect(engineStateLook('connected')).toEqual({ tone: 'ok', label: 'Connected' });
    expect(engineStateLook('connecting')).toEqual({ tone: 'busy', label: 'Connecting…' });
    expect(engineStateLook('unreachable')).toEqual({ tone: 'danger', label: 'Unreachable' });
  });
});
