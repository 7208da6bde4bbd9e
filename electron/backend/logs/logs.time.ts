/**
 * The engine's log timestamps (RFC 3339, UTC, nanoseconds) as exact integers, and back into the
 * `seconds.nanoseconds` form its since/until parameters take. Milliseconds would merge lines that the cursor
 * must tell apart.
 */
const NS = 1_000_000_000n;
const PATTERN = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/;

export function timestampToNs(ts: string): bigint {
  const m = PATTERN.exec(ts);
  if (m === null || m[1] === undefined) throw new RangeError(`Not an engine timestamp: ${ts}`);
  const seconds = Date.parse(`${m[1]}Z`) / 1000;
  return BigInt(seconds) * NS + BigInt((m[2] ?? '').padEnd(9, '0'));
}

/** For the since/until query parameters. */
export function nsToEngineParam(ns: bigint): string {
  const whole = ns < 0n ? 0n : ns;
  return `${whole / NS}.${(whole % NS).toString().padStart(9, '0')}`;
}

export const SECOND_NS = NS;

/** The engine's own form (RFC 3339, UTC, always nine digits), which sorts as a string. */
export function nsToTimestamp(ns: bigint): string {
  const whole = ns < 0n ? 0n : ns;
  const date = new Date(Number(whole / NS) * 1000).toISOString().slice(0, 19);
  return `${date}.${(whole % NS).toString().padStart(9, '0')}Z`;
}
