import { describe, expect, it } from 'vitest';
import { fixedWindow, MAX_PX, scrollTopFor } from './fixed-rows';

describe('fixedWindow', () => {
  it('draws the rows in view plus the overscan, and no row past the end', () => {
    expect(fixedWindow(1000, 20, 200, 100, 2)).toEqual({ first: 8, end: 17, height: 20_000, shift: 0 });
    expect(fixedWindow(1000, 20, 19_900, 100, 2)).toMatchObject({ first: 993, end: 1000 });
    expect(fixedWindow(0, 20, 0, 100, 2)).toMatchObject({ first: 0, end: 0, height: 0 });
  });

  it('clamps a stale scroll position to the content', () => {
    expect(fixedWindow(10, 20, 5000, 100, 0)).toMatchObject({ first: 5, end: 10 });
  });

  it('scales past the browser height limit so the last rows are still reachable', () => {
    const count = 2_000_000;
    const w = fixedWindow(count, 20, MAX_PX, 400, 0);
    expect(w.height).toBe(MAX_PX);
    expect(w.end).toBe(count);
    expect(w.first).toBe(count - 20);
    // The drawn top of the first visible row sits at the scroll position.
    expect(w.first * 20 - w.shift).toBeCloseTo(MAX_PX - 400, 6);
  });
});

describe('scrollTopFor', () => {
  it('puts a row at the end or the centre of the viewport', () => {
    expect(scrollTopFor(99, 100, 20, 200, 'end')).toBe(1800);
    expect(scrollTopFor(50, 100, 20, 200, 'center')).toBe(910);
    expect(scrollTopFor(0, 100, 20, 200, 'center')).toBe(0);
  });

  it('round-trips with fixedWindow when scaled', () => {
    const count = 2_000_000;
    const top = scrollTopFor(1_234_567, count, 20, 400, 'center');
    const w = fixedWindow(count, 20, top, 400, 0);
    expect(w.first).toBeLessThanOrEqual(1_234_567);
    expect(w.end).toBeGreaterThan(1_234_567);
  });
});
