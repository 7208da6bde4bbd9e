import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail } from '../../../shared/result';
import { INVALIDATE_DEBOUNCE_MS, INVALIDATE_MAX_WAIT_MS, staleLists } from './engine.slice';
import { connected, event, fakeApi, unreachable } from './fake-api.test-helper';
import { createBerthStore, ENGINE_LISTS } from './store';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const fake = fakeApi();
  const store = createBerthStore(fake.api);
  const stop = store.getState().startEngine();
  return { ...fake, store, stop };
}

describe('engine slice', () => {
  it('keeps the latest status from the watch stream', () => {
    const { store, pushStatus } = setup();
    expect(store.getState().engineStatus).toBeNull();
    pushStatus(unreachable);
    expect(store.getState().engineStatus?.state).toBe('unreachable');
    expect(store.getState().lastUnreachable).toEqual(unreachable);
    pushStatus(connected);
    expect(store.getState()).toMatchObject({ engineStatus: connected, lastSettled: 'connected' });
  });

  it('remembers the last failure while a new attempt is connecting', () => {
    const { store, pushStatus } = setup();
    pushStatus(unreachable);
    pushStatus({ state: 'connecting', endpoint: unreachable.endpoint, attempt: 2 });
    expect(store.getState().lastSettled).toBe('unreachable');
    expect(store.getState().lastUnreachable).toEqual(unreachable);
  });

  it('fetches both lists when the engine becomes connected, and not again on a repeated connected status', async () => {
    const { store, pushStatus, calls } = setup();
    pushStatus(connected);
    await vi.runAllTimersAsync();
    expect(calls.containers).toEqual([{ all: true }]);
    expect(calls.images).toBe(1);
    expect(store.getState().containersLoad).toBe('ready');
    pushStatus(connected);
    await vi.runAllTimersAsync();
    expect(calls.images).toBe(1);
  });

  it('turns a burst of engine events into one debounced re-fetch of the stale lists', async () => {
    const { pushStatus, pushEvents, calls } = setup();
    pushStatus(connected);
    await vi.runAllTimersAsync();
    pushEvents(event('container', 'start'));
    pushEvents(event('container', 'die'), event('container', 'stop'));
    await vi.advanceTimersByTimeAsync(INVALIDATE_DEBOUNCE_MS - 10);
    expect(calls.containers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(calls.containers).toHaveLength(2);
    expect(calls.images).toBe(1);
  });

  it('does not let a steady stream of events postpone the re-fetch past the maximum wait', async () => {
    const { pushStatus, pushEvents, calls } = setup();
    pushStatus(connected);
    await vi.runAllTimersAsync();
    for (let t = 0; t < INVALIDATE_MAX_WAIT_MS + 200; t += 100) {
      pushEvents(event('image', 'tag'));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(calls.images).toBeGreaterThanOrEqual(2);
  });

  it('ignores events while the engine is not connected', async () => {
    const { pushStatus, pushEvents, calls } = setup();
    pushStatus(unreachable);
    pushEvents(event('container', 'start'));
    await vi.runAllTimersAsync();
    expect(calls.containers).toHaveLength(0);
  });

  it('retry() calls the engine retry and reports a failed request', async () => {
    const { store, calls, state } = setup();
    await store.getState().retryEngine();
    expect(calls.retry).toBe(1);
    expect(store.getState().retrying).toBe(false);
    state.retryResult = fail('INTERNAL', 'The retry failed.');
    await store.getState().retryEngine();
    expect(store.getState().retryError?.message).toBe('The retry failed.');
  });

  it('shows a lost link, reopens the watch after a wait, and re-fetches when it is back', async () => {
    const { store, pushStatus, failWatch, calls } = setup();
    pushStatus(connected);
    await vi.runAllTimersAsync();
    failWatch('BRIDGE_DISCONNECTED', 'The connection to Berth was lost.');
    expect(store.getState().linkError?.code).toBe('BRIDGE_DISCONNECTED');
    expect(calls.watchOpened).toBe(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(calls.watchOpened).toBe(2);
    pushStatus(connected);
    await vi.runAllTimersAsync();
    expect(store.getState().linkError).toBeNull();
    expect(calls.images).toBe(2);
  });

  it('reopens a lost watch at once when the user presses Retry', async () => {
    const { store, failWatch, calls } = setup();
    failWatch('BRIDGE_DISCONNECTED', 'Lost.');
    await store.getState().retryEngine();
    expect(calls.watchOpened).toBe(2);
  });

  it('shows a link reported down by the transport and re-fetches once a status arrives after it is up', async () => {
    const { store, pushStatus, calls } = setup();
    pushStatus(connected);
    await vi.runAllTimersAsync();
    store.getState().linkDown({ code: 'BRIDGE_DISCONNECTED', message: 'Lost.' });
    expect(store.getState().linkError?.code).toBe('BRIDGE_DISCONNECTED');
    store.getState().linkUp();
    expect(store.getState().linkError).toBeNull();
    pushStatus(connected);
    await vi.runAllTimersAsync();
    expect(calls.containers).toHaveLength(2);
  });

  it('stops listening and fetching after cleanup', async () => {
    const { stop, watchers, eventListeners, pushStatus, calls } = setup();
    stop();
    expect(watchers.size).toBe(0);
    expect(eventListeners.size).toBe(0);
    pushStatus(connected);
    await vi.runAllTimersAsync();
    expect(calls.images).toBe(0);
  });
});

describe('staleLists', () => {
  const names = (e: ReturnType<typeof event>) => staleLists(e, ENGINE_LISTS).map((list) => list.name);

  it('maps each event to the lists whose slices declare it', () => {
    expect(names(event('container', 'start'))).toEqual(['containers', 'networks', 'projects']);
    expect(names(event('container', 'destroy'))).toEqual(['containers', 'images', 'volumes', 'networks', 'projects']);
    expect(names(event('image', 'delete'))).toEqual(['containers', 'images']);
    expect(names(event('daemon', 'reload'))).toEqual(['containers', 'images', 'volumes', 'networks', 'projects']);
    expect(names(event('network', 'connect'))).toEqual(['networks']);
    expect(names(event('volume', 'create'))).toEqual(['volumes', 'projects']);
    expect(names(event('volume', 'mount'))).toEqual(['volumes']);
  });

  it('loops over whatever lists it is given, naming no domain itself', () => {
    const volumes = { name: 'volumes', staleOn: { volume: true }, refresh: () => Promise.resolve() } as const;
    const networks = { name: 'networks', staleOn: { network: ['create'] }, refresh: () => Promise.resolve() } as const;
    expect(staleLists(event('volume', 'create'), [volumes, networks])).toEqual([volumes]);
    expect(staleLists(event('network', 'create'), [volumes, networks])).toEqual([networks]);
    expect(staleLists(event('network', 'connect'), [volumes, networks])).toEqual([]);
  });

  it('refreshes a list declared by a slice when its events arrive', async () => {
    const fake = fakeApi();
    let refreshed = 0;
    const volumes = {
      name: 'volumes',
      staleOn: { volume: true },
      refresh: () => Promise.resolve(void (refreshed += 1)),
    } as const;
    const store = createBerthStore(fake.api, [volumes]);
    store.getState().startEngine();
    fake.pushStatus(connected);
    await vi.runAllTimersAsync();
    expect(refreshed).toBe(1);
    fake.pushEvents(event('volume', 'create'), event('container', 'start'));
    await vi.runAllTimersAsync();
    expect(refreshed).toBe(2);
    expect(fake.calls.containers).toHaveLength(0);
  });
});
