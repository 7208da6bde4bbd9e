/**
 * The log view's row cursor for the keyboard: arrows move it a line, PageUp/PageDown a screenful, Home/End to the
 * first and last line shown. Positions are indexes into the rows shown (every row, or a filter's rows).
 */

export const CURSOR_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

/**
 * Where the cursor goes for `key`, from position `at` (-1 when there is no cursor yet: the first move lands on the
 * last line, where a following log is looking), among `count` rows with `page` rows to a screen; null when the key
 * does not move it or there are no rows.
 */
export function moveCursor(key: string, at: number, count: number, page: number): number | null {
  if (count === 0 || !CURSOR_KEYS.has(key)) return null;
  const last = count - 1;
  if (at < 0 || at > last) return key === 'Home' ? 0 : last;
  const step = Math.max(1, page - 1);
  switch (key) {
    case 'ArrowUp':
      return Math.max(0, at - 1);
    case 'ArrowDown':
      return Math.min(last, at + 1);
    case 'PageUp':
      return Math.max(0, at - step);
    case 'PageDown':
      return Math.min(last, at + step);
    case 'Home':
      return 0;
    default:
      return last;
  }
}

/** The position of absolute row `abs` among the rows shown, or -1. */
export function positionOf(abs: number, rows: readonly number[] | null, offset: number, length: number): number {
  if (rows === null) return abs >= offset && abs < offset + length ? abs - offset : -1;
  return rows.indexOf(abs);
}

/** The "N new lines" summary a screen reader hears instead of every line; null when nothing arrived. */
export function newLinesSummary(n: number): string | null {
  if (n <= 0) return null;
  return `${n.toLocaleString('en-US')} new ${n === 1 ? 'line' : 'lines'} in the log.`;
}
