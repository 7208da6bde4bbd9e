/**
 * Whole-history search: every chosen container's log is read once, streamed, straight from the engine (the same
 * reader and decoder as the log view), and each line is matched as it arrives (logs.search.scan.ts). Each log is
 * read newest part first: its last TAILS[0] lines, then the TAILS[1] before them, then the rest from its start,
 * so a match near the end of a log shows at once; the engine finds a log's newest lines without decoding the rest,
 * so this costs little more than one read. Each later read stops at the oldest line already scanned (found by its
 * timestamp, stream and bytes) plus the lines of context past it. Hits go out in batches with a few lines of
 * context, the first at once; per-container counts and bytes scanned go out as progress. Memory is bounded by the
 * context ring per container, the hits waiting for their after-context, and the result cap. Cancelling aborts
 * every engine request of the scan at once.
 */
import { setMaxListeners } from 'node:events';
import type Dockerode from 'dockerode';
import type { LogSearchChunk, LogSearchCount, LogSearchHit } from '../../../shared/dto/logs';
import { BerthFailure } from '../../../shared/result';
import type { StreamSink } from '../core/dispatcher.types';
import { toBerthError } from '../engine/errors';
import type { OutputStream } from './logs.demux';
import { compileMatcher } from './logs.match';
import { SLACK_NS } from './logs.older';
import { readLogs, type ReadQuery } from './logs.read';
import { LineScanner, prefilterFor, type LineMatch, type ScanCount } from './logs.search.scan';
import { explainReadError, inspectTarget, type LogTarget } from './logs.target';
import { nsToEngineParam, timestampToNs } from './logs.time';

/** A search stops after this many hits and says so. */
export const MAX_SEARCH_RESULTS = 5_000;
/** Containers read at the same time: engine connections and decoders held at once. */
export const SEARCH_CONCURRENCY = 4;
/** "All containers" means at most this many. */
export const MAX_SEARCH_CONTAINERS = 2_000;
/** The newest lines read first, in this many lines from the end; then the rest from the log's start. */
export const TAILS = [1_000, 10_000] as const;
/** Hits are sent at least this often (ms), or once this many are waiting. */
const FLUSH_MS = 100;
const FLUSH_HITS = 200;

export interface SearchInput {
  readonly containers?: readonly string[] | undefined;
  readonly query: string;
  readonly regex: boolean;
  readonly caseSensitive: boolean;
  readonly streams: 'all' | 'stdout' | 'stderr';
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly context: number;
}

/** The oldest line scanned so far in a container's log. */
interface Boundary {
  readonly stream: OutputStream;
  readonly ts: string;
  readonly raw: Buffer;
}

/** One container's log, read in rounds from its end back to its start. */
class ContainerScan {
  readonly count: ScanCount = { hits: 0, lines: 0, bytes: 0, done: false };
  boundary: Boundary | null = null;

  constructor(
    readonly target: LogTarget,
    readonly context: number,
  ) {}

  /**
   * Reads one round: the newest `tail` lines, or the log from its start ('all'), up to the boundary. Returns how
   * many lines came before the boundary. A tail round leaves its first `context + 1` lines to the next round
   * (the first may be the end of a line cut by the tail; the others need their context from before), and a round
   * that meets the boundary matches the `context` lines left to it and reads `context` more for their context.
   */
  async round(
    docker: Dockerode,
    tail: number | 'all',
    query: ReadQuery,
    match: LineMatch,
    onHit: (hit: LogSearchHit) => boolean,
    stop: AbortSignal,
  ): Promise<{ lines: number; go: boolean }> {
    const c = this.context;
    const deferred = tail === 'all' ? 0 : c + 1;
    const old = this.boundary;
    const scanner = new LineScanner(this.target, c, match, this.count, onHit);
    const abort = new AbortController();
    const onStop = () => abort.abort();
    stop.addEventListener('abort', onStop, { once: true });
    let index = 0;
    let past = -1;
    let go = true;
    try {
      await readLogs(
        docker,
        this.target.id,
        this.target.tty,
        tail === 'all' ? query : { ...query, tail },
        (stream, ts, raw) => {
          if (abort.signal.aborted) return;
          if (index === 1 && tail !== 'all') this.boundary = { stream, ts, raw: Buffer.from(raw) };
          if (past < 0 && old !== null && ts === old.ts && stream === old.stream && raw.equals(old.raw)) past = 0;
          const matchable = index >= deferred && (past < 0 || past < c);
          if (past >= 2 * c) abort.abort();
          else if (!scanner.line(stream, ts, raw, matchable)) {
            go = false;
            abort.abort();
          }
          index++;
          if (past >= 0) past++;
        },
        abort.signal,
      );
    } finally {
      stop.removeEventListener('abort', onStop);
    }
    if (!stop.aborted) scanner.finish();
    return { lines: past < 0 ? index : index - past, go };
  }
}

export class LogSearch {
  private readonly abort = new AbortController();
  private scans: ContainerScan[] = [];
  private batch: LogSearchHit[] = [];
  private sent = 0;
  private capped = false;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly docker: Dockerode,
    private readonly input: SearchInput,
    private readonly sink: StreamSink<LogSearchChunk>,
  ) {
    sink.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  stop(): void {
    this.abort.abort();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async run(): Promise<void> {
    const match: LineMatch = { matcher: compileMatcher(this.input), prefilter: prefilterFor(this.input) };
    if (this.input.since && this.input.until && timestampToNs(this.input.since) > timestampToNs(this.input.until)) {
      throw new BerthFailure(
        'INVALID_INPUT',
        'The time range ends before it starts: "since" must come before "until".',
      );
    }
    const targets = await this.targets();
    if (this.abort.signal.aborted) return;
    // Each engine request of the scan listens to this signal; there are up to SEARCH_CONCURRENCY at once.
    setMaxListeners(SEARCH_CONCURRENCY * 4 + 10, this.abort.signal);
    this.scans = targets.map((t) => new ContainerScan(t, this.input.context));
    this.sink.emit({ kind: 'started', containers: targets.map((t) => ({ id: t.id, name: t.name })) });
    this.timer = setInterval(() => this.flush(), FLUSH_MS);
    // Every log's newest lines first, then the older rounds: a container's next round joins the queue's end.
    const queue: { scan: ContainerScan; step: number }[] = this.scans.map((scan) => ({ scan, step: 0 }));
    const worker = async () => {
      for (let task = queue.shift(); task && !this.abort.signal.aborted; task = queue.shift()) {
        const next = await this.round(task.scan, task.step, match);
        if (next !== null) queue.push({ scan: task.scan, step: next });
      }
    };
    await Promise.all(Array.from({ length: Math.min(SEARCH_CONCURRENCY, queue.length) }, worker));
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.sink.signal.aborted) return;
    this.flush();
    const bytes = this.scans.reduce((n, s) => n + s.count.bytes, 0);
    this.sink.emit({ kind: 'done', hits: this.sent, bytes, capped: this.capped, limit: MAX_SEARCH_RESULTS });
    this.sink.end(this.capped ? `Stopped at ${MAX_SEARCH_RESULTS} results.` : undefined);
  }

  private async targets(): Promise<LogTarget[]> {
    let refs = this.input.containers ?? [];
    if (refs.length === 0) {
      const all = await this.docker.listContainers({ all: true });
      refs = all.slice(0, MAX_SEARCH_CONTAINERS).map((c) => c.Id);
    }
    const targets = await Promise.all(refs.map((ref) => inspectTarget(this.docker, ref)));
    return targets.filter((t) => t.driver !== 'none');
  }

  /** Reads round `step` of a container (TAILS, then the rest); the next step, or null when its log is done. */
  private async round(scan: ContainerScan, step: number, match: LineMatch): Promise<number | null> {
    const { since, until, streams } = this.input;
    const tail = TAILS[step] ?? 'all';
    const upTo = until
      ? timestampToNs(until)
      : tail === 'all' && scan.boundary
        ? timestampToNs(scan.boundary.ts) + SLACK_NS
        : null;
    const query: ReadQuery = {
      follow: false,
      streams,
      ...(since ? { since: nsToEngineParam(timestampToNs(since)) } : {}),
      ...(upTo !== null ? { until: nsToEngineParam(upTo) } : {}),
    };
    try {
      const read = await scan.round(this.docker, tail, query, match, (hit) => this.hit(hit), this.abort.signal);
      if (!read.go) this.abort.abort();
      if (tail !== 'all' && read.lines >= tail) return step + 1;
      if (tail !== 'all') return TAILS.length;
    } catch (e) {
      if (!this.abort.signal.aborted) scan.count.error = toBerthError(explainReadError(scan.target, e)).message;
    }
    if (!this.sink.signal.aborted) scan.count.done = true;
    return null;
  }

  /** False once the cap is reached. */
  private hit(hit: LogSearchHit): boolean {
    if (this.sent >= MAX_SEARCH_RESULTS) {
      this.capped = true;
      return false;
    }
    this.sent++;
    this.batch.push(hit);
    // The first hit goes out at once; later ones wait for the timer or a full batch.
    if (this.sent === 1 || this.batch.length >= FLUSH_HITS) this.flush();
    return true;
  }

  private flush(): void {
    if (this.sink.signal.aborted) return;
    if (this.batch.length > 0) {
      this.sink.emit({ kind: 'hits', hits: this.batch });
      this.batch = [];
    }
    const counts: LogSearchCount[] = this.scans.map((s) => ({
      container: s.target.id,
      name: s.target.name,
      ...s.count,
    }));
    this.sink.emit({ kind: 'progress', counts, bytes: counts.reduce((n, c) => n + c.bytes, 0) });
  }
}
