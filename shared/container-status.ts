/**
 * A container's status line worded exactly as the docker CLI's `Status` column, but computed from its start and finish
 * times against a clock, so it ages on screen without asking the engine again. Pure; the rules are docker's
 * (go-units HumanDuration and the daemon's State.String()).
 */
import type { ContainerState } from './dto/lists';

/** The part of a container that its status line is made from. */
export interface StatusFacts {
  readonly state: ContainerState;
  /** Epoch ms; null when it never started. */
  readonly startedAt: number | null;
  /** Epoch ms; null when it never finished. */
  readonly finishedAt: number | null;
  /** The last exit code; null when the engine has not said. */
  readonly exitCode: number | null;
  /** `healthy`, `unhealthy` or `starting`; null without a health check. */
  readonly health: string | null;
}

/** docker/go-units HumanDuration: seconds and minutes truncate, hours round. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(ms / 3_600_000 / 24 / 365)} years`;
}

const since = (at: number, now: number) => humanDuration(Math.max(0, now - at));
const healthWords = (health: string | null) =>
  health === null || health === '' || health === 'none'
    ? ''
    : health === 'starting'
      ? ' (health: starting)'
      : ` (${health})`;

/**
 * The status line at `now`, as `docker ps` would print it then; null when the facts are not enough (the caller
 * then shows the engine's own words from the last list).
 */
export function containerStatusText(c: StatusFacts, now: number): string | null {
  switch (c.state) {
    case 'running':
      return c.startedAt === null ? null : `Up ${since(c.startedAt, now)}${healthWords(c.health)}`;
    case 'paused':
      return c.startedAt === null ? null : `Up ${since(c.startedAt, now)} (Paused)`;
    case 'restarting':
      return c.finishedAt === null || c.exitCode === null
        ? null
        : `Restarting (${c.exitCode}) ${since(c.finishedAt, now)} ago`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    case 'created':
      return c.startedAt === null ? 'Created' : null;
    case 'exited':
      if (c.startedAt === null) return 'Created';
      return c.finishedAt === null || c.exitCode === null
        ? null
        : `Exited (${c.exitCode}) ${since(c.finishedAt, now)} ago`;
  }
}
