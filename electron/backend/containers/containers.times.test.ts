import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../shared/dto/lists';
import { StatusTimesCache, toEpoch, type RawState } from './containers.times';

const t0 = Date.parse('2026-01-01T10:00:00Z');

const summary = (id: string, status: string, state: ContainerSummary['state'] = 'running'): ContainerSummary => ({
  id,
  name: id,
  image: 'fx:1',
  imageId: 'sha256:1',
  command: '',
  state,
  status,
  startedAt: null,
  finishedAt: null,
  exitCode: null,
  health: null,
  created: t0,
  ports: [],
  labels: {},
});

function rig(states: Map<string, RawState>) {
  let now = t0 + 5000;
  const asked: string[] = [];
  const cache = new StatusTimesCache(
    (id) => {
      asked.push(id);
      const s = states.get(id);
      return s ? Promise.resolve(s) : Promise.reject(new Error('gone'));
    },
    8,
    () => now,
  );
  return { cache, asked, tick: (ms: number) => (now += ms) };
}

const started = (ms: number): RawState => ({
  StartedAt: new Date(ms).toISOString(),
  FinishedAt: '0001-01-01T00:00:00Z',
  ExitCode: 0,
});

describe('StatusTimesCache', () => {
  it('inspects each container once, then only the one an event changed', async () => {
    const states = new Map(Array.from({ length: 20 }, (_, i) => [`c${i}`, started(t0)] as const));
    const { cache, asked, tick } = rig(states);
    const list = () => [...states.keys()].map((id) => summary(id, 'Up 5 seconds'));
    const first = await cache.fill(list());
    expect(asked).toHaveLength(20);
    expect(first[0]).toMatchObject({ startedAt: t0, finishedAt: null, exitCode: null });

    asked.length = 0;
    await cache.fill(list());
    expect(asked).toHaveLength(0);

    // c3 exits: the next list (after its event) inspects c3 alone.
    tick(1000);
    states.set('c3', {
      StartedAt: new Date(t0).toISOString(),
      FinishedAt: new Date(t0 + 6000).toISOString(),
      ExitCode: 2,
    });
    const after = await cache.fill(
      list().map((s) =>
        s.id === 'c3' ? summary('c3', 'Exited (2) Less than a second ago', 'exited') : summary(s.id, 'Up 6 seconds'),
      ),
    );
    expect(asked).toEqual(['c3']);
    expect(after.find((s) => s.id === 'c3')).toMatchObject({ exitCode: 2, finishedAt: t0 + 6000 });
  });

  it('notices a restart that kept the state, by the status line that no longer fits the times', async () => {
    const states = new Map([['a', started(t0)]]);
    const { cache, asked, tick } = rig(states);
    await cache.fill([summary('a', 'Up 5 seconds')]);
    tick(10 * 60_000);
    states.set('a', started(t0 + 10 * 60_000 + 4000));
    asked.length = 0;
    const [a] = await cache.fill([summary('a', 'Up Less than a second')]);
    expect(asked).toEqual(['a']);
    expect(a?.startedAt).toBe(t0 + 10 * 60_000 + 4000);
  });

  it('leaves the times empty for a container removed between the list and the inspect', async () => {
    const { cache } = rig(new Map());
    const [gone] = await cache.fill([summary('gone', 'Up 1 second')]);
    expect(gone).toMatchObject({ startedAt: null, finishedAt: null });
  });

  it('reads docker times, and its zero time as never', () => {
    expect(toEpoch('2026-01-01T10:00:00.123456789Z')).toBe(t0 + 123);
    expect(toEpoch('0001-01-01T00:00:00Z')).toBeNull();
    expect(toEpoch(undefined)).toBeNull();
  });
});
