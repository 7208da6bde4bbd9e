/** Live stats streams, one engine stream per container, merged into one subscription. */
import type { Readable } from 'node:stream';
import type { StatsSample } from '../../../shared/dto/containers';
import type { DockerSource } from '../engine/engine.types';
import { toStatsSample, type RawStats } from './containers.stats.mapper';

export interface StatsWatch {
  readonly onSample: (sample: StatsSample) => void;
  /** Every container's stream has ended (they all stopped), or the only one could not be opened. */
  readonly onDone: (error?: unknown) => void;
}

/** Opens GET /containers/{id}/stats?stream=1 for each id; returns the cleanup that closes them all. */
export function watchStats(
  engine: DockerSource,
  ids: readonly string[],
  watch: StatsWatch,
  now: () => number = Date.now,
): () => void {
  const docker = engine.docker();
  const open = new Set<Readable>();
  let pending = ids.length;
  let closed = false;
  let firstError: unknown;

  const settle = (error?: unknown) => {
    firstError ??= error;
    pending -= 1;
    if (pending === 0 && !closed) watch.onDone(open.size === 0 && ids.length === 1 ? firstError : undefined);
  };

  for (const id of ids) {
    docker
      .getContainer(id)
      .stats({ stream: true })
      .then((stream) => {
        const readable = stream as unknown as Readable;
        if (closed) return readable.destroy();
        open.add(readable);
        let buffered = '';
        readable.on('data', (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          let at: number;
          while ((at = buffered.indexOf('\n')) >= 0) {
            const line = buffered.slice(0, at).trim();
            buffered = buffered.slice(at + 1);
            if (line === '') continue;
            try {
              const raw = JSON.parse(line) as RawStats;
              // A stopped container's stream goes on with empty frames (read time zero): it is over.
              if (raw.read?.startsWith('0001-')) return readable.destroy();
              watch.onSample(toStatsSample(id, raw, now()));
            } catch {
              // A torn or foreign line is skipped; the next frame comes a second later.
            }
          }
        });
        readable.once('close', () => {
          open.delete(readable);
          settle();
        });
        readable.once('error', () => readable.destroy());
      })
      .catch((error: unknown) => settle(error));
  }

  return () => {
    closed = true;
    for (const readable of open) readable.destroy();
    open.clear();
  };
}
