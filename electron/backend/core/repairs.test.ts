import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../shared/dto/engine';
import { MAX_PENDING_REPAIRS, PendingRepairs } from './repairs';

function engine() {
  const listeners = new Set<(s: EngineStatus) => void>();
  return {
    onStatus: (l: (s: EngineStatus) => void) => (listeners.add(l), () => listeners.delete(l)),
    connect: () => {
      for (const l of listeners) l({ state: 'connected' } as EngineStatus);
    },
  };
}
const away = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

describe('PendingRepairs', () => {
  it('runs a repair when the engine connects, keeps one the engine was away for, drops one that failed otherwise', async () => {
    const source = engine();
    const repairs = new PendingRepairs(source);
    const done: string[] = [];
    let reachable = false;
    repairs.add('a', () => (reachable ? (done.push('a'), Promise.resolve()) : Promise.reject(away())));
    repairs.add('b', () => Promise.reject(new Error('no such container')));
    source.connect();
    await repairs.runAll();
    expect(done).toEqual([]);
    expect(repairs.size).toBe(1);
    reachable = true;
    source.connect();
    await repairs.runAll();
    expect(done).toEqual(['a']);
    expect(repairs.size).toBe(0);
  });

  it(`keeps at most ${MAX_PENDING_REPAIRS}, dropping the oldest`, () => {
    const repairs = new PendingRepairs(engine());
    for (let i = 0; i < MAX_PENDING_REPAIRS + 50; i++) repairs.add(`r${i}`, () => Promise.resolve());
    expect(repairs.size).toBe(MAX_PENDING_REPAIRS);
  });
});
