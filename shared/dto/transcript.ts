/** One action Berth performed on the engine, as the docker command that does the same and the Engine API call. */
export interface TranscriptEntry {
  readonly id: number;
  /** Epoch ms. */
  readonly time: number;
  /** What the user did, in words: "Stop container web". */
  readonly title: string;
  /** The equivalent docker CLI command, ready to paste: `docker stop --time 10 web`. */
  readonly command: string;
  /** The Engine API call: `POST /containers/{id}/stop?t=10`. */
  readonly api: string;
  readonly outcome: 'ok' | 'failed';
  /** The error's sentence when the action failed. */
  readonly error?: string;
}
