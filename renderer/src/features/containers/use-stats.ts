import { useEffect, useSyncExternalStore } from 'react';
import type { StatsSample } from '../../../../shared/dto/containers';
import { useBerth } from '../../app/store';
import { statsBuffer } from './stats-buffer';

/** Keeps one stats stream open for exactly these containers (none: no stream). */
export function useStatsStream(ids: readonly string[]): void {
  const watchContainerStats = useBerth((s) => s.watchContainerStats);
  const key = [...ids].sort().join(',');
  useEffect(() => {
    if (key === '') return;
    return watchContainerStats({ ids: key.split(',') }, (message) => {
      if (message.type === 'data') statsBuffer.push(message.items);
    });
  }, [watchContainerStats, key]);
}

export function useStatsSamples(id: string): readonly StatsSample[] {
  return useSyncExternalStore(
    (listener) => statsBuffer.subscribe(id, listener),
    () => statsBuffer.get(id),
  );
}
