/** Pure: tar headers to layer entries and whiteouts to deletions; listing order and pages. */
import type { LayerEntry, LayerEntryType } from '../../../shared/dto/layers';
import type { IndexedLayer } from './layers.types';

/** The parts of a tar-stream header Berth reads. */
export interface TarHeader {
  readonly name: string;
  readonly type?: string | null;
  readonly size?: number | null;
  readonly mode?: number | null;
  readonly uid?: number | null;
  readonly gid?: number | null;
  readonly mtime?: Date | null;
  readonly linkname?: string | null;
}

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

/** `./etc/` → `etc`; the root itself → ''. */
export const normalizePath = (name: string): string =>
  name
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/^\.$/, '');

const parentOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));
const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const join = (dir: string, name: string): string => (dir === '' ? name : `${dir}/${name}`);

function typeOf(type: string | null | undefined): LayerEntryType {
  switch (type) {
    case 'file':
    case 'contiguous-file':
    case null:
    case undefined:
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    default:
      return 'other';
  }
}

export type HeaderReading =
  | { readonly kind: 'entry'; readonly entry: LayerEntry }
  | { readonly kind: 'deleted'; readonly path: string }
  | { readonly kind: 'opaque'; readonly path: string }
  | { readonly kind: 'skip' };

/** One header of a layer's tar: an entry, a whiteout (never shown as a file), or nothing (the root, aufs notes). */
export function readHeader(header: TarHeader): HeaderReading {
  const path = normalizePath(header.name);
  if (path === '') return { kind: 'skip' };
  const base = baseOf(path);
  if (base === OPAQUE) return { kind: 'opaque', path: parentOf(path) };
  // Other `.wh..wh.` names are aufs bookkeeping (hard-link stores), not files of the image.
  if (path.split('/').some((name) => name.startsWith(`${WHITEOUT}${WHITEOUT}`))) return { kind: 'skip' };
  if (base.startsWith(WHITEOUT)) return { kind: 'deleted', path: join(parentOf(path), base.slice(WHITEOUT.length)) };
  const type = typeOf(header.type);
  return {
    kind: 'entry',
    entry: {
      path,
      type,
      size: type === 'file' ? (header.size ?? 0) : 0,
      mode: ((header.mode ?? 0) & 0o7777).toString(8),
      uid: header.uid ?? 0,
      gid: header.gid ?? 0,
      mtime: header.mtime ? header.mtime.getTime() : 0,
      link: header.linkname ? (type === 'hardlink' ? normalizePath(header.linkname) : header.linkname) : null,
    },
  };
}

/** Collects one layer's headers, in tar order, into an IndexedLayer. */
export class LayerCollector {
  private readonly entries: LayerEntry[] = [];
  private readonly deleted: string[] = [];
  private readonly opaque: string[] = [];

  add(header: TarHeader): HeaderReading {
    const reading = readHeader(header);
    if (reading.kind === 'entry') this.entries.push(reading.entry);
    else if (reading.kind === 'deleted') this.deleted.push(reading.path);
    else if (reading.kind === 'opaque') this.opaque.push(reading.path);
    return reading;
  }

  done(diffId: string): IndexedLayer {
    return { diffId, entries: this.entries, deleted: this.deleted, opaque: this.opaque };
  }
}

/** Folders first, then by name: how a file browser lists a level. */
export function byFolderThenName(a: LayerEntry, b: LayerEntry): number {
  const folderA = a.type === 'dir';
  if (folderA !== (b.type === 'dir')) return folderA ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export interface Paged<T> {
  readonly entries: readonly T[];
  readonly total: number;
  readonly nextCursor: number | null;
  readonly truncated: boolean;
}

/** At most `size` items from `cursor` on. */
export function page<T>(items: readonly T[], cursor: number, size: number): Paged<T> {
  const entries = items.slice(cursor, cursor + size);
  const next = cursor + entries.length;
  return {
    entries,
    total: items.length,
    nextCursor: next < items.length ? next : null,
    truncated: next < items.length,
  };
}
