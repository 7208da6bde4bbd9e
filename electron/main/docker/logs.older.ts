/**
 * "Load older": the lines just before the view's oldest line, in the log's own order.
 *
 * The engine stamps a line when the copier of its stream reads it and appends it to the log when that copier gets
 * the log's lock, so the log is not quite in timestamp order: measured here under load, a stderr line stamped
 * 130 µs before the 83 stdout lines written ahead of it. And since/until filter in the log's order: `since` skips
 * each earlier line, but `until` ends the answer at the first later one (checked against `docker logs` on
 * Engine 20.10). Asking for "the lines up to the cursor's time" can therefore stop short of the cursor and lose
 * the lines in between. So a page is read over a window that reaches SLACK past the cursor, the cursor is found
 * in the answer by its timestamp and how many lines carry it, and only the lines from the first one stamped SLACK
 * after the window's start are kept: by then no line of the log can have been skipped by `since`.
 */
import type { OutputStream } from './logs.demux';
import type { LineSink } from './logs.decode';
import { SECOND_NS, nsToTimestamp, timestampToNs } from './logs.time';

/** How far the log's order may stray from timestamp order. Generous: what was measured is well under 2 ms. */
export const SLACK_NS = SECOND_NS;
/** The first window read back; it grows eightfold while it holds too few lines. */
const FIRST_WINDOW_NS = 10n * SECOND_NS;
/** Lines read past the last line carrying the cursor's timestamp before the read stops: it is well past. */
const PAST_CURSOR = 10_000;

export interface OlderCursor {
  /** The timestamp of the oldest line the view holds. */
  readonly ts: string;
  /** How many lines the view holds with exactly that timestamp. */
  readonly held: number;
}

export interface OlderLine {
  readonly stream: OutputStream;
  readonly ts: string;
  readonly text: Buffer;
}

/** Reads the lines stamped from `sinceNs` on, in log order, ending at the first one stamped after `untilNs`. */
export type WindowReader = (sinceNs: bigint, untilNs: bigint, sink: LineSink, signal: AbortSignal) => Promise<void>;

/**
 * The newest `limit` lines before the cursor, oldest first, and whether they reach back to the log's start
 * (`startNs`: no line is stamped before it).
 */
export async function readOlder(
  read: WindowReader,
  cursor: OlderCursor,
  startNs: bigint,
  limit: number,
): Promise<{ lines: OlderLine[]; atStart: boolean }> {
  const cursorNs = timestampToNs(cursor.ts);
  for (let windowNs = FIRST_WINDOW_NS; ; windowNs *= 8n) {
    const fromStart = cursorNs - windowNs <= startNs;
    const sinceNs = fromStart ? startNs : cursorNs - windowNs;
    const scan = new CursorScan(cursor, limit, fromStart ? '' : nsToTimestamp(sinceNs + SLACK_NS));
    const controller = new AbortController();
    await read(sinceNs, cursorNs + SLACK_NS, scan.sink(controller), controller.signal);
    const { lines, total } = scan.finish();
    if (fromStart) return { lines, atStart: total <= limit };
    if (lines.length >= limit) return { lines, atStart: false };
  }
}

interface Seen extends OlderLine {
  /** Position in the answer. */
  readonly seq: number;
}

/** The newest `cap` items pushed, oldest first. */
class Ring<T> {
  private items: T[] = [];
  constructor(private readonly cap: number) {}
  push(item: T): void {
    this.items.push(item);
    if (this.items.length >= this.cap * 2) this.items.splice(0, this.items.length - this.cap);
  }
  all(): T[] {
    return this.items;
  }
}

/**
 * One window's answer, line by line: what came before the lines carrying the cursor's timestamp, those lines and
 * what follows them (the cursor is the first of the last `held` of them), and the lines stamped before the cursor
 * in case the cursor is not in the answer at all (its log was rotated away).
 */
class CursorScan {
  private seq = 0;
  /** The first line stamped at or after `safeTs`; lines before it may have neighbours `since` skipped. */
  private firstSafe = -1;
  private readonly before: Ring<Seen>;
  private readonly older: Ring<Seen>;
  private olderSafe = 0;
  private readonly group: Seen[] = [];
  private matches = 0;
  private sinceMatch = 0;
  private done = false;

  constructor(
    private readonly cursor: OlderCursor,
    private readonly limit: number,
    private readonly safeTs: string,
  ) {
    this.before = new Ring(limit);
    this.older = new Ring(limit);
  }

  sink(controller: AbortController): LineSink {
    return (stream, ts, text) => {
      if (this.done) return;
      const line: Seen = { seq: this.seq++, stream, ts, text: Buffer.from(text) };
      if (this.firstSafe < 0 && ts >= this.safeTs) this.firstSafe = line.seq;
      if (ts < this.cursor.ts) {
        this.older.push(line);
        if (this.firstSafe >= 0) this.olderSafe += 1;
      }
      if (ts === this.cursor.ts) {
        this.matches += 1;
        this.sinceMatch = 0;
      } else if (this.matches > 0 && ++this.sinceMatch > PAST_CURSOR) {
        this.done = true;
        controller.abort();
        return;
      }
      if (this.matches > 0) this.group.push(line);
      else this.before.push(line);
    };
  }

  /** The newest `limit` lines before the cursor, and how many lines there are from the first safe one to it. */
  finish(): { lines: OlderLine[]; total: number } {
    const from = this.firstSafe < 0 ? this.seq : this.firstSafe;
    if (this.matches === 0) {
      const ahead = this.older.all().filter((l) => l.seq >= from);
      return { lines: strip(ahead.slice(-this.limit)), total: this.olderSafe };
    }
    // The cursor is the first of the last `held` lines carrying its timestamp; with none held, just past them all.
    const matchAt = this.group.flatMap((l, i) => (l.ts === this.cursor.ts ? [i] : []));
    const last = matchAt[matchAt.length - 1] ?? 0;
    const at = this.cursor.held === 0 ? last + 1 : (matchAt[Math.max(0, matchAt.length - this.cursor.held)] ?? 0);
    const cursorSeq = this.group[at]?.seq ?? this.seq;
    const ahead = [...this.before.all(), ...this.group.slice(0, at)].filter((l) => l.seq >= from);
    return { lines: strip(ahead.slice(-this.limit)), total: Math.max(0, cursorSeq - from) };
  }
}

const strip = (lines: readonly Seen[]): OlderLine[] => lines.map(({ stream, ts, text }) => ({ stream, ts, text }));
