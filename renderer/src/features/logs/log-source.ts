/**
 * Feeds a LogBuffer from the engine: one logs:follow subscription per container (newest lines first, then
 * live), and "load older" pages per container through logs:older. With several containers, an older page
 * is only shown down to the newest of their page starts, so no container seems to have a gap; the rest is
 * asked for again next time.
 */
import type { BerthApi } from '../../../../shared/api';
import type { LogsChunk } from '../../../../shared/dto/logs';
import type { BerthError } from '../../../../shared/result';
import { unpackBatch, type UnpackedLine } from '../../../../shared/log-batch';
import type { LogBuffer } from './log-buffer';
import { ALL_TIME, rangeQuery, type LogsRange } from './time-range';

export interface SourceInfo {
  readonly id: string;
  name: string;
  tty: boolean;
  /** The container's log driver, once the engine said. */
  driver: string;
  /** No older line exists. */
  atStart: boolean;
  /** Set when the stream ended (removed container) or failed (unreadable driver, bad id). */
  ended: string | null;
  error: BerthError | null;
}

export const PAGE = 1000;

export class LogSource {
  readonly sources: SourceInfo[];
  private readonly stops: (() => void)[] = [];
  private readonly listeners = new Set<() => void>();
  /** The buffer's dropped count when this source started, and when last looked at. */
  private droppedBefore = 0;
  private droppedSeen = 0;

  constructor(
    private readonly api: Pick<BerthApi, 'logs'>,
    readonly buffer: LogBuffer,
    containerIds: readonly string[],
    private readonly tail: number | 'all' = PAGE,
    private readonly range: LogsRange = ALL_TIME,
  ) {
    this.sources = containerIds.map((id) => ({
      id,
      name: id.slice(0, 12),
      tty: false,
      driver: '',
      atStart: false,
      ended: null,
      error: null,
    }));
  }

  start(): void {
    this.droppedBefore = this.droppedSeen = this.buffer.dropped;
    this.sources.forEach((source, index) => {
      const stop = this.api.logs.follow(
        { container: source.id, tail: this.tail, ...rangeQuery(this.range) },
        (message) => {
          if (message.type === 'data') for (const chunk of message.items) this.take(index, chunk);
          else if (message.type === 'end') source.ended = message.reason ?? 'The log has ended.';
          else source.error = message.error;
          if (message.type !== 'data') this.changed();
        },
      );
      this.stops.push(stop);
    });
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /** Listens to changes of the sources' state (not to lines: those go through the buffer). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get atStart(): boolean {
    return this.sources.every((s) => s.atStart || s.error !== null);
  }

  /** Loads one page of older lines for every container; resolves with an error sentence or null. */
  async loadOlder(): Promise<string | null> {
    const pages = await Promise.all(
      this.sources.map(async (source, index) => {
        if (source.atStart || source.error) return null;
        const oldest = this.buffer.oldestOf(index);
        if (oldest === null) return null;
        const result = await this.api.logs.older({
          container: source.id,
          before: oldest.ts,
          skip: oldest.count,
          limit: PAGE,
          after: oldest.after,
          ...(this.range.since ? { since: this.range.since } : {}),
        });
        return { index, result };
      }),
    );
    let cut = '';
    let failure: string | null = null;
    const unpacked = pages.map((p) =>
      p?.result.ok ? { index: p.index, page: p.result.value, lines: unpackBatch(p.result.value) } : null,
    );
    for (const p of pages) if (p !== null && !p.result.ok) failure = p.result.error.message;
    for (const u of unpacked) if (u !== null && !u.page.atStart) cut = maxTs(cut, u.lines[0]?.ts ?? '');
    const kept: (UnpackedLine & { source: number })[][] = [];
    for (const u of unpacked) {
      if (u === null) continue;
      const keepFrom = u.lines.findIndex((l) => l.ts >= cut);
      const source = this.sources[u.index];
      if (source && u.page.atStart && (cut === '' || keepFrom === 0)) source.atStart = true;
      if (keepFrom < 0) continue;
      kept.push(u.lines.slice(keepFrom).map((line) => ({ ...line, source: u.index })));
    }
    this.buffer.prepend(interleave(kept));
    this.changed();
    return failure;
  }

  private take(index: number, chunk: LogsChunk): void {
    const source = this.sources[index];
    if (source === undefined) return;
    switch (chunk.kind) {
      case 'lines':
        this.buffer.append(index, chunk);
        return this.forgetStartIfCapped();
      case 'notice':
        this.buffer.notice(index, chunk.ts, chunk.text);
        return;
      case 'beginning':
        // The cap may already have let the first lines go; then they are older lines to load again.
        if (this.buffer.dropped === this.droppedBefore) source.atStart = true;
        return this.changed();
      case 'opened':
        source.name = chunk.name;
        source.tty = chunk.tty;
        source.driver = chunk.driver;
        return this.changed();
    }
  }

  /** Lines of these containers the cap let go. */
  get dropped(): number {
    return this.buffer.dropped - this.droppedBefore;
  }

  /** Lines the cap let go can be loaded again: no source is at its start any more. */
  private forgetStartIfCapped(): void {
    if (this.buffer.dropped === this.droppedSeen) return;
    this.droppedSeen = this.buffer.dropped;
    if (!this.sources.some((s) => s.atStart)) return;
    for (const s of this.sources) s.atStart = false;
    this.changed();
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

const maxTs = (a: string, b: string) => (a > b ? a : b);

/**
 * Several containers' pages as one, by timestamp, each page keeping its own order: a log is not quite in
 * timestamp order (main's logs.older.ts), and sorting would move a line of one container past its neighbours.
 */
export function interleave<T extends { readonly ts: string }>(lists: readonly (readonly T[])[]): T[] {
  if (lists.length === 1) return [...(lists[0] ?? [])];
  const heads = lists.map(() => 0);
  const out: T[] = [];
  for (;;) {
    let pick = -1;
    let best = '';
    lists.forEach((list, i) => {
      const line = list[heads[i] ?? 0];
      if (line !== undefined && (pick < 0 || line.ts < best)) [pick, best] = [i, line.ts];
    });
    if (pick < 0) return out;
    const list = lists[pick] ?? [];
    out.push(list[heads[pick] ?? 0] as T);
    heads[pick] = (heads[pick] ?? 0) + 1;
  }
}
