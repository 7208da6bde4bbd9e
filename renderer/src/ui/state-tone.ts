import type { EngineStatus } from '../../../shared/dto/engine';
import type { ContainerState } from '../../../shared/dto/lists';

/** A colour role; the stylesheet maps each to a custom property so both themes stay consistent. */
export type Tone = 'ok' | 'busy' | 'idle' | 'danger';

export interface StateLook {
  readonly tone: Tone;
  readonly label: string;
}

export function containerStateLook(state: ContainerState): StateLook {
  switch (state) {
    case 'running':
      return { tone: 'ok', label: 'Running' };
    case 'paused':
      return { tone: 'busy', label: 'Paused' };
    case 'restarting':
      return { tone: 'busy', label: 'Restarting' };
    case 'removing':
      return { tone: 'busy', label: 'Removing' };
    case 'created':
      return { tone: 'idle', label: 'Created' };
    case 'exited':
      return { tone: 'idle', label: 'Exited' };
    case 'dead':
      return { tone: 'danger', label: 'Dead' };
    default:
      return assertNever(state);
  }
}

export function engineStateLook(state: EngineStatus['state']): StateLook {
  switch (state) {
    case 'connected':
      return { tone: 'ok', label: 'Connected' };
    case 'connecting':
      return { tone: 'busy', label: 'Connecting…' };
    case 'unreachable':
      return { tone: 'danger', label: 'Unreachable' };
    default:
      return assertNever(state);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected state: ${String(value)}`);
}
