/** The window's place on screen, shared by window.ts (options) and window-state.ts (saving and restoring). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type WindowBounds = Rect;

export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}
