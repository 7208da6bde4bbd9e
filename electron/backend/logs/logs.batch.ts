/**
 * Packs decoded lines into batches (shared/dto/logs.ts) and hands them on by size or after a short wait, so a
 * backlog crosses the transport as a few large messages and a quiet container's line still shows at once. The
 * text is gathered as bytes and decoded as UTF-8 once per batch: no string is made per line. Decoding the
 * joined bytes gives the same text as decoding line by line, as '\n' ends any unfinished character.
 */
import type { LogBatch } from '../../../shared/dto/logs';
import type { OutputStream } from './logs.demux';

export interface BatchLimits {
  readonly maxLines: number;
  readonly maxBytes: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_BATCH: BatchLimits = { maxLines: 4000, maxBytes: 256 * 1024, maxDelayMs: 15 };

const NEWLINE = 0x0a;
const STDOUT = 0x6f; // 'o'
const STDERR = 0x65; // 'e'

/** Lines gathered as bytes: text joined by '\n' and one stream letter per line. */
export class PackedLines {
  private bytes: Buffer;
  private used = 0;
  private streams: Buffer;
  private times: string[] = [];

  constructor(bytes = 64 * 1024, lines = 1024) {
    this.bytes = Buffer.allocUnsafe(bytes);
    this.streams = Buffer.allocUnsafe(lines);
  }

  get lines(): number {
    return this.times.length;
  }

  get size(): number {
    return this.used;
  }

  add(stream: OutputStream, ts: string, text: Buffer): void {
    const n = this.times.length;
    const need = this.used + text.length + 1;
    if (need > this.bytes.length) this.bytes = grow(this.bytes, this.used, need);
    if (n >= this.streams.length) this.streams = grow(this.streams, n, n + 1);
    if (n > 0) this.bytes[this.used++] = NEWLINE;
    this.used += text.copy(this.bytes, this.used);
    this.streams[n] = stream === 'stderr' ? STDERR : STDOUT;
    this.times.push(ts);
  }

  /** The batch so far; the buffers are kept for the next one. */
  take(): LogBatch {
    const batch = {
      text: this.bytes.toString('utf8', 0, this.used),
      streams: this.streams.toString('latin1', 0, this.times.length),
      times: this.times.join('\n'),
    };
    this.used = 0;
    this.times = [];
    return batch;
  }
}

function grow(buf: Buffer, used: number, need: number): Buffer {
  const next = Buffer.allocUnsafe(Math.max(need, buf.length * 2));
  buf.copy(next, 0, 0, used);
  return next;
}

export class LineBatcher {
  private readonly packed: PackedLines;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deliver: (lines: LogBatch) => void,
    private readonly limits: BatchLimits = DEFAULT_BATCH,
  ) {
    this.packed = new PackedLines(limits.maxBytes + 1024, limits.maxLines);
  }

  add(stream: OutputStream, ts: string, text: Buffer): void {
    this.packed.add(stream, ts, text);
    if (this.packed.lines >= this.limits.maxLines || this.packed.size >= this.limits.maxBytes) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.limits.maxDelayMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.packed.lines === 0) return;
    this.deliver(this.packed.take());
  }

  /** Drops what is waiting: the subscriber went away. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
