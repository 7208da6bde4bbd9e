import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLOOD_FRAME_MS, FramePacer, MIN_FRAME_MS, QUIET_MS, type PacerClock } from './frame-pacer';

/** A frame every 16 ms, on the fake clock. */
const clock: PacerClock = {
  now: () => Date.now(),
  frame: (draw) => setTimeout(draw, 16) as unknown as number,
  cancel: (handle) => clearTimeout(handle),
};

describe('FramePacer', () => {
  let received = 0;
  let draws: number[] = [];
  let pacer: FramePacer;
  const start = Date.UTC(2026, 0, 1);

  beforeEach(() => {
    vi.useFakeTimers({ now: start });
    received = 0;
    draws = [];
    pacer = new FramePacer(
      () => received,
      () => draws.push(Date.now() - start),
      clock,
    );
  });
  afterEach(() => {
    pacer.dispose();
    vi.useRealTimers();
  });

  /** `lines` arrive every `everyMs` for `forMs`. */
  const arrive = (lines: number, everyMs: number, forMs: number) => {
    for (let t = 0; t < forMs; t += everyMs) {
      received += lines;
      pacer.changed();
      vi.advanceTimersByTime(everyMs);
    }
  };

  it('draws a lone line on the next frame, and a second one no sooner than MIN_FRAME_MS after', () => {
    received = 1;
    pacer.changed();
    vi.advanceTimersByTime(20);
    expect(draws).toEqual([16]);
    received = 2;
    pacer.changed();
    vi.advanceTimersByTime(200);
    expect(draws).toHaveLength(2);
    expect((draws[1] ?? 0) - (draws[0] ?? 0)).toBeGreaterThanOrEqual(MIN_FRAME_MS);
  });

  it('draws about every FLOOD_FRAME_MS while lines flood in, and at once when they stop', () => {
    arrive(1000, 10, 2000); // 100,000 lines/s for 2 s
    const gaps = draws.slice(1).map((t, i) => t - (draws[i] ?? 0));
    expect(draws.length).toBeGreaterThanOrEqual(6);
    expect(draws.length).toBeLessThanOrEqual(10);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(FLOOD_FRAME_MS);
    const before = draws.length;
    vi.advanceTimersByTime(QUIET_MS + 16 + 10);
    expect(draws.length).toBe(before + 1); // the flood's last lines, soon after it stopped
  });

  it('keeps the normal pace for a steady trickle', () => {
    arrive(5, 10, 1000); // 500 lines/s: never more than FLOOD_LINES between frames
    expect(draws.length).toBeGreaterThanOrEqual(12);
  });

  it('draws nothing after dispose', () => {
    received = 1;
    pacer.changed();
    pacer.dispose();
    vi.advanceTimersByTime(1000);
    expect(draws).toEqual([]);
  });
});
