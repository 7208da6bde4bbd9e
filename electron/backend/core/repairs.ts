/**
 * Clean-up that could not be done because the engine went away in the middle of an action (a helper container to
 * remove, a recreated container's old self to put back): kept here and done as soon as the engine is connected
 * again, so an interrupted action leaves nothing half-done once the engine returns.
 */
import type { EngineStatus } from '../../../shared/dto/engine';
import { toBerthError } from '../engine/errors';

/** At most this many repairs wait at once; beyond it the oldest is dropped (its action already said what is left). */
export const MAX_PENDING_REPAIRS = 200;

export type Repair = () => Promise<void>;

export interface StatusSource {
  onStatus(listener: (status: EngineStatus) => void): () => void;
}

/** True when `error` means the engine could not be reached, so the work is worth trying again later. */
export const engineAway = (error: unknown): boolean => toBerthError(error).code === 'ENGINE_UNREACHABLE';

export class PendingRepairs {
  private readonly pending = new Map<string, Repair>();
  private running: Promise<void> | null = null;
  private readonly stopWatching: () => void;

  constructor(engine: StatusSource) {
    this.stopWatching = engine.onStatus((status) => {
      if (status.state === 'connected') void this.runAll();
    });
  }

  get size(): number {
    return this.pending.size;
  }

  /** Keeps `repair` under `key` (a later one with the same key replaces it) until the engine is back. */
  add(key: string, repair: Repair): void {
    this.pending.delete(key);
    this.pending.set(key, repair);
    while (this.pending.size > MAX_PENDING_REPAIRS) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
  }

  /** Runs every repair once; one that fails because the engine is away again stays for the next connection. */
  runAll(): Promise<void> {
    this.running ??= this.runEach().finally(() => (this.running = null));
    return this.running;
  }

  dispose(): void {
    this.stopWatching();
    this.pending.clear();
  }

  private async runEach(): Promise<void> {
    for (const [key, repair] of [...this.pending]) {
      try {
        await repair();
        this.pending.delete(key);
      } catch (error) {
        if (!engineAway(error)) this.pending.delete(key);
      }
    }
  }
}
