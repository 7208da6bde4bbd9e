/**
 * The rows to draw when every row has the same height (wrap off): pure arithmetic on the scroll position, so a
 * frame costs the same at 100 rows or 2,000,000 (no per-row sizes to sum, no layout reads). Browsers cap an
 * element's height (Chromium near 33.5 million px), so past MAX_PX the spacer is shorter than the rows and the
 * scroll position is scaled; `shift` is what to subtract from a row's natural top in that case.
 */
export const MAX_PX = 15_000_000;

export interface FixedWindow {
  /** First and one past the last row to draw. */
  readonly first: number;
  readonly end: number;
  /** Height of the scrolling content. */
  readonly height: number;
  /** Natural top minus drawn top, for every row (0 unless the content was scaled down). */
  readonly shift: number;
}

export function fixedWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  overscan: number,
): FixedWindow {
  const natural = count * rowHeight;
  const height = Math.min(natural, MAX_PX);
  const maxTop = Math.max(0, height - viewport);
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  // Scaled so that the end of the spacer is the end of the rows.
  const naturalTop = height < natural && maxTop > 0 ? (top / maxTop) * (natural - viewport) : top;
  const first = Math.max(0, Math.floor(naturalTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((naturalTop + viewport) / rowHeight) + overscan);
  return { first, end, height, shift: naturalTop - top };
}

/** The scroll position that shows the given row (its natural top) at `align` of the viewport. */
export function scrollTopFor(
  index: number,
  count: number,
  rowHeight: number,
  viewport: number,
  align: 'center' | 'end',
): number {
  const natural = count * rowHeight;
  const height = Math.min(natural, MAX_PX);
  const rowTop = align === 'end' ? (index + 1) * rowHeight - viewport : index * rowHeight - (viewport - rowHeight) / 2;
  const wanted = Math.min(Math.max(0, rowTop), Math.max(0, natural - viewport));
  return height < natural && natural > viewport ? (wanted / (natural - viewport)) * (height - viewport) : wanted;
}
