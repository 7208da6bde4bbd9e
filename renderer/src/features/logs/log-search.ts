/**
 * Search over the buffer without blocking the page: the rows are scanned in slices of a few milliseconds,
 * yielding to the event loop between slices, and new rows are scanned as they arrive. The pattern runs over a
 * chunk's joined text in one go (multiline, so ^ and $ still mean a line's ends), which is much faster than a
 * string per line; a chunk holding ANSI codes, a pattern with a lookaround, and a line where a match would cross a
 * newline, are searched line by line instead so that counts agree with what a row highlights. Matches are kept as absolute row indexes
 * (one entry per occurrence), so dropping old rows only cuts the front of the list.
 */
import { stripAnsi } from './ansi';
import type { LogBuffer } from './log-buffer';
import { lineStarts, textOf, type Chunk } from './log-chunk';

export interface SearchQuery {
  readonly text: string;
  readonly caseSensitive: boolean;
  readonly regex: boolean;
}

const SLICE_MS = 8;
const MAX_MATCHES = 1_000_000;
/** Lines scanned between two looks at the clock. */
const STEP_LINES = 20_000;
const ESC = '\u001b';

/** A RegExp for the query, or an error sentence for a pattern that does not compile. */
export function compileQuery(q: SearchQuery): RegExp | string | null {
  if (q.text === '') return null;
  const source = q.regex ? q.text : q.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return new RegExp(source, q.caseSensitive ? 'gm' : 'gim');
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

  /** A lookbehind or lookahead would see the neighbouring lines in the joined text: search line by line. */
  private readonly looksAround: boolean;

  constructor(
    private readonly buffer: LogBuffer,
    private readonly pattern: RegExp,
    private readonly onChange: () => void,
  ) {
    this.looksAround = /\(\?<?[=!]/.test(pattern.source);
  }

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
      const at = b.locate(i - b.offset);
      if (at === null) break;
      const { chunk, line } = at;
      const to = Math.min(chunk.skip + chunk.count, line + STEP_LINES);
      this.scan(chunk, line, to);
      i += to - line;
      if (performance.now() > deadline) break;
    }
    this.scanned = i;
    if (i < end && this.hits.length < MAX_MATCHES) this.schedule();
    else this.done = true;
    this.onChange();
  }

  /** Lines [from, to) of a chunk (indexes into its strings). */
  private scan(c: Chunk, from: number, to: number): void {
    const starts = lineStarts(c);
    const begin = starts[from] ?? 0;
    const stop = (starts[to] ?? 1) - 1;
    const row = (line: number) => c.at + line - c.skip;
    const esc = c.text.indexOf(ESC, begin);
    if ((esc >= 0 && esc < stop) || this.looksAround) {
      for (let l = from; l < to; l++) this.push(row(l), matchRanges(stripAnsi(textOf(c, l)), this.pattern).length);
      return;
    }
    const re = this.pattern;
    re.lastIndex = begin;
    let line = from;
    let inLine = 0;
    for (let m = re.exec(c.text); m !== null && m.index < stop; m = re.exec(c.text)) {
      if (m[0].length === 0) {
        re.lastIndex += 1;
        continue;
      }
      const hitLine = lineAt(starts, line, m.index);
      if (hitLine !== line) inLine = 0;
      line = hitLine;
      if (m[0].includes('\n')) {
        // Not a match of any one line: count this line on its own and go on from the next.
        this.hits.length -= inLine;
        this.push(row(line), matchRanges(textOf(c, line), re).length);
        re.lastIndex = starts[line + 1] ?? c.text.length + 1;
        line += 1;
        inLine = 0;
        continue;
      }
      this.hits.push(row(line));
      inLine += 1;
    }
  }

  private push(row: number, times: number): void {
    for (let n = times; n > 0; n--) this.hits.push(row);
  }
}

/** The line holding text position `pos`, looking forward from line `from`. */
function lineAt(starts: Int32Array, from: number, pos: number): number {
  let l = from;
  while ((starts[l + 1] ?? Infinity) <= pos) l += 1;
  return l;
}
