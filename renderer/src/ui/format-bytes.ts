const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * Sizes in decimal units with three significant digits, like the Docker CLI ("1.24 MB"), so the numbers a user
 * sees here match what `docker images` prints.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  // 999.6 kB would print as "1e+3 kB": carry it into the next unit instead.
  if (Number(value.toPrecision(3)) >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const text = unit === 0 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
  return `${text} ${UNITS[unit]}`;
}
