import { describe, expect, it } from 'vitest';
import { barWidths } from './disk-bars';

describe('disk bars', () => {
  it('splits a bar into kept and reclaimable, scaled to the biggest category', () => {
    expect(barWidths({ count: 3, active: 1, size: 500, reclaimable: 200 }, 1000)).toEqual({
      kept: 30,
      reclaimable: 20,
    });
    expect(barWidths({ count: 1, active: 1, size: 1000, reclaimable: 0 }, 1000)).toEqual({ kept: 100, reclaimable: 0 });
  });

  it('never draws more reclaimable than the size, and nothing when everything is empty', () => {
    expect(barWidths({ count: 1, active: 0, size: 100, reclaimable: 150 }, 100)).toEqual({ kept: 0, reclaimable: 100 });
    expect(barWidths({ count: 0, active: 0, size: 0, reclaimable: 0 }, 0)).toEqual({ kept: 0, reclaimable: 0 });
  });
});
