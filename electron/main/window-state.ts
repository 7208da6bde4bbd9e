/**
 * Remembers the window's bounds and maximized flag in userData/window-state.json. Saved bounds are trusted only
 * when they fit the displays attached now (a monitor may have gone away since), otherwise the window is centred
 * on the primary display.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeTextAtomically } from '../backend/core/atomic-file';
import { MIN_HEIGHT, MIN_WIDTH } from './window';
import type { Rect, WindowState } from './window.types';

export const DEFAULT_WIDTH = 1200;
export const DEFAULT_HEIGHT = 800;
/** How much of the window, along its title bar, must lie on a display for the user to grab it. */
const MIN_VISIBLE_WIDTH = 100;
const MIN_VISIBLE_HEIGHT = 40;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** Accepts only what saveWindowState writes; anything else (hand-edited, truncated) counts as no state. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as Record<string, unknown>;
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isInt(x) || !isInt(y) || !isInt(width) || !isInt(height) || width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

function centreOn(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    x: area.x + Math.round((area.width - w) / 2),
    y: area.y + Math.round((area.height - h) / 2),
    width: w,
    height: h,
  };
}

function titleBarVisibleOn(bounds: Rect, area: Rect): boolean {
  const overlap = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
  return (
    overlap >= Math.min(MIN_VISIBLE_WIDTH, bounds.width) &&
    bounds.y >= area.y &&
    bounds.y + MIN_VISIBLE_HEIGHT <= area.y + area.height
  );
}

/**
 * Where the window opens: the saved bounds (grown to the minimum size, shrunk to the display) when their title
 * bar is on one of the work areas, else the saved or default size centred on the primary work area.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): WindowState {
  const width = Math.max(MIN_WIDTH, saved?.bounds.width ?? DEFAULT_WIDTH);
  const height = Math.max(MIN_HEIGHT, saved?.bounds.height ?? DEFAULT_HEIGHT);
  const maximized = saved?.maximized ?? false;
  if (saved) {
    const bounds = { ...saved.bounds, width, height };
    const area = workAreas.find((a) => titleBarVisibleOn(bounds, a));
    if (area) {
      return {
        bounds: { ...bounds, width: Math.min(width, area.width), height: Math.min(height, area.height) },
        maximized,
      };
    }
  }
  return { bounds: centreOn(primary, width, height), maximized };
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    return parseWindowState(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    // Missing or unreadable state is normal on first start; the window just opens centred.
    return null;
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeTextAtomically(file, JSON.stringify(state));
}

export interface StateSaver {
  schedule(state: WindowState): void;
  /** Writes a pending state now (on close) and waits for it. */
  flush(): Promise<void>;
}

/** Move and resize fire many times a second; only the last state of a burst is written. */
export function createStateSaver(save: (state: WindowState) => Promise<void>, delayMs = 500): StateSaver {
  let pending: WindowState | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending) {
      const state = pending;
      pending = null;
      // A failed write must not break the chain for later saves; `save` reports its own errors.
      writing = writing.then(() => save(state)).catch(() => undefined);
    }
    return writing;
  };
  return {
    schedule(state) {
      pending = state;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
  };
}

/** The parts of BrowserWindow the tracker reads. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getBounds(): Rect;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

export function snapshot(window: TrackedWindow): WindowState {
  const maximized = window.isMaximized();
  // A maximized window's own bounds are the screen's; the normal bounds are what to restore to.
  return { bounds: maximized ? window.getNormalBounds() : window.getBounds(), maximized };
}

export function trackWindowState(window: TrackedWindow, saver: StateSaver): void {
  const schedule = () => saver.schedule(snapshot(window));
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, schedule);
  window.on('close', () => {
    schedule();
    void saver.flush();
  });
}
