/**
 * The Logs section's time range, shared by the log view, "Load older", the history search and the save: all
 * time, the last 15 minutes / hour / 24 hours (counted back from when it was chosen), or a custom since/until.
 */
export type RangePreset = 'all' | '15m' | '1h' | '24h' | 'custom';

export interface LogsRange {
  readonly preset: RangePreset;
  /** RFC 3339 in UTC, as the engine takes it; absent means open. */
  readonly since?: string;
  readonly until?: string;
}

export const ALL_TIME: LogsRange = { preset: 'all' };

const PRESET_MS: Record<Exclude<RangePreset, 'all' | 'custom'>, number> = {
  '15m': 15 * 60_000,
  '1h': 60 * 60_000,
  '24h': 24 * 60 * 60_000,
};

export const PRESET_LABELS: Record<RangePreset, string> = {
  all: 'All time',
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  custom: 'Custom',
};

/** A relative preset as a window starting `now` minus its length; 'custom' keeps what was typed. */
export function presetRange(preset: RangePreset, now: number): LogsRange {
  if (preset === 'all' || preset === 'custom') return { preset };
  return { preset, since: new Date(now - PRESET_MS[preset]).toISOString() };
}

/** A `datetime-local` value (the user's local time) as UTC, or undefined when empty or not a date. */
export function localToUtc(local: string): string | undefined {
  if (local === '') return undefined;
  const t = new Date(local).getTime();
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** A custom range from two `datetime-local` values, or a sentence saying what is wrong with it. */
export function customRange(since: string, until: string): LogsRange | string {
  const s = localToUtc(since);
  const u = localToUtc(until);
  if (since !== '' && s === undefined) return 'The start of the time range is not a date.';
  if (until !== '' && u === undefined) return 'The end of the time range is not a date.';
  if (s !== undefined && u !== undefined && s > u) return 'The time range ends before it starts.';
  return { preset: 'custom', ...(s ? { since: s } : {}), ...(u ? { until: u } : {}) };
}

/** The range as the engine's query fields. */
export const rangeQuery = (r: LogsRange): { since?: string; until?: string } => ({
  ...(r.since ? { since: r.since } : {}),
  ...(r.until ? { until: r.until } : {}),
});

/** The range as `docker logs` flags. */
export const rangeFlags = (r: LogsRange): string =>
  [r.since ? ` --since ${r.since}` : '', r.until ? ` --until ${r.until}` : ''].join('');

/** A short description: "since 2024-01-01 10:00:00 UTC", for notes beside the view. */
export function describeRange(r: LogsRange): string {
  const at = (ts: string) => `${ts.slice(0, 19).replace('T', ' ')} UTC`;
  if (r.since && r.until) return `from ${at(r.since)} to ${at(r.until)}`;
  if (r.since) return `since ${at(r.since)}`;
  if (r.until) return `up to ${at(r.until)}`;
  return 'all time';
}
