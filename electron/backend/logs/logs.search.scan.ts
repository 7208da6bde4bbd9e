/**
 * One pass over a run of a container's lines for a whole-history search. Lines stay the engine's bytes: a cheap
 * test on the bytes (a native byte search for a literal) picks the candidates, and only those are decoded and
 * matched exactly. The few lines of context before a line are kept as views into the socket's chunks (the
 * decoder never reuses them), so a line that matches nothing costs no string at all.
 */
import type { LogSearchHit } from '../../../shared/dto/logs';
import type { OutputStream } from './logs.demux';
import type { Matcher } from './logs.match';

/** Context lines are cut to this many characters. */
const CONTEXT_CHARS = 2_000;

/** True when the line may match: never false for a line the matcher would accept. */
export type Prefilter = (raw: Buffer) => boolean;

export interface LineMatch {
  readonly prefilter: Prefilter;
  readonly matcher: Matcher;
}

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The byte test for a query: exact for a literal, case-blind over ASCII for a literal without case; else none. */
export function prefilterFor(q: { query: string; regex: boolean; caseSensitive: boolean }): Prefilter {
  if (q.regex) return () => true;
  if (q.caseSensitive) {
    const needle = Buffer.from(q.query, 'utf8');
    return (raw) => raw.indexOf(needle) >= 0;
  }
  if (isAscii(q.query)) {
    // Bytes as Latin-1 make a one-byte string with no UTF-8 decoding; an ASCII letter never matches a byte >= 0x80.
    const re = new RegExp(escape(q.query), 'i');
    return (raw) => re.test(raw.toString('latin1'));
  }
  return () => true;
}

export interface ScanCount {
  hits: number;
  lines: number;
  bytes: number;
  done: boolean;
  error?: string;
}

interface Line {
  readonly stream: OutputStream;
  readonly ts: string;
  readonly raw: Buffer;
}

interface Pending {
  readonly line: Line;
  readonly text: string;
  readonly match: readonly [number, number];
  readonly before: readonly Buffer[];
  readonly after: Buffer[];
}

const contextText = (raw: Buffer) => {
  const text = raw.toString('utf8', 0, Math.min(raw.length, CONTEXT_CHARS * 4));
  return text.length > CONTEXT_CHARS ? text.slice(0, CONTEXT_CHARS) : text;
};

/**
 * Matches lines in log order with `context` lines either side. `line(..., matchable=false)` feeds a line that is
 * only context (it is matched in another pass).
 */
export class LineScanner {
  private ring: Buffer[] = [];
  private pending: Pending[] = [];

  constructor(
    private readonly who: { readonly id: string; readonly name: string },
    private readonly context: number,
    private readonly match: LineMatch,
    private readonly count: ScanCount,
    /** False once the scan is to stop (the result cap was reached). */
    private readonly onHit: (hit: LogSearchHit) => boolean,
  ) {}

  /** False once the scan is to stop. */
  line(stream: OutputStream, ts: string, raw: Buffer, matchable = true): boolean {
    let go = true;
    if (this.pending.length > 0) {
      for (const p of this.pending) p.after.push(raw);
      while (this.pending[0] !== undefined && this.pending[0].after.length >= this.context) {
        go = this.send(this.pending.shift() as Pending) && go;
      }
    }
    if (matchable) {
      this.count.lines++;
      this.count.bytes += raw.length + ts.length + 2;
      if (go && this.match.prefilter(raw)) {
        const text = raw.toString('utf8');
        const at = this.match.matcher(text);
        if (at !== null) {
          this.count.hits++;
          const p: Pending = { line: { stream, ts, raw }, text, match: at, before: this.ring.slice(), after: [] };
          if (this.context === 0) go = this.send(p);
          else this.pending.push(p);
        }
      }
    }
    if (this.context > 0) {
      this.ring.push(raw);
      if (this.ring.length > this.context) this.ring.shift();
    }
    return go;
  }

  /** The run ended: hits still waiting for context go out with what there is. */
  finish(): void {
    for (const p of this.pending) this.send(p);
    this.pending = [];
    this.ring = [];
  }

  private send(p: Pending): boolean {
    return this.onHit({
      container: this.who.id,
      name: this.who.name,
      stream: p.line.stream,
      ts: p.line.ts,
      text: p.text,
      match: p.match,
      before: p.before.map(contextText),
      after: p.after.map(contextText),
    });
  }
}
