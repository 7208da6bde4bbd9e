/**
 * How often the log view is drawn. A lone line shows on the next frame (at most every MIN_FRAME_MS). While lines
 * flood in (more than a screenful since the last frame, and still coming) a frame every FLOOD_FRAME_MS is as
 * much as anyone can read, and each frame costs a layout and a paint that the engine and the transport would
 * rather have; once the flood pauses for QUIET_MS the view is drawn at once.
 */
export const MIN_FRAME_MS = 50;
export const FLOOD_FRAME_MS = 250;
export const FLOOD_LINES = 500;
export const QUIET_MS = 40;

export interface PacerClock {
  now(): number;
  /** Runs `draw` with the next animation frame; returns a handle for cancel. */
  frame(draw: () => void): number;
  cancel(handle: number): void;
}

const browserClock: PacerClock = {
  now: () => performance.now(),
  frame: (draw) => requestAnimationFrame(draw),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export class FramePacer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private last = -Infinity;
  private lastChange = 0;
  private drawn: number;

  /** `received` counts the lines that ever arrived; `draw` is called when the view should be drawn again. */
  constructor(
    private readonly received: () => number,
    private readonly draw: () => void,
    private readonly clock: PacerClock = browserClock,
  ) {
    this.drawn = received();
  }

  /** The buffer changed. */
  changed(): void {
    this.lastChange = this.clock.now();
    if (this.timer === undefined && this.frame === 0) this.schedule();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.frame !== 0) this.clock.cancel(this.frame);
    this.frame = 0;
  }

  private schedule(): void {
    this.timer = undefined;
    const now = this.clock.now();
    const flooding = this.received() - this.drawn > FLOOD_LINES && now - this.lastChange < QUIET_MS;
    const wait = this.last + (flooding ? FLOOD_FRAME_MS : MIN_FRAME_MS) - now;
    // Waiting in steps of QUIET_MS notices a flood that stops.
    if (wait > 0) this.timer = setTimeout(() => this.schedule(), Math.min(wait, QUIET_MS));
    else this.frame = this.clock.frame(() => this.drawNow());
  }

  private drawNow(): void {
    this.frame = 0;
    this.last = this.clock.now();
    this.drawn = this.received();
    this.draw();
  }
}
