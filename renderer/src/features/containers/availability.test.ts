import { describe, expect, it } from 'vitest';
import { canDo, needsForce } from './availability';

describe('canDo', () => {
  it('enables each action only where the engine would accept it', () => {
    expect(canDo('start', 'exited')).toBe(true);
    expect(canDo('start', 'running')).toBe(false);
    expect(canDo('stop', 'running')).toBe(true);
    expect(canDo('stop', 'exited')).toBe(false);
    expect(canDo('pause', 'paused')).toBe(false);
    expect(canDo('unpause', 'paused')).toBe(true);
    expect(canDo('kill', 'exited')).toBe(false);
    expect(canDo('terminal', 'paused')).toBe(false);
    expect(canDo('remove', 'dead')).toBe(true);
  });

  it('asks for force only for a container that runs', () => {
    expect(needsForce('running')).toBe(true);
    expect(needsForce('exited')).toBe(false);
  });
});
