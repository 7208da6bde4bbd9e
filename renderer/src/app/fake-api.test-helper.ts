import { buildBerthApi, type BerthApi } from '../../../shared/api';
import type { EngineEvent, EngineStatus } from '../../../shared/dto/engine';
import type { ContainerSummary, ImageSummary } from '../../../shared/dto/lists';
import { fail, ok, type Result } from '../../../shared/result';
import type { StreamMessage } from '../../../shared/stream';

type Listener<T> = (message: StreamMessage<T>) => void;

/** A plain object shaped like window.berth, with handles to push stream messages and count calls. */
export function fakeApi() {
  const watchers = new Set<Listener<EngineStatus>>();
  const eventListeners = new Set<Listener<EngineEvent>>();
  const calls = {
    containers: [] as ({ all?: boolean } | undefined)[],
    images: 0,
    retry: 0,
    watchOpened: 0,
    eventsOpened: 0,
  };
  const state = {
    containers: [] as readonly ContainerSummary[],
    images: [] as readonly ImageSummary[],
    retryResult: null as Result<EngineStatus> | null,
  };
  const subscribe = <T>(set: Set<Listener<T>>, listener: Listener<T>) => {
    set.add(listener);
    return () => void set.delete(listener);
  };
  // Channels a test does not set up answer with an error, so new channels need no change here.
  const base = buildBerthApi({
    request: (channel) => Promise.resolve(fail('INTERNAL', `${channel} is not faked in this test.`)),
    subscribe: () => () => undefined,
  });
  const api: BerthApi = {
    ...base,
    engine: {
      ...base.engine,
      status: () => Promise.reject(new Error('not used')),
      retry: () => {
        calls.retry += 1;
        return Promise.resolve(state.retryResult ?? ok(connected));
      },
      watch: (_input: undefined, listener: Listener<EngineStatus>) => {
        calls.watchOpened += 1;
        return subscribe(watchers, listener);
      },
      events: (_input: undefined, listener: Listener<EngineEvent>) => {
        calls.eventsOpened += 1;
        return subscribe(eventListeners, listener);
      },
    },
    containers: {
      ...base.containers,
      list: (input?: { all?: boolean }) => {
        calls.containers.push(input);
        return Promise.resolve(ok(state.containers));
      },
    },
    images: {
      ...base.images,
      list: () => {
        calls.images += 1;
        return Promise.resolve(ok(state.images));
      },
    },
  };
  return {
    api,
    calls,
    state,
    watchers,
    eventListeners,
    pushStatus: (status: EngineStatus) => {
      for (const l of [...watchers]) l({ type: 'data', items: [status] });
    },
    pushEvents: (...items: EngineEvent[]) => {
      for (const l of [...eventListeners]) l({ type: 'data', items });
    },
    failWatch: (code: string, message: string) => {
      for (const l of [...watchers]) l({ type: 'error', error: { code, message } as never });
      watchers.clear();
    },
  };
}

export const endpoint = { kind: 'unix', address: 'unix:///tmp/dtest/docker.sock', source: 'DOCKER_HOST' } as const;

export const connected: EngineStatus = {
  state: 'connected',
  endpoint,
  since: 0,
  engine: {
    name: 'test',
    version: '20.10.24',
    apiVersion: '1.41',
    minApiVersion: '1.12',
    os: 'linux',
    operatingSystem: 'Debian GNU/Linux 12',
    kernelVersion: '6.1.0',
    arch: 'x86_64',
    storageDriver: 'vfs',
    cpus: 2,
    memTotal: 4e9,
    containers: 0,
    containersRunning: 0,
    containersPaused: 0,
    containersStopped: 0,
    images: 1,
    flavor: 'docker',
  },
};

export const unreachable: EngineStatus = {
  state: 'unreachable',
  endpoint,
  reason: 'socket-missing',
  message: 'connect ENOENT',
  tried: [{ endpoint, reason: 'socket-missing', message: 'connect ENOENT' }],
  attempt: 1,
  nextRetryAt: null,
};

export const event = (scope: EngineEvent['scope'], action: string): EngineEvent => ({
  scope,
  action,
  id: 'x',
  time: 0,
});
