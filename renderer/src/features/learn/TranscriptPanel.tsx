import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { exactTime } from '../../ui/relative-time';
import { useBerth } from '../../app/store';
import { CopyButton } from './CopyButton';
import './learn.css';

/**
 * The session's commands: every action Berth performed, as the docker command that does the same and the Engine
 * API call. Main keeps the record; this drawer follows it from the first time it is mounted.
 */
export function TranscriptPanel() {
  const open = useBerth((s) => s.transcriptOpen);
  const setOpen = useBerth((s) => s.setTranscriptOpen);
  const entries = useBerth(useShallow((s) => s.transcript));
  const watch = useBerth((s) => s.watchTranscript);
  useEffect(() => watch(), [watch]);
  if (!open) return null;
  return (
    <aside className="transcript" aria-label="Command transcript">
      <header className="transcript-head">
        <h2>Commands this session</h2>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </header>
      {entries.length === 0 ? (
        <p className="muted">Nothing yet. Each action Berth takes on the engine appears here as a docker command.</p>
      ) : (
        <ol className="transcript-list" aria-label="Commands">
          {[...entries].reverse().map((entry) => (
            <li key={entry.id} className="transcript-entry" data-outcome={entry.outcome}>
              <div className="transcript-title">
                <span>{entry.title}</span>
                <time className="muted" dateTime={new Date(entry.time).toISOString()}>
                  {exactTime(entry.time)}
                </time>
              </div>
              <div className="transcript-line">
                <code className="command">{entry.command}</code>
                <CopyButton text={entry.command} what={`command: ${entry.command}`} />
              </div>
              <div className="transcript-line">
                <code className="transcript-api">{entry.api}</code>
                <CopyButton text={entry.api} what={`API call: ${entry.api}`} />
              </div>
              {entry.outcome === 'failed' && <p className="transcript-error">Failed: {entry.error}</p>}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

/** The status bar's switch for the transcript drawer, with the count of commands so far. */
export function TranscriptToggle() {
  const open = useBerth((s) => s.transcriptOpen);
  const count = useBerth((s) => s.transcript.length);
  const setOpen = useBerth((s) => s.setTranscriptOpen);
  return (
    <button type="button" className="status-toggle" aria-pressed={open} onClick={() => setOpen(!open)}>
      Commands ({count})
    </button>
  );
}
