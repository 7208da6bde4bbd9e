import { describe, expect, it } from 'vitest';
import { buildBerthApi } from '../../../../shared/api';
import { fail, ok } from '../../../../shared/result';
import { createBerthStore } from '../../app/store';

describe('the disk slice', () => {
  it('measures only when asked, and again after a prune', async () => {
    const calls: string[] = [];
    const api = buildBerthApi({
      request: (channel) => {
        calls.push(channel);
        return Promise.resolve(
          channel === 'disk:prune'
            ? ok({ category: 'containers', removed: ['a'], spaceReclaimed: 10 })
            : fail('ENGINE_UNREACHABLE', 'The engine is down.'),
        );
      },
      subscribe: () => () => undefined,
    });
    const store = createBerthStore(api, []);
    expect(calls).toEqual([]);
    await store.getState().pruneDisk('containers', false);
    await Promise.resolve();
    expect(calls).toEqual(['disk:prune', 'disk:usage']);
    await Promise.resolve();
    expect(store.getState().diskLoad).toBe('error');
    expect(store.getState().diskError?.message).toBe('The engine is down.');
  });
});
