/**
 * The lines of a log view, outside React: the packed batches as they arrived (log-chunk.ts), kept in timestamp
 * order across several containers, capped by dropping the oldest lines. No string or object is made per line
 * until a row is drawn. Rows are addressed by an absolute index (`offset + i`) that survives dropping from the
 * front; `epoch` changes whenever rows move otherwise (older lines put in front, lines merged between others,
 * clear), which tells a search to start again.
 */
import type { LogBatch } from '../../../../shared/dto/logs';
import { unpackBatch, type UnpackedLine } from '../../../../shared/log-batch';
import { chunkOf, flagsOf, linesOf, mixedChunk, NOTICE, noticeChunk, sourceOf, textOf, timeOf } from './log-chunk';
import type { Chunk } from './log-chunk';

export { NOTICE, STDERR, sourceOf } from './log-chunk';

export class LogBuffer {
  chunks: Chunk[] = [];
  /** Absolute index of row 0. */
  offset = 0;
  length = 0;
  epoch = 0;
  /** Every line ever added, dropped or not. */
  received = 0;
  /** Lines dropped from the front because of the cap. */
  dropped = 0;
  private last = 0;
  private listeners = new Set<() => void>();

  constructor(public cap: number) {}

  setCap(cap: number): void {
    this.cap = cap;
    this.trim();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Newer lines of one source. They go at the end unless another source already shows later lines. */
  append(source: number, batch: LogBatch): void {
    const n = batch.streams.length;
    if (n === 0) return;
    const chunk = chunkOf(source, batch, this.offset + this.length);
    const last = this.length > 0 ? this.tsAt(this.length - 1) : undefined;
    // A source's own lines keep the log's order, which is not quite timestamp order (main's logs.older.ts).
    if (last === undefined || timeOf(chunk, 0) >= last || this.sourceAt(this.length - 1) === source) this.push(chunk);
    else this.mergeTail(source, batch, chunk);
    this.received += n;
    this.trim();
    this.changed();
  }

  /** A line from Berth itself (a restart, the engine coming back), shown where it happened: at the end. */
  notice(source: number, ts: string, text: string): void {
    this.push(noticeChunk(source, ts, text, this.offset + this.length));
    this.changed();
  }

  /** Older lines, already in order, all older than what the buffer holds. */
  prepend(lines: readonly (UnpackedLine & { source: number })[]): void {
    if (lines.length === 0) return;
    this.offset -= lines.length;
    this.length += lines.length;
    this.chunks.unshift(mixedChunk(lines, this.offset));
    this.epoch += 1;
    this.changed();
  }

  clear(): void {
    this.offset += this.length;
    this.length = 0;
    this.chunks = [];
    this.epoch += 1;
    this.changed();
  }

  /** Drops the oldest lines past the cap, in steps of a tenth so that little work is done per batch. */
  trim(): void {
    let excess = this.length - this.cap;
    if (excess <= 0 || excess < Math.max(1, Math.floor(this.cap / 10))) return;
    this.offset += excess;
    this.length -= excess;
    this.dropped += excess;
    let whole = 0;
    for (const c of this.chunks) {
      if (c.count > excess) break;
      excess -= c.count;
      whole += 1;
    }
    this.chunks.splice(0, whole);
    const first = this.chunks[0];
    if (first && excess > 0) {
      first.skip += excess;
      first.count -= excess;
      first.at += excess;
    }
  }

  /** The chunk holding row `i` (0-based) and the line's index within the chunk's strings. */
  locate(i: number): { chunk: Chunk; line: number } | null {
    const abs = this.offset + i;
    let c = this.chunks[this.last];
    if (c === undefined || abs < c.at || abs >= c.at + c.count) {
      let lo = 0;
      let hi = this.chunks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if ((this.chunks[mid]?.at ?? 0) <= abs) lo = mid;
        else hi = mid - 1;
      }
      this.last = lo;
      c = this.chunks[lo];
    }
    if (c === undefined || abs < c.at || abs >= c.at + c.count) return null;
    return { chunk: c, line: c.skip + abs - c.at };
  }

  textAt(i: number): string {
    const p = this.locate(i);
    return p ? textOf(p.chunk, p.line) : '';
  }

  tsAt(i: number): string {
    const p = this.locate(i);
    return p ? timeOf(p.chunk, p.line) : '';
  }

  flagsAt(i: number): number {
    const p = this.locate(i);
    return p ? flagsOf(p.chunk, p.line) : 0;
  }

  /** How many rows went to stderr, counted in the stream letters. */
  stderrCount(): number {
    let n = 0;
    for (const c of this.chunks) n += countOf(c.streams, 'e', c.skip, c.skip + c.count);
    return n;
  }

  /** Absolute indexes of the stderr rows, found in the stream letters without touching the text. */
  stderrRows(): number[] {
    const out: number[] = [];
    for (const c of this.chunks) {
      const end = c.skip + c.count;
      for (let i = c.streams.indexOf('e', c.skip); i >= 0 && i < end; i = c.streams.indexOf('e', i + 1)) {
        out.push(c.at + i - c.skip);
      }
    }
    return out;
  }

  /**
   * The cursor for "load older": the oldest line of a source, how many of its lines the buffer holds with that
   * timestamp wherever they are, and how many of its lines the buffer holds in all.
   */
  oldestOf(source: number): { ts: string; count: number; after: number } | null {
    let ts: string | null = null;
    let count = 0;
    let after = 0;
    for (const c of this.chunks) {
      const own = typeof c.source === 'number';
      if (own && c.source !== source) continue;
      if (own) after += c.count - countOf(c.streams, 'n', c.skip, c.skip + c.count);
      // Whole chunks of the source without the timestamp are passed over without looking at their lines.
      if (own && ts !== null && !c.times.includes(ts)) continue;
      for (let i = c.skip; i < c.skip + c.count; i++) {
        const f = flagsOf(c, i);
        if (f & NOTICE || sourceOf(f) !== source) continue;
        if (!own) after += 1;
        const t = timeOf(c, i);
        ts ??= t;
        if (t === ts) count += 1;
      }
    }
    return ts === null ? null : { ts, count, after };
  }

  private sourceAt(i: number): number {
    return sourceOf(this.flagsAt(i));
  }

  private push(chunk: Chunk): void {
    this.chunks.push(chunk);
    this.length += chunk.count;
  }

  /**
   * Lines older than the newest shown: the rows after their first timestamp are merged with them line by line,
   * but never before a line of the same source.
   */
  private mergeTail(source: number, batch: LogBatch, chunk: Chunk): void {
    const first = unpackBatch(batch).map((l) => ({ ...l, source }));
    const firstTs = first[0]?.ts ?? '';
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.tsAt(mid) <= firstTs) lo = mid + 1;
      else hi = mid;
    }
    for (let i = this.length - 1; i >= lo; i--) {
      if (this.sourceAt(i) !== source) continue;
      lo = i + 1;
      break;
    }
    if (lo === this.length) return this.push(chunk);
    const tail: ReturnType<typeof linesOf> = [];
    const cut = this.offset + lo;
    const keep: Chunk[] = [];
    for (const c of this.chunks) {
      if (c.at + c.count <= cut) keep.push(c);
      else if (c.at >= cut) tail.push(...linesOf(c));
      else {
        tail.push(...linesOf(c, cut - c.at));
        c.count = cut - c.at;
        keep.push(c);
      }
    }
    const merged: (UnpackedLine & { source: number; notice?: boolean })[] = [];
    let a = 0;
    let b = 0;
    while (a < tail.length || b < first.length) {
      const old = tail[a];
      const fresh = first[b];
      if (old !== undefined && (fresh === undefined || old.ts <= fresh.ts)) {
        merged.push(old);
        a += 1;
      } else if (fresh !== undefined) {
        merged.push(fresh);
        b += 1;
      }
    }
    this.chunks = keep;
    this.length = lo;
    this.push(mixedChunk(merged, cut));
    this.epoch += 1;
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

/** How many times `letter` occurs in `text` from `from` to before `end`. */
function countOf(text: string, letter: string, from: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf(letter, from); i >= 0 && i < end; i = text.indexOf(letter, i + 1)) n += 1;
  return n;
}
