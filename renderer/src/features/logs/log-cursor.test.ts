import { describe, expect, it } from 'vitest';
import { moveCursor, newLinesSummary, positionOf } from './log-cursor';

describe('moveCursor', () => {
  it('starts on the last line (or the first, for Home) when there is no cursor', () => {
    expect(moveCursor('ArrowUp', -1, 10, 5)).toBe(9);
    expect(moveCursor('Home', -1, 10, 5)).toBe(0);
  });
  it('moves by a line, a screenful and to the ends, staying inside the rows', () => {
    expect(moveCursor('ArrowUp', 3, 10, 5)).toBe(2);
    expect(moveCursor('ArrowUp', 0, 10, 5)).toBe(0);
    expect(moveCursor('ArrowDown', 9, 10, 5)).toBe(9);
    expect(moveCursor('PageUp', 8, 10, 5)).toBe(4);
    expect(moveCursor('PageDown', 8, 10, 5)).toBe(9);
    expect(moveCursor('Home', 5, 10, 5)).toBe(0);
    expect(moveCursor('End', 5, 10, 5)).toBe(9);
  });
  it('ignores other keys and an empty log', () => {
    expect(moveCursor('a', 3, 10, 5)).toBeNull();
    expect(moveCursor('ArrowDown', -1, 0, 5)).toBeNull();
  });
});

describe('positionOf', () => {
  it('finds a row among every row or a filter', () => {
    expect(positionOf(105, null, 100, 10)).toBe(5);
    expect(positionOf(99, null, 100, 10)).toBe(-1);
    expect(positionOf(7, [2, 7, 9], 0, 10)).toBe(1);
  });
});

describe('newLinesSummary', () => {
  it('counts new lines in words and says nothing for none', () => {
    expect(newLinesSummary(0)).toBeNull();
    expect(newLinesSummary(1)).toBe('1 new line in the log.');
    expect(newLinesSummary(4200)).toBe('4,200 new lines in the log.');
  });
});
