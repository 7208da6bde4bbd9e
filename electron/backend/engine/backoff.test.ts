import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('starts at 250 ms, doubles, and stays at 2 s', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => backoffDelay(n))).toEqual([250, 500, 1000, 2000, 2000, 2000, 2000]);
  });

  it('stays finite however many attempts there were', () => {
    expect(backoffDelay(5000, { initialMs: 100, maxMs: 60_000 })).toBe(60_000);
  });

  it('treats attempt 0 like the first', () => {
    expect(backoffDelay(0, { initialMs: 10, maxMs: 100 })).toBe(10);
  });
});
