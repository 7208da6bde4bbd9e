/**
 * ANSI colour codes into styled segments with anser; the view renders them as React text in spans, never as
 * HTML. Search matches are cut into the segments so highlighting keeps the colours.
 */
import Anser from 'anser';
import type { CSSProperties } from 'react';

export interface Segment {
  readonly text: string;
  readonly style?: CSSProperties;
  readonly match?: 'hit' | 'current';
}

const ESC = '\u001b';

export function stripAnsi(text: string): string {
  return text.includes(ESC) ? Anser.ansiToText(text) : text;
}

export function toSegments(text: string): Segment[] {
  if (!text.includes(ESC)) return [{ text }];
  return Anser.ansiToJson(text, { remove_empty: true, json: true }).map((entry) => {
    const style: CSSProperties = {};
    if (entry.fg) style.color = `rgb(${entry.fg})`;
    if (entry.bg) style.backgroundColor = `rgb(${entry.bg})`;
    const d = entry.decorations;
    if (d.includes('bold')) style.fontWeight = 600;
    if (d.includes('italic')) style.fontStyle = 'italic';
    if (d.includes('underline')) style.textDecoration = 'underline';
    if (d.includes('dim')) style.opacity = 0.7;
    return { text: entry.content, style };
  });
}

/** Splits segments at the given [start, end) ranges of their joined text and marks the parts inside. */
export function markRanges(
  segments: readonly Segment[],
  ranges: readonly (readonly [number, number])[],
  current: number,
): Segment[] {
  if (ranges.length === 0) return [...segments];
  const out: Segment[] = [];
  let pos = 0;
  let r = 0;
  for (const seg of segments) {
    let at = 0;
    while (at < seg.text.length) {
      const abs = pos + at;
      while (r < ranges.length && (ranges[r]?.[1] ?? 0) <= abs) r += 1;
      const range = ranges[r];
      if (range === undefined || range[0] >= pos + seg.text.length) {
        out.push({ ...seg, text: seg.text.slice(at) });
        break;
      }
      if (range[0] > abs) {
        out.push({ ...seg, text: seg.text.slice(at, range[0] - pos) });
        at = range[0] - pos;
        continue;
      }
      const end = Math.min(range[1], pos + seg.text.length) - pos;
      out.push({ ...seg, text: seg.text.slice(at, end), match: r === current ? 'current' : 'hit' });
      at = end;
    }
    pos += seg.text.length;
  }
  return out;
}
