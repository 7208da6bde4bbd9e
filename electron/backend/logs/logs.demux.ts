/**
 * The engine's multiplexed stream (non-TTY containers): each frame is an 8-byte header — stream type in byte 0,
 * payload size as a big-endian uint32 in bytes 4..7 — then the payload. Chunks from the socket cut anywhere,
 * headers included, so bytes are held until a whole frame is there.
 */
export type OutputStream = 'stdout' | 'stderr';

const HEADER = 8;

export class FrameDemuxer {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  /** Calls onFrame for every frame completed by this chunk, in order. */
  push(chunk: Buffer, onFrame: (stream: OutputStream, payload: Buffer) => void): void {
    if (this.pendingBytes > 0) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      // Join only once the frame under way is complete, so a large frame arriving in pieces is copied once.
      if (this.pendingBytes < this.needed()) return;
      chunk = Buffer.concat(this.pending, this.pendingBytes);
      this.pending = [];
      this.pendingBytes = 0;
    }
    let at = 0;
    while (chunk.length - at >= HEADER) {
      const size = chunk.readUInt32BE(at + 4);
      const end = at + HEADER + size;
      if (end > chunk.length) break;
      // Type 0 is stdin, which the engine only echoes for attached TTYs; it reads as output.
      onFrame(chunk[at] === 2 ? 'stderr' : 'stdout', chunk.subarray(at + HEADER, end));
      at = end;
    }
    if (at < chunk.length) {
      this.pending = [chunk.subarray(at)];
      this.pendingBytes = chunk.length - at;
    }
  }

  /** Bytes received of a frame that has not completed: a stream that ends here was cut short. */
  get leftover(): number {
    return this.pendingBytes;
  }

  private needed(): number {
    const first = this.pending[0];
    if (first === undefined) return HEADER;
    const head = first.length >= HEADER ? first : Buffer.concat(this.pending, Math.min(this.pendingBytes, HEADER));
    return head.length < HEADER ? HEADER : HEADER + head.readUInt32BE(4);
  }
}
