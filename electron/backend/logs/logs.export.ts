/**
 * The whole log of one or several containers, as text, for "Save whole log": every line the engine kept, not
 * only the lines the view holds. Several containers are interleaved by timestamp as in the view, each line
 * tagged with its container. The engine's answers are read side by side and held back while the file or the
 * download cannot take more, so memory stays bounded however long the logs are.
 *
 * A line reads `<timestamp> [<container> ]<stdout|stderr> <text>`; the text keeps its ANSI colour codes, like
 * `docker logs` writes them.
 */
import type Dockerode from 'dockerode';
import type { Writable } from 'node:stream';
import { BerthFailure } from '../../../shared/result';
import type { OutputStream } from './logs.demux';
import { readLogs, type Flow } from './logs.read';
import { explainReadError, inspectTarget, refuseUnreadable, type LogTarget } from './logs.target';

/** A source stops its read above HIGH queued lines and goes on below LOW. */
const HIGH = 4000;
const LOW = 1000;
/** Lines are written in pieces of about this many characters. */
const PIECE = 64 * 1024;

interface Source {
  readonly target: LogTarget;
  readonly ts: string[];
  readonly text: string[];
  next: number;
  done: boolean;
  paused: boolean;
  flow: Flow | null;
}

export interface ExportResult {
  readonly lines: number;
  readonly names: readonly string[];
}

/** Checks every container before anything is written: a missing one or the driver "none" fails the whole export. */
export async function exportTargets(docker: Dockerode, refs: readonly string[]): Promise<LogTarget[]> {
  const targets = await Promise.all(refs.map((ref) => inspectTarget(docker, ref)));
  targets.forEach(refuseUnreadable);
  return targets;
}

/** Writes the logs of `targets` to `out` (which is not ended); resolves with the number of lines written. */
export async function exportLogs(
  docker: Dockerode,
  targets: readonly LogTarget[],
  out: Writable,
  signal: AbortSignal,
): Promise<ExportResult> {
  const tagged = targets.length > 1;
  const sources: Source[] = targets.map((target) => ({
    target,
    ts: [],
    text: [],
    next: 0,
    done: false,
    paused: false,
    flow: null,
  }));
  let lines = 0;
  let piece = '';
  let waiting = false;
  let failure: Error | null = null;
  let wake: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (wake = resolve));

  const write = (): boolean => {
    const more = out.write(piece);
    piece = '';
    return more;
  };

  /** Writes lines in timestamp order while every unfinished source has one queued. */
  const pump = () => {
    if (waiting || failure !== null) return;
    for (;;) {
      let best: Source | null = null;
      for (const s of sources) {
        if (s.next < s.ts.length) {
          if (best === null || (s.ts[s.next] ?? '') < (best.ts[best.next] ?? '')) best = s;
        } else if (!s.done) {
          return; // this source's next line may be the oldest: wait for it
        }
      }
      if (best === null) {
        if (piece !== '') write();
        return wake();
      }
      const i = best.next++;
      const tag = tagged ? `${best.target.name} ` : '';
      piece += `${best.ts[i]} ${tag}${best.text[i]}\n`;
      lines += 1;
      // Written lines are let go every LOW lines, so a source that never runs dry does not grow.
      if (best.next >= LOW) {
        best.ts.splice(0, best.next);
        best.text.splice(0, best.next);
        best.next = 0;
      }
      if (best.paused && best.ts.length - best.next < LOW) {
        best.paused = false;
        best.flow?.resume();
      }
      if (piece.length >= PIECE && !write()) {
        waiting = true;
        out.once('drain', () => {
          waiting = false;
          pump();
        });
        return;
      }
    }
  };

  // One failure (a read, the file) stops every read.
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop, { once: true });
  const onError = (e: unknown) => {
    failure ??= e instanceof Error ? e : new Error('The log could not be read.');
    controller.abort();
    wake();
  };
  // Kept for good: a write already under way may still report an error after this function returns.
  out.on('error', onError);
  const reads = sources.map((s) =>
    readLogs(
      docker,
      s.target.id,
      s.target.tty,
      { follow: false, tail: 'all' },
      (stream: OutputStream, ts: string, text: Buffer) => {
        s.ts.push(ts);
        s.text.push(`${stream} ${text.toString('utf8')}`);
        if (!s.paused && s.ts.length - s.next > HIGH) {
          s.paused = true;
          s.flow?.pause();
        }
        pump();
      },
      controller.signal,
      (flow) => {
        s.flow = flow;
        if (s.paused) flow.pause();
      },
    )
      .catch((e: unknown) => onError(explainReadError(s.target, e)))
      .finally(() => {
        s.done = true;
        pump();
      }),
  );
  await finished;
  await Promise.all(reads);
  signal.removeEventListener('abort', stop);
  // Set by the callbacks above, which TypeScript does not follow.
  const failed = failure as Error | null;
  if (failed !== null) throw failed;
  if (signal.aborted) throw new BerthFailure('CANCELLED', 'Saving the log was cancelled.');
  return { lines, names: targets.map((t) => t.name) };
}
