/**
 * Layer indexes on disk, one file per diff id, so a layer is read once and reused by every image that shares it.
 * The folder has a size cap; the least recently used files go first (reading a file touches its mtime). A few
 * recent indexes stay in memory as well.
 */
import { mkdir, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { LayerEntry, LayerEntryType } from '../../../shared/dto/layers';
import { writeTextAtomically } from '../core/atomic-file';
import type { IndexedLayer } from './layers.types';

export const DEFAULT_CACHE_BYTES = 200 * 1024 * 1024;
/** Entries kept in memory across layers, at most. */
const MEMORY_ENTRIES = 500_000;
const FORMAT = 1;

const TYPES: readonly LayerEntryType[] = ['file', 'dir', 'symlink', 'hardlink', 'other'];

/** One entry as a short array, which JSON keeps far smaller than objects with names. */
type Row = [string, number, number, string, number, number, number, string | null];

interface Stored {
  readonly v: number;
  readonly diffId: string;
  readonly deleted: readonly string[];
  readonly opaque: readonly string[];
  readonly rows: readonly Row[];
}

export const encodeLayer = (layer: IndexedLayer): string =>
  JSON.stringify({
    v: FORMAT,
    diffId: layer.diffId,
    deleted: layer.deleted,
    opaque: layer.opaque,
    rows: layer.entries.map((e): Row => [e.path, TYPES.indexOf(e.type), e.size, e.mode, e.uid, e.gid, e.mtime, e.link]),
  } satisfies Stored);

export function decodeLayer(text: string): IndexedLayer | null {
  const stored = JSON.parse(text) as Stored;
  if (stored.v !== FORMAT) return null;
  const rows: readonly Row[] = stored.rows;
  const entries = rows.map(([p, t, size, mode, uid, gid, mtime, link]): LayerEntry => ({
    path: p,
    type: TYPES[t] ?? 'other',
    size,
    mode,
    uid,
    gid,
    mtime,
    link,
  }));
  return { diffId: stored.diffId, entries, deleted: stored.deleted, opaque: stored.opaque };
}

const fileName = (diffId: string): string | null => {
  const hex = /^sha256:([0-9a-f]{64})$/.exec(diffId)?.[1];
  return hex ? `${hex}.json` : null;
};

export class LayerIndexCache {
  private readonly memory = new Map<string, IndexedLayer>();
  private held = 0;

  constructor(
    private readonly dir: string,
    private readonly capBytes = DEFAULT_CACHE_BYTES,
  ) {}

  async get(diffId: string): Promise<IndexedLayer | null> {
    const inMemory = this.memory.get(diffId);
    if (inMemory) {
      this.memory.delete(diffId);
      this.memory.set(diffId, inMemory);
      return inMemory;
    }
    const name = fileName(diffId);
    if (!name) return null;
    const file = path.join(this.dir, name);
    try {
      const layer = decodeLayer(await readFile(file, 'utf8'));
      if (!layer || layer.diffId !== diffId) return null;
      const now = new Date();
      await utimes(file, now, now);
      this.remember(layer);
      return layer;
    } catch {
      // Missing or unreadable: the layer is indexed again.
      return null;
    }
  }

  async put(layer: IndexedLayer): Promise<void> {
    this.remember(layer);
    const name = fileName(layer.diffId);
    if (!name) return;
    await mkdir(this.dir, { recursive: true });
    await writeTextAtomically(path.join(this.dir, name), encodeLayer(layer));
    await this.evict();
  }

  private remember(layer: IndexedLayer): void {
    if (this.memory.has(layer.diffId)) return;
    this.memory.set(layer.diffId, layer);
    this.held += layer.entries.length;
    for (const [key, old] of this.memory) {
      if (this.held <= MEMORY_ENTRIES || key === layer.diffId) break;
      this.memory.delete(key);
      this.held -= old.entries.length;
    }
  }

  /** Removes the least recently used files until the folder is under its cap. */
  async evict(): Promise<void> {
    const names = (await readdir(this.dir)).filter((n) => /^[0-9a-f]{64}\.json$/.test(n));
    const files = await Promise.all(
      names.map(async (n) => {
        const s = await stat(path.join(this.dir, n)).catch(() => null);
        return { name: n, size: s?.size ?? 0, used: s?.mtimeMs ?? 0 };
      }),
    );
    let total = files.reduce((sum, f) => sum + f.size, 0);
    for (const f of files.sort((a, b) => a.used - b.used)) {
      if (total <= this.capBytes) break;
      await rm(path.join(this.dir, f.name), { force: true });
      total -= f.size;
    }
  }
}
