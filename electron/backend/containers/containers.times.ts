/**
 * The list API has no start or finish times, and its Status text is frozen at the moment of the list. This cache keeps
 * each container's times from an inspect, and inspects again only a container that is new, or whose state or status
 * line no longer agrees with the times it holds; so a list after one event inspects one container, not all.
 */
import type { ContainerSummary } from '../../../shared/dto/lists';
import { containerStatusText } from '../../../shared/container-status';

export interface StatusTimes {
  readonly state: ContainerSummary['state'];
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  readonly exitCode: number | null;
  readonly health: string | null;
}

/** The State object of an inspect, as far as the status line needs it. */
export interface RawState {
  readonly StartedAt?: string;
  readonly FinishedAt?: string;
  readonly ExitCode?: number;
  readonly Health?: { readonly Status?: string };
}

/** Docker's zero time (0001-01-01) and anything unreadable are null. */
export function toEpoch(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

export function toStatusTimes(state: ContainerSummary['state'], raw: RawState): StatusTimes {
  const startedAt = toEpoch(raw.StartedAt);
  const finishedAt = toEpoch(raw.FinishedAt);
  return {
    state,
    startedAt,
    finishedAt,
    // The engine reports 0 for a container that never exited; that is no exit code at all.
    exitCode: finishedAt === null ? null : (raw.ExitCode ?? null),
    health: raw.Health?.Status ?? null,
  };
}

const NO_TIMES = { startedAt: null, finishedAt: null, exitCode: null, health: null } as const;
/** The engine's clock and ours may differ a little, and the list may straddle a second. */
const SLACK_MS = [0, -1000, 1000, -2000, 2000];

/** True when the times still explain the engine's status line (so nothing happened that the cache missed). */
function agrees(times: StatusTimes, summary: ContainerSummary, now: number): boolean {
  if (times.state !== summary.state) return false;
  // Times that cannot word the line (an odd state) cannot disagree with it either; the state is all there is.
  if (containerStatusText(times, now) === null) return true;
  return SLACK_MS.some((d) => containerStatusText(times, now + d) === summary.status);
}

export class StatusTimesCache {
  private readonly times = new Map<string, StatusTimes>();
  /** How many inspects the cache has asked for, for tests and the curious. */
  inspections = 0;

  constructor(
    private readonly inspect: (id: string) => Promise<RawState>,
    private readonly concurrency = 8,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The summaries with their times, inspecting only those the cache cannot vouch for. */
  async fill(summaries: readonly ContainerSummary[]): Promise<ContainerSummary[]> {
    const now = this.clock();
    const stale = summaries.filter((s) => {
      const known = this.times.get(s.id);
      return known === undefined || !agrees(known, s, now);
    });
    let next = 0;
    const worker = async () => {
      while (next < stale.length) {
        const s = stale[next++];
        if (s === undefined) return;
        this.inspections += 1;
        try {
          this.times.set(s.id, toStatusTimes(s.state, await this.inspect(s.id)));
        } catch {
          // Removed between the list and the inspect: the next list will not have it either.
          this.times.delete(s.id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, stale.length) }, worker));
    const live = new Set(summaries.map((s) => s.id));
    for (const id of this.times.keys()) if (!live.has(id)) this.times.delete(id);
    return summaries.map((s) => {
      const t = this.times.get(s.id);
      return t === undefined
        ? { ...s, ...NO_TIMES }
        : { ...s, startedAt: t.startedAt, finishedAt: t.finishedAt, exitCode: t.exitCode, health: t.health };
    });
  }
}
