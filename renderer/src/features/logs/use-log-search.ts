import { useEffect, useMemo, useState } from 'react';
import type { LogBuffer } from './log-buffer';
import { compileQuery, LogSearch, type SearchQuery } from './log-search';

export interface SearchState {
  readonly query: SearchQuery;
  setQuery(q: SearchQuery): void;
  readonly pattern: RegExp | null;
  readonly error: string | null;
  readonly count: number;
  readonly done: boolean;
  /** 0-based position among the matches, or -1. */
  readonly index: number;
  readonly current: { row: number; nth: number } | null;
  next(): void;
  previous(): void;
}

/** Search state for one panel: the compiled pattern, a LogSearch kept up to date with the buffer, and the cursor. */
export function useLogSearch(buffer: LogBuffer, version: number, initial = ''): SearchState {
  const [query, setQuery] = useState<SearchQuery>({ text: initial, caseSensitive: initial !== '', regex: false });
  const compiled = useMemo(() => compileQuery(query), [query]);
  const pattern = compiled instanceof RegExp ? compiled : null;
  const [, setTick] = useState(0);
  const [cursor, setCursor] = useState<{ of: LogSearch | null; index: number }>({ of: null, index: -1 });
  const search = useMemo(
    () => (pattern ? new LogSearch(buffer, pattern, () => setTick((t) => t + 1)) : null),
    [buffer, pattern],
  );
  useEffect(() => () => search?.stop(), [search]);
  useEffect(() => {
    search?.update();
  }, [search, version]);

  const hits = search?.hits ?? [];
  const count = hits.length;
  // A new search starts again at its first match.
  const index = cursor.of === search ? cursor.index : -1;
  const at = count === 0 ? -1 : index < 0 ? 0 : Math.min(index, count - 1);
  const current = currentOf(hits, at);
  const move = (to: number) => setCursor({ of: search, index: to });

  return {
    query,
    setQuery,
    pattern,
    error: typeof compiled === 'string' ? compiled : null,
    count,
    done: search?.done ?? true,
    index: at,
    current,
    next: () => count > 0 && move((at + 1) % count),
    previous: () => count > 0 && move((at - 1 + count) % count),
  };
}

/** The row of the at-th match and which occurrence within that row it is. */
function currentOf(hits: readonly number[], at: number): { row: number; nth: number } | null {
  if (at < 0) return null;
  const row = hits[at] ?? 0;
  let nth = 0;
  for (let k = at - 1; k >= 0 && hits[k] === row; k--) nth += 1;
  return { row, nth };
}
