/** Reconnect delays: short at first so the UI comes back soon after the engine does, capped so retries stay cheap. */
export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 2000 };

/** Delay before automatic attempt `attempt` (1-based): initial, doubling, capped. */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // Capping the exponent keeps 2 ** n finite however long the engine stays away.
  return Math.min(options.maxMs, options.initialMs * 2 ** Math.min(exponent, 30));
}
