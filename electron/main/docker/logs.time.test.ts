import { describe, expect, it } from 'vitest';
import { nsToEngineParam, timestampToNs } from './logs.time';

describe('log timestamps', () => {
  it('keeps nanoseconds exact', () => {
    const a = timestampToNs('2024-05-01T10:00:00.000000001Z');
    const b = timestampToNs('2024-05-01T10:00:00.000000002Z');
    expect(b - a).toBe(1n);
    expect(nsToEngineParam(a)).toBe('1714557600.000000001');
  });

  it('reads a short or missing fraction', () => {
    expect(nsToEngineParam(timestampToNs('2024-05-01T10:00:00.5Z'))).toBe('1714557600.500000000');
    expect(nsToEngineParam(timestampToNs('2024-05-01T10:00:00Z'))).toBe('1714557600.000000000');
  });

  it('refuses anything else', () => {
    expect(() => timestampToNs('yesterday')).toThrow(RangeError);
  });
});
