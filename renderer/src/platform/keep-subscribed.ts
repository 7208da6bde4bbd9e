import type { BerthError } from '../../../shared/result';
import type { StreamMessage, Unsubscribe } from '../../../shared/stream';

export interface KeepSubscribedOptions<T> {
  readonly open: (listener: (message: StreamMessage<T>) => void) => Unsubscribe;
  readonly onData: (items: readonly T[]) => void;
  /** The stream failed or ended; it is opened again after a short wait. */
  readonly onLost: (error: BerthError) => void;
  /** Called each time the stream is opened again after a loss. */
  readonly onReopen?: () => void;
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
}

/**
 * Keeps one subscription open for the life of the app. A stream only fails when the link to main (the bridge
 * socket) or main itself gives up, so it is reopened with a growing wait instead of being left dead.
 */
export function keepSubscribed<T>(options: KeepSubscribedOptions<T>): { stop(): void; reopenNow(): void } {
  const first = options.firstDelayMs ?? 500;
  const max = options.maxDelayMs ?? 8000;
  let delay = first;
  let stopped = false;
  let current: Unsubscribe | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;

  const open = () => {
    const mine = ++generation;
    const unsubscribe = options.open((message) => {
      // Messages from a subscription that was already replaced are stale.
      if (stopped || mine !== generation) return;
      if (message.type === 'data') {
        delay = first;
        options.onData(message.items);
        return;
      }
      current = null;
      generation += 1;
      options.onLost(
        message.type === 'error' ? message.error : { code: 'INTERNAL', message: 'The stream ended unexpectedly.' },
      );
      schedule();
    });
    // A transport may fail a subscription synchronously; then there is nothing left to unsubscribe.
    if (mine === generation) current = unsubscribe;
  };

  const schedule = () => {
    if (stopped || timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      delay = Math.min(delay * 2, max);
      reopen();
    }, delay);
  };

  const reopen = () => {
    if (stopped) return;
    open();
    options.onReopen?.();
  };

  open();
  return {
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      current?.();
      current = null;
    },
    reopenNow() {
      if (stopped || current !== null) return;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      reopen();
    },
  };
}
