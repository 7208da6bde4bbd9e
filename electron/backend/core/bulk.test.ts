import { describe, expect, it } from 'vitest';
import { BerthFailure } from '../../../shared/result';
import { mapBounded, runBulk } from './bulk';
import { Transcript } from './transcript';

describe('mapBounded', () => {
  it('never has more than the limit in flight and keeps the order', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapBounded(
      Array.from({ length: 20 }, (_, i) => i),
      async (i) => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 1 + (i % 3)));
        inFlight--;
        return i * 2;
      },
      3,
    );
    expect(most).toBe(3);
    expect(out).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });
});

describe('runBulk', () => {
  it('keeps going past failures, says which failed and why, and records one transcript entry', async () => {
    const transcript = new Transcript(() => 0);
    const result = await runBulk(transcript, {
      ids: ['a', 'b', 'c', 'a'],
      nameOf: (id) => Promise.resolve(`n-${id}`),
      work: (id) =>
        id === 'b' ? Promise.reject(new BerthFailure('CONFLICT', 'It is running.')) : Promise.resolve(null),
      describe: (names) => ({ title: 'Remove', command: `docker rm ${names.join(' ')}`, api: 'DELETE' }),
    });
    expect(result.done).toBe(2);
    expect(result.failed).toBe(1);
    expect(result.items.map((i) => [i.id, i.ok])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
    const entries = transcript.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.command).toBe('docker rm n-a n-b n-c');
    expect(entries[0]?.outcome).toBe('failed');
    expect(entries[0]?.error).toContain('n-b (It is running.)');
  });
});
