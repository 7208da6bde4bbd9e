/**
 * "Load older": the lines just before the view's oldest line, in the log's own order.
 *
 * The engine stamps a line when the copier of its stream reads it and appends it to the log when that copier gets
 * the log's lock, so the log is not quite in timestamp order: measured here under load, a stderr line stamped
 * 130 µs before the 83 stdout lines written ahead of it. And since/until filter in the log's order: `since` skips
 * each earlier line, but `until` ends the answer at the first later one (checked against `docker logs` on
 * Engine 20.10). Asking for "the lines up to the cursor's time" can therefore stop short of the cursor and lose
 * the lines in between. So a page is read up to SLACK past the cursor and the cursor is found in the answer by its
 * timestamp and how many lines carry it. The read is the log's newest lines (`tail`), which holds no gap; when the
 * cursor is too far from the end, it is a window of time, and then only the lines from the first one stamped SLACK
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
  /** How many lines the view holds from the cursor on, if it said: how far from the log's end to look. */
  readonly after?: number;
}

export interface OlderLine {
  readonly stream: OutputStream;
  readonly ts: string;
  readonly text: Buffer;
}

/** Reads the lines stamped from `sinceNs` on, in log order, ending at the first one stamped after `untilNs`. */
export type WindowReader = (sinceNs: bigint, untilNs: bigint, sink: LineSink, signal: AbortSignal) => Promise<void>;
/** Reads the newest `tail` lines of the log, in log order, ending at the first one stamped after `untilNs`. */
export type TailReader = (tail: number, untilNs: bigint, sink: LineSink, signal: AbortSignal) => Promise<void>;

export interface OlderReaders {
  readonly window: WindowReader;
  readonly tail: TailReader;
}

export interface OlderPage {
  readonly lines: OlderLine[];
  readonly atStart: boolean;
}

/** Lines the log may have gained past the view's newest one while it asked; the tail reaches this much further. */
const TAIL_MARGIN = 1_000;
/** Past this many lines from the end, the tail gives way to time windows. */
const MAX_TAIL = 4_000_000;

/**
 * The newest `limit` lines before the cursor, oldest first, and whether they reach back to the log's start
 * (`startNs`: no line is stamped before it). The log's end is the cheap place to start: the engine finds its newest
 * lines without decoding the rest, while `since` makes it decode the log from its first line (measured on a
 * 1,000,000-line log: 50 ms for the 2,000 newest lines, 2.5 s for the lines of its last 50 ms).
 */
export async function readOlder(
  read: OlderReaders,
  cursor: OlderCursor,
  startNs: bigint,
  limit: number,
): Promise<OlderPage> {
  return (await olderFromTheEnd(read.tail, cursor, limit)) ?? olderByTime(read.window, cursor, startNs, limit);
}

/**
 * Reads the newest lines, enough to reach past the cursor by `limit`, growing fourfold while the cursor is not
 * among them; null when it is not within MAX_TAIL lines of the end.
 */
async function olderFromTheEnd(read: TailReader, cursor: OlderCursor, limit: number): Promise<OlderPage | null> {
  const cursorNs = timestampToNs(cursor.ts);
  const untilNs = cursorNs + SLACK_NS;
  // A line stamped this early can only come before the cursor: an answer starting there already reaches past it.
  const wellBefore = nsToTimestamp(cursorNs - SLACK_NS);
  let before = -1;
  for (let tail = (cursor.after ?? limit) + limit + 1 + TAIL_MARGIN; tail <= MAX_TAIL; tail *= 4) {
    const scan = new CursorScan(cursor, limit, '');
    const controller = new AbortController();
    await read(tail, untilNs, scan.sink(controller), controller.signal);
    const { lines, total, found, first } = scan.finish();
    // Not in the answer although the answer starts before it: the cursor is gone, or stamped far out of order.
    if (!found && first !== '' && first < wellBefore) return null;
    if (!found) continue;
    if (total > limit) return { lines, atStart: false };
    // A longer tail found no more lines before the cursor: it reaches the log's first line.
    if (total === before) return { lines, atStart: true };
    before = total;
  }
  return null;
}

/** Reads windows of time back from the cursor, growing eightfold while they hold too few lines. */
async function olderByTime(
  read: WindowReader,
  cursor: OlderCursor,
  startNs: bigint,
  limit: number,
): Promise<OlderPage> {
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
  /** The timestamp of the answer's first line. */
  private first = '';
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
      if (line.seq === 0) this.first = ts;
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

  /**
   * The newest `limit` lines before the cursor, how many lines there are from the first safe one to it, and whether
   * the cursor was in the answer at all.
   */
  finish(): { lines: OlderLine[]; total: number; found: boolean; first: string } {
    const from = this.firstSafe < 0 ? this.seq : this.firstSafe;
    const first = this.first;
    if (this.matches === 0) {
      const ahead = this.older.all().filter((l) => l.seq >= from);
      return { lines: strip(ahead.slice(-this.limit)), total: this.olderSafe, found: false, first };
    }
    // The cursor is the first of the last `held` lines carrying its timestamp; with none held, just past them all.
    const matchAt = this.group.flatMap((l, i) => (l.ts === this.cursor.ts ? [i] : []));
    const last = matchAt[matchAt.length - 1] ?? 0;
    const at = this.cursor.held === 0 ? last + 1 : (matchAt[Math.max(0, matchAt.length - this.cursor.held)] ?? 0);
    const cursorSeq = this.group[at]?.seq ?? this.seq;
    const ahead = [...this.before.all(), ...this.group.slice(0, at)].filter((l) => l.seq >= from);
    return { lines: strip(ahead.slice(-this.limit)), total: Math.max(0, cursorSeq - from), found: true, first };
  }
}

const strip = (lines: readonly Seen[]): OlderLine[] => lines.map(({ stream, ts, text }) => ({ stream, ts, text }));
