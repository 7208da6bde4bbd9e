/**
 * The one polite announcer: what changes by itself (the engine's state, a container that exits, progress milestones,
 * the result of a bulk action) is said to screen readers through a single live region in the app shell
 * (ui/Announcer.tsx), never through live regions scattered over the screens. Any part of the renderer may call
 * `announce(text)`; it is a plain function so that slices and non-React code can use it too.
 */

export interface Announcement {
  readonly id: number;
  readonly text: string;
}

type Listener = (shown: readonly Announcement[]) => void;

/** How long a message stays in the region: long enough to be read, short enough not to pile up. */
export const ANNOUNCEMENT_MS = 7000;
/** At most this many messages are in the region at once; older ones go first. */
export const MAX_ANNOUNCEMENTS = 4;

let nextId = 1;
let shown: readonly Announcement[] = [];
const listeners = new Set<Listener>();

const emit = () => {
  for (const listener of listeners) listener(shown);
};

/** Says `text` politely (after what the screen reader is reading now). Empty text is ignored. */
export function announce(text: string): void {
  const clean = text.trim();
  if (clean === '') return;
  const item = { id: nextId++, text: clean };
  shown = [...shown.filter((a) => a.text !== clean), item].slice(-MAX_ANNOUNCEMENTS);
  emit();
  setTimeout(() => {
    shown = shown.filter((a) => a.id !== item.id);
    emit();
  }, ANNOUNCEMENT_MS);
}

/** Calls `listener` with the messages in the region now and on every change; returns the unsubscribe. */
export function subscribeAnnouncements(listener: Listener): () => void {
  listeners.add(listener);
  listener(shown);
  return () => listeners.delete(listener);
}

/**
 * A milestone announcer for a long task's progress: "started", then halfway, then done, never every tick.
 * `report(fraction)` takes 0..1 (or null when the total is unknown) and announces each milestone once.
 */
export function progressMilestones(what: string, say: (text: string) => void = announce) {
  let halfway = false;
  let started = false;
  return {
    start() {
      if (started) return;
      started = true;
      say(`${what} started.`);
    },
    report(fraction: number | null) {
      if (fraction === null || halfway || fraction < 0.5) return;
      halfway = true;
      say(`${what}: half done.`);
    },
    done(outcome: string) {
      say(`${what} ${outcome}`);
    },
  };
}
