/**
 * Whole lines selected in the log view, by absolute row index: a click picks a line, Shift+click extends to
 * another, Ctrl+A takes every line loaded. The view draws only the rows in sight, so text selected with the
 * mouse cannot reach past them; a line selection can, and Copy reads its lines from the buffer.
 */
import { stripAnsi } from './ansi';
import type { LogBuffer } from './log-buffer';
import { sourceOf } from './log-chunk';

export interface LineSelection {
  /** Where it started: the line clicked first. */
  readonly anchor: number;
  /** Where it ends now: the line Shift+clicked last. */
  readonly focus: number;
}

/** The rows the view shows: every row of the buffer, or the absolute indexes of a filter (ascending). */
export interface ShownRows {
  readonly buffer: Pick<LogBuffer, 'offset' | 'length'>;
  readonly rows: readonly number[] | null;
}

/** The first row index in `rows` at or after `abs`. */
function lowerBound(rows: readonly number[], abs: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid] ?? 0) < abs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where the selection lies among the rows shown, as positions [from, to) in that list (absolute indexes when
 * every row is shown): lines dropped by the cap are left out.
 */
function shownRange(selection: LineSelection | null, shown: ShownRows): { from: number; to: number } {
  if (selection === null) return { from: 0, to: 0 };
  const { offset, length } = shown.buffer;
  const lo = Math.max(Math.min(selection.anchor, selection.focus), offset);
  const hi = Math.min(Math.max(selection.anchor, selection.focus), offset + length - 1);
  if (hi < lo) return { from: 0, to: 0 };
  if (shown.rows === null) return { from: lo, to: hi + 1 };
  return { from: lowerBound(shown.rows, lo), to: lowerBound(shown.rows, hi + 1) };
}

/** The selected rows still shown, as absolute indexes in order. */
export function selectedRows(selection: LineSelection | null, shown: ShownRows): number[] {
  const { from, to } = shownRange(selection, shown);
  if (shown.rows !== null) return shown.rows.slice(from, to);
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** How many selected rows are shown, without listing them. */
export function selectedCount(selection: LineSelection | null, shown: ShownRows): number {
  const { from, to } = shownRange(selection, shown);
  return to - from;
}

export function isSelected(selection: LineSelection | null, abs: number): boolean {
  return (
    selection !== null &&
    abs >= Math.min(selection.anchor, selection.focus) &&
    abs <= Math.max(selection.anchor, selection.focus)
  );
}

/** Every shown row, as a selection; null when nothing is shown. */
export function selectAll(shown: ShownRows): LineSelection | null {
  const { offset, length } = shown.buffer;
  if (shown.rows !== null) {
    const first = shown.rows[0];
    const last = shown.rows[shown.rows.length - 1];
    return first === undefined || last === undefined ? null : { anchor: first, focus: last };
  }
  return length === 0 ? null : { anchor: offset, focus: offset + length - 1 };
}

/**
 * The text Copy puts on the clipboard: one line per row, as shown (colour codes removed), with the local time
 * when timestamps are on and the container's name when several are shown.
 */
export function linesText(
  buffer: LogBuffer,
  rows: readonly number[],
  options: {
    readonly timestamps: boolean;
    readonly names: readonly string[];
    readonly formatTime: (ts: string) => string;
  },
): string {
  const out: string[] = [];
  for (const abs of rows) {
    const i = abs - buffer.offset;
    const flags = buffer.flagsAt(i);
    let line = stripAnsi(buffer.textAt(i));
    if (options.timestamps) line = `${options.formatTime(buffer.tsAt(i))} ${line}`;
    if (options.names.length > 1) line = `${options.names[sourceOf(flags)] ?? ''} ${line}`;
    out.push(line);
  }
  return out.join('\n');
}
