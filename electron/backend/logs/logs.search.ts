/**
 * Whole-history search: every chosen container's log is read once, streamed, straight from the engine (the same
 * reader and decoder as the log view), and each line is matched as it arrives. Hits go out in batches with a few
 * lines of context; per-container counts and bytes scanned go out as progress. Memory is bounded by the context
 * ring per container, the hits waiting for their after-context, and the result cap. Cancelling aborts every
 * engine request of the scan at once.
 */
import type Dockerode from 'dockerode';
import type { LogSearchChunk, LogSearchCount, LogSearchHit } from '../../../shared/dto/logs';
import { BerthFailure } from '../../../shared/result';
import type { StreamSink } from '../core/dispatcher.types';
import { toBerthError } from '../engine/errors';
import { compileMatcher, type Matcher } from './logs.match';
import { readLogs } from './logs.read';
import { explainReadError, inspectTarget, type LogTarget } from './logs.target';
import { nsToEngineParam, timestampToNs } from './logs.time';

/** A search stops after this many hits and says so. */
export const MAX_SEARCH_RESULTS = 5_000;
/** Containers read at the same time: engine connections and decoders held at once. */
export const SEARCH_CONCURRENCY = 4;
/** "All containers" means at most this many. */
export const MAX_SEARCH_CONTAINERS = 2_000;
/** Hits are sent at least this often (ms), or once this many are waiting. */
const FLUSH_MS = 100;
const FLUSH_HITS = 200;
/** Context lines are cut to this many characters. */
const CONTEXT_CHARS = 2_000;

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

interface Pending {
  hit: Omit<LogSearchHit, 'after'>;
  after: string[];
}

class ContainerScan {
  readonly count: { hits: number; lines: number; bytes: number; done: boolean; error?: string };
  private readonly ring: string[] = [];
  private pending: Pending[] = [];

  constructor(
    readonly target: LogTarget,
    private readonly context: number,
    private readonly matcher: Matcher,
    private readonly onHit: (hit: LogSearchHit) => boolean,
  ) {
    this.count = { hits: 0, lines: 0, bytes: 0, done: false };
  }

  /** False once the scan is to stop (the cap was reached). */
  line(stream: 'stdout' | 'stderr', ts: string, raw: Buffer): boolean {
    this.count.lines++;
    this.count.bytes += raw.length + ts.length + 2;
    const text = raw.toString('utf8');
    const clipped = text.length > CONTEXT_CHARS ? text.slice(0, CONTEXT_CHARS) : text;
    let go = true;
    if (this.pending.length > 0) {
      for (const p of this.pending) p.after.push(clipped);
      while (this.pending[0] !== undefined && this.pending[0].after.length >= this.context) {
        go = this.send(this.pending.shift() as Pending) && go;
      }
    }
    const match = this.matcher(text);
    if (match !== null && go) {
      this.count.hits++;
      const p: Pending = {
        hit: { container: this.target.id, name: this.target.name, stream, ts, text, match, before: [...this.ring] },
        after: [],
      };
      if (this.context === 0) go = this.send(p);
      else this.pending.push(p);
    }
    if (this.context > 0) {
      this.ring.push(clipped);
      if (this.ring.length > this.context) this.ring.shift();
    }
    return go;
  }

  /** The log ended: hits still waiting for context go out with what there is. */
  finish(): void {
    for (const p of this.pending) this.send(p);
    this.pending = [];
    this.count.done = true;
  }

  private send(p: Pending): boolean {
    return this.onHit({ ...p.hit, after: p.after });
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
    const matcher = compileMatcher(this.input);
    if (this.input.since && this.input.until && timestampToNs(this.input.since) > timestampToNs(this.input.until)) {
      throw new BerthFailure(
        'INVALID_INPUT',
        'The time range ends before it starts: "since" must come before "until".',
      );
    }
    const targets = await this.targets();
    if (this.abort.signal.aborted) return;
    this.scans = targets.map((t) => new ContainerScan(t, this.input.context, matcher, (hit) => this.hit(hit)));
    this.sink.emit({ kind: 'started', containers: targets.map((t) => ({ id: t.id, name: t.name })) });
    this.timer = setInterval(() => this.flush(), FLUSH_MS);
    const queue = [...this.scans];
    const worker = async () => {
      for (let scan = queue.shift(); scan && !this.abort.signal.aborted; scan = queue.shift()) await this.scan(scan);
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

  private async scan(scan: ContainerScan): Promise<void> {
    const { since, until, streams } = this.input;
    const query = {
      follow: false,
      streams,
      ...(since ? { since: nsToEngineParam(timestampToNs(since)) } : {}),
      ...(until ? { until: nsToEngineParam(timestampToNs(until)) } : {}),
    };
    try {
      await readLogs(
        this.docker,
        scan.target.id,
        scan.target.tty,
        query,
        (stream, ts, text) => {
          if (!scan.line(stream, ts, text)) this.abort.abort();
        },
        this.abort.signal,
      );
    } catch (e) {
      if (!this.abort.signal.aborted) scan.count.error = toBerthError(explainReadError(scan.target, e)).message;
    }
    if (!this.sink.signal.aborted) scan.finish();
  }

  /** False once the cap is reached. */
  private hit(hit: LogSearchHit): boolean {
    if (this.sent >= MAX_SEARCH_RESULTS) {
      this.capped = true;
      return false;
    }
    this.sent++;
    this.batch.push(hit);
    if (this.batch.length >= FLUSH_HITS) this.flush();
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
