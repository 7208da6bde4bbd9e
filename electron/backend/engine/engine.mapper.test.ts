import { describe, expect, it } from 'vitest';
import {
  changesCounts,
  engineSeconds,
  toEngineEvent,
  toEngineSummary,
  withCounts,
  type RawInfo,
  type RawVersion,
} from './engine.mapper';

// Trimmed from Docker 20.10's GET /version and GET /info.
const dockerVersion: RawVersion = {
  Platform: { Name: '' },
  Components: [{ Name: 'Engine' }, { Name: 'containerd' }, { Name: 'runc' }, { Name: 'docker-init' }],
  Version: '20.10.24+dfsg1',
  ApiVersion: '1.41',
  MinAPIVersion: '1.12',
  Os: 'linux',
  Arch: 'amd64',
  KernelVersion: '6.1.0-18-amd64',
};

const dockerInfo: RawInfo = {
  Name: 'vm',
  OperatingSystem: 'Debian GNU/Linux 12 (bookworm)',
  KernelVersion: '6.1.0-18-amd64',
  Driver: 'vfs',
  NCPU: 2,
  MemTotal: 25325268992,
  Containers: 4,
  ContainersRunning: 1,
  ContainersPaused: 1,
  ContainersStopped: 2,
  Images: 3,
};

// Podman 5's compat API.
const podmanVersion: RawVersion = {
  Platform: { Name: 'linux/amd64/fedora-40' },
  Components: [{ Name: 'Podman Engine' }, { Name: 'Conmon' }, { Name: 'OCI Runtime (crun)' }],
  Version: '5.2.2',
  ApiVersion: '1.41',
  MinAPIVersion: '1.24',
  Os: 'linux',
  Arch: 'amd64',
};

describe('toEngineSummary', () => {
  it('combines version and info', () => {
    expect(toEngineSummary(dockerVersion, dockerInfo)).toEqual({
      name: 'vm',
      version: '20.10.24+dfsg1',
      apiVersion: '1.41',
      minApiVersion: '1.12',
      os: 'linux',
      operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
      kernelVersion: '6.1.0-18-amd64',
      arch: 'amd64',
      storageDriver: 'vfs',
      cpus: 2,
      memTotal: 25325268992,
      containers: 4,
      containersRunning: 1,
      containersPaused: 1,
      containersStopped: 2,
      images: 3,
      flavor: 'docker',
    });
  });

  it('recognises Podman from its components', () => {
    expect(toEngineSummary(podmanVersion, {}).flavor).toBe('podman');
  });

  it('fills absent fields with empty values instead of undefined', () => {
    const s = toEngineSummary({}, {});
    expect([s.version, s.cpus, s.images, s.flavor]).toEqual(['', 0, 0, 'docker']);
  });

  it('withCounts replaces only the counts', () => {
    const s = toEngineSummary(dockerVersion, dockerInfo);
    const next = withCounts(s, { ...dockerInfo, Name: 'other', Containers: 5, ContainersRunning: 2, Images: 4 });
    expect(next).toEqual({ ...s, containers: 5, containersRunning: 2, images: 4 });
  });
});

describe('toEngineEvent', () => {
  it('maps a container event from API 1.41', () => {
    const raw = {
      status: 'create',
      id: 'f2c1d4',
      from: 'fx:1',
      Type: 'container',
      Action: 'create',
      Actor: { ID: 'f2c1d4', Attributes: { image: 'fx:1', name: 'sleepy', 'berth.test': '1' } },
      scope: 'local',
      time: 1736935200,
      timeNano: 1736935200123456800,
    };
    expect(toEngineEvent(raw)).toEqual({
      scope: 'container',
      action: 'create',
      id: 'f2c1d4',
      name: 'sleepy',
      time: Math.floor(1736935200123456800 / 1e6),
    });
  });

  it('cuts the command line off exec and health actions', () => {
    const raw = { Type: 'container', Action: 'exec_start: sh -c echo secret', Actor: { ID: 'c1' }, time: 1 };
    expect(toEngineEvent(raw)).toEqual({ scope: 'container', action: 'exec_start', id: 'c1', time: 1000 });
  });

  it('maps image, network, volume and daemon events, and unknown types to other', () => {
    const scopes = ['image', 'network', 'volume', 'daemon', 'plugin'].map(
      (Type) => toEngineEvent({ Type, Action: 'x', Actor: { ID: 'i' }, time: 1 })?.scope,
    );
    expect(scopes).toEqual(['image', 'network', 'volume', 'daemon', 'other']);
  });

  it('reads the pre-1.22 shape as a container event', () => {
    expect(toEngineEvent({ status: 'die', id: 'abc', time: 2 })).toEqual({
      scope: 'container',
      action: 'die',
      id: 'abc',
      time: 2000,
    });
  });

  it('returns null for JSON that is not an event', () => {
    expect(toEngineEvent({})).toBeNull();
    expect(toEngineEvent(null as never)).toBeNull();
  });

  it('changesCounts is true for container and image events only', () => {
    const base = { action: 'x', id: 'i', time: 0 };
    expect(
      (['container', 'image', 'volume', 'network', 'daemon', 'other'] as const).map((scope) =>
        changesCounts({ ...base, scope }),
      ),
    ).toEqual([true, true, false, false, false, false]);
  });
});

describe('engineSeconds', () => {
  it("reads the engine's SystemTime, and falls back to ours", () => {
    expect(engineSeconds({ SystemTime: '2026-01-15T10:00:00.987654321Z' }, 0)).toBe(Date.UTC(2026, 0, 15, 10) / 1000);
    expect(engineSeconds({ SystemTime: 'garbage' }, 5_999)).toBe(5);
    expect(engineSeconds({}, 12_000)).toBe(12);
  });
});
