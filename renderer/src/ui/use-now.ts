import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs` while the page is visible, for relative times, status lines and
 * countdowns (a clock, not a poll: nothing asks the engine). A hidden page skips its ticks and catches up on return.
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState !== 'hidden') setNow(Date.now());
    };
    const timer = setInterval(tick, intervalMs);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [intervalMs]);
  return now;
}
