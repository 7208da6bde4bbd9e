/**
 * Stats samples live here, outside React state: a few per second per container would re-render the whole list.
 * Views subscribe to one container's samples (useSyncExternalStore) and re-render only that cell or chart.
 */
import type { StatsSample } from '../../../../shared/dto/containers';

const KEEP = 60;

export interface StatsBuffer {
  push(samples: readonly StatsSample[]): void;
  /** The latest samples of a container, oldest first; the same array until a new sample arrives. */
  get(id: string): readonly StatsSample[];
  subscribe(id: string, listener: () => void): () => void;
}

export function createStatsBuffer(keep = KEEP): StatsBuffer {
  const samples = new Map<string, readonly StatsSample[]>();
  const listeners = new Map<string, Set<() => void>>();
  const none: readonly StatsSample[] = [];
  return {
    push(batch) {
      const touched = new Set<string>();
      for (const s of batch) {
        const prev = samples.get(s.id) ?? none;
        samples.set(s.id, [...prev.slice(-(keep - 1)), s]);
        touched.add(s.id);
      }
      for (const id of touched) for (const l of listeners.get(id) ?? []) l();
    },
    get: (id) => samples.get(id) ?? none,
    subscribe(id, listener) {
      const set = listeners.get(id) ?? new Set();
      set.add(listener);
      listeners.set(id, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
  };
}

/** One buffer for the app: the list and the page read the same samples. */
export const statsBuffer = createStatsBuffer();
