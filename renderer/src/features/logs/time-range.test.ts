import { describe, expect, it } from 'vitest';
import { customRange, describeRange, presetRange, rangeFlags, rangeQuery } from './time-range';

describe('time range', () => {
  const now = Date.parse('2026-01-02T03:04:05.000Z');

  it('counts a relative preset back from when it was chosen', () => {
    expect(presetRange('15m', now)).toEqual({ preset: '15m', since: '2026-01-02T02:49:05.000Z' });
    expect(presetRange('24h', now).since).toBe('2026-01-01T03:04:05.000Z');
    expect(presetRange('all', now)).toEqual({ preset: 'all' });
  });

  it('takes a custom range in local time and refuses one that ends before it starts', () => {
    const r = customRange('2026-01-02T10:00:00', '');
    expect(typeof r === 'object' && r.since).toBe(new Date('2026-01-02T10:00:00').toISOString());
    expect(typeof r === 'object' && r.until).toBeUndefined();
    expect(customRange('2026-01-02T10:00:00', '2026-01-02T09:00:00')).toBe('The time range ends before it starts.');
    expect(customRange('nonsense', '')).toBe('The start of the time range is not a date.');
  });

  it('says the range as query fields, docker logs flags and words', () => {
    const r = { preset: 'custom' as const, since: '2026-01-01T00:00:00.000Z', until: '2026-01-01T01:00:00.000Z' };
    expect(rangeQuery(r)).toEqual({ since: r.since, until: r.until });
    expect(rangeQuery({ preset: 'all' })).toEqual({});
    expect(rangeFlags(r)).toBe(' --since 2026-01-01T00:00:00.000Z --until 2026-01-01T01:00:00.000Z');
    expect(describeRange(r)).toBe('from 2026-01-01 00:00:00 UTC to 2026-01-01 01:00:00 UTC');
  });
});
