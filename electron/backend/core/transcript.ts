/**
 * The session's record of every action Berth performed on the engine, each as the docker command that does the
 * same and the Engine API call. Handlers wrap their engine work in `run`, so success and failure are both kept.
 */
import type { ActionText } from '../../../shared/cli/command';
import type { TranscriptEntry } from '../../../shared/dto/transcript';
import { isBerthError } from '../../../shared/result';
import { BerthFailure } from '../../../shared/result';

const KEEP = 1000;

export class Transcript {
  private readonly entries: TranscriptEntry[] = [];
  private readonly listeners = new Set<(entry: TranscriptEntry) => void>();
  private nextId = 1;

  constructor(private readonly now: () => number = Date.now) {}

  record(action: ActionText, outcome: 'ok' | 'failed', error?: string): TranscriptEntry {
    const base = { id: this.nextId++, time: this.now(), ...action, outcome };
    const entry: TranscriptEntry = error === undefined ? base : { ...base, error };
    this.entries.push(entry);
    if (this.entries.length > KEEP) this.entries.splice(0, this.entries.length - KEEP);
    for (const listener of this.listeners) listener(entry);
    return entry;
  }

  /** Runs an action and records it with its outcome; the action's error is passed on unchanged. */
  async run<T>(action: ActionText, work: () => Promise<T>): Promise<T> {
    try {
      const value = await work();
      this.record(action, 'ok');
      return value;
    } catch (error) {
      this.record(action, 'failed', describe(error));
      throw error;
    }
  }

  list(): readonly TranscriptEntry[] {
    return [...this.entries];
  }

  onEntry(listener: (entry: TranscriptEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function describe(error: unknown): string {
  if (error instanceof BerthFailure) return error.error.message;
  if (isBerthError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return 'The action failed.';
}
