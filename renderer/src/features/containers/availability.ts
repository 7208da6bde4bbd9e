/** Which actions apply in which state, as the engine sees it. Pure. */
import type { ContainerState } from '../../../../shared/dto/lists';

export type ContainerAction =
  'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill' | 'remove' | 'rename' | 'commit' | 'terminal';

const ALLOWED: Readonly<Record<ContainerAction, readonly ContainerState[]>> = {
  start: ['created', 'exited'],
  // `docker stop` on a paused container unpauses it first.
  stop: ['running', 'paused', 'restarting'],
  restart: ['running', 'paused', 'exited', 'created'],
  pause: ['running'],
  unpause: ['paused'],
  kill: ['running', 'paused', 'restarting'],
  remove: ['created', 'running', 'paused', 'restarting', 'exited', 'dead'],
  rename: ['created', 'running', 'paused', 'restarting', 'exited', 'dead'],
  commit: ['created', 'running', 'paused', 'exited'],
  terminal: ['running'],
};

export const canDo = (action: ContainerAction, state: ContainerState): boolean => ALLOWED[action].includes(state);

/** Removing these needs force, which kills the container first. */
export const needsForce = (state: ContainerState): boolean =>
  state === 'running' || state === 'paused' || state === 'restarting';
