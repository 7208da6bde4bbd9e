import { exactTime, relativeTime } from './relative-time';

/** A relative time with the exact one in its title (and in the markup, for machines). */
export function TimeAgo({ ms, now }: { ms: number; now: number }) {
  return (
    <time dateTime={new Date(ms).toISOString()} title={exactTime(ms)}>
      {relativeTime(ms, now)}
    </time>
  );
}
