/**
 * The virtualised list of log rows. It re-renders on buffer changes at most once per animation frame, follows
 * the end while the user is at the bottom, and stops following as soon as they scroll up. With wrap off every
 * row is one line high, so the rows in view follow from the scroll position alone (fixed-rows.ts) and a row
 * keeps its key and place while lines arrive: a frame only adds the new rows. Only wrapped rows are measured.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { markRanges, stripAnsi, toSegments } from './ansi';
import { fixedWindow, scrollTopFor } from './fixed-rows';
import { CURSOR_KEYS, moveCursor, positionOf } from './log-cursor';
import { isSelected, type LineSelection } from './line-selection';
import type { LogBuffer } from './log-buffer';
import { flagsOf, NOTICE, sourceOf, STDERR, textOf, timeOf } from './log-chunk';
import { matchRanges } from './log-search';

const ROW_HEIGHT = 20;
const AT_BOTTOM_PX = 24;
const OVERSCAN = 12;

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
  readonly selection: LineSelection | null;
  /** A line was clicked or reached with the keyboard: select it, or extend the selection to it (Shift). */
  readonly onSelectLine: (abs: number, extend: boolean) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
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
  const { buffer, rows, names, timestamps, wrap, pattern, current, following, onFollowingChange, selection } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = rows ? rows.length : buffer.length;
  const cursorAbs = selection?.focus ?? null;
  // eslint-disable-next-line react-hooks/incompatible-library -- the rows read the virtualizer fresh on each render.
  const virtualizer = useVirtualizer({
    count: wrap ? count : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const [last] = useState({ top: 0 });
  const [view, setView] = useState({ top: 0, height: 0 });

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    const resize = () => setView((v) => (v.height === el.clientHeight ? v : { ...v, height: el.clientHeight }));
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // While following, the rows are drawn as if at the end already, so the frame that adds lines also shows them.
  const fixedTop =
    !wrap && following && count > 0 ? scrollTopFor(count - 1, count, ROW_HEIGHT, view.height, 'end') : view.top;
  const fixed = wrap ? null : fixedWindow(count, ROW_HEIGHT, fixedTop, view.height, OVERSCAN);

  useLayoutEffect(() => {
    if (!following || count === 0) return;
    if (wrap) virtualizer.scrollToIndex(count - 1, { align: 'end' });
    else if (scrollRef.current && scrollRef.current.scrollTop !== fixedTop) scrollRef.current.scrollTop = fixedTop;
  }, [following, count, props.version, virtualizer, wrap, fixedTop]);

  useEffect(() => {
    if (current === null) return;
    const index = rows ? rows.indexOf(current.row) : current.row - buffer.offset;
    if (index < 0) return;
    if (wrap) virtualizer.scrollToIndex(index, { align: 'center' });
    else if (scrollRef.current)
      scrollRef.current.scrollTop = scrollTopFor(index, count, ROW_HEIGHT, view.height, 'center');
  }, [current, rows, buffer, virtualizer, wrap, count, view.height]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (el === null) return;
    // Only a move up pauses following: scrolling to the end and new rows never move the view up.
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < AT_BOTTOM_PX;
    // While following the rows are placed at the end anyway: no second render for the scroll that follows.
    if (!(following && atBottom)) setView((v) => (v.top === el.scrollTop ? v : { ...v, top: el.scrollTop }));
    const movedUp = el.scrollTop < last.top;
    last.top = el.scrollTop;
    if (atBottom && !following) onFollowingChange(true);
    else if (!atBottom && movedUp && following) onFollowingChange(false);
  };

  const multi = names.length > 1;
  const row = (index: number, key: number | string | bigint, top: number): ReactNode => {
    const abs = rows ? (rows[index] ?? 0) : buffer.offset + index;
    const at = buffer.locate(abs - buffer.offset);
    const flags = at ? flagsOf(at.chunk, at.line) : 0;
    return (
      <div
        key={String(key)}
        role="listitem"
        data-index={wrap ? index : undefined}
        data-stream={flags & STDERR ? 'stderr' : flags & NOTICE ? 'notice' : 'stdout'}
        data-abs={abs}
        data-selected={isSelected(selection, abs) || undefined}
        aria-current={abs === cursorAbs || undefined}
        tabIndex={abs === cursorAbs ? -1 : undefined}
        ref={wrap ? virtualizer.measureElement : undefined}
        className="log-row"
        style={{ transform: `translateY(${top}px)`, minHeight: ROW_HEIGHT }}
      >
        <Row
          text={at ? textOf(at.chunk, at.line) : ''}
          ts={at ? timeOf(at.chunk, at.line) : ''}
          flags={flags}
          name={multi ? (names[sourceOf(flags)] ?? null) : null}
          timestamps={timestamps}
          pattern={pattern}
          currentNth={current !== null && current.row === abs ? current.nth : -1}
        />
      </div>
    );
  };
  const drawn: ReactNode[] = [];
  if (fixed) {
    // Keyed by absolute line, so a line on screen keeps its element while others arrive.
    for (let index = fixed.first; index < fixed.end; index++) {
      const abs = rows ? (rows[index] ?? 0) : buffer.offset + index;
      drawn.push(row(index, abs, index * ROW_HEIGHT - fixed.shift));
    }
  } else for (const item of virtualizer.getVirtualItems()) drawn.push(row(item.index, item.key, item.start));

  // Shift+click extends the line selection, not the browser's text selection.
  // The row cursor is the selection's moving end. Keys move it (log-cursor.ts); the row it lands on is scrolled
  // into view and takes focus, so a screen reader reads that line, and following stops unless it is the last one.
  const focusWanted = useRef(false);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (CURSOR_KEYS.has(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const at = cursorAbs === null ? -1 : positionOf(cursorAbs, rows, buffer.offset, buffer.length);
      const page = Math.max(1, Math.floor(view.height / ROW_HEIGHT));
      const to = moveCursor(e.key, at, count, page);
      if (to === null) return;
      e.preventDefault();
      const abs = rows ? (rows[to] ?? 0) : buffer.offset + to;
      props.onSelectLine(abs, e.shiftKey);
      onFollowingChange(to === count - 1);
      if (wrap) virtualizer.scrollToIndex(to, { align: 'auto' });
      else if (scrollRef.current) {
        const el = scrollRef.current;
        const rowTop = to * ROW_HEIGHT;
        if (rowTop < el.scrollTop || rowTop + ROW_HEIGHT > el.scrollTop + el.clientHeight)
          el.scrollTop = scrollTopFor(to, count, ROW_HEIGHT, view.height, 'center');
      }
      focusWanted.current = true;
      return;
    }
    props.onKeyDown(e);
  };
  // After every render: the row may be drawn only once the scroll it asked for has been handled.
  useEffect(() => {
    if (!focusWanted.current || cursorAbs === null) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-abs="${cursorAbs}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusWanted.current = false;
    }
  });

  const onMouseDown = (e: MouseEvent<HTMLDivElement>) => {
    if (e.shiftKey && e.button === 0) e.preventDefault();
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest('[data-abs]');
    if (row === null || e.button !== 0) return;
    // The end of a drag that selected text is not a click on a line.
    if (!e.shiftKey && window.getSelection()?.isCollapsed === false) return;
    if (e.shiftKey) window.getSelection()?.removeAllRanges();
    props.onSelectLine(Number(row.getAttribute('data-abs')), e.shiftKey);
  };

  return (
    <div
      ref={scrollRef}
      className={wrap ? 'log-scroll log-wrap' : 'log-scroll'}
      onScroll={onScroll}
      onMouseDown={onMouseDown}
      onClick={onClick}
      onKeyDown={onKeyDown}
      role="log"
      aria-label="Log lines"
      aria-live="off"
      aria-keyshortcuts="ArrowUp ArrowDown PageUp PageDown Home End Shift+ArrowUp Shift+ArrowDown Control+A Escape Control+C"
      tabIndex={0}
    >
      <div role="list" style={{ height: fixed ? fixed.height : virtualizer.getTotalSize(), position: 'relative' }}>
        {drawn}
      </div>
    </div>
  );
}
