import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { volumeCreateSpec, volumePath } from '../../../shared/contracts/volumes.contract';
import {
  apiAtLeast,
  asText,
  normalizePath,
  toFolderEntry,
  toVolumeSummary,
  toVolumeUsage,
  usersByVolume,
  volumePrunePreview,
  type RawVolume,
} from './volumes.mapper';

const container = (over: Partial<Dockerode.ContainerInfo>): Dockerode.ContainerInfo =>
  ({ Id: 'c1', Names: ['/web'], State: 'running', Mounts: [], ...over }) as Dockerode.ContainerInfo;
const mount = (name: string, rw = true) =>
  ({
    Type: 'volume',
    Name: name,
    Source: '',
    Destination: '/data',
    Driver: 'local',
    Mode: '',
    RW: rw,
    Propagation: '',
  }) as Dockerode.ContainerInfo['Mounts'][number];

describe('usersByVolume', () => {
  it('groups volume mounts of running and stopped containers, ignoring binds', () => {
    const users = usersByVolume([
      container({ Mounts: [mount('db'), { ...mount('x'), Type: 'bind' }] }),
      container({ Id: 'c2', Names: ['/old'], State: 'exited', Mounts: [mount('db', false)] }),
    ]);
    expect(users.get('db')).toEqual([
      { id: 'c1', name: 'web', state: 'running', destination: '/data', rw: true },
      { id: 'c2', name: 'old', state: 'exited', destination: '/data', rw: false },
    ]);
    expect(users.has('x')).toBe(false);
  });
});

describe('toVolumeSummary and toVolumeUsage', () => {
  it('fills empty labels and options, parses the date and spots anonymous volumes', () => {
    const raw: RawVolume = {
      Name: 'a'.repeat(64),
      Driver: 'local',
      Labels: null,
      Options: null,
      CreatedAt: '2024-01-02T03:04:05Z',
    };
    expect(toVolumeSummary(raw, [])).toMatchObject({
      labels: {},
      options: {},
      created: Date.UTC(2024, 0, 2, 3, 4, 5),
      anonymous: true,
    });
    expect(toVolumeSummary({ Name: 'db', Labels: { 'com.docker.volume.anonymous': '' } }, []).anonymous).toBe(true);
    expect(toVolumeSummary({ Name: 'db' }, []).created).toBeNull();
  });
  it('turns -1 sizes into null (unknown)', () => {
    expect(toVolumeUsage({ Name: 'n', UsageData: { Size: -1, RefCount: -1 } })).toEqual({
      name: 'n',
      size: null,
      refCount: null,
    });
    expect(toVolumeUsage({ Name: 'n', UsageData: { Size: 10, RefCount: 0 } })).toEqual({
      name: 'n',
      size: 10,
      refCount: 0,
    });
  });
});

describe('volumePrunePreview', () => {
  const volumes: RawVolume[] = [
    { Name: 'named', UsageData: { Size: 5, RefCount: 0 } },
    { Name: 'anon', Labels: { 'com.docker.volume.anonymous': '' }, UsageData: { Size: 7, RefCount: 0 } },
    { Name: 'used', UsageData: { Size: 9, RefCount: 1 } },
    { Name: 'mounted', UsageData: { Size: -1, RefCount: 0 } },
  ];
  it('prunes named and anonymous unused volumes before API 1.42', () => {
    const preview = volumePrunePreview(volumes, new Set(['mounted']), '1.41', false);
    expect(preview.rule).toBe('all-unused');
    expect(preview.volumes.map((v) => v.name)).toEqual(['anon', 'named']);
    expect(preview.total).toBe(12);
  });
  it('prunes only anonymous ones from 1.42 unless all', () => {
    expect(volumePrunePreview(volumes, new Set(), '1.43', false).volumes.map((v) => v.name)).toEqual(['anon']);
    expect(volumePrunePreview(volumes, new Set(), '1.43', true).volumes.map((v) => v.name)).toEqual([
      'anon',
      'mounted',
      'named',
    ]);
  });
  it('compares API versions part by part', () => {
    expect(apiAtLeast('1.41', '1.42')).toBe(false);
    expect(apiAtLeast('1.100', '1.42')).toBe(true);
    expect(apiAtLeast('2.0', '1.42')).toBe(true);
  });
});

describe('toFolderEntry', () => {
  const mtime = new Date(1_700_000_000_000);
  it('keeps direct entries of the archived folder only', () => {
    expect(toFolderEntry({ name: './', type: 'directory' })).toBeNull();
    expect(toFolderEntry({ name: './d/e', type: 'file' })).toBeNull();
    expect(toFolderEntry({ name: './d/', type: 'directory', mode: 0o755, mtime })).toEqual({
      name: 'd',
      type: 'dir',
      size: 0,
      mode: '0755',
      mtime: 1_700_000_000_000,
      linkTarget: null,
    });
  });
  it('reads files, links and others', () => {
    expect(toFolderEntry({ name: './f', type: 'file', size: 12, mode: 0o4644 })).toMatchObject({
      type: 'file',
      size: 12,
      mode: '04644',
    });
    expect(toFolderEntry({ name: './l', type: 'symlink', linkname: 'f' })).toMatchObject({
      type: 'symlink',
      linkTarget: 'f',
    });
    expect(toFolderEntry({ name: './p', type: 'fifo' })?.type).toBe('other');
  });
});

describe('paths and text', () => {
  it('normalizes paths to the volume root', () => {
    expect(normalizePath('/')).toBe('');
    expect(normalizePath('/a//b/./c/')).toBe('a/b/c');
  });
  it('refuses NUL and invalid UTF-8 as binary', () => {
    expect(asText(new TextEncoder().encode('héllo'))).toBe('héllo');
    expect(asText(new Uint8Array([104, 0, 105]))).toBeNull();
    expect(asText(new Uint8Array([0xff, 0xfe]))).toBeNull();
  });
});

describe('schemas', () => {
  it('refuses bad volume names in words', () => {
    const bad = volumeCreateSpec.safeParse({ name: 'a', driverOpts: {}, labels: {} });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/at least two characters/);
    expect(volumeCreateSpec.safeParse({ name: 'my vol', driverOpts: {}, labels: {} }).success).toBe(false);
    expect(volumeCreateSpec.safeParse({ name: 'db_data.1', driverOpts: {}, labels: {} }).success).toBe(true);
    expect(volumeCreateSpec.safeParse({ driverOpts: {}, labels: {}, extra: 1 }).success).toBe(false);
  });
  it('refuses paths that go up or hold NUL', () => {
    expect(volumePath.safeParse('a/../b').error?.issues[0]?.message).toMatch(/cannot go up/);
    expect(volumePath.safeParse('a\0b').success).toBe(false);
    expect(volumePath.safeParse('a/..b').success).toBe(true);
  });
});
