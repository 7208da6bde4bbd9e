import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ContainerFsEntry } from '../../../../shared/dto/containerFiles';
import type { BerthError } from '../../../../shared/result';
import { useBerth } from '../../app/store';
import { filterFs, flattenFs, type FsLevels } from './container-fs-tree';

const NONE: FsLevels = new Map();

/**
 * A container's whole filesystem, a folder level at a time as folders open (files:list), filtered by path when asked.
 * `reload(folder)` reads one level again, after an upload into it. Mount it keyed by the container id.
 */
export function useContainerFs(id: string, filter: string) {
  const list = useBerth((s) => s.listContainerFiles);
  const [levels, setLevels] = useState<FsLevels>(NONE);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [truncated, setTruncated] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<BerthError | null>(null);
  const loads = useRef(new Map<string, Promise<boolean>>());
  const current = useRef(id);

  const load = useCallback(
    (folder: string, again = false): Promise<boolean> => {
      const known = loads.current.get(folder);
      if (known && !again) return known;
      const work = (async () => {
        const result = await list({ id, path: folder });
        if (current.current !== id) return false;
        if (!result.ok) {
          loads.current.delete(folder);
          setError(result.error);
          return false;
        }
        setError(null);
        const entries: readonly ContainerFsEntry[] = result.value.entries;
        setLevels((l) => new Map(l).set(folder, entries));
        setTruncated((t) => {
          const next = new Set(t);
          if (result.value.truncated) next.add(folder);
          else next.delete(folder);
          return next;
        });
        return true;
      })();
      loads.current.set(folder, work);
      return work;
    },
    [id, list],
  );

  useEffect(() => {
    // The view is keyed by container, so a new id is a new hook: nothing of another container to clear.
    current.current = id;
    void load('');
  }, [id, load]);

  const toggle = useCallback(
    (path: string) => {
      setExpanded((o) => {
        const next = new Set(o);
        if (next.has(path)) next.delete(path);
        else next.add(path);
        return next;
      });
      void load(path);
    },
    [load],
  );

  /** Reads the root and every opened folder again (the container may have changed them). */
  const refresh = useCallback(async () => {
    const folders = ['', ...expanded];
    const read = await Promise.all(folders.map((f) => load(f, true)));
    // A folder that is gone now closes.
    const gone = folders.filter((_, i) => !read[i]);
    if (gone.length > 0) setExpanded((o) => new Set([...o].filter((p) => !gone.includes(p))));
  }, [expanded, load]);

  const reload = useCallback((folder: string) => load(folder, true), [load]);

  const rows = useMemo(
    () => (filter.trim() === '' ? flattenFs(levels, expanded) : filterFs(levels, filter)),
    [levels, expanded, filter],
  );
  return { rows, toggle, refresh, reload, error, truncated, ready: levels.has('') };
}
