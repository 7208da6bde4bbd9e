import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LayerChange, LayerChanges, MergedEntry, MergedListing } from '../../../../shared/dto/layers';
import type { BerthError, Result } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { ancestorsOf, flattenTree, fromChange, fromMerged, type TreeEntry, type TreeRow } from './layer-tree';

export type TreeView = 'changes' | 'merged';

type Levels = ReadonlyMap<string, readonly TreeEntry[]>;
interface ListingInput {
  image: string;
  layer: number;
  path: string;
  mode: 'level';
  cursor: number;
}
const NO_LEVELS: Levels = new Map();
const NONE_OPEN: ReadonlySet<string> = new Set();

/**
 * The tree of one layer, loaded a folder level at a time as folders open: every page of it, the first drawn at
 * once and the rest when all are in. Everything is keyed by image, layer and view, so answers for an earlier choice are dropped.
 */
export function useLayerTree(image: string, layer: number | null, view: TreeView) {
  const layerChanges = useBerth((s) => s.layerChanges);
  const layerMerged = useBerth((s) => s.layerMerged);
  const key = `${view}|${layer ?? ''}|${image}`;
  const [data, setData] = useState<{ key: string; levels: Levels }>({ key: '', levels: NO_LEVELS });
  const [open, setOpen] = useState<{ key: string; paths: ReadonlySet<string> }>({ key: '', paths: NONE_OPEN });
  const [failure, setFailure] = useState<{ key: string; error: BerthError } | null>(null);
  const loads = useRef(new Map<string, Promise<boolean>>());
  const current = useRef(key);

  const load = useCallback(
    (folder: string): Promise<boolean> => {
      if (layer === null) return Promise.resolve(false);
      const id = `${key}\n${folder}`;
      const known = loads.current.get(id);
      if (known) return known;
      const work = (async () => {
        let cursor: number | null = 0;
        const all: TreeEntry[] = [];
        while (cursor !== null) {
          const input: ListingInput = { image, layer, path: folder, mode: 'level', cursor };
          const result: Result<LayerChanges | MergedListing> =
            view === 'changes' ? await layerChanges(input) : await layerMerged(input);
          if (current.current !== key) return false;
          if (!result.ok) {
            loads.current.delete(id);
            setFailure({ key, error: result.error });
            return false;
          }
          const entries: readonly (LayerChange | MergedEntry)[] = result.value.entries;
          for (const e of entries) all.push('kind' in e ? fromChange(e, layer) : fromMerged(e));
          const first = cursor === 0;
          cursor = result.value.nextCursor;
          // The first page is drawn at once and the whole level when it is in: a render per page would flatten a
          // big folder again and again on the main thread.
          if (first || cursor === null) {
            const level = [...all];
            setData((d) => ({ key, levels: new Map(d.key === key ? d.levels : NO_LEVELS).set(folder, level) }));
          }
        }
        return true;
      })();
      loads.current.set(id, work);
      return work;
    },
    [image, layer, view, key, layerChanges, layerMerged],
  );

  useEffect(() => {
    current.current = key;
    for (const id of loads.current.keys()) if (!id.startsWith(`${key}\n`)) loads.current.delete(id);
    void load('');
  }, [key, load]);

  const toggle = useCallback(
    (path: string) => {
      setOpen((o) => {
        const paths = new Set(o.key === key ? o.paths : NONE_OPEN);
        if (paths.has(path)) paths.delete(path);
        else paths.add(path);
        return { key, paths };
      });
      void load(path);
    },
    [key, load],
  );

  /** Opens every folder above `path` so its row is in the tree. */
  const reveal = useCallback(
    async (path: string): Promise<boolean> => {
      for (const folder of ['', ...ancestorsOf(path)]) if (!(await load(folder))) return false;
      setOpen((o) => ({ key, paths: new Set([...(o.key === key ? o.paths : NONE_OPEN), ...ancestorsOf(path)]) }));
      return true;
    },
    [key, load],
  );

  const levels = data.key === key ? data.levels : NO_LEVELS;
  const expanded = open.key === key ? open.paths : NONE_OPEN;
  const rows: TreeRow[] = useMemo(() => flattenTree(levels, expanded), [levels, expanded]);
  const error = failure?.key === key ? failure.error : null;
  const ready = levels.has('');
  return { rows, toggle, reveal, error, loading: layer !== null && !ready && error === null, ready };
}
