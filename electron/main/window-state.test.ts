import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_HEIGHT, MIN_WIDTH } from './window';
import {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  createStateSaver,
  loadWindowState,
  parseWindowState,
  placeWindow,
  saveWindowState,
  snapshot,
  trackWindowState,
  type TrackedWindow,
} from './window-state';
import type { Rect, WindowState } from './window.types';

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const right: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const state = (bounds: Rect, maximized = false): WindowState => ({ bounds, maximized });

describe('parseWindowState', () => {
  it('accepts what saveWindowState writes', () => {
    const s = state({ x: -5, y: 10, width: 1000, height: 700 }, true);
    expect(parseWindowState(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it.each([
    ['null', null],
    ['a string', 'hello'],
    ['no bounds', { maximized: true }],
    ['a missing field', { bounds: { x: 0, y: 0, width: 100 } }],
    ['a string number', { bounds: { x: '0', y: 0, width: 100, height: 100 } }],
    ['a fraction', { bounds: { x: 0.5, y: 0, width: 100, height: 100 } }],
    ['a zero width', { bounds: { x: 0, y: 0, width: 0, height: 100 } }],
    ['a negative height', { bounds: { x: 0, y: 0, width: 100, height: -1 } }],
    ['an infinite x', { bounds: { x: Infinity, y: 0, width: 100, height: 100 } }],
  ])('rejects %s', (_name, raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });

  it('reads a non-boolean maximized as not maximized', () => {
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: 900, height: 600 }, maximized: 'yes' })?.maximized).toBe(
      false,
    );
  });
});

describe('placeWindow', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    expect(placeWindow(null, [primary], primary)).toEqual(
      state({
        x: (1920 - DEFAULT_WIDTH) / 2,
        y: (1040 - DEFAULT_HEIGHT) / 2,
        width: DEFAULT_WIDTH,
        height: DEFAULT_HEIGHT,
      }),
    );
  });

  it('keeps saved bounds that are on a display, with the maximized flag', () => {
    const saved = state({ x: 2000, y: 100, width: 1400, height: 900 }, true);
    expect(placeWindow(saved, [primary, right], primary)).toEqual(saved);
  });

  it('keeps a window that straddles two displays', () => {
    const saved = state({ x: 1500, y: 50, width: 1000, height: 700 });
    expect(placeWindow(saved, [primary, right], primary)).toEqual(saved);
  });

  it('centres on the primary display when the saved display is gone', () => {
    const saved = state({ x: 2000, y: 100, width: 1400, height: 900 });
    expect(placeWindow(saved, [primary], primary).bounds).toEqual({ x: 260, y: 70, width: 1400, height: 900 });
  });

  it('centres a window whose title bar is above the work area', () => {
    const placed = placeWindow(state({ x: 100, y: -30, width: 1000, height: 700 }), [primary], primary);
    expect(placed.bounds.y).toBe((1040 - 700) / 2);
  });

  it('centres a window with only a sliver on screen', () => {
    const placed = placeWindow(state({ x: 1880, y: 100, width: 1000, height: 700 }), [primary], primary);
    expect(placed.bounds.x).toBe((1920 - 1000) / 2);
  });

  it('grows saved bounds to the minimum size', () => {
    const placed = placeWindow(state({ x: 10, y: 10, width: 200, height: 100 }), [primary], primary);
    expect(placed.bounds).toEqual({ x: 10, y: 10, width: MIN_WIDTH, height: MIN_HEIGHT });
  });

  it('shrinks saved bounds larger than their display', () => {
    const placed = placeWindow(state({ x: 0, y: 0, width: 5000, height: 3000 }), [primary], primary);
    expect(placed.bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('honours a primary display that does not start at 0,0', () => {
    const offset: Rect = { x: -1280, y: 200, width: 1280, height: 1000 };
    const placed = placeWindow(null, [offset], offset);
    expect(placed.bounds).toEqual({ x: -1280 + 40, y: 200 + 100, width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT });
  });
});

describe('loadWindowState / saveWindowState', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-ws-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips through the file, creating its folder', async () => {
    const file = join(dir, 'nested', 'window-state.json');
    const s = state({ x: 1, y: 2, width: 1000, height: 700 }, true);
    await saveWindowState(file, s);
    expect(await loadWindowState(file)).toEqual(s);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(s);
  });

  it('answers null for a missing or corrupt file', async () => {
    expect(await loadWindowState(join(dir, 'none.json'))).toBeNull();
    await writeFile(join(dir, 'bad.json'), '{"bounds":', 'utf8');
    expect(await loadWindowState(join(dir, 'bad.json'))).toBeNull();
  });
});

describe('createStateSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes only the last state of a burst, after the delay', async () => {
    const written: WindowState[] = [];
    const saver = createStateSaver((s) => Promise.resolve(void written.push(s)), 500);
    for (let x = 0; x < 5; x += 1) saver.schedule(state({ x, y: 0, width: 900, height: 600 }));
    await vi.advanceTimersByTimeAsync(499);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(written.map((s) => s.bounds.x)).toEqual([4]);
  });

  it('flush writes a pending state at once and nothing twice', async () => {
    const written: WindowState[] = [];
    const saver = createStateSaver((s) => Promise.resolve(void written.push(s)), 500);
    saver.schedule(state({ x: 7, y: 0, width: 900, height: 600 }));
    await saver.flush();
    expect(written).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    await saver.flush();
    expect(written).toHaveLength(1);
  });

  it('keeps saving after a failed write', async () => {
    const written: number[] = [];
    let fail = true;
    const saver = createStateSaver((s) => {
      if (fail) return Promise.reject(new Error('disk full'));
      written.push(s.bounds.x);
      return Promise.resolve();
    }, 10);
    saver.schedule(state({ x: 1, y: 0, width: 900, height: 600 }));
    await saver.flush();
    fail = false;
    saver.schedule(state({ x: 2, y: 0, width: 900, height: 600 }));
    await saver.flush();
    expect(written).toEqual([2]);
  });
});

describe('snapshot / trackWindowState', () => {
  // BrowserWindow cannot run here; this stand-in has the four methods the tracker reads.
  function fakeWindow(maximized: boolean) {
    const listeners = new Map<string, () => void>();
    const window: TrackedWindow = {
      on: (event, listener) => listeners.set(event, listener),
      getBounds: () => ({ x: 0, y: 0, width: 1920, height: 1040 }),
      getNormalBounds: () => ({ x: 100, y: 100, width: 1000, height: 700 }),
      isMaximized: () => maximized,
    };
    return { window, emit: (event: string) => listeners.get(event)?.() };
  }

  it('stores the normal bounds of a maximized window', () => {
    expect(snapshot(fakeWindow(true).window)).toEqual(state({ x: 100, y: 100, width: 1000, height: 700 }, true));
    expect(snapshot(fakeWindow(false).window)).toEqual(state({ x: 0, y: 0, width: 1920, height: 1040 }, false));
  });

  it('schedules on move and resize and flushes on close', () => {
    const { window, emit } = fakeWindow(false);
    const calls: string[] = [];
    trackWindowState(window, {
      schedule: () => calls.push('schedule'),
      flush: () => {
        calls.push('flush');
        return Promise.resolve();
      },
    });
    emit('move');
    emit('resize');
    emit('maximize');
    emit('close');
    expect(calls).toEqual(['schedule', 'schedule', 'schedule', 'schedule', 'flush']);
  });
});
