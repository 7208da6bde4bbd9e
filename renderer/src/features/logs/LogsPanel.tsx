/**
 * The logs of one or several containers: opens on the newest lines and follows, pages back with "Load older",
 * and offers search, a stderr filter, timestamps, wrapping, copy, save and clear. Lines live in a LogBuffer
 * owned by this panel; React hears about them at most once per animation frame, less often while they flood in.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { useBerth } from '../../app/store';
import { selectLogLineCap } from './logs.slice';
import { FramePacer } from './frame-pacer';
import { LogBuffer } from './log-buffer';
import { PAGE } from './log-source';
import { LogToolbar } from './LogToolbar';
import { LogView } from './LogView';
import { useLineSelection } from './use-line-selection';
import { LogsExplain } from '../learn/Explain';
import { useLogSearch } from './use-log-search';
import { startDownload } from '../../ui/transfer';
import { announce } from '../../ui/announce';
import { newLinesSummary } from './log-cursor';
import { useNativeDialogs } from '../desktop/use-native-dialogs';
import './logs.css';

/** How often, at most, a screen reader hears how many lines arrived (never each line). */
export const NEW_LINES_SUMMARY_MS = 5000;

/**
 * While focus is in the panel, says every few seconds how many lines arrived since it last said so; says when
 * following pauses or resumes.
 */
function useLogAnnouncements(buffer: LogBuffer, following: boolean, panel: RefObject<HTMLElement | null>) {
  useEffect(() => {
    let seen = buffer.received;
    const timer = setInterval(() => {
      const n = buffer.received - seen;
      seen = buffer.received;
      const summary = newLinesSummary(n);
      if (summary !== null && panel.current?.contains(document.activeElement)) announce(summary);
    }, NEW_LINES_SUMMARY_MS);
    return () => clearInterval(timer);
  }, [buffer, panel]);
  const said = useRef(following);
  useEffect(() => {
    if (said.current === following) return;
    said.current = following;
    announce(
      following
        ? 'Following the log: new lines show as they arrive.'
        : 'Log paused: new lines wait below. Press Resume log, or End in the log, to follow again.',
    );
  }, [following]);
}

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

/** `focus`: a line to open the log at (from a whole-history search): the whole backlog is read and the line found. */
export function LogsPanel({ containerIds, focus = '' }: { containerIds: readonly string[]; focus?: string }) {
  const key = containerIds.join(',');
  const cap = useBerth(selectLogLineCap);
  const [buffer] = useState(() => new LogBuffer(cap));
  useEffect(() => buffer.setCap(cap), [buffer, cap]);
  // 'all' reads the whole backlog instead of the newest page; the cap still bounds what stays in memory.
  const [tail, setTail] = useState<number | 'all'>(focus === '' ? PAGE : 'all');
  const openLogSource = useBerth((s) => s.openLogSource);
  const range = useBerth((s) => s.logsRange);
  const saveLogToFile = useBerth((s) => s.saveLogToFile);
  const logDownloadTicket = useBerth((s) => s.logDownloadTicket);
  const source = useMemo(
    () => openLogSource(buffer, key === '' ? [] : key.split(','), range.until ? 'all' : tail, range),
    [openLogSource, buffer, key, tail, range],
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
  const [following, setFollowing] = useState(focus === '');
  const [olderState, setOlderState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const nativeDialogs = useNativeDialogs();
  const [saveState, setSaveState] = useState<{ busy: boolean; text: string | null; failed: boolean }>({
    busy: false,
    text: null,
    failed: false,
  });
  const search = useLogSearch(buffer, version, focus);
  const panel = useRef<HTMLElement>(null);
  useLogAnnouncements(buffer, following, panel);

  const rows = stderrOnly ? buffer.stderrRows() : null;
  const lines = useLineSelection(
    buffer,
    rows,
    timestamps,
    source.sources.map((s) => s.name),
  );

  const names = source.sources.map((s) => s.name);
  const problems = source.sources.filter((s) => s.error || s.ended);

  // The whole log comes from the engine, not from the buffer: main writes it to a file chosen in a dialog, or
  // the bridge serves it as a download.
  const saveWholeLog = async () => {
    setSaveState({ busy: true, text: null, failed: false });
    const containers = [...containerIds];
    if (nativeDialogs) {
      const result = await saveLogToFile({ containers });
      if (!result.ok) setSaveState({ busy: false, text: result.error.message, failed: true });
      else if (result.value.cancelled) setSaveState({ busy: false, text: null, failed: false });
      else setSaveState({ busy: false, text: `Saved to ${result.value.path}`, failed: false });
      return;
    }
    const ticket = await logDownloadTicket({ containers });
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
      ref={panel}
      className="logs"
      aria-label="Logs"
      data-received={buffer.received}
      data-newest={buffer.tsAt(buffer.length - 1)}
    >
      <LogToolbar
        search={search}
        onCopy={() => void lines.copy()}
        onSave={() => void saveWholeLog()}
        saving={saveState.busy}
        onClear={() => {
          buffer.clear();
          lines.clear();
        }}
      />
      <LogsExplain
        view={() => ({
          sources: source.sources,
          lines: buffer.length,
          stderr: buffer.stderrCount(),
          cap,
          dropped: source.dropped,
          page: PAGE,
        })}
      />
      <div className="logs-older">
        {source.atStart ? (
          <span className="muted">{range.since ? 'Start of the time range.' : 'Start of the log.'}</span>
        ) : (
          <button type="button" className="button" onClick={() => void loadOlder()} disabled={olderState.busy}>
            {olderState.busy ? 'Loading older lines…' : 'Load older'}
          </button>
        )}
        <button
          type="button"
          className="logs-toggle"
          onClick={() => setFollowing(!following)}
          title={following ? 'Stop following new lines' : 'Follow new lines again'}
        >
          {following ? 'Pause log' : 'Resume log'}
        </button>
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
        {lines.copied && (
          <span
            role={lines.copied.failed ? 'alert' : 'status'}
            className={lines.copied.failed ? 'logs-problem' : 'muted'}
          >
            {lines.copied.text}
          </span>
        )}
        {lines.count > 0 && (
          <span className="logs-selected">
            <span className="muted" role="status" aria-label="Selected lines">
              {lines.count.toLocaleString()} {lines.count === 1 ? 'line' : 'lines'} selected
            </span>
            <button type="button" className="logs-toggle" onClick={lines.clear}>
              Unselect
            </button>
          </span>
        )}
        <span className="muted logs-count">
          {buffer.length.toLocaleString()} {buffer.length === 1 ? 'line' : 'lines'}
          {source.dropped > 0 ? ` (cap ${cap.toLocaleString()})` : ''}
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
          selection={lines.selection}
          onSelectLine={lines.select}
          onKeyDown={lines.onKeyDown}
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
