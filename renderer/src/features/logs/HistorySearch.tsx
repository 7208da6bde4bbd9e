/**
 * "Search all history": scans the whole logs of the picked containers (or of all containers) in main and shows
 * the lines as they are found, counted per container, with progress and Cancel. A result opens its container's
 * log view at that line.
 */
import { memo, useEffect, useRef, useState, type FormEvent } from 'react';
import type { LogSearchChunk, LogSearchCount, LogSearchHit } from '../../../../shared/dto/logs';
import { Command } from '../../ui/Command';
import { useBerth } from '../../app/store';
import { describeRange, rangeFlags, rangeQuery } from './time-range';

/** Hits kept on screen; the scan's own cap is larger, the count says how many were found. */
const SHOWN = 500;

interface Run {
  hits: LogSearchHit[];
  counts: readonly LogSearchCount[];
  bytes: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  message: string | null;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function HistorySearch({ containerIds, names }: { containerIds: readonly string[]; names: readonly string[] }) {
  const searchLogHistory = useBerth((s) => s.searchLogHistory);
  const openLogsAt = useBerth((s) => s.openLogsAt);
  const [query, setQuery] = useState('');
  const [regex, setRegex] = useState(false);
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [streams, setStreams] = useState<'all' | 'stdout' | 'stderr'>('all');
  const range = useBerth((s) => s.logsRange);
  const [run, setRun] = useState<Run | null>(null);
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);

  const start = (e: FormEvent) => {
    e.preventDefault();
    stop.current?.();
    if (query === '') return;
    const state: Run = { hits: [], counts: [], bytes: 0, state: 'running', message: null };
    setRun({ ...state });
    const take = (chunk: LogSearchChunk) => {
      if (chunk.kind === 'hits') state.hits = [...state.hits, ...chunk.hits].slice(0, SHOWN);
      else if (chunk.kind === 'progress') {
        state.counts = chunk.counts;
        state.bytes = chunk.bytes;
      } else if (chunk.kind === 'done') {
        state.state = 'done';
        state.message = chunk.capped
          ? `Stopped at ${chunk.limit.toLocaleString()} results: narrow the search.`
          : `${chunk.hits.toLocaleString()} ${chunk.hits === 1 ? 'line' : 'lines'} found.`;
      }
    };
    stop.current = searchLogHistory(
      {
        ...(containerIds.length > 0 ? { containers: [...containerIds] } : {}),
        query,
        regex,
        caseSensitive,
        streams,
        context: 2,
        ...rangeQuery(range),
      },
      (message) => {
        if (message.type === 'data') message.items.forEach(take);
        else if (message.type === 'error') {
          state.state = 'failed';
          state.message = message.error.message;
        } else if (state.state === 'running') state.state = 'done';
        setRun({ ...state });
      },
    );
  };

  const cancel = () => {
    stop.current?.();
    stop.current = null;
    setRun((r) => (r ? { ...r, state: 'cancelled', message: 'Search cancelled.' } : r));
  };

  const grep = `grep ${regex ? '-E' : '-F'}${caseSensitive ? '' : ' -i'} ${quote(query || '…')}`;
  const cli =
    names.length === 0
      ? `docker ps -aq | xargs -n1 docker logs -t${rangeFlags(range)} 2>&1 | ${grep}`
      : names.map((n) => `docker logs -t${rangeFlags(range)} ${n} 2>&1 | ${grep}`).join('; ');

  return (
    <section className="logs-history" aria-labelledby="logs-history-title">
      <h3 id="logs-history-title">Search all history</h3>
      <p className="muted">
        {containerIds.length === 0 ? 'Searches every container' : `Searches the ${containerIds.length} picked`},{' '}
        {describeRange(range)}.
      </p>
      <form className="logs-search" role="search" aria-label="Search all history" onSubmit={start}>
        <input
          type="search"
          aria-label="Search all history for"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Text or pattern"
        />
        <label>
          <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} /> Regex
        </label>
        <label>
          <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} /> Match
          case
        </label>
        <label>
          Stream{' '}
          <select value={streams} onChange={(e) => setStreams(e.target.value as typeof streams)}>
            <option value="all">stdout and stderr</option>
            <option value="stdout">stdout</option>
            <option value="stderr">stderr</option>
          </select>
        </label>
        <button type="submit" className="button button-primary" disabled={query === ''}>
          Search
        </button>
        {run?.state === 'running' && (
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        )}
      </form>
      <Command>{cli}</Command>
      {run && (
        <>
          <p role={run.state === 'failed' ? 'alert' : 'status'} aria-label="Search progress">
            {run.state === 'running'
              ? `Searching… ${(run.bytes / 1024).toFixed(0)} KB scanned, ${run.counts.filter((c) => c.done).length} of ${run.counts.length || '?'} containers done.`
              : run.message}
          </p>
          {run.counts.length > 0 && (
            <ul className="logs-history-counts" aria-label="Matches per container">
              {run.counts.map((c) => (
                <li key={c.container}>
                  {c.name}: {c.hits.toLocaleString()} {c.hits === 1 ? 'match' : 'matches'}
                  {c.error ? ` (${c.error})` : ''}
                </li>
              ))}
            </ul>
          )}
          <HitList hits={run.hits} onOpen={openLogsAt} />
        </>
      )}
    </section>
  );
}

/** The results, drawn again only when hits arrive (progress comes ten times a second). */
const HitList = memo(function HitList({
  hits,
  onOpen,
}: {
  hits: readonly LogSearchHit[];
  onOpen(container: string, text: string): void;
}) {
  return (
    <ol className="logs-history-hits" aria-label="Search results">
      {hits.map((h, i) => (
        <li key={i}>
          <button type="button" className="logs-history-hit" onClick={() => onOpen(h.container, h.text)}>
            <span className="muted">
              {h.name} · {h.ts.slice(0, 23).replace('T', ' ')} · {h.stream}
            </span>
            {h.before.map((b, k) => (
              <span key={`b${k}`} className="logs-history-context">
                {b}
              </span>
            ))}
            <span>
              {h.text.slice(0, h.match[0])}
              <mark>{h.text.slice(h.match[0], h.match[1])}</mark>
              {h.text.slice(h.match[1])}
            </span>
            {h.after.map((a, k) => (
              <span key={`a${k}`} className="logs-history-context">
                {a}
              </span>
            ))}
          </button>
        </li>
      ))}
    </ol>
  );
});
