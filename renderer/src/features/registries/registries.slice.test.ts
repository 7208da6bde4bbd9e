import { describe, expect, it } from 'vitest';
import { buildBerthApi } from '../../../../shared/api';
import type { RegistriesOverview } from '../../../../shared/dto/registries';
import { fail, ok, type Result } from '../../../../shared/result';
import { createBerthStore } from '../../app/store';

const overview = (users: string[]): RegistriesOverview => ({
  configPath: '/tmp/x/config.json',
  logins: users.map((u) => ({
    key: 'localhost:5000',
    registry: 'localhost:5000',
    username: u,
    store: { kind: 'file', path: '/tmp/x/config.json' },
  })),
  defaultStore: { kind: 'file', path: '/tmp/x/config.json' },
  helpers: {},
  problems: [],
});

function storeWith(answers: Record<string, (input: unknown) => Result<unknown>>) {
  const calls: [string, unknown][] = [];
  const api = buildBerthApi({
    request: (channel, input) => {
      calls.push([channel, input]);
      const answer = answers[channel];
      return Promise.resolve(answer ? answer(input) : fail('INTERNAL', `${channel} is not faked`));
    },
    subscribe: () => () => undefined,
  });
  return { store: createBerthStore(api, []), calls };
}

describe('the registries slice', () => {
  it('logs in, then lists again; the password is sent once and kept nowhere in the store', async () => {
    let logins: string[] = [];
    const { store, calls } = storeWith({
      'registries:list': () => ok(overview(logins)),
      'registries:login': () => {
        logins = ['ann'];
        return ok({
          registry: 'localhost:5000',
          username: 'ann',
          store: { kind: 'file', path: '' },
          identityToken: false,
        });
      },
    });
    const result = await store
      .getState()
      .logIn({ server: 'localhost:5000', username: 'ann', password: 'hunter2-secret' });
    expect(result.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().registries?.logins.map((l) => l.username)).toEqual(['ann']);
    expect(calls.map(([c]) => c)).toEqual(['registries:login', 'registries:list']);
    expect(JSON.stringify(store.getState())).not.toContain('hunter2-secret');
  });

  it('a refused login is handed back and nothing is listed again', async () => {
    const { store, calls } = storeWith({
      'registries:login': () => fail('PERMISSION_DENIED', 'localhost:5000 refused the user name or password for ann.'),
    });
    const result = await store.getState().logIn({ server: 'localhost:5000', username: 'ann', password: 'x' });
    expect(!result.ok && result.error.code).toBe('PERMISSION_DENIED');
    expect(calls.map(([c]) => c)).toEqual(['registries:login']);
  });

  it('a login asked for from an error keeps what to retry until it is closed', () => {
    const { store } = storeWith({});
    let retried = 0;
    store.getState().askLogin('127.0.0.1:5443', () => (retried += 1));
    expect(store.getState().loginPrompt?.registry).toBe('127.0.0.1:5443');
    store.getState().loginPrompt?.retry?.();
    expect(retried).toBe(1);
    store.getState().closeLoginPrompt();
    expect(store.getState().loginPrompt).toBeNull();
  });
});
