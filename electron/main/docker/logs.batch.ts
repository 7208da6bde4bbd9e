/**
 * Gathers decoded lines into column batches and hands them on by size or after a short wait, so a backlog
 * crosses the transport as a few large messages and a quiet container's line still shows at once.
 */
import type { LogLines } from '../../../shared/dto/logs';
import type { OutputStream } from './logs.demux';

export interface BatchLimits {
  readonly maxLines: number;
  readonly maxChars: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_BATCH: BatchLimits = { maxLines: 4000, maxChars: 256 * 1024, maxDelayMs: 15 };

export class LineBatcher {
  private ts: string[] = [];
  private text: string[] = [];
  private stderr: number[] = [];
  private chars = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deliver: (lines: LogLines) => void,
    private readonly limits: BatchLimits = DEFAULT_BATCH,
  ) {}

  add(stream: OutputStream, ts: string, text: string): void {
    if (stream === 'stderr') this.stderr.push(this.text.length);
    this.ts.push(ts);
    this.text.push(text);
    this.chars += text.length;
    if (this.text.length >= this.limits.maxLines || this.chars >= this.limits.maxChars) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.limits.maxDelayMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.text.length === 0) return;
    const batch = { ts: this.ts, text: this.text, stderr: this.stderr };
    this.ts = [];
    this.text = [];
    this.stderr = [];
    this.chars = 0;
    this.deliver(batch);
  }

  /** Drops what is waiting: the subscriber went away. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
