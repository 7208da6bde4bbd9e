import { describe, expect, it } from 'vitest';
import type { EndpointInfo, UnreachableReason } from '../../../shared/dto/engine';
import { explainUnreachable, secondsUntil, type UnreachableStatus } from './explain-unreachable';

const socket: EndpointInfo = { kind: 'unix', address: 'unix:///var/run/docker.sock', source: 'default' };

const status = (reason: UnreachableReason, endpoint: EndpointInfo = socket): UnreachableStatus => ({
  state: 'unreachable',
  endpoint,
  reason,
  message: 'connect ENOENT /var/run/docker.sock',
  tried: [{ endpoint, reason, message: 'connect ENOENT' }],
  attempt: 1,
  nextRetryAt: null,
});

const commands = (reason: UnreachableReason, endpoint?: EndpointInfo) =>
  explainUnreachable(status(reason, endpoint)).steps.flatMap((s) => (s.command === undefined ? [] : [s.command]));

describe('explainUnreachable', () => {
  it('asks whether Docker is running when the socket is missing, and says how to start it', () => {
    const e = explainUnreachable(status('socket-missing'));
    expect(e.headline).toBe('Is Docker running?');
    expect(e.summary).toContain('unix:///var/run/docker.sock');
    expect(commands('socket-missing')).toEqual(
      expect.arrayContaining(['sudo systemctl start docker', 'podman machine start']),
    );
    expect(e.steps.some((s) => s.text.includes('Docker Desktop'))).toBe(true);
  });

  it('leads with the engine the address belongs to', () => {
    const podman: EndpointInfo = {
      kind: 'unix',
      address: 'unix:///run/user/1000/podman/podman.sock',
      source: 'podman',
    };
    expect(commands('socket-missing', podman)[0]).toBe('podman machine start');
    const desktop: EndpointInfo = {
      kind: 'unix',
      address: 'unix:///home/a/.docker/run/docker.sock',
      source: 'docker-desktop',
    };
    expect(explainUnreachable(status('socket-missing', desktop)).steps[0]?.text).toContain('Docker Desktop');
  });

  it('points to the docker group on permission denied and warns that the socket is root-equivalent', () => {
    const e = explainUnreachable(status('permission-denied'));
    expect(e.summary).toContain('docker group');
    expect(commands('permission-denied')).toEqual(['sudo usermod -aG docker $USER']);
    expect(e.steps.some((s) => /log out/i.test(s.text))).toBe(true);
    expect(e.caution).toMatch(/root/);
  });

  it('tells a refused connection and a timeout apart', () => {
    expect(explainUnreachable(status('refused')).headline).toMatch(/refused/);
    expect(explainUnreachable(status('timeout')).headline).toMatch(/in time/);
  });

  it('sends a bad or foreign endpoint to DOCKER_HOST', () => {
    expect(explainUnreachable(status('bad-endpoint')).summary).toContain('DOCKER_HOST');
    expect(commands('bad-endpoint')).toContain('unset DOCKER_HOST');
    expect(explainUnreachable(status('not-an-engine')).summary).toContain('DOCKER_HOST');
  });

  it("quotes the engine's own message when the reason is unknown", () => {
    expect(explainUnreachable(status('unknown')).summary).toContain('connect ENOENT /var/run/docker.sock');
  });

  it('gives every reason a headline, a sentence and at least one step', () => {
    const reasons: UnreachableReason[] = [
      'socket-missing',
      'permission-denied',
      'refused',
      'timeout',
      'bad-endpoint',
      'not-an-engine',
      'unknown',
    ];
    for (const reason of reasons) {
      const e = explainUnreachable(status(reason));
      expect(e.headline).toMatch(/^[A-Z]/);
      expect(e.summary).toMatch(/^[A-Z].*\S$/);
      expect(e.steps.length).toBeGreaterThan(0);
    }
  });
});

describe('secondsUntil', () => {
  it('rounds up to whole seconds and never goes below zero', () => {
    expect(secondsUntil(10_500, 10_000)).toBe(1);
    expect(secondsUntil(14_000, 10_000)).toBe(4);
    expect(secondsUntil(9_000, 10_000)).toBe(0);
  });

  it('says nothing when no try is planned', () => {
    expect(secondsUntil(null, 10_000)).toBeNull();
  });
});
