/** Reads the engine's /events stream: newline-delimited JSON, split anywhere across chunks. */
import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { EngineEvent } from '../../../shared/dto/engine';
import { toEngineEvent, type RawEvent } from './engine.mapper';

/** Splits `pending + chunk` into complete lines and the unfinished rest. Pure. */
export function splitLines(pending: string, chunk: string): { lines: string[]; rest: string } {
  const parts = (pending + chunk).split('\n');
  const rest = parts.pop() ?? '';
  return { lines: parts.map((l) => l.trim()).filter((l) => l !== ''), rest };
}

export function parseEventLine(line: string): EngineEvent | null {
  try {
    return toEngineEvent(JSON.parse(line) as RawEvent);
  } catch {
    return null;
  }
}

export interface EventSubscription {
  close(): void;
}

/**
 * Subscribes to the engine's events. `onEnd` runs once, when the stream ends, fails or cannot be opened,
 * but not after close().
 */
export function subscribeEvents(
  client: Dockerode,
  /** Epoch seconds: the engine replays what happened since then, so nothing falls between connect and subscribe. */
  since: number,
  onEvent: (event: EngineEvent) => void,
  onEnd: (error?: unknown) => void,
): EventSubscription {
  const controller = new AbortController();
  let stream: Readable | undefined;
  let ended = false;
  const end = (error?: unknown) => {
    if (ended || controller.signal.aborted) return;
    ended = true;
    onEnd(error);
  };
  client.getEvents({ since, abortSignal: controller.signal } as Dockerode.GetEventsOptions).then(
    (raw) => {
      stream = raw as Readable;
      if (controller.signal.aborted) {
        stream.destroy();
        return;
      }
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const { lines, rest } = splitLines(pending, chunk);
        pending = rest;
        for (const line of lines) {
          const event = parseEventLine(line);
          if (event) onEvent(event);
        }
      });
      stream.on('error', (error) => end(error));
      stream.on('end', () => end());
      stream.on('close', () => end());
    },
    (error: unknown) => end(error),
  );
  return {
    close() {
      controller.abort();
      stream?.destroy();
    },
  };
}
