/**
 * The virtualised list of log rows. It re-renders on buffer changes at most once per animation frame, follows
 * the end while the user is at the bottom, and stops following as soon as they scroll up.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { markRanges, stripAnsi, toSegments } from './ansi';
import { NOTICE, sourceOf, STDERR, type LogBuffer } from './log-buffer';
import { matchRanges } from './log-search';

const ROW_HEIGHT = 20;
const AT_BOTTOM_PX = 24;

export interface LogViewProps {
  readonly buffer: LogBuffer;
  /** Absolute row indexes to show, or null for every row. */
  readonly rows: readonly number[] | null;
  readonly names: readonly string[];
  readonly timestamps: boolean;
  readonly wrap: boolean;
  readonly pattern: RegExp | null;
  /** Absolute row index and occurrence within it of the current search match. */
  readonly current: { row: number; nth: number } | null;
  readonly following: boolean;
  readonly onFollowingChange: (following: boolean) => void;
  readonly version: number;
}

export function formatLocal(ts: string): string {
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return ts;
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

const Row = memo(function Row({
  text,
  ts,
  flags,
  name,
  timestamps,
  pattern,
  currentNth,
}: {
  text: string;
  ts: string;
  flags: number;
  name: string | null;
  timestamps: boolean;
  pattern: RegExp | null;
  currentNth: number;
}) {
  const segments = useMemo(() => {
    const base = toSegments(text);
    return pattern ? markRanges(base, matchRanges(stripAnsi(text), pattern), currentNth) : base;
  }, [text, pattern, currentNth]);
  const stderr = (flags & STDERR) !== 0;
  const notice = (flags & NOTICE) !== 0;
  return (
    <>
      {name !== null && <span className={`log-tag log-tag-${sourceOf(flags) % 6}`}>{name}</span>}
      {timestamps && (
        <time className="log-ts" dateTime={ts}>
          {formatLocal(ts)}
        </time>
      )}
      {stderr && (
        <span className="log-err" title="Written to stderr">
          err
        </span>
      )}
      <span className={notice ? 'log-text log-notice' : 'log-text'}>
        {segments.map((s, i) => {
          const cls = s.match === 'current' ? 'log-hit log-hit-current' : s.match === 'hit' ? 'log-hit' : undefined;
          return s.match ? (
            <mark key={i} className={cls} style={s.style}>
              {s.text}
            </mark>
          ) : (
            <span key={i} style={s.style}>
              {s.text}
            </span>
          );
        })}
      </span>
    </>
  );
});

export function LogView(props: LogViewProps) {
  const { buffer, rows, names, timestamps, wrap, pattern, current, following, onFollowingChange } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = rows ? rows.length : buffer.length;
  // eslint-disable-next-line react-hooks/incompatible-library -- the rows read the virtualizer fresh on each render.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const [last] = useState({ top: 0 });

  useLayoutEffect(() => {
    if (!following || count === 0) return;
    virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [following, count, props.version, virtualizer]);

  useEffect(() => {
    if (current === null) return;
    const index = rows ? rows.indexOf(current.row) : current.row - buffer.offset;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [current, rows, buffer, virtualizer]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (el === null) return;
    // Only a move up pauses following: scrolling to the end and new rows never move the view up.
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < AT_BOTTOM_PX;
    const movedUp = el.scrollTop < last.top;
    last.top = el.scrollTop;
    if (atBottom && !following) onFollowingChange(true);
    else if (!atBottom && movedUp && following) onFollowingChange(false);
  };

  const multi = names.length > 1;
  return (
    <div
      ref={scrollRef}
      className={wrap ? 'log-scroll log-wrap' : 'log-scroll'}
      onScroll={onScroll}
      role="log"
      aria-label="Log lines"
      aria-live="off"
      tabIndex={0}
    >
      <div role="list" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const abs = rows ? (rows[item.index] ?? 0) : buffer.offset + item.index;
          const i = abs - buffer.offset;
          const flags = buffer.flags[i] ?? 0;
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              data-stream={flags & STDERR ? 'stderr' : flags & NOTICE ? 'notice' : 'stdout'}
              ref={wrap ? virtualizer.measureElement : undefined}
              className="log-row"
              style={{ transform: `translateY(${item.start}px)`, minHeight: ROW_HEIGHT }}
            >
              <Row
                text={buffer.text[i] ?? ''}
                ts={buffer.ts[i] ?? ''}
                flags={flags}
                name={multi ? (names[sourceOf(flags)] ?? null) : null}
                timestamps={timestamps}
                pattern={pattern}
                currentNth={current !== null && current.row === abs ? current.nth : -1}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
