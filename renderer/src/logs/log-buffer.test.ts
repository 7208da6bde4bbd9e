import { describe, expect, it } from 'vitest';
import { LogBuffer, NOTICE, STDERR, sourceOf } from './log-buffer';

const ts = (n: number) => `2024-05-01T10:00:${String(n).padStart(2, '0')}.000000000Z`;
const lines = (ns: number[], stderr: number[] = []) => ({ ts: ns.map(ts), text: ns.map((n) => `l${n}`), stderr });

describe('LogBuffer', () => {
  it('keeps stderr and the source in the flags', () => {
    const b = new LogBuffer(100);
    b.append(3, lines([1, 2], [1]));
    expect(b.flags.map((f) => [sourceOf(f), f & STDERR])).toEqual([
      [3, 0],
      [3, STDERR],
    ]);
  });

  it('interleaves two sources by timestamp', () => {
    const b = new LogBuffer(100);
    b.append(0, lines([1, 3, 5]));
    b.append(1, lines([2, 4, 6]));
    expect(b.text).toEqual(['l1', 'l2', 'l3', 'l4', 'l5', 'l6']);
    expect(b.epoch).toBe(1);
  });

  it('drops the oldest lines past the cap and keeps absolute indexes', () => {
    const b = new LogBuffer(20);
    b.append(0, lines(Array.from({ length: 30 }, (_, i) => i)));
    expect(b.length).toBe(20);
    expect(b.offset).toBe(10);
    expect(b.text[0]).toBe('l10');
    expect(b.received).toBe(30);
  });

  it('finds the cursor of a source: oldest timestamp and how many lines share it', () => {
    const b = new LogBuffer(100);
    b.append(0, { ts: [ts(1), ts(1), ts(2)], text: ['a', 'b', 'c'], stderr: [] });
    b.append(1, lines([0]));
    b.notice(0, ts(0), 'restarted');
    expect(b.oldestOf(0)).toEqual({ ts: ts(1), count: 2 });
    expect(b.oldestOf(1)).toEqual({ ts: ts(0), count: 1 });
    expect(b.flags[b.length - 1]! & NOTICE).toBe(NOTICE);
  });

  it('puts older lines in front and moves the offset back', () => {
    const b = new LogBuffer(100);
    b.append(0, lines([5]));
    b.prepend([ts(3), ts(4)], ['l3', 'l4'], [0, 0]);
    expect(b.text).toEqual(['l3', 'l4', 'l5']);
    expect(b.offset).toBe(-2);
  });
});
