import { describe, expect, it } from 'vitest';
import { tourRequests } from './tour.contract';

describe('the tour channels', () => {
  const run = tourRequests['tour:run'].input;
  it('take a step of the first tour with or without its id, and a step of the data tour with its id', () => {
    expect(run.safeParse({ step: 'build' }).success).toBe(true);
    expect(run.safeParse({ tour: 'images', step: 'commit' }).success).toBe(true);
    expect(run.safeParse({ tour: 'data', step: 'publish' }).success).toBe(true);
    expect(tourRequests['tour:plan'].input.safeParse({ tour: 'data' }).success).toBe(true);
    expect(tourRequests['tour:plan'].input.safeParse(undefined).success).toBe(true);
  });

  it('refuse a step of the other tour, an unknown tour and extra fields', () => {
    expect(run.safeParse({ tour: 'data', step: 'build' }).success).toBe(false);
    expect(run.safeParse({ step: 'lose' }).success).toBe(false);
    expect(run.safeParse({ tour: 'images', step: 'network' }).success).toBe(false);
    expect(run.safeParse({ tour: 'ships', step: 'cleanup' }).success).toBe(false);
    expect(run.safeParse({ tour: 'data', step: 'lose', path: '/etc' }).success).toBe(false);
    expect(tourRequests['tour:plan'].input.safeParse({ tour: 'x' }).success).toBe(false);
  });
});
