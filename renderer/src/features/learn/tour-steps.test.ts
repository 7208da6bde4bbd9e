import { describe, expect, it } from 'vitest';
import { DATA_TOUR_STEPS, TOUR_STEPS } from '../../../../shared/dto/tour';
import { DATA_TOUR_TEXT, readProgress, TOUR_TEXT, TOURS } from './tour-steps';

describe('tour progress', () => {
  it('keeps the checked steps in order and drops anything else', () => {
    expect(readProgress(null)).toEqual([]);
    expect(readProgress('not json')).toEqual([]);
    expect(readProgress('{"build":true}')).toEqual([]);
    expect(readProgress('["build","layers","run"]')).toEqual(['build', 'layers', 'run']);
    expect(readProgress('["build","run"]')).toEqual(['build']);
  });

  it('has a title and an explanation for every step', () => {
    for (const step of TOUR_STEPS) expect(TOUR_TEXT[step].text.length, step).toBeGreaterThan(40);
  });

  it('reads the second tour’s progress against its own steps, under its own key', () => {
    expect(readProgress('["lose","keep","network"]', DATA_TOUR_STEPS)).toEqual(['lose', 'keep']);
    expect(readProgress('["build"]', DATA_TOUR_STEPS)).toEqual([]);
    expect(TOURS.data.progressKey).not.toBe(TOURS.images.progressKey);
    for (const step of DATA_TOUR_STEPS) expect(DATA_TOUR_TEXT[step].text.length, step).toBeGreaterThan(40);
    expect(TOURS.data.steps).toEqual(DATA_TOUR_STEPS);
  });
});
