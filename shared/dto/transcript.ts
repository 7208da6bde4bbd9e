import type { ActionText } from '../cli/command';

/**
 * One action Berth performed on the engine, as the docker command that does the same and the Engine API call:
 * "Stop container web", `docker stop --time 10 web`, `POST /containers/{id}/stop?t=10`.
 */
export interface TranscriptEntry extends ActionText {
  readonly id: number;
  /** Epoch ms. */
  readonly time: number;
  readonly outcome: 'ok' | 'failed';
  /** The error's sentence when the action failed. */
  readonly error?: string;
}
