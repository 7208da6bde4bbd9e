/**
 * One packed batch of lines as the renderer keeps it: the strings that came over the wire, plus where each line
 * starts, found only when a row is drawn or searched. `skip` lines at the front and everything past `count` are
 * hidden (dropped by the cap, or cut off by a merge); the strings stay whole because slicing costs more.
 */
import type { LogBatch } from '../../../../shared/dto/logs';
import type { UnpackedLine } from '../../../../shared/log-batch';

export const STDERR = 1;
export const NOTICE = 2;
const SOURCE_SHIFT = 2;

export const sourceOf = (flags: number): number => flags >>> SOURCE_SHIFT;

const E = 101; // 'e'
const N = 110; // 'n'

export interface Chunk extends LogBatch {
  /** Absolute row index of the first shown line. */
  at: number;
  skip: number;
  count: number;
  /** The source of every line, or per line when a merge mixed sources. */
  readonly source: number | readonly number[];
  textStarts: Int32Array | null;
  timeStarts: Int32Array | null;
}

export function chunkOf(source: number | readonly number[], batch: LogBatch, at: number): Chunk {
  const { text, streams, times } = batch;
  return { text, streams, times, at, skip: 0, count: streams.length, source, textStarts: null, timeStarts: null };
}

/** A line from Berth itself (a restart, the engine coming back). */
export const noticeChunk = (source: number, ts: string, text: string, at: number): Chunk =>
  chunkOf(source, { text, streams: 'n', times: ts }, at);

/** Start of every line of a '\n'-joined string, plus one past the end, as an end marker. */
function starts(joined: string, lines: number): Int32Array {
  const out = new Int32Array(lines + 1);
  let at = 0;
  for (let i = 0; i < lines; i++) {
    out[i] = at;
    const nl = joined.indexOf('\n', at);
    at = nl < 0 ? joined.length + 1 : nl + 1;
  }
  out[lines] = joined.length + 1;
  return out;
}

export function lineStarts(c: Chunk): Int32Array {
  return (c.textStarts ??= starts(c.text, c.streams.length));
}

/** `i` counts from the chunk's first line, hidden ones included. */
export function textOf(c: Chunk, i: number): string {
  const s = lineStarts(c);
  return c.text.slice(s[i] ?? 0, (s[i + 1] ?? 1) - 1);
}

export function timeOf(c: Chunk, i: number): string {
  const s = (c.timeStarts ??= starts(c.times, c.streams.length));
  return c.times.slice(s[i] ?? 0, (s[i + 1] ?? 1) - 1);
}

export function flagsOf(c: Chunk, i: number): number {
  const code = c.streams.charCodeAt(i);
  const source = typeof c.source === 'number' ? c.source : (c.source[i] ?? 0);
  return (source << SOURCE_SHIFT) | (code === E ? STDERR : code === N ? NOTICE : 0);
}

/** The shown lines of a chunk as objects, for merges (which touch only few lines). */
export function linesOf(c: Chunk, from = 0): (UnpackedLine & { source: number; notice: boolean })[] {
  const out: (UnpackedLine & { source: number; notice: boolean })[] = [];
  for (let i = c.skip + from; i < c.skip + c.count; i++) {
    const flags = flagsOf(c, i);
    const notice = (flags & NOTICE) !== 0;
    out.push({ ts: timeOf(c, i), text: textOf(c, i), stderr: (flags & STDERR) !== 0, source: sourceOf(flags), notice });
  }
  return out;
}

/** Packs lines of several sources, in the order given, into one chunk. */
export function mixedChunk(lines: readonly (UnpackedLine & { source: number; notice?: boolean })[], at: number): Chunk {
  const batch = {
    text: lines.map((l) => l.text).join('\n'),
    streams: lines.map((l) => (l.notice ? 'n' : l.stderr ? 'e' : 'o')).join(''),
    times: lines.map((l) => l.ts).join('\n'),
  };
  const first = lines[0]?.source ?? 0;
  const same = lines.every((l) => l.source === first);
  return chunkOf(same ? first : lines.map((l) => l.source), batch, at);
}
