import { describe, expect, it } from 'vitest';
import { packBatch } from '../../../../shared/log-batch';
import { LogBuffer, NOTICE, STDERR, sourceOf } from './log-buffer';

const ts = (n: number) => `2024-05-01T10:00:${String(n).padStart(2, '0')}.000000000Z`;
const lines = (ns: number[], stderr: number[] = []) =>
  packBatch(ns.map((n, i) => ({ ts: ts(n), text: `l${n}`, stderr: stderr.includes(i) })));
const texts = (b: LogBuffer) => Array.from({ length: b.length }, (_, i) => b.textAt(i));
const flags = (b: LogBuffer) => Array.from({ length: b.length }, (_, i) => b.flagsAt(i));

describe('LogBuffer', () => {
  it('keeps stderr and the source in the flags', () => {
    const b = new LogBuffer(100);
    b.append(3, lines([1, 2], [1]));
    expect(flags(b).map((f) => [sourceOf(f), f & STDERR])).toEqual([
      [3, 0],
      [3, STDERR],
    ]);
    expect(b.stderrRows()).toEqual([1]);
  });

  it('keeps batches whole and reads rows across them', () => {
    const b = new LogBuffer(100);
    b.append(0, lines([1, 2, 3]));
    b.append(0, lines([4, 5], [0]));
    expect(b.chunks).toHaveLength(2);
    expect(texts(b)).toEqual(['l1', 'l2', 'l3', 'l4', 'l5']);
    expect(b.tsAt(3)).toBe(ts(4));
    expect(b.stderrRows()).toEqual([3]);
  });

  it('interleaves two sources by timestamp', () => {
    const b = new LogBuffer(100);
    b.append(0, lines([1, 3, 5]));
    b.append(1, lines([2, 4, 6], [1]));
    expect(texts(b)).toEqual(['l1', 'l2', 'l3', 'l4', 'l5', 'l6']);
    expect(flags(b).map(sourceOf)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(b.stderrRows()).toEqual([3]);
    expect(b.epoch).toBe(1);
  });

  it('drops the oldest lines past the cap and keeps absolute indexes', () => {
    const b = new LogBuffer(20);
    b.append(0, lines(Array.from({ length: 30 }, (_, i) => i)));
    expect(b.length).toBe(20);
    expect(b.offset).toBe(10);
    expect(b.textAt(0)).toBe('l10');
    expect(b.received).toBe(30);
    b.append(0, lines(Array.from({ length: 25 }, (_, i) => 30 + i)));
    expect(b.chunks).toHaveLength(1);
    expect(texts(b)).toEqual(Array.from({ length: 20 }, (_, i) => `l${35 + i}`));
    expect(b.offset).toBe(35);
  });

  it('finds the cursor of a source: oldest timestamp and how many lines share it', () => {
    const b = new LogBuffer(100);
    b.append(0, packBatch(['a', 'b', 'c'].map((text, i) => ({ ts: ts(i < 2 ? 1 : 2), text, stderr: false }))));
    b.append(1, lines([0]));
    b.notice(0, ts(0), 'restarted');
    expect(b.oldestOf(0)).toEqual({ ts: ts(1), count: 2, after: 3 });
    expect(b.oldestOf(1)).toEqual({ ts: ts(0), count: 1, after: 1 });
    expect(b.flagsAt(b.length - 1) & NOTICE).toBe(NOTICE);
    expect(b.textAt(b.length - 1)).toBe('restarted');
  });

  it('counts every line of the source with the cursor timestamp, even apart from the first', () => {
    const b = new LogBuffer(100);
    b.append(0, packBatch([1, 2, 1].map((n, i) => ({ ts: ts(n), text: `x${i}`, stderr: false }))));
    b.append(0, lines([1]));
    expect(b.oldestOf(0)).toEqual({ ts: ts(1), count: 3, after: 4 });
  });

  it('keeps a source in its own order when a batch is stamped before its last line', () => {
    // The engine stamps stdout and stderr in two goroutines: a log is not quite in timestamp order.
    const b = new LogBuffer(100);
    b.append(0, lines([5, 7]));
    b.append(0, lines([6, 8]));
    expect(texts(b)).toEqual(['l5', 'l7', 'l6', 'l8']);
    expect(b.epoch).toBe(0);
  });

  it("merges a late batch with the other sources, but after its own source's lines", () => {
    const b = new LogBuffer(100);
    b.append(0, lines([1, 6]));
    b.append(1, lines([2, 3, 4, 9]));
    b.append(0, lines([5, 7]));
    expect(texts(b)).toEqual(['l1', 'l2', 'l3', 'l4', 'l6', 'l5', 'l7', 'l9']);
    expect(flags(b).map(sourceOf)).toEqual([0, 1, 1, 1, 0, 0, 0, 1]);
  });

  it('puts older lines in front and moves the offset back', () => {
    const b = new LogBuffer(100);
    b.append(0, lines([5]));
    b.prepend([3, 4].map((n) => ({ ts: ts(n), text: `l${n}`, stderr: false, source: 0 })));
    expect(texts(b)).toEqual(['l3', 'l4', 'l5']);
    expect(b.offset).toBe(-2);
    expect(b.oldestOf(0)).toEqual({ ts: ts(3), count: 1, after: 3 });
  });

  it('keeps an empty line and a line of one character apart', () => {
    const b = new LogBuffer(100);
    b.append(0, packBatch(['', 'x', ''].map((text, i) => ({ ts: ts(i), text, stderr: false }))));
    expect(texts(b)).toEqual(['', 'x', '']);
  });
});
