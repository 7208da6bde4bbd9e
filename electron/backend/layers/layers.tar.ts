/**
 * Pure: a push parser for a tar stream that reads headers only. File bodies are skipped by counting bytes, never
 * copied, unless the caller asks for one entry's body. One object for the whole stream instead of a stream per
 * entry, which is where a general tar library spends its time on layers of tens of thousands of small files.
 * Reads ustar, GNU long names (`L`, `K`) and PAX extended headers (`x`; global `g` headers are skipped).
 */
import type { TarHeader } from './layers.mapper';

const BLOCK = 512;
/** Long-name and PAX bodies are small; anything bigger is not a header Berth needs and is skipped. */
const MAX_META = 1024 * 1024;

const TYPES: Readonly<Record<string, string>> = {
  '0': 'file',
  '\0': 'file',
  '1': 'link',
  '2': 'symlink',
  '3': 'character-device',
  '4': 'block-device',
  '5': 'directory',
  '6': 'fifo',
  '7': 'contiguous-file',
};

const HEADER_ONLY = new Set(['1', '2', '3', '4', '5', '6']);

/** A NUL-terminated string field. */
function text(block: Buffer, start: number, length: number): string {
  let end = start;
  const stop = start + length;
  while (end < stop && block[end] !== 0) end += 1;
  return block.toString('utf8', start, end);
}

/** An octal number field, or GNU base-256 when the high bit of the first byte is set. */
function number(block: Buffer, start: number, length: number): number {
  const first = block[start] ?? 0;
  if (first & 0x80) {
    let value = first & 0x7f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + (block[i] ?? 0);
    return value;
  }
  let value = 0;
  let i = start;
  const stop = start + length;
  while (i < stop && (block[i] === 0x20 || block[i] === 0)) i += 1;
  for (; i < stop; i++) {
    const c = block[i] ?? 0;
    if (c < 0x30 || c > 0x37) break;
    value = value * 8 + (c - 0x30);
  }
  return value;
}

const isZero = (block: Buffer): boolean => {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
};

/** `len key=value\n` records. */
export function paxRecords(body: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    if (space < 0) break;
    const length = Number(body.toString('latin1', at, space));
    if (!Number.isInteger(length) || length <= 0 || at + length > body.length) break;
    const record = body.toString('utf8', space + 1, at + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    at += length;
  }
  return records;
}

export interface TarVisitor {
  /** Every entry's header; true asks for its body (delivered through `body`). */
  readonly header: (header: TarHeader) => boolean;
  readonly body?: (bytes: Buffer) => void;
}

export class TarFormatError extends Error {}

/**
 * Feed it chunks in order with `push`; it calls the visitor per header. State survives chunk boundaries anywhere,
 * including inside a header block.
 */
export class TarHeaderParser {
  private pending: Buffer | null = null;
  /** Bytes of the current body still to pass (then its padding). */
  private skip = 0;
  private padding = 0;
  private meta: { type: string; parts: Buffer[] } | null = null;
  private body: Buffer[] | null = null;
  private longName: string | null = null;
  private longLink: string | null = null;
  private pax: Map<string, string> | null = null;
  private ended = false;
  private zeros = 0;

  constructor(private readonly visitor: TarVisitor) {}

  /** True once the two zero blocks that close the archive were seen, or after halt(). */
  get done(): boolean {
    return this.ended;
  }

  /** Stops reading: later bytes are ignored (the caller has what it wanted). */
  halt(): void {
    this.ended = true;
  }

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (this.skip > 0 || this.padding > 0) {
        at = this.passBody(chunk, at);
        continue;
      }
      // A header block, maybe split across chunks.
      let block: Buffer;
      if (this.pending !== null || chunk.length - at < BLOCK) {
        const have = this.pending?.length ?? 0;
        const take = Math.min(BLOCK - have, chunk.length - at);
        const part = chunk.subarray(at, at + take);
        this.pending = this.pending === null ? Buffer.from(part) : Buffer.concat([this.pending, part]);
        at += take;
        if (this.pending.length < BLOCK) return;
        block = this.pending;
        this.pending = null;
      } else {
        block = chunk.subarray(at, at + BLOCK);
        at += BLOCK;
      }
      this.onBlock(block);
    }
  }

  private passBody(chunk: Buffer, at: number): number {
    if (this.skip > 0) {
      const take = Math.min(this.skip, chunk.length - at);
      const part = chunk.subarray(at, at + take);
      if (this.meta) this.meta.parts.push(Buffer.from(part));
      else if (this.body) this.body.push(Buffer.from(part));
      this.skip -= take;
      at += take;
      if (this.skip === 0) this.bodyDone();
      return at;
    }
    const take = Math.min(this.padding, chunk.length - at);
    this.padding -= take;
    return at + take;
  }

  private bodyDone(): void {
    if (this.meta) {
      const bytes = Buffer.concat(this.meta.parts);
      if (this.meta.type === 'L') this.longName = text(bytes, 0, bytes.length);
      else if (this.meta.type === 'K') this.longLink = text(bytes, 0, bytes.length);
      else if (this.meta.type === 'x') this.pax = paxRecords(bytes);
      this.meta = null;
    } else if (this.body) {
      this.visitor.body?.(Buffer.concat(this.body));
      this.body = null;
    }
  }

  private onBlock(block: Buffer): void {
    if (isZero(block)) {
      // One zero block may be padding written by some tools; two close the archive.
      this.zeros += 1;
      if (this.zeros >= 2) this.ended = true;
      return;
    }
    this.zeros = 0;
    if (!verify(block)) throw new TarFormatError('not a tar header (bad checksum)');
    const flag = String.fromCharCode(block[156] ?? 0);
    const size = number(block, 124, 12);
    const span = (n: number) => {
      this.skip = n;
      this.padding = (BLOCK - (n % BLOCK)) % BLOCK;
    };
    if (flag === 'L' || flag === 'K' || flag === 'x' || flag === 'g') {
      if (size > MAX_META) throw new TarFormatError(`a ${flag} header of ${size} bytes is too big`);
      // Global PAX headers are read and dropped: Docker never writes them, and they carry no path.
      this.meta = { type: flag, parts: [] };
      span(size);
      if (size === 0) this.bodyDone();
      return;
    }
    const pax = this.pax;
    const magic = block.toString('latin1', 257, 263);
    let name = text(block, 0, 100);
    if (magic === 'ustar\0') {
      const prefix = text(block, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    name = pax?.get('path') ?? this.longName ?? name;
    const linkname = pax?.get('linkpath') ?? this.longLink ?? text(block, 157, 100);
    const paxSize = pax?.get('size');
    const bytes = paxSize !== undefined ? Number(paxSize) : size;
    const paxTime = pax?.get('mtime');
    const seconds = paxTime !== undefined ? Number(paxTime) : number(block, 136, 12);
    let type = TYPES[flag] ?? 'other';
    // Old tars mark folders by a trailing slash only.
    if (type === 'file' && name.endsWith('/')) type = 'directory';
    this.pax = null;
    this.longName = null;
    this.longLink = null;
    const header: TarHeader = {
      name,
      type,
      size: bytes,
      mode: number(block, 100, 8),
      uid: pax?.has('uid') ? Number(pax.get('uid')) : number(block, 108, 8),
      gid: pax?.has('gid') ? Number(pax.get('gid')) : number(block, 116, 8),
      mtime: new Date(Math.floor(seconds * 1000)),
      linkname: linkname || null,
    };
    const wantBody = this.visitor.header(header);
    // As Go's archive/tar reads them: these types have no body whatever their size field says.
    if (HEADER_ONLY.has(flag) || bytes <= 0) {
      if (wantBody) this.visitor.body?.(Buffer.alloc(0));
      return;
    }
    if (wantBody) this.body = [];
    span(bytes);
  }
}

/** The header checksum: the sum of its bytes with the checksum field as spaces. */
function verify(block: Buffer): boolean {
  const stored = number(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return sum === stored;
}
