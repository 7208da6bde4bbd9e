import { useEffect, useRef } from 'react';
import { useBerth } from '../../app/store';
import { announce } from '../../ui/announce';
import type { SearchState } from './use-log-search';

function Toggle(props: { label: string; name?: string; on: boolean; onChange: (on: boolean) => void }) {
  const { label, name, on, onChange } = props;
  return (
    <button
      type="button"
      className="logs-toggle"
      aria-label={name}
      title={name}
      aria-pressed={on}
      onClick={() => onChange(!on)}
    >
      {label}
    </button>
  );
}

/** What a screen reader hears about a search: "Match 3 of 120" when the current match moves, not every count. */
export function searchAnnouncement(search: Pick<SearchState, 'error' | 'count' | 'done' | 'index'>): string | null {
  if (search.error) return search.error;
  if (search.count === 0) return search.done ? 'No matches.' : null;
  return `Match ${search.index + 1} of ${search.count.toLocaleString('en-US')}${search.done ? '' : ' so far'}.`;
}

function useSearchAnnouncement(search: SearchState) {
  const last = useRef('');
  const sentence = search.query.text === '' ? null : searchAnnouncement(search);
  // Said again only when the query, the current match or the end of the search changes.
  const key = `${search.query.text}|${search.query.caseSensitive}|${search.query.regex}|${search.index}|${search.done}|${search.error}`;
  useEffect(() => {
    if (sentence === null || last.current === key) return;
    last.current = key;
    announce(sentence);
  }, [key, sentence]);
}

export function LogToolbar({
  search,
  onCopy,
  onSave,
  saving,
  onClear,
}: {
  search: SearchState;
  onCopy: () => void;
  onSave: () => void;
  /** A whole-log save is under way. */
  saving: boolean;
  onClear: () => void;
}) {
  const timestamps = useBerth((s) => s.logsTimestamps);
  const wrap = useBerth((s) => s.logsWrap);
  const stderrOnly = useBerth((s) => s.logsStderrOnly);
  const setOption = useBerth((s) => s.setLogsOption);
  const q = search.query;
  const status =
    q.text === ''
      ? ''
      : search.error
        ? search.error
        : search.count === 0
          ? search.done
            ? 'No matches'
            : 'Searching…'
          : `${search.index + 1} of ${search.count.toLocaleString()}${search.done ? '' : '…'}`;
  useSearchAnnouncement(search);
  return (
    <div className="logs-toolbar" role="toolbar" aria-label="Log tools">
      <div className="logs-search" role="search">
        <input
          type="search"
          aria-label="Search the log"
          placeholder="Search"
          value={q.text}
          onChange={(e) => search.setQuery({ ...q, text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.shiftKey ? search.previous : search.next)();
          }}
        />
        <Toggle
          label="Aa"
          name="Match case"
          on={q.caseSensitive}
          onChange={(on) => search.setQuery({ ...q, caseSensitive: on })}
        />
        <Toggle
          label=".*"
          name="Regular expression"
          on={q.regex}
          onChange={(on) => search.setQuery({ ...q, regex: on })}
        />
        <button type="button" className="logs-toggle" aria-label="Previous match" onClick={search.previous}>
          ↑
        </button>
        <button type="button" className="logs-toggle" aria-label="Next match" onClick={search.next}>
          ↓
        </button>
        {/* Not live itself: its count grows as lines arrive; the announcer says the match moves instead. */}
        <output className={search.error ? 'logs-problem' : 'muted'} aria-live="off" aria-label="Matches">
          {status}
        </output>
      </div>
      <div className="logs-options">
        <Toggle label="stderr only" on={stderrOnly} onChange={(on) => setOption('logsStderrOnly', on)} />
        <Toggle label="Timestamps" on={timestamps} onChange={(on) => setOption('logsTimestamps', on)} />
        <Toggle label="Wrap" on={wrap} onChange={(on) => setOption('logsWrap', on)} />
        <button
          type="button"
          className="logs-toggle"
          onClick={onCopy}
          title="Copy the selected lines: click a line, Shift+click another, or press Ctrl+A in the log"
        >
          Copy
        </button>
        <button
          type="button"
          className="logs-toggle"
          onClick={onSave}
          disabled={saving}
          title="Every line the engine kept, not only the lines shown here"
        >
          {saving ? 'Saving…' : 'Save whole log'}
        </button>
        <button type="button" className="logs-toggle" onClick={onClear}>
          Clear
        </button>
      </div>
    </div>
  );
}
