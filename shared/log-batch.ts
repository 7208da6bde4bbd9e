/** Packing and unpacking log batches (shared/dto/logs.ts) line by line, for the places that hold few lines. */
import type { LogBatch } from './dto/logs';

export interface UnpackedLine {
  readonly ts: string;
  readonly text: string;
  readonly stderr: boolean;
}

/** One object per line, for the few places that want them (tests, small pages). */
export function unpackBatch(batch: LogBatch): UnpackedLine[] {
  const n = batch.streams.length;
  if (n === 0) return [];
  const text = batch.text.split('\n');
  const times = batch.times.split('\n');
  const out: UnpackedLine[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ ts: times[i] ?? '', text: text[i] ?? '', stderr: batch.streams.charCodeAt(i) === 101 });
  }
  return out;
}

/** The inverse of unpackBatch. */
export function packBatch(lines: readonly UnpackedLine[]): LogBatch {
  return {
    text: lines.map((l) => l.text).join('\n'),
    streams: lines.map((l) => (l.stderr ? 'e' : 'o')).join(''),
    times: lines.map((l) => l.ts).join('\n'),
  };
}
