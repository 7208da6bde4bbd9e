import { describe, expect, it } from 'vitest';
import { TOUR_STEPS } from '../dto/tour';
import { cleanupContainer, cleanupImage, tourActions } from './tour.cli';

const paths = { contextDir: '/tmp/berth tour/context', changeFile: '/tmp/berth tour/change/hello.txt' };

describe('tour commands', () => {
  it('gives every step at least one action with a docker command and an API call', () => {
    for (const step of TOUR_STEPS) {
      const actions = tourActions(step, paths);
      expect(actions.length, step).toBeGreaterThan(0);
      for (const a of actions) {
        expect(a.command, step).toMatch(/^docker /);
        expect(a.api, step).toMatch(/^(GET|POST|PUT|DELETE) \//);
      }
    }
  });

  it('quotes paths with spaces and labels what it makes', () => {
    expect(tourActions('build', paths)[0]?.command).toBe(
      "docker build --label berth.tour=1 --tag berth-tour:1 '/tmp/berth tour/context'",
    );
    expect(tourActions('change', paths)[0]?.command).toBe(
      "docker cp '/tmp/berth tour/change/hello.txt' berth-tour-a:/data/hello.txt",
    );
    expect(tourActions('run', paths).map((a) => a.command)).toEqual([
      'docker run --detach --label berth.tour=1 --name berth-tour-a berth-tour:1',
      'docker run --detach --label berth.tour=1 --name berth-tour-b berth-tour:1',
    ]);
  });

  it('names real ids in cleanup commands', () => {
    expect(cleanupContainer('abc123').command).toBe('docker rm --force --volumes abc123');
    expect(cleanupImage('sha256:0123456789abcdef').title).toBe('Remove tour image 0123456789ab');
  });
});
