/**
 * Volumes through the Dispatcher (the renderer's path) against a real engine, each effect compared with what
 * `docker volume ls/inspect` and `docker system df` say.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  VolumeFile,
  VolumeFolder,
  VolumePrunePreview,
  VolumePruneResult,
  VolumeRemovePreview,
  VolumeSummary,
  VolumeUsage,
} from '../../../shared/dto/volumes';
import type { Backend } from '../index';
import { call as callOn, cli, connectedBackend, unique } from '../images/images.test-helper';
import { VolumeFiles } from './volumes.files';

const FIXTURE = 'berth-fixture/busybox:1';
const LABEL = { 'berth.test': '1' };

let backend: Backend;
const call = <T>(channel: string, input?: unknown) => callOn<T>(backend, channel, input);
const value = async <T>(channel: string, input?: unknown): Promise<T> => {
  const result = await call<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};
const helpersLeft = () => cli('ps', '-aq', '--filter', 'label=berth.helper=1');
/** Runs a container that writes into the volume and exits. */
const write = (volume: string, script: string, name = unique('vw')) =>
  cli('run', '--name', name, '--label', 'berth.test=1', '-v', `${volume}:/data`, FIXTURE, 'sh', '-c', script);

beforeAll(async () => {
  backend = await connectedBackend();
});

afterAll(async () => {
  await backend?.dispose();
  const containers = cli('ps', '-aq', '--filter', 'label=berth.test=1').split('\n').filter(Boolean);
  if (containers.length > 0) cli('rm', '-f', ...containers);
  const volumes = cli('volume', 'ls', '-q', '--filter', 'label=berth.test=1').split('\n').filter(Boolean);
  if (volumes.length > 0) cli('volume', 'rm', '-f', ...volumes);
}, 30_000);

describe('list, inspect, create', () => {
  it('lists the same volumes as `docker volume ls`, with the containers using each', async () => {
    const name = unique('vl');
    cli('volume', 'create', '--label', 'berth.test=1', '--label', 'tier=db', name);
    const user = unique('user');
    cli('create', '--name', user, '--label', 'berth.test=1', '-v', `${name}:/data:ro`, FIXTURE, 'true');

    const list = await value<VolumeSummary[]>('volumes:list');
    const names = cli('volume', 'ls', '--format', '{{.Name}}').split('\n').filter(Boolean).sort();
    expect(list.map((v) => v.name)).toEqual(names);
    const mine = list.find((v) => v.name === name);
    const inspected = JSON.parse(cli('volume', 'inspect', name)) as [
      { Driver: string; Mountpoint: string; Scope: string; Labels: Record<string, string>; CreatedAt: string },
    ];
    expect(mine).toMatchObject({
      driver: inspected[0].Driver,
      mountpoint: inspected[0].Mountpoint,
      scope: inspected[0].Scope,
      labels: inspected[0].Labels,
      created: Date.parse(inspected[0].CreatedAt),
      anonymous: false,
    });
    expect(mine?.users).toEqual([
      expect.objectContaining({ name: user, state: 'created', destination: '/data', rw: false }),
    ]);
    expect(await value<VolumeSummary>('volumes:inspect', { name })).toEqual(mine);
  });

  it('creates a volume like `docker volume create`, and refuses a name already taken, in words', async () => {
    const name = unique('vc');
    const created = await value<VolumeSummary>('volumes:create', {
      name,
      driverOpts: {},
      labels: { ...LABEL, purpose: 'test' },
    });
    expect(created.name).toBe(name);
    expect(cli('volume', 'inspect', '--format', '{{.Labels.purpose}}', name)).toBe('test');

    const again = await call('volumes:create', { name, driverOpts: {}, labels: LABEL });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('CONFLICT');
      expect(again.error.message).toContain(`A volume named ${name} already exists`);
    }
    const bad = await call('volumes:create', { name: '-x', driverOpts: {}, labels: {} });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_INPUT');
      expect(bad.error.message).toMatch(/starting with a letter or digit/);
    }
  });

  it('gives sizes separately, as `docker system df -v` does', async () => {
    const name = unique('vs');
    cli('volume', 'create', '--label', 'berth.test=1', name);
    write(name, 'head -c 5000 /dev/zero > /data/blob');
    const usage = await value<VolumeUsage[]>('volumes:usage');
    const mine = usage.find((v) => v.name === name);
    expect(mine?.size).toBe(5000);
    const df = cli('system', 'df', '-v', '--format', '{{json .Volumes}}');
    const row = (JSON.parse(df) as { Name: string; Size: string; Links: string }[]).find((v) => v.Name === name);
    expect(row?.Size).toBe('5kB');
    expect(String(mine?.refCount)).toBe(row?.Links);
  });
});

describe('remove', () => {
  it('refuses a volume a stopped container uses, naming it and how much it holds; nothing is removed', async () => {
    const name = unique('vr');
    cli('volume', 'create', '--label', 'berth.test=1', name);
    const user = unique('holder');
    write(name, 'echo hello > /data/greeting', user);

    const preview = await value<VolumeRemovePreview>('volumes:removePreview', { name });
    expect(preview.size).toBe(6);
    expect(preview.users.map((u) => u.name)).toEqual([user]);

    const refused = await call('volumes:remove', { name });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toContain(user);
    }
    expect(cli('volume', 'ls', '-q', '--filter', `name=^${name}$`)).toBe(name);
    const forced = await call('volumes:remove', { name, force: true });
    expect(forced.ok).toBe(false);

    cli('rm', user);
    expect(await value('volumes:remove', { name })).toBeNull();
    expect(cli('volume', 'ls', '-q', '--filter', `name=^${name}$`)).toBe('');
    const entries = backend.services.transcript.list();
    expect(entries.at(-1)).toMatchObject({ command: `docker volume rm ${name}`, outcome: 'ok' });
    expect(entries.at(-2)).toMatchObject({ outcome: 'failed' });
  });

  it('says NOT_FOUND for a volume that is not there', async () => {
    const result = await call('volumes:remove', { name: unique('gone') });
    expect(result.ok ? null : result.error.code).toBe('NOT_FOUND');
  });
});

describe('prune', () => {
  it('previews exactly what the prune then removes, with sizes', async () => {
    const unused = unique('vp');
    const kept = unique('vk');
    cli('volume', 'create', '--label', 'berth.test=1', unused);
    cli('volume', 'create', '--label', 'berth.test=1', kept);
    write(unused, 'head -c 1234 /dev/zero > /data/x', unique('tmp'));
    cli('rm', '-f', cli('ps', '-aq', '--filter', `volume=${unused}`));
    cli('create', '--label', 'berth.test=1', '-v', `${kept}:/data`, FIXTURE, 'true');

    const preview = await value<VolumePrunePreview>('volumes:prunePreview');
    const api = cli('version', '--format', '{{.Server.APIVersion}}');
    expect(preview.apiVersion).toBe(api);
    const names = preview.volumes.map((v) => v.name);
    expect(names).not.toContain(kept);
    if (preview.rule === 'all-unused') {
      expect(names).toContain(unused);
      expect(preview.volumes.find((v) => v.name === unused)?.size).toBe(1234);
    }
    const pruned = await value<VolumePruneResult>('volumes:prune');
    expect(pruned.removed).toEqual([...names].sort());
    expect(cli('volume', 'ls', '-q', '--filter', `name=^${kept}$`)).toBe(kept);
  });
});

describe('files, through a helper container', () => {
  it('browses a folder a container wrote, reads a small text file, and leaves no helper behind', async () => {
    const name = unique('vb');
    cli('volume', 'create', '--label', 'berth.test=1', name);
    write(
      name,
      'mkdir -p /data/sub/deep && echo "hello volume" > /data/notes.txt && ln -s notes.txt /data/link && chmod 600 /data/notes.txt && head -c 300000 /dev/zero > /data/big && printf "a\\0b" > /data/bin && echo x > /data/sub/deep/f',
    );

    const root = await value<VolumeFolder>('volumes:browse', { name, path: '' });
    expect(root.truncated).toBe(false);
    expect(root.entries.map((e) => e.name)).toEqual(['sub', 'big', 'bin', 'link', 'notes.txt']);
    expect(root.entries.find((e) => e.name === 'notes.txt')).toMatchObject({ type: 'file', size: 13, mode: '0600' });
    expect(root.entries.find((e) => e.name === 'link')).toMatchObject({ type: 'symlink', linkTarget: 'notes.txt' });
    expect(root.entries.find((e) => e.name === 'sub')?.type).toBe('dir');
    const sub = await value<VolumeFolder>('volumes:browse', { name, path: 'sub' });
    expect(sub.entries.map((e) => `${e.name}:${e.type}`)).toEqual(['deep:dir']);

    const file = await value<VolumeFile>('volumes:readFile', { name, path: '/notes.txt' });
    expect(file.text).toBe('hello volume\n');
    const big = await call('volumes:readFile', { name, path: 'big' });
    expect(big.ok ? '' : big.error.message).toMatch(/300000 bytes; Berth shows files up to 256 KiB/);
    const binary = await call('volumes:readFile', { name, path: 'bin' });
    expect(binary.ok ? '' : binary.error.message).toMatch(/binary/);
    const notFolder = await call('volumes:browse', { name, path: 'notes.txt' });
    expect(notFolder.ok ? '' : notFolder.error.message).toBe(`notes.txt in volume ${name} is not a folder.`);
    const missing = await call('volumes:browse', { name, path: 'nope' });
    expect(missing.ok ? '' : missing.error.code).toBe('NOT_FOUND');
    const up = await call('volumes:browse', { name, path: '../etc' });
    expect(up.ok ? '' : up.error.code).toBe('INVALID_INPUT');
    const unknown = await call('volumes:browse', { name: unique('novol'), path: '' });
    expect(unknown.ok ? '' : unknown.error.code).toBe('NOT_FOUND');

    expect(helpersLeft()).toBe('');
    expect(backend.services.transcript.list().at(-1)?.command).toMatch(/^docker run --rm -v .*:\/vol:ro /);
  });

  it('exports a volume and imports it into a new one, byte for byte', async () => {
    const from = unique('vx');
    const to = unique('vi');
    cli('volume', 'create', '--label', 'berth.test=1', from);
    cli('volume', 'create', '--label', 'berth.test=1', to);
    write(
      from,
      'mkdir -p /data/d && head -c 70000 /dev/urandom > /data/d/random && echo text > /data/t && ln -s d/random /data/l',
    );

    const files = new VolumeFiles(backend.engine);
    const exported = await files.exportVolume(from);
    const chunks: Buffer[] = [];
    for await (const chunk of exported.tar) chunks.push(chunk as Buffer);
    expect(helpersLeft()).toBe('');
    await files.importVolume(to, Readable.from([Buffer.concat(chunks)]));
    expect(helpersLeft()).toBe('');

    const sums = (volume: string) =>
      cli(
        'run',
        '--rm',
        '-v',
        `${volume}:/data:ro`,
        FIXTURE,
        'sh',
        '-c',
        'cd /data && find . | sort && md5sum d/random t && readlink l',
      );
    expect(sums(to)).toBe(sums(from));
    expect(sums(to)).toContain('./d/random');

    const gone = await files.exportVolume(unique('none')).catch((e: unknown) => e);
    expect(gone).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
