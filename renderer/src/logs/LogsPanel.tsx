/**
 * The logs of one or several containers: opens on the newest lines and follows, pages back with "Load older",
 * and offers search, a stderr filter, timestamps, wrapping, copy, save and clear. Lines live in a LogBuffer
 * owned by this panel; React hears about them at most once per animation frame, less often while they flood in.
 */
import { useEffect, useMemo, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useBerth } from '../store/store';
import { selectLogLineCap } from '../store/logs.slice';
import { FramePacer } from './frame-pacer';
import { LogBuffer } from './log-buffer';
import { LogSource, PAGE } from './log-source';
import { LogToolbar } from './LogToolbar';
import { formatLocal, LogView } from './LogView';
import { linesText, selectAll, selectedCount, selectedRows, type LineSelection } from './line-selection';
import { useLogSearch } from './use-log-search';
import { startDownload } from '../images/tar-transfer';
import { useNativeDialogs } from '../lib/use-native-dialogs';
import './logs.css';

/** A counter that moves when the view should be drawn again (frame-pacer.ts), while the buffer changes. */
function useFrameVersion(buffer: LogBuffer): number {
  const [store] = useState(() => {
    let version = 0;
    return {
      subscribe(notify: () => void) {
        const pacer = new FramePacer(
          () => buffer.received,
          () => {
            version += 1;
            notify();
          },
        );
        const off = buffer.subscribe(() => pacer.changed());
        return () => {
          off();
          pacer.dispose();
        };
      },
      get: () => version,
    };
  });
  return useSyncExternalStore(store.subscribe, store.get);
}

export function LogsPanel({ containerIds }: { containerIds: readonly string[] }) {
  const key = containerIds.join(',');
  const cap = useBerth(selectLogLineCap);
  const [buffer] = useState(() => new LogBuffer(cap));
  useEffect(() => buffer.setCap(cap), [buffer, cap]);
  // 'all' reads the whole backlog instead of the newest page; the cap still bounds what stays in memory.
  const [tail, setTail] = useState<number | 'all'>(PAGE);
  const source = useMemo(
    () => new LogSource(window.berth, buffer, key === '' ? [] : key.split(','), tail),
    [buffer, key, tail],
  );
  useEffect(() => {
    buffer.clear();
    source.start();
    return () => source.stop();
  }, [buffer, source]);

  const version = useFrameVersion(buffer);
  // Re-renders when a source's name, end or error changes; the values are read from the source itself.
  useSyncExternalStore(
    (l) => source.subscribe(l),
    () => source.sources.map((s) => `${s.name}|${s.ended ?? ''}|${s.error?.message ?? ''}|${s.atStart}`).join(';'),
  );
  const timestamps = useBerth((s) => s.logsTimestamps);
  const wrap = useBerth((s) => s.logsWrap);
  const stderrOnly = useBerth((s) => s.logsStderrOnly);
  const [following, setFollowing] = useState(true);
  const [olderState, setOlderState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const nativeDialogs = useNativeDialogs();
  const [saveState, setSaveState] = useState<{ busy: boolean; text: string | null; failed: boolean }>({
    busy: false,
    text: null,
    failed: false,
  });
  const search = useLogSearch(buffer, version);

  const rows = stderrOnly ? buffer.stderrRows() : null;
  const [selection, setSelection] = useState<LineSelection | null>(null);
  const [copyState, setCopyState] = useState<{ text: string; failed: boolean } | null>(null);
  const shown = { buffer, rows };
  const selected = selectedCount(selection, shown);
  const selectLine = (abs: number, extend: boolean) => {
    setSelection((s) => (extend && s !== null ? { anchor: s.anchor, focus: abs } : { anchor: abs, focus: abs }));
    setCopyState(null);
  };

  // Whole lines when some are selected (they may reach far past the rows drawn), else the text selected with
  // the mouse.
  const copy = async () => {
    const lines = selectedRows(selection, shown);
    const text =
      lines.length > 0
        ? linesText(buffer, lines, { timestamps, names: source.sources.map((s) => s.name), formatTime: formatLocal })
        : (window.getSelection()?.toString() ?? '');
    if (text === '') {
      setCopyState({
        text: 'Nothing to copy: click a line, Shift+click another, or press Ctrl+A in the log.',
        failed: true,
      });
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      const n = lines.length;
      setCopyState({
        text: n > 0 ? `Copied ${n.toLocaleString()} ${n === 1 ? 'line' : 'lines'}` : 'Copied the selected text',
        failed: false,
      });
    } catch (e) {
      setCopyState({
        text: `The clipboard refused the copy: ${e instanceof Error ? e.message : String(e)}`,
        failed: true,
      });
    }
  };
  const onLogKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      window.getSelection()?.removeAllRanges();
      setSelection(selectAll(shown));
      setCopyState(null);
    } else if (e.key === 'Escape' && selection !== null) {
      e.preventDefault();
      setSelection(null);
      setCopyState(null);
    } else if (mod && e.key.toLowerCase() === 'c' && selected > 0 && window.getSelection()?.isCollapsed !== false) {
      e.preventDefault();
      void copy();
    }
  };

  const names = source.sources.map((s) => s.name);
  const problems = source.sources.filter((s) => s.error || s.ended);

  // The whole log comes from the engine, not from the buffer: main writes it to a file chosen in a dialog, or
  // the bridge serves it as a download.
  const saveWholeLog = async () => {
    setSaveState({ busy: true, text: null, failed: false });
    const containers = [...containerIds];
    if (nativeDialogs) {
      const result = await window.berth.desktop.saveLog({ containers });
      if (!result.ok) setSaveState({ busy: false, text: result.error.message, failed: true });
      else if (result.value.cancelled) setSaveState({ busy: false, text: null, failed: false });
      else setSaveState({ busy: false, text: `Saved to ${result.value.path}`, failed: false });
      return;
    }
    const ticket = await window.berth.logs.saveTicket({ containers });
    if (!ticket.ok) return setSaveState({ busy: false, text: ticket.error.message, failed: true });
    startDownload(ticket.value);
    setSaveState({ busy: false, text: `Downloading ${ticket.value.filename}`, failed: false });
  };

  const loadOlder = async () => {
    setOlderState({ busy: true, error: null });
    const error = await source.loadOlder();
    setOlderState({ busy: false, error });
  };

  return (
    <section
      className="logs"
      aria-label="Logs"
      data-received={buffer.received}
      data-newest={buffer.tsAt(buffer.length - 1)}
    >
      <LogToolbar
        search={search}
        onCopy={() => void copy()}
        onSave={() => void saveWholeLog()}
        saving={saveState.busy}
        onClear={() => {
          buffer.clear();
          setSelection(null);
        }}
      />
      <div className="logs-older">
        {source.atStart ? (
          <span className="muted">Start of the log.</span>
        ) : (
          <button type="button" className="button" onClick={() => void loadOlder()} disabled={olderState.busy}>
            {olderState.busy ? 'Loading older lines…' : 'Load older'}
          </button>
        )}
        {tail !== 'all' && !source.atStart && (
          <button type="button" className="logs-toggle" onClick={() => setTail('all')}>
            Read whole log
          </button>
        )}
        {olderState.error && <span className="logs-problem">{olderState.error}</span>}
        {saveState.text && (
          <span role={saveState.failed ? 'alert' : 'status'} className={saveState.failed ? 'logs-problem' : 'muted'}>
            {saveState.text}
          </span>
        )}
        {copyState && (
          <span role={copyState.failed ? 'alert' : 'status'} className={copyState.failed ? 'logs-problem' : 'muted'}>
            {copyState.text}
          </span>
        )}
        {selected > 0 && (
          <span className="muted logs-selected" role="status" aria-label="Selected lines">
            {selected.toLocaleString()} {selected === 1 ? 'line' : 'lines'} selected
            <button type="button" className="logs-toggle" onClick={() => setSelection(null)}>
              Unselect
            </button>
          </span>
        )}
        <span className="muted logs-count">
          {buffer.length.toLocaleString()} {buffer.length === 1 ? 'line' : 'lines'}
          {buffer.dropped > 0 ? ` (cap ${cap.toLocaleString()})` : ''}
        </span>
      </div>
      {problems.map((s) => (
        <p key={s.id} role={s.error ? 'alert' : 'status'} className={s.error ? 'logs-problem' : 'logs-ended'}>
          {containerIds.length > 1 ? `${s.name}: ` : ''}
          {s.error?.message ?? s.ended}
        </p>
      ))}
      <div className="logs-body">
        <LogView
          buffer={buffer}
          rows={rows}
          names={names}
          timestamps={timestamps}
          wrap={wrap}
          pattern={search.pattern}
          current={search.current}
          following={following}
          onFollowingChange={setFollowing}
          version={version}
          selection={selection}
          onSelectLine={selectLine}
          onKeyDown={onLogKey}
        />
        {!following && (
          <button type="button" className="button button-primary logs-jump" onClick={() => setFollowing(true)}>
            Jump to latest
          </button>
        )}
      </div>
    </section>
  );
}
