import { describe, expect, it } from 'vitest';
import { nsToEngineParam, nsToTimestamp, timestampToNs } from './logs.time';

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

  it("writes the engine's own nine-digit form back, which sorts as a string", () => {
    expect(nsToTimestamp(timestampToNs('2024-05-01T10:00:00.000000001Z'))).toBe('2024-05-01T10:00:00.000000001Z');
    expect(nsToTimestamp(timestampToNs('2024-05-01T10:00:00.5Z'))).toBe('2024-05-01T10:00:00.500000000Z');
    expect(nsToTimestamp(timestampToNs('2024-05-01T09:59:59.999999999Z')) < '2024-05-01T10:00:00.000000000Z').toBe(
      true,
    );
  });

  it('refuses anything else', () => {
    expect(() => timestampToNs('yesterday')).toThrow(RangeError);
  });
});
