import { describe, expect, it } from 'vitest';
import { TOUR_STEPS } from '../../../../shared/dto/tour';
import { readProgress, TOUR_TEXT } from './tour-steps';

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
});
