import { describe, expect, it } from 'vitest';
import {
  clickRow,
  emptySelection,
  focusRow,
  keepPresent,
  moveFocus,
  selectAll,
  toggleRow,
  typeAhead,
  clearSelection,
} from './list-selection';

const keys = ['a', 'b', 'c', 'd', 'e'];
const sel = (s: { selected: ReadonlySet<string> }) => [...s.selected].sort();

describe('list selection', () => {
  it('a click selects one row and sets the anchor', () => {
    const s = clickRow(clickRow(emptySelection, keys, 'b'), keys, 'd');
    expect(sel(s)).toEqual(['d']);
    expect(s.anchor).toBe('d');
    expect(s.focus).toBe('d');
  });

  it('Shift+click selects the range from the anchor, either way', () => {
    const s = clickRow(clickRow(emptySelection, keys, 'b'), keys, 'd', { shift: true });
    expect(sel(s)).toEqual(['b', 'c', 'd']);
    const back = clickRow(s, keys, 'a', { shift: true });
    expect(sel(back)).toEqual(['a', 'b']);
    expect(back.anchor).toBe('b');
  });

  it('Ctrl/Cmd+click toggles one row and keeps the others', () => {
    let s = clickRow(emptySelection, keys, 'a');
    s = clickRow(s, keys, 'c', { toggle: true });
    expect(sel(s)).toEqual(['a', 'c']);
    s = clickRow(s, keys, 'a', { toggle: true });
    expect(sel(s)).toEqual(['c']);
  });

  it('Ctrl+Shift+click adds a range to what is selected', () => {
    let s = clickRow(emptySelection, keys, 'a');
    s = clickRow(s, keys, 'c', { toggle: true });
    s = clickRow(s, keys, 'e', { shift: true, toggle: true });
    expect(sel(s)).toEqual(['a', 'c', 'd', 'e']);
  });

  it('Ctrl/Cmd+A selects every row; clearing empties it', () => {
    const s = selectAll(emptySelection, keys);
    expect(sel(s)).toEqual(keys);
    expect(sel(clearSelection(s))).toEqual([]);
  });

  it('Space toggles the focused row', () => {
    const s = toggleRow(toggleRow(emptySelection, 'b'), 'c');
    expect(sel(s)).toEqual(['b', 'c']);
    expect(sel(toggleRow(s, 'b'))).toEqual(['c']);
  });

  it('arrows, Home, End and pages move within bounds', () => {
    expect(moveFocus(keys, null, 'ArrowDown', 2)).toBe('a');
    expect(moveFocus(keys, 'a', 'ArrowDown', 2)).toBe('b');
    expect(moveFocus(keys, 'e', 'ArrowDown', 2)).toBe('e');
    expect(moveFocus(keys, 'a', 'ArrowUp', 2)).toBe('a');
    expect(moveFocus(keys, 'c', 'Home', 2)).toBe('a');
    expect(moveFocus(keys, 'c', 'End', 2)).toBe('e');
    expect(moveFocus(keys, 'a', 'PageDown', 3)).toBe('d');
    expect(moveFocus(keys, 'b', 'PageDown', 10)).toBe('e');
    expect(moveFocus(keys, 'd', 'PageUp', 2)).toBe('b');
    expect(moveFocus([], null, 'End', 2)).toBeNull();
  });

  it('moving selects the row; Shift extends from the anchor; Ctrl only moves the focus', () => {
    let s = focusRow(emptySelection, keys, 'b');
    expect(sel(s)).toEqual(['b']);
    s = focusRow(s, keys, 'c', { shift: true });
    s = focusRow(s, keys, 'd', { shift: true });
    expect(sel(s)).toEqual(['b', 'c', 'd']);
    s = focusRow(s, keys, 'e', { toggle: true });
    expect(sel(s)).toEqual(['b', 'c', 'd']);
    expect(s.focus).toBe('e');
  });

  it('type-ahead finds the next row by name, wrapping, and cycles on a repeated letter', () => {
    const names: Record<string, string> = { a: 'web', b: 'worker', c: 'db', d: 'web-2', e: 'cache' };
    const label = (k: string) => names[k] ?? '';
    expect(typeAhead(keys, label, null, 'w')).toBe('a');
    expect(typeAhead(keys, label, 'a', 'w')).toBe('b');
    expect(typeAhead(keys, label, 'a', 'wo')).toBe('b');
    expect(typeAhead(keys, label, 'a', 'web')).toBe('a');
    expect(typeAhead(keys, label, 'd', 'w')).toBe('a');
    expect(typeAhead(keys, label, 'b', 'ww')).toBe('d');
    expect(typeAhead(keys, label, null, 'zzz')).toBeNull();
  });

  it('rows that leave the list leave the selection', () => {
    const s = keepPresent({ selected: new Set(['a', 'c']), anchor: 'c', focus: 'c' }, ['a', 'b']);
    expect(sel(s)).toEqual(['a']);
    expect(s.focus).toBeNull();
    const same = { selected: new Set(['a']), anchor: 'a', focus: 'a' };
    expect(keepPresent(same, keys)).toBe(same);
  });
});
