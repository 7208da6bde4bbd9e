/**
 * Reads the tar of `docker save` as it streams, never writing it to disk and never holding a layer in memory.
 * The outer tar holds manifest.json (docker's format: Layers = ["<id>/layer.tar" or "blobs/sha256/<hex>"]) and/or
 * index.json + blobs/sha256/... (OCI layout, layers maybe gzip-compressed). manifest.json may come after the layers,
 * so each layer is indexed by its path as it passes and put in order once the manifest is known. Each layer's own
 * tar is parsed as a stream too by TarHeaderParser (headers only, bodies skipped uncopied) while its sha256 (the
 * diff id) is computed.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { LayerCollector, normalizePath } from './layers.mapper';
import { TarHeaderParser } from './layers.tar';
import type { IndexedLayer } from './layers.types';

const BLOCK = 512;
/** Small files that are not tars are kept as possible JSON (manifests, OCI indexes); bigger ones are skipped. */
const MAX_JSON = 4 * 1024 * 1024;

type Chunks = AsyncIterator<Buffer>;

/** The first block of an entry, to tell a gzip, a tar and anything else apart, then the rest. */
async function peek(entry: AsyncIterable<Buffer>): Promise<{ head: Buffer; rest: Chunks; ended: boolean }> {
  const rest = entry[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  while (length < BLOCK) {
    const next = await rest.next();
    if (next.done) return { head: Buffer.concat(parts), rest, ended: true };
    parts.push(next.value);
    length += next.value.length;
  }
  return { head: Buffer.concat(parts), rest, ended: false };
}

const isGzip = (head: Buffer): boolean => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
// An empty layer is two zero blocks, without the ustar magic.
const isTar = (head: Buffer): boolean =>
  head.length >= BLOCK && (head.subarray(257, 262).toString('latin1') === 'ustar' || head.every((b) => b === 0));

function rejoin(head: Buffer, rest: Chunks, ended: boolean): Readable {
  return Readable.from(
    (async function* () {
      yield head;
      if (ended) return;
      for (;;) {
        const next = await rest.next();
        if (next.done) return;
        yield next.value;
      }
    })(),
    { objectMode: false },
  );
}

/** What one layer's tar gave: its headers, its diff id and (when asked) one file's bytes. */
export interface LayerRead {
  readonly layer: IndexedLayer;
  /** The bytes of `want` when this layer holds it as a regular file of at most `maxBytes`. */
  readonly file: Buffer | null;
  /** `want` is in this layer but bigger than `maxBytes` (or not a regular file: its type then). */
  readonly refused: { readonly size: number; readonly type: string } | null;
  /** Read only up to `want`: the layer's name gave its diff id, and its entries are not all there. */
  readonly partial: boolean;
}

export interface Want {
  readonly path: string;
  readonly maxBytes: number;
}

/**
 * Parses an (uncompressed) layer tar stream: headers only, sha256 over every byte. With `knownDiffId` (the layer's
 * name is its diff id) it stops as soon as it has `want`.
 */
export async function readLayerTar(plain: Readable, want?: Want, knownDiffId?: string): Promise<LayerRead> {
  const hash = createHash('sha256');
  const collector = new LayerCollector();
  let file: Buffer | null = null;
  let refused: LayerRead['refused'] = null;
  let found = false;
  const parser = new TarHeaderParser({
    header: (header) => {
      const reading = collector.add(header);
      if (!want || reading.kind !== 'entry' || reading.entry.path !== want.path) return false;
      const { type, size } = reading.entry;
      if (type !== 'file' || size > want.maxBytes) {
        refused = { size, type };
        return false;
      }
      return true;
    },
    body: (bytes) => {
      file = bytes;
      found = true;
      // Named by its diff id, the layer need not be hashed: stop right after the file.
      if (knownDiffId) parser.halt();
    },
  });
  try {
    for await (const chunk of plain as AsyncIterable<Buffer>) {
      hash.update(chunk);
      parser.push(chunk);
      if (found && knownDiffId) {
        plain.destroy();
        return { layer: collector.done(knownDiffId), file, refused, partial: true };
      }
    }
  } catch (error) {
    plain.destroy();
    throw error;
  }
  return { layer: collector.done(`sha256:${hash.digest('hex')}`), file, refused, partial: false };
}

export interface ArchiveVisit {
  /** Called before a layer-like entry is parsed: false skips it (already indexed). */
  readonly wanted?: (path: string) => boolean;
  /** Called after each layer is read; returning true stops reading the archive. */
  readonly onLayer?: (path: string, read: LayerRead) => boolean;
  readonly want?: Want;
}

export interface ArchiveRead {
  /** Layer paths in the image's order, from manifest.json or index.json; null when neither was found. */
  readonly order: readonly string[] | null;
  readonly layers: ReadonlyMap<string, LayerRead>;
  /** Layer paths skipped because `wanted` said so. */
  readonly skipped: readonly string[];
  readonly stopped: boolean;
}

const blobPath = (digest: unknown): string | null =>
  typeof digest === 'string' && /^sha256:[0-9a-f]{64}$/.test(digest) ? `blobs/sha256/${digest.slice(7)}` : null;

function parseJson(bytes: Buffer | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const field = (value: unknown, key: string | number): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;

/** The first image's layer paths: docker's manifest.json, else the OCI index (followed through nested indexes). */
export function layerOrder(json: ReadonlyMap<string, Buffer>): string[] | null {
  const manifest = field(parseJson(json.get('manifest.json')), 0);
  const listed = field(manifest, 'Layers');
  if (Array.isArray(listed)) return listed.map((p) => normalizePath(String(p)));
  let node = parseJson(json.get('index.json'));
  for (let depth = 0; depth < 4 && node !== undefined; depth++) {
    const layers = field(node, 'layers');
    if (Array.isArray(layers)) return layers.map((l) => blobPath(field(l, 'digest')) ?? '');
    const first = field(field(node, 'manifests'), 0);
    const next = blobPath(field(first, 'digest'));
    node = next ? parseJson(json.get(next)) : undefined;
  }
  return null;
}

/** Streams the whole archive once; `tar` is destroyed when done or stopped. */
export async function readArchive(tar: Readable, visit: ArchiveVisit = {}): Promise<ArchiveRead> {
  const outer = extract();
  tar.once('error', (error) => outer.destroy(error));
  tar.pipe(outer);
  const layers = new Map<string, LayerRead>();
  const json = new Map<string, Buffer>();
  const skipped: string[] = [];
  let stopped = false;
  try {
    for await (const entry of outer) {
      const path = normalizePath(entry.header.name);
      if (entry.header.type !== 'file' || (visit.wanted && !visit.wanted(path) && looksLikeLayer(path))) {
        if (entry.header.type === 'file') skipped.push(path);
        entry.resume();
        continue;
      }
      const { head, rest, ended } = await peek(entry as AsyncIterable<Buffer>);
      if (isGzip(head) || isTar(head)) {
        const raw = rejoin(head, rest, ended);
        const plain = isGzip(head) ? raw.pipe(createGunzip()) : raw;
        if (plain !== raw) raw.once('error', (error) => plain.destroy(error));
        const named = isGzip(head) ? undefined : /^blobs\/sha256\/([0-9a-f]{64})$/.exec(path)?.[1];
        const read = await readLayerTar(plain, visit.want, named && `sha256:${named}`);
        layers.set(path, read);
        // A partial read left the rest of this entry unread, so the archive cannot go on past it.
        if ((visit.onLayer?.(path, read) ?? false) || read.partial) {
          stopped = true;
          break;
        }
      } else if ((entry.header.size ?? 0) <= MAX_JSON) {
        const parts = [head];
        if (!ended) for await (const chunk of rejoin(Buffer.alloc(0), rest, false)) parts.push(chunk as Buffer);
        json.set(path, Buffer.concat(parts));
      } else entry.resume();
    }
  } finally {
    tar.destroy();
  }
  return { order: stopped ? null : layerOrder(json), layers, skipped, stopped };
}

/**
 * A `wanted` that lets every layer through except uncompressed blobs named by a diff id in `skip` (a blob's name is
 * the digest of its bytes, so only an uncompressed layer's name is its diff id; compressed ones are always read).
 */
export const allBut =
  (skip: ReadonlySet<string>) =>
  (path: string): boolean => {
    const hex = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(path)?.[1];
    return hex === undefined || !skip.has(`sha256:${hex}`);
  };

/** Where docker save and OCI layouts put layers (configs and manifests are small blobs, read anyway). */
const looksLikeLayer = (path: string): boolean => path.endsWith('/layer.tar') || path.startsWith('blobs/');
