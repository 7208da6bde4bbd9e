/**
 * The settings through a real backend: a changed engine address moves the connection to that engine at once,
 * and the settings survive a new backend on the same file (a restart).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EngineUseAnswer } from '../../../shared/dto/engine';
import type { Settings } from '../../../shared/dto/settings';
import type { Result } from '../../../shared/result';
import { createBackend, type Backend } from '../index';
import { waitForStatus } from '../backend.test-helper';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const dir = mkdtempSync(path.join(tmpdir(), 'berth-settings-int-'));
const file = path.join(dir, 'settings.json');
const nowhere = `unix://${path.join(dir, 'no-engine.sock')}`;
const backends: Backend[] = [];

function backend(): Backend {
  const made = createBackend({ env: { DOCKER_HOST: nowhere }, platform: 'linux', homedir: dir, settingsFile: file });
  backends.push(made);
  return made;
}

afterEach(async () => {
  await Promise.all(backends.splice(0).map((b) => b.dispose()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** engine:use as the browser mode does it: main asks, the same address goes back with its one-time token. */
async function useAddress(b: Backend, address: string): Promise<void> {
  const asked = (await b.dispatcher.request('engine:use', { address })) as Result<EngineUseAnswer>;
  if (!asked.ok || asked.value.state !== 'confirm') throw new Error(`expected a question: ${JSON.stringify(asked)}`);
  const done = await b.dispatcher.request('engine:use', { address, token: asked.value.token });
  expect(done).toMatchObject({ ok: true, value: { state: 'switched' } });
}

describe('settings in a real backend', () => {
  it('reconnects to the engine named in the settings, and back when the override is cleared', async () => {
    expect(HOST, 'TEST_DOCKER_HOST').not.toBe('');
    const b = backend();
    await waitForStatus(b, (s) => s.state === 'unreachable', 15_000);

    // Not through settings:update: a new address from the window needs a yes from main first.
    const refused = await b.dispatcher.request('settings:update', { engineEndpoint: HOST });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(b.engine.status().state).toBe('unreachable');
    await useAddress(b, HOST);
    expect(await b.dispatcher.request('settings:get', undefined)).toMatchObject({ value: { engineEndpoint: HOST } });
    const status = await waitForStatus(b, (s) => s.state === 'connected', 15_000);
    expect(status.endpoint).toEqual(expect.objectContaining({ address: HOST, source: 'settings' }));
    expect(await b.dispatcher.request('containers:list', undefined)).toMatchObject({ ok: true });

    await b.dispatcher.request('settings:update', { engineEndpoint: null });
    const back = await waitForStatus(b, (s) => s.state === 'unreachable', 15_000);
    expect(back.endpoint).toEqual(expect.objectContaining({ address: nowhere, source: 'DOCKER_HOST' }));
  });

  it('starts a new backend on the saved settings, engine address included', async () => {
    const first = backend();
    await useAddress(first, HOST);
    await first.dispatcher.request('settings:update', { logLineCap: 4321 });
    await first.dispose();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ engineEndpoint: HOST, logLineCap: 4321 });

    const second = backend();
    expect(await second.dispatcher.request('settings:get', undefined)).toMatchObject({
      ok: true,
      value: { engineEndpoint: HOST, logLineCap: 4321 },
    });
    await waitForStatus(second, (s) => s.state === 'connected', 15_000);
  });

  it('sends the new settings to a watcher, and a bad address stays out of the file', async () => {
    const b = backend();
    const seen: Settings[] = [];
    const session = b.dispatcher.openSession((_id, message) => {
      if (message.type === 'data') seen.push(...(message.items as Settings[]));
    });
    session.subscribe('w1', 'settings:watch', undefined);
    await b.dispatcher.request('settings:update', { theme: 'dark' });
    const refused = await b.dispatcher.request('settings:update', { engineEndpoint: 'docker.sock' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    session.close();
    expect(seen.map((s) => s.theme)).toEqual([expect.any(String), 'dark']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ theme: 'dark' });
  });
});
