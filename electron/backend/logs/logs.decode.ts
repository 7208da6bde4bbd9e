/**
 * Turns the engine's log bytes into lines. With timestamps on, every message the engine stored reads
 * `<RFC 3339 timestamp> <text>\n`. A line longer than the engine's 16 KB copy buffer was stored as several
 * partial messages, each with its own timestamp and no newline but the last; they are joined into one line that
 * keeps the first timestamp. A line's text is handed on as bytes (without the newline and a trailing CR): it is
 * decoded as UTF-8 later, a whole batch at once, so a character split across chunks or partial messages stays
 * intact and no string is made per line.
 */
import { FrameDemuxer, type OutputStream } from './logs.demux';

/** The engine's copier cuts a line without a newline after this many bytes (daemon/logger/copier.go). */
export const PARTIAL_BYTES = 16 * 1024;
/** `2024-01-01T00:00:00.000000000Z` plus its space, with room for a shorter fraction or a zone offset. */
const MAX_PREFIX = 40;
const SPACE = 0x20;
const NEWLINE = 0x0a;

/** `text` may be a view into the socket's chunk: copy it before the call returns if it is to be kept. */
export type LineSink = (stream: OutputStream, ts: string, text: Buffer) => void;

/** Joins the messages of one output stream into lines. */
class LineJoiner {
  private parts: Buffer[] = [];
  private ts = '';

  constructor(
    private readonly stream: OutputStream,
    private readonly sink: LineSink,
  ) {}

  message(msg: Buffer): void {
    const space = prefixEnd(msg, 0);
    const ts = space > 0 ? msg.toString('latin1', 0, space) : '';
    const complete = msg[msg.length - 1] === NEWLINE;
    const end = complete ? msg.length - 1 : msg.length;
    if (this.parts.length === 0 && complete) {
      this.sink(this.stream, ts, trimCr(msg.subarray(space + 1, end)));
      return;
    }
    if (this.parts.length === 0) this.ts = ts;
    this.parts.push(msg.subarray(space + 1, end));
    if (complete) this.flush();
  }

  /** The stream ended inside a line: what arrived of it is still a line. */
  flush(): void {
    if (this.parts.length === 0) return;
    const text = Buffer.concat(this.parts);
    this.parts = [];
    this.sink(this.stream, this.ts, trimCr(text));
  }
}

/** Where the timestamp's space is, relative to `at`, or -1: a plain loop, as a subarray per line costs more. */
function prefixEnd(buf: Buffer, at: number): number {
  const end = Math.min(buf.length, at + MAX_PREFIX);
  for (let i = at; i < end; i++) if (buf[i] === SPACE) return i - at;
  return -1;
}

const trimCr = (text: Buffer): Buffer => (text[text.length - 1] === 13 ? text.subarray(0, -1) : text);

/**
 * A TTY container's stream is raw, without frames, so message boundaries come from the text itself: a message
 * ends at a newline, or after PARTIAL_BYTES of text when the engine cut it.
 */
class RawMessages {
  private rest: Buffer = Buffer.alloc(0);

  constructor(private readonly joiner: LineJoiner) {}

  push(chunk: Buffer): void {
    const buf = this.rest.length === 0 ? chunk : Buffer.concat([this.rest, chunk]);
    let at = 0;
    for (;;) {
      const space = prefixEnd(buf, at);
      if (space < 0) break;
      const body = at + space + 1;
      const newline = buf.indexOf(NEWLINE, body);
      const cut = body + PARTIAL_BYTES;
      let end: number;
      if (newline >= 0 && newline < cut) end = newline + 1;
      else if (buf.length >= cut) end = cut;
      else break;
      this.joiner.message(buf.subarray(at, end));
      at = end;
    }
    this.rest = buf.subarray(at);
  }

  flush(): void {
    if (this.rest.length > 0) this.joiner.message(this.rest);
    this.rest = Buffer.alloc(0);
    this.joiner.flush();
  }
}

/** One read of a container's logs; `tty` says whether the stream is raw (TTY) or framed. */
export class LogDecoder {
  private readonly demuxer = new FrameDemuxer();
  private readonly out: LineJoiner;
  private readonly err: LineJoiner;
  private readonly raw: RawMessages | null;

  constructor(tty: boolean, sink: LineSink) {
    this.out = new LineJoiner('stdout', sink);
    this.err = new LineJoiner('stderr', sink);
    this.raw = tty ? new RawMessages(this.out) : null;
  }

  push(chunk: Buffer): void {
    if (this.raw) this.raw.push(chunk);
    else this.demuxer.push(chunk, (stream, payload) => (stream === 'stderr' ? this.err : this.out).message(payload));
  }

  /** The read ended: lines cut short by the end are delivered as they are. */
  end(): void {
    if (this.raw) this.raw.flush();
    this.out.flush();
    this.err.flush();
  }
}
