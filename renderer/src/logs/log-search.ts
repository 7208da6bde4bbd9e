/**
 * Search over the buffer without blocking the page: the rows are scanned in slices of a few milliseconds,
 * yielding to the event loop between slices, and new rows are scanned as they arrive. Matches are kept as
 * absolute row indexes (one entry per occurrence), so dropping old rows only cuts the front of the list.
 */
import { stripAnsi } from './ansi';
import type { LogBuffer } from './log-buffer';

export interface SearchQuery {
  readonly text: string;
  readonly caseSensitive: boolean;
  readonly regex: boolean;
}

const SLICE_MS = 8;
const MAX_MATCHES = 1_000_000;

/** A RegExp for the query, or an error sentence for a pattern that does not compile. */
export function compileQuery(q: SearchQuery): RegExp | string | null {
  if (q.text === '') return null;
  const source = q.regex ? q.text : q.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return new RegExp(source, q.caseSensitive ? 'g' : 'gi');
  } catch (e) {
    return `Not a valid regular expression: ${(e as Error).message}`;
  }
}

/** [start, end) of every match in one line's visible text. */
export function matchRanges(text: string, pattern: RegExp): [number, number][] {
  const out: [number, number][] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

export class LogSearch {
  /** Absolute row index of every occurrence, in order. */
  hits: number[] = [];
  done = true;
  private scanned = 0;
  private epoch = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly buffer: LogBuffer,
    private readonly pattern: RegExp,
    private readonly onChange: () => void,
  ) {}

  /** Scans what is new since the last call (or everything again if rows moved). */
  update(): void {
    const b = this.buffer;
    if (b.epoch !== this.epoch) {
      this.epoch = b.epoch;
      this.hits = [];
      this.scanned = b.offset;
    }
    if (this.hits.length > 0 && (this.hits[0] ?? 0) < b.offset) {
      this.hits = this.hits.filter((h) => h >= b.offset);
    }
    this.scanned = Math.max(this.scanned, b.offset);
    if (this.timer === undefined && this.scanned < b.offset + b.length) this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.done = false;
    this.timer = setTimeout(() => this.slice(), 0);
  }

  private slice(): void {
    this.timer = undefined;
    const b = this.buffer;
    if (b.epoch !== this.epoch) return this.update();
    const deadline = performance.now() + SLICE_MS;
    const end = b.offset + b.length;
    let i = Math.max(this.scanned, b.offset);
    while (i < end && this.hits.length < MAX_MATCHES) {
      for (let n = matchRanges(stripAnsi(b.text[i - b.offset] ?? ''), this.pattern).length; n > 0; n--) {
        this.hits.push(i);
      }
      i += 1;
      if ((i & 255) === 0 && performance.now() > deadline) break;
    }
    this.scanned = i;
    if (i < end && this.hits.length < MAX_MATCHES) this.schedule();
    else this.done = true;
    this.onChange();
  }
}
