import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineUseAnswer } from '../../../shared/dto/engine';
import { BerthFailure } from '../../../shared/result';
import { SettingsStore } from '../settings/settings.store';
import { withoutNewEngine } from '../settings/settings.handlers';
import { contextDigest } from './contexts';
import { engineChoices, isPlainRemoteTcp, type Machine } from './engine.choices';
import { EngineSwitch, type ConfirmEngine } from './engine.switch';

const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-switch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function context(name: string, host: string): void {
  const meta = path.join(dir, 'contexts', 'meta', contextDigest(name));
  mkdirSync(meta, { recursive: true });
  writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }));
}
context('lab', 'unix:///run/lab.sock');
context('open-remote', 'tcp://192.0.2.10:2375');

const machine: Machine = {
  env: { DOCKER_CONFIG: dir, XDG_RUNTIME_DIR: '/run/user/1000' },
  platform: 'linux',
  homedir: '/home/ann',
  exists: (p) => p === '/run/user/1000/podman/podman.sock' || p === '/var/run/docker.sock',
};

const make = (confirm: ConfirmEngine | null = null) => {
  const settings = new SettingsStore({ file: null });
  return { settings, sw: new EngineSwitch(machine, settings, confirm) };
};

const failure = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (e) {
    if (e instanceof BerthFailure) return e.error;
    throw e;
  }
  throw new Error('expected a BerthFailure');
};

describe('engine choices', () => {
  it('lists automatic, the contexts with default, and the sockets found on the machine', () => {
    const choices = engineChoices(machine, new SettingsStore({ file: null }).get());
    expect(choices.map((c) => [c.id, c.name, c.address, c.active])).toEqual([
      [
        'auto',
        'Automatic',
        'unix:///var/run/docker.sock, unix:///home/ann/.docker/run/docker.sock, unix:///run/user/1000/podman/podman.sock',
        true,
      ],
      ['context:default', 'default', 'unix:///var/run/docker.sock', false],
      ['context:lab', 'lab', 'unix:///run/lab.sock', false],
      ['context:open-remote', 'open-remote', 'tcp://192.0.2.10:2375', false],
      ['socket:unix:///var/run/docker.sock', 'Docker Engine', 'unix:///var/run/docker.sock', false],
      ['socket:unix:///run/user/1000/podman/podman.sock', 'Podman', 'unix:///run/user/1000/podman/podman.sock', false],
    ]);
  });

  it('tells plain tcp to another host from loopback and TLS', () => {
    expect(isPlainRemoteTcp('tcp://192.0.2.10:2375', false)).toBe(true);
    expect(isPlainRemoteTcp('tcp://192.0.2.10:2376', true)).toBe(false);
    expect(isPlainRemoteTcp('tcp://127.0.0.1:2375', false)).toBe(false);
    expect(isPlainRemoteTcp('tcp://localhost:2375', false)).toBe(false);
    expect(isPlainRemoteTcp('tcp://[::1]:2375', false)).toBe(false);
    expect(isPlainRemoteTcp('unix:///var/run/docker.sock', false)).toBe(false);
  });
});

describe('EngineSwitch', () => {
  it('switches to a context or a found socket at once', async () => {
    const { settings, sw } = make();
    expect(await sw.use({ id: 'context:lab' })).toEqual({ state: 'switched', id: 'context:lab' });
    expect(settings.get()).toMatchObject({ engineContext: 'lab', engineEndpoint: null });
    await sw.use({ id: 'socket:unix:///run/user/1000/podman/podman.sock' });
    expect(settings.get()).toMatchObject({
      engineContext: null,
      engineEndpoint: 'unix:///run/user/1000/podman/podman.sock',
    });
    await sw.use({ id: 'auto' });
    expect(settings.get()).toMatchObject({ engineContext: null, engineEndpoint: null });
  });

  it('does not take a typed address without a yes: a one-time token for exactly that address', async () => {
    const { settings, sw } = make();
    const asked = (await sw.use({ address: 'unix:///tmp/other.sock' })) as Extract<
      EngineUseAnswer,
      { state: 'confirm' }
    >;
    expect(asked.state).toBe('confirm');
    expect(asked.message).toContain('the engine is root on its host');
    expect(settings.get().engineEndpoint).toBeNull();

    // A token for one address does not confirm another, and is gone once tried.
    expect((await sw.use({ address: 'unix:///tmp/evil.sock', token: asked.token })).state).toBe('confirm');
    expect((await sw.use({ address: 'unix:///tmp/other.sock', token: asked.token })).state).toBe('confirm');
    expect(settings.get().engineEndpoint).toBeNull();

    const again = (await sw.use({ address: 'unix:///tmp/other.sock' })) as Extract<
      EngineUseAnswer,
      { state: 'confirm' }
    >;
    expect(await sw.use({ address: 'unix:///tmp/other.sock', token: again.token })).toMatchObject({
      state: 'switched',
    });
    expect(settings.get().engineEndpoint).toBe('unix:///tmp/other.sock');
  });

  it('warns that plain tcp to another host is unencrypted, for a context too', async () => {
    const { settings, sw } = make();
    const asked = await sw.use({ id: 'context:open-remote' });
    expect(asked).toMatchObject({ state: 'confirm', address: 'tcp://192.0.2.10:2375' });
    if (asked.state === 'confirm') {
      expect(asked.message).toMatch(/traffic is unencrypted/);
      expect(asked.message).toMatch(/the engine is root on that host/);
    }
    expect(settings.get().engineContext).toBeNull();
  });

  it('asks the desktop dialog instead, and a no changes nothing', async () => {
    const questions: string[] = [];
    const { settings, sw } = make((q) => {
      questions.push(q.message);
      return Promise.resolve(false);
    });
    const error = await failure(sw.use({ address: 'tcp://192.0.2.7:2375' }));
    expect(error.code).toBe('CANCELLED');
    expect(questions[0]).toMatch(/traffic is unencrypted/);
    expect(settings.get().engineEndpoint).toBeNull();

    const yes = make(() => Promise.resolve(true));
    expect(await yes.sw.use({ address: 'tcp://192.0.2.7:2375' })).toMatchObject({ state: 'switched' });
    expect(yes.settings.get().engineEndpoint).toBe('tcp://192.0.2.7:2375');
  });

  it('refuses an unknown choice and a bad address in words', async () => {
    const { sw } = make();
    expect(await failure(sw.use({ id: 'context:nope' }))).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await failure(sw.use({ address: 'tcp://' }));
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toMatch(/names no host/);
  });
});

describe('settings:update guard', () => {
  const current = new SettingsStore({ file: null }).get();
  it('refuses a new engine address or context sent with the settings', () => {
    expect(() => withoutNewEngine({ engineEndpoint: 'tcp://192.0.2.7:2375' }, current)).toThrow(/confirm it first/);
    expect(() => withoutNewEngine({ engineContext: 'lab' }, current)).toThrow(/confirm it first/);
  });
  it('lets the other settings and going back to automatic through', () => {
    expect(withoutNewEngine({ theme: 'dark', engineEndpoint: null }, current)).toEqual({
      theme: 'dark',
      engineEndpoint: null,
    });
  });
});
