import { describe, expect, it } from 'vitest';
import { ratesOf, sparklinePoints } from './sparkline';

describe('sparklinePoints', () => {
  it('spreads values across the width with 0 at the bottom and the maximum at the top', () => {
    expect(sparklinePoints([0, 5, 10], 100, 20)).toBe('0.0,20.0 50.0,10.0 100.0,0.0');
    expect(sparklinePoints([1, 1], 10, 10, 4)).toBe('0.0,7.5 10.0,7.5');
    expect(sparklinePoints([], 10, 10)).toBe('');
  });
});

describe('ratesOf', () => {
  it('turns totals into per-second rates and treats a reset as 0', () => {
    expect(ratesOf([100, 300, 50], [0, 2000, 3000])).toEqual([100, 0]);
  });
});
