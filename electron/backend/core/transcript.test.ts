import { describe, expect, it } from 'vitest';
import { BerthFailure } from '../../../shared/result';
import { Transcript } from './transcript';

const stop = { title: 'Stop container web', command: 'docker stop web', api: 'POST /containers/web/stop' };

describe('Transcript', () => {
  it('records a successful action with its time and tells listeners', async () => {
    const transcript = new Transcript(() => 42);
    const seen: string[] = [];
    transcript.onEntry((entry) => seen.push(entry.command));
    await expect(transcript.run(stop, () => Promise.resolve('done'))).resolves.toBe('done');
    expect(transcript.list()).toEqual([{ id: 1, time: 42, ...stop, outcome: 'ok' }]);
    expect(seen).toEqual(['docker stop web']);
  });

  it('records a failed action with the error sentence and rethrows it', async () => {
    const transcript = new Transcript();
    const failure = new BerthFailure('NOT_FOUND', 'There is no container called web.');
    await expect(transcript.run(stop, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(transcript.list()[0]).toMatchObject({ outcome: 'failed', error: 'There is no container called web.' });
  });

  it('keeps the newest thousand entries', () => {
    const transcript = new Transcript();
    for (let n = 0; n < 1005; n++) transcript.record(stop, 'ok');
    const entries = transcript.list();
    expect(entries).toHaveLength(1000);
    expect(entries[0]?.id).toBe(6);
  });
});
