/** Hand-built layers for the pure tests. */
import type { LayerEntry } from '../../../shared/dto/layers';
import type { IndexedLayer } from './layers.types';

const entry = (path: string, type: LayerEntry['type'], size = 0, link: string | null = null): LayerEntry => ({
  path,
  type,
  size,
  mode: type === 'dir' ? '755' : '644',
  uid: 0,
  gid: 0,
  mtime: 0,
  link,
});

export const file = (path: string, size: number) => entry(path, 'file', size);
export const dir = (path: string) => entry(path, 'dir');
export const symlink = (path: string, target: string) => entry(path, 'symlink', 0, target);

export const layer = (
  diffId: string,
  entries: LayerEntry[],
  whiteouts: { deleted?: string[]; opaque?: string[] } = {},
): IndexedLayer => ({ diffId, entries, deleted: whiteouts.deleted ?? [], opaque: whiteouts.opaque ?? [] });
