import { describe, expect, it } from 'vitest';
import type { BerthApi } from '../../../../shared/api';
import type { ContainerSummary } from '../../../../shared/dto/lists';
import { fail, ok, type Result } from '../../../../shared/result';
import { fakeApi } from '../../app/fake-api.test-helper';
import { createBerthStore } from '../../app/store';

const container = (name: string): ContainerSummary => ({
  id: name,
  name,
  image: 'fx:1',
  imageId: 'sha256:1',
  command: 'sleep 1',
  state: 'running',
  status: 'Up 1 second',
  startedAt: null,
  finishedAt: null,
  exitCode: null,
  health: null,
  created: 0,
  ports: [],
  labels: {},
});

describe('containers slice', () => {
  it('asks for all containers by default and for running ones after the toggle', async () => {
    const fake = fakeApi();
    fake.state.containers = [container('a')];
    const store = createBerthStore(fake.api);
    await store.getState().refreshContainers();
    expect(store.getState().containers.map((c) => c.name)).toEqual(['a']);
    store.getState().setShowAllContainers(false);
    expect(store.getState().containersLoad).toBe('loading');
    await Promise.resolve();
    expect(fake.calls.containers).toEqual([{ all: true }, { all: false }]);
  });

  it('keeps only the latest answer when two requests overlap', async () => {
    const resolvers: ((r: Result<readonly ContainerSummary[]>) => void)[] = [];
    const fake = fakeApi();
    const api = {
      ...fake.api,
      containers: { list: () => new Promise<Result<readonly ContainerSummary[]>>((r) => resolvers.push(r)) },
    } as BerthApi;
    const store = createBerthStore(api);
    const first = store.getState().refreshContainers();
    const second = store.getState().refreshContainers();
    resolvers[1]?.(ok([container('new')]));
    resolvers[0]?.(ok([container('old')]));
    await Promise.all([first, second]);
    expect(store.getState().containers.map((c) => c.name)).toEqual(['new']);
  });

  it('keeps the error of a failed fetch for the view to show', async () => {
    const fake = fakeApi();
    const api = {
      ...fake.api,
      containers: { list: () => Promise.resolve(fail('ENGINE_UNREACHABLE', 'The engine is not reachable.')) },
    } as BerthApi;
    const store = createBerthStore(api);
    await store.getState().refreshContainers();
    expect(store.getState()).toMatchObject({
      containersLoad: 'error',
      containersError: { code: 'ENGINE_UNREACHABLE' },
    });
  });
});
