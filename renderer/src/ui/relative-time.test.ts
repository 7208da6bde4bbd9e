import { describe, expect, it } from 'vitest';
import { exactTime, relativeTime } from './relative-time';

const now = Date.UTC(2025, 5, 15, 12, 0, 0);
const ago = (seconds: number) => now - seconds * 1000;

describe('relativeTime', () => {
  it('calls the last few seconds "just now"', () => {
    expect(relativeTime(ago(3), now)).toBe('just now');
  });

  it('picks the largest unit that fits', () => {
    expect(relativeTime(ago(45), now)).toBe('45 seconds ago');
    expect(relativeTime(ago(3 * 60), now)).toBe('3 minutes ago');
    expect(relativeTime(ago(5 * 3600), now)).toBe('5 hours ago');
    expect(relativeTime(ago(3 * 86400), now)).toBe('3 days ago');
    expect(relativeTime(ago(14 * 86400), now)).toBe('2 weeks ago');
    expect(relativeTime(ago(90 * 86400), now)).toBe('3 months ago');
    expect(relativeTime(ago(800 * 86400), now)).toBe('2 years ago');
  });

  it('uses words for the nearest day', () => {
    expect(relativeTime(ago(86400), now)).toBe('yesterday');
  });

  it('handles times in the future, e.g. a clock that runs ahead', () => {
    expect(relativeTime(now + 2 * 3600 * 1000, now)).toBe('in 2 hours');
  });
});

describe('exactTime', () => {
  it('includes the year and the time of day', () => {
    const text = exactTime(now);
    expect(text).toContain('2025');
    expect(text).toMatch(/\d{1,2}:\d{2}:\d{2}/);
  });
});
