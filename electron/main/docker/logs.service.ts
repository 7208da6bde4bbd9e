/**
 * Container logs: a followed stream that starts with the newest lines and survives container restarts and
 * engine restarts, and pages of older lines for "load older". The cursor is a nanosecond timestamp plus how
 * many lines with exactly that timestamp were already delivered, so neither a resumed stream nor a page
 * repeats or skips a line, even when several lines share one timestamp.
 */
import type Dockerode from 'dockerode';
import type { EngineEvent, EngineStatus } from '../../../shared/dto/engine';
import type { LogsChunk, LogsPage } from '../../../shared/dto/logs';
import type { StreamSink } from '../ipc/dispatcher';
import type { DockerSource } from './containers.service';
import { toBerthError } from './errors';
import { DEFAULT_BATCH, PackedLines, type BatchLimits } from './logs.batch';
import type { OutputStream } from './logs.demux';
import { readLogs } from './logs.read';
import { explainReadError, inspectTarget, refuseUnreadable } from './logs.target';
import { nsToEngineParam, SECOND_NS, timestampToNs } from './logs.time';
import { LogFollower } from './logs.follow';
import { exportLogs, exportTargets, type ExportResult } from './logs.export';
import type { LogTarget } from './logs.target';
import type { Writable } from 'node:stream';

export interface LogsEngine extends DockerSource {
  status(): EngineStatus;
  onStatus(listener: (status: EngineStatus) => void): () => void;
  onEvent(listener: (event: EngineEvent) => void): () => void;
}

export interface FollowInput {
  readonly container: string;
  readonly tail: number | 'all';
}

export interface OlderInput {
  readonly container: string;
  readonly before: string;
  readonly skip: number;
  readonly limit: number;
}

/** The first window "load older" reads back; it grows eightfold while too few lines come back. */
const FIRST_WINDOW_NS = 10n * SECOND_NS;

export class LogsService {
  constructor(
    private readonly engine: LogsEngine,
    private readonly batch: BatchLimits = DEFAULT_BATCH,
  ) {}

  /** Starts following; returns the cleanup. Failures reach the sink as errors with a plain sentence. */
  follow(input: FollowInput, sink: StreamSink<LogsChunk>): () => void {
    const follower = new LogFollower(this.engine, input, sink, this.batch);
    follower.run().catch((e: unknown) => sink.fail(toBerthError(e)));
    return () => follower.stop();
  }

  /** The containers of a whole-log save, checked before a file is chosen or a download starts. */
  exportTargets(refs: readonly string[]): Promise<LogTarget[]> {
    return exportTargets(this.engine.docker(), refs);
  }

  /** Writes the whole logs of `targets` to `out`, interleaved by timestamp; `out` is left open. */
  exportTo(targets: readonly LogTarget[], out: Writable, signal: AbortSignal): Promise<ExportResult> {
    return exportLogs(this.engine.docker(), targets, out, signal);
  }

  async older(input: OlderInput): Promise<LogsPage> {
    const docker = this.engine.docker();
    const target = await inspectTarget(docker, input.container);
    refuseUnreadable(target);
    const startNs = timestampToNs(target.created) - SECOND_NS;
    let untilNs = timestampToNs(input.before);
    let windowNs = FIRST_WINDOW_NS;
    let page = new Tail(input.limit);
    let skip = input.skip;
    for (;;) {
      const sinceNs = untilNs - windowNs + 1n > startNs ? untilNs - windowNs + 1n : startNs;
      const got = new Tail(input.limit + skip);
      await readWindow(docker, target.id, target.tty, sinceNs, untilNs, got).catch((e: unknown) => {
        throw explainReadError(target, e);
      });
      // The view holds the last `skip` lines stamped `before`: they are the newest lines of the first window.
      got.dropNewest(skip, input.before);
      skip = 0;
      page = got.before(page, input.limit);
      if (sinceNs <= startNs) return page.toPage(target.id, !page.trimmed);
      if (page.size >= input.limit) return page.toPage(target.id, false);
      untilNs = sinceNs - 1n;
      windowNs *= 8n;
    }
  }
}

function readWindow(
  docker: Dockerode,
  id: string,
  tty: boolean,
  sinceNs: bigint,
  untilNs: bigint,
  into: Tail,
): Promise<void> {
  const controller = new AbortController();
  return readLogs(
    docker,
    id,
    tty,
    { follow: false, since: nsToEngineParam(sinceNs), until: nsToEngineParam(untilNs) },
    (stream, ts, text) => into.add(stream, ts, text),
    controller.signal,
  );
}

/** The newest `cap` lines of a read, oldest first; older ones are let go while reading. */
class Tail {
  private ts: string[] = [];
  /** Copies of the lines' bytes: decoded once, when the page is packed. */
  private text: Buffer[] = [];
  private err: boolean[] = [];
  /** Lines were let go: the page does not reach back to its window's start. */
  trimmed = false;

  constructor(private readonly cap: number) {}

  get size(): number {
    return this.text.length;
  }

  add(stream: OutputStream, ts: string, text: Buffer): void {
    this.ts.push(ts);
    this.text.push(Buffer.from(text));
    this.err.push(stream === 'stderr');
    if (this.text.length >= this.cap * 2) this.keepNewest(this.cap);
  }

  dropNewest(count: number, ts: string): void {
    let n = 0;
    while (n < count && this.ts[this.ts.length - 1 - n] === ts) n += 1;
    this.ts.length -= n;
    this.text.length -= n;
    this.err.length -= n;
  }

  /** This window's lines followed by the newer ones already gathered, cut to the newest `limit`. */
  before(newer: Tail, limit: number): Tail {
    const out = new Tail(limit);
    out.ts = [...this.ts, ...newer.ts];
    out.text = [...this.text, ...newer.text];
    out.err = [...this.err, ...newer.err];
    out.trimmed = this.trimmed || newer.trimmed;
    out.keepNewest(limit);
    return out;
  }

  toPage(container: string, atStart: boolean): LogsPage {
    const packed = new PackedLines();
    this.text.forEach((text, i) => packed.add(this.err[i] ? 'stderr' : 'stdout', this.ts[i] ?? '', text));
    return { container, ...packed.take(), atStart };
  }

  private keepNewest(count: number): void {
    const excess = this.text.length - count;
    if (excess <= 0) return;
    this.ts.splice(0, excess);
    this.text.splice(0, excess);
    this.err.splice(0, excess);
    this.trimmed = true;
  }
}
