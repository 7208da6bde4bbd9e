/** Points of an SVG polyline for a series, scaled into a width × height box (0 at the bottom). Pure. */
export function sparklinePoints(values: readonly number[], width: number, height: number, max?: number): string {
  if (values.length === 0) return '';
  const top = Math.max(max ?? 0, ...values, 1e-9);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - (Math.max(0, v) / top) * height).toFixed(1)}`)
    .join(' ');
}

/** Per-second rates from running totals (bytes so far) and their times in ms; a counter reset gives 0. */
export function ratesOf(totals: readonly number[], times: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < totals.length; i++) {
    const dt = ((times[i] ?? 0) - (times[i - 1] ?? 0)) / 1000;
    const dv = (totals[i] ?? 0) - (totals[i - 1] ?? 0);
    out.push(dt > 0 && dv > 0 ? dv / dt : 0);
  }
  return out;
}
