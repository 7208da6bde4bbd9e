/**
 * The sending half of fsutil's DiffCopy, which BuildKit's file sync uses to read a local folder from the client:
 * one STAT packet per entry in walk order (directories before what they hold, names in byte order, every parent
 * present), an empty STAT to end the list, then the file contents the receiver asks for by index (REQ -> DATA
 * chunks and an empty DATA), until it says FIN. The entries are the context plan's, so BuildKit receives exactly
 * what the preview listed; the include and exclude patterns the frontend sends narrow that further (the Dockerfile
 * alone, .dockerignore alone, or the context without the files .dockerignore hides from COPY).
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import dockerignore from '@balena/dockerignore';
import type { ContextEntry } from '../build.context';
import { PacketType, type WirePacket, type WireStat } from './buildkit.wire';

/** Go's os.FileMode type bits, which fsutil puts in Stat.mode next to the permission bits. */
const GO_MODE_DIR = 0x8000_0000;
const GO_MODE_SYMLINK = 0x0800_0000;
const GO_MODE_SETUID = 0x0080_0000;
const GO_MODE_SETGID = 0x0040_0000;
const GO_MODE_STICKY = 0x0010_0000;

const CHUNK_BYTES = 32 * 1024;

/** What the receiving side narrows a folder to, from the call's metadata. */
export interface SyncFilter {
  readonly includes: readonly string[];
  readonly excludes: readonly string[];
}

/** The entries to send, in order, with any parent folder the plan skipped (an excluded folder with an exception). */
export function selectEntries(entries: readonly ContextEntry[], filter: SyncFilter): ContextEntry[] {
  const include = filter.includes.length > 0 ? dockerignore({ ignorecase: false }).add([...filter.includes]) : null;
  const exclude = filter.excludes.length > 0 ? dockerignore({ ignorecase: false }).add([...filter.excludes]) : null;
  const picked = entries.filter((e) => {
    if (exclude?.ignores(e.path)) return false;
    // A folder the patterns do not name still comes along as the parent of what they do.
    return include === null || include.ignores(e.path);
  });
  const out: ContextEntry[] = [];
  const sent = new Set<string>();
  for (const entry of picked) {
    const parts = entry.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (!sent.has(parent)) {
        sent.add(parent);
        out.push({ path: parent, kind: 'dir', size: 0 });
      }
    }
    if (!sent.has(entry.path)) {
      sent.add(entry.path);
      out.push(entry);
    }
  }
  return out;
}

/** A Unix mode as Go's os.FileMode. */
export function goFileMode(unixMode: number, kind: ContextEntry['kind']): number {
  let mode = unixMode & 0o777;
  if (unixMode & 0o4000) mode |= GO_MODE_SETUID;
  if (unixMode & 0o2000) mode |= GO_MODE_SETGID;
  if (unixMode & 0o1000) mode |= GO_MODE_STICKY;
  if (kind === 'dir') mode |= GO_MODE_DIR;
  if (kind === 'symlink') mode |= GO_MODE_SYMLINK;
  return mode >>> 0;
}

/** The Stat of one entry, owned by root as the docker CLI sends a context. */
async function statOf(root: string, entry: ContextEntry): Promise<WireStat> {
  const full = path.join(root, entry.path);
  const st = await fs.lstat(full, { bigint: true });
  const kind: ContextEntry['kind'] = st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : 'file';
  return {
    path: entry.path,
    mode: goFileMode(Number(st.mode), kind),
    uid: 0,
    gid: 0,
    size: kind === 'file' ? Number(st.size) : 0,
    // Nanoseconds do not fit a double; protobufjs takes the int64 as a decimal string.
    modTime: st.mtimeNs.toString() as unknown as number,
    linkname: kind === 'symlink' ? await fs.readlink(full) : '',
  };
}

/** The duplex call as the sender needs it (grpc-js ServerDuplexStream fits). */
export interface PacketCall {
  write(packet: WirePacket, callback?: (error?: Error | null) => void): boolean;
  end(): void;
  on(event: 'data', listener: (packet: WirePacket) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'drain', listener: () => void): unknown;
}

const packet = (type: number, extra: Partial<WirePacket> = {}): WirePacket => ({
  type,
  ID: 0,
  data: Buffer.alloc(0),
  ...extra,
});

async function write(call: PacketCall, p: WirePacket): Promise<void> {
  if (!call.write(p)) await new Promise<void>((resolve) => call.once('drain', resolve));
}

/** Serves one DiffCopy call from `root`; resolves with the bytes sent once the receiver says FIN. */
export async function sendFolder(
  call: PacketCall,
  root: string,
  entries: readonly ContextEntry[],
  signal?: AbortSignal,
): Promise<number> {
  const files: string[] = [];
  let sentBytes = 0;
  const requests: number[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  let failure: Error | undefined;
  const stop = (): void => {
    finished = true;
    wake?.();
  };
  call.on('data', (p) => {
    if (p.type === PacketType.REQ) requests.push(p.ID);
    else if (p.type === PacketType.FIN) stop();
    else if (p.type === PacketType.ERR) {
      failure = new Error(`BuildKit could not receive the context: ${Buffer.from(p.data).toString('utf8')}`);
      stop();
    }
    wake?.();
  });
  call.on('end', stop);
  call.on('error', (error) => {
    failure = error;
    stop();
  });
  signal?.addEventListener('abort', stop, { once: true });

  try {
    for (const entry of entries) {
      const stat = await statOf(root, entry);
      files.push(entry.path);
      await write(call, packet(PacketType.STAT, { stat }));
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    call.write(packet(PacketType.ERR, { data: Buffer.from(message) }));
    call.end();
    throw error;
  }
  await write(call, packet(PacketType.STAT));

  while (!finished) {
    const id = requests.shift();
    if (id === undefined) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      continue;
    }
    const rel = files[id];
    if (rel !== undefined) {
      for await (const chunk of createReadStream(path.join(root, rel), { highWaterMark: CHUNK_BYTES })) {
        const data = chunk as Buffer;
        sentBytes += data.length;
        await write(call, packet(PacketType.DATA, { ID: id, data }));
      }
    }
    await write(call, packet(PacketType.DATA, { ID: id }));
  }
  if (failure) throw failure;
  if (!signal?.aborted) call.write(packet(PacketType.FIN));
  call.end();
  return sentBytes;
}
