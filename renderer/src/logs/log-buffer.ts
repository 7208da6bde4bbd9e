/**
 * The lines of a log view, outside React: parallel arrays (no object per line), kept in timestamp order
 * across several containers, capped by dropping the oldest lines. Rows are addressed by an absolute index
 * (`offset + i`) that survives dropping from the front; `epoch` changes whenever rows move otherwise
 * (older lines put in front, lines merged between others, clear), which tells a search to start again.
 */
import type { LogLines } from '../../../shared/dto/logs';

export const STDERR = 1;
export const NOTICE = 2;
const SOURCE_SHIFT = 2;

export const sourceOf = (flags: number): number => flags >>> SOURCE_SHIFT;

export class LogBuffer {
  ts: string[] = [];
  text: string[] = [];
  flags: number[] = [];
  /** Absolute index of row 0. */
  offset = 0;
  epoch = 0;
  /** Every line ever added, dropped or not. */
  received = 0;
  /** Lines dropped from the front because of the cap. */
  dropped = 0;
  private listeners = new Set<() => void>();

  constructor(public cap: number) {}

  setCap(cap: number): void {
    this.cap = cap;
    this.trim();
  }

  get length(): number {
    return this.text.length;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Newer lines of one source. They go at the end unless another source already shows later lines. */
  append(source: number, lines: LogLines): void {
    const n = lines.text.length;
    if (n === 0) return;
    const flags = columnFlags(source, lines);
    const last = this.ts[this.ts.length - 1];
    const first = lines.ts[0] ?? '';
    if (last === undefined || first >= last) {
      for (let i = 0; i < n; i++) {
        this.ts.push(lines.ts[i] ?? '');
        this.text.push(lines.text[i] ?? '');
        this.flags.push(flags[i] ?? 0);
      }
    } else this.mergeTail(lines, flags);
    this.received += n;
    this.trim();
    this.changed();
  }

  /** A line from Berth itself (a restart, the engine coming back), shown where it happened: at the end. */
  notice(source: number, ts: string, text: string): void {
    this.ts.push(ts);
    this.text.push(text);
    this.flags.push((source << SOURCE_SHIFT) | NOTICE);
    this.changed();
  }

  /** Older lines, already in order, all older than what the buffer holds. */
  prepend(ts: readonly string[], text: readonly string[], flags: readonly number[]): void {
    if (text.length === 0) return;
    this.ts = [...ts, ...this.ts];
    this.text = [...text, ...this.text];
    this.flags = [...flags, ...this.flags];
    this.offset -= text.length;
    this.epoch += 1;
    this.changed();
  }

  clear(): void {
    this.offset += this.text.length;
    this.ts = [];
    this.text = [];
    this.flags = [];
    this.epoch += 1;
    this.changed();
  }

  /** Drops the oldest lines past the cap, in steps of a tenth so the arrays are not shifted per batch. */
  trim(): void {
    const excess = this.text.length - this.cap;
    if (excess <= 0 || excess < Math.max(1, Math.floor(this.cap / 10))) return;
    this.ts.splice(0, excess);
    this.text.splice(0, excess);
    this.flags.splice(0, excess);
    this.offset += excess;
    this.dropped += excess;
  }

  /** The oldest line of a source and how many lines share its timestamp: the cursor for "load older". */
  oldestOf(source: number): { ts: string; count: number } | null {
    let ts: string | null = null;
    let count = 0;
    for (let i = 0; i < this.flags.length; i++) {
      const f = this.flags[i] ?? 0;
      if (f & NOTICE || sourceOf(f) !== source) continue;
      if (ts === null) ts = this.ts[i] ?? '';
      else if (this.ts[i] !== ts) break;
      count += 1;
    }
    return ts === null ? null : { ts, count };
  }

  private mergeTail(lines: LogLines, flags: readonly number[]): void {
    const first = lines.ts[0] ?? '';
    let lo = 0;
    let hi = this.ts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ts[mid] ?? '') <= first) lo = mid + 1;
      else hi = mid;
    }
    const tailTs = this.ts.splice(lo);
    const tailText = this.text.splice(lo);
    const tailFlags = this.flags.splice(lo);
    let a = 0;
    let b = 0;
    while (a < tailTs.length || b < lines.ts.length) {
      const takeOld = b >= lines.ts.length || (a < tailTs.length && (tailTs[a] ?? '') <= (lines.ts[b] ?? ''));
      if (takeOld) {
        this.ts.push(tailTs[a] ?? '');
        this.text.push(tailText[a] ?? '');
        this.flags.push(tailFlags[a] ?? 0);
        a += 1;
      } else {
        this.ts.push(lines.ts[b] ?? '');
        this.text.push(lines.text[b] ?? '');
        this.flags.push(flags[b] ?? 0);
        b += 1;
      }
    }
    this.epoch += 1;
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

export function columnFlags(source: number, lines: LogLines): number[] {
  const base = source << SOURCE_SHIFT;
  const flags = new Array<number>(lines.text.length).fill(base);
  for (const i of lines.stderr) flags[i] = base | STDERR;
  return flags;
}
