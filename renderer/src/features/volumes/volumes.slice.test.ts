import { describe, expect, it } from 'vitest';
import { buildBerthApi } from '../../../../shared/api';
import type { VolumeSummary } from '../../../../shared/dto/volumes';
import { fail, ok, type Result } from '../../../../shared/result';
import { createBerthStore } from '../../app/store';

const volume = (name: string): VolumeSummary => ({
  name,
  driver: 'local',
  mountpoint: '',
  scope: 'local',
  labels: {},
  options: {},
  created: null,
  anonymous: false,
  users: [],
});

/** A store whose API answers the given channels and records every call. */
function storeWith(answers: Record<string, (input: unknown) => Result<unknown>>) {
  const calls: string[] = [];
  const api = buildBerthApi({
    request: (channel, input) => {
      calls.push(channel);
      const answer = answers[channel];
      return Promise.resolve(answer ? answer(input) : fail('INTERNAL', `${channel} is not faked`));
    },
    subscribe: () => () => undefined,
  });
  return { store: createBerthStore(api, []), calls };
}

describe('the volumes slice', () => {
  it('lists volumes, and asks for sizes only when measureVolumes is called', async () => {
    const { store, calls } = storeWith({
      'volumes:list': () => ok([volume('pgdata')]),
      'volumes:usage': () => ok([{ name: 'pgdata', size: 2048, refCount: 0 }]),
    });
    await store.getState().refreshVolumes();
    expect(store.getState().volumes.map((v) => v.name)).toEqual(['pgdata']);
    expect(store.getState().volumeSizes).toBeNull();
    expect(calls).toEqual(['volumes:list']);
    await store.getState().measureVolumes();
    expect(store.getState().volumeSizes).toEqual({ pgdata: 2048 });
    expect(store.getState().volumeSizesLoad).toBe('ready');
  });

  it('fetches the list again after a create, and keeps the error of a failed measurement', async () => {
    const { store, calls } = storeWith({
      'volumes:list': () => ok([]),
      'volumes:create': () => ok(volume('new')),
      'volumes:usage': () => fail('ENGINE_UNREACHABLE', 'The engine is down.'),
    });
    await store.getState().createVolume({ name: 'new', driverOpts: {}, labels: {} });
    await Promise.resolve();
    expect(calls).toEqual(['volumes:create', 'volumes:list']);
    await store.getState().measureVolumes();
    expect(store.getState().volumeSizesLoad).toBe('error');
    expect(store.getState().volumeSizesError?.message).toBe('The engine is down.');
  });
});
