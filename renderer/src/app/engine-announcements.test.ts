import { describe, expect, it } from 'vitest';
import type { EngineStatus, EngineSummary } from '../../../shared/dto/engine';
import { eventAnnouncement, statusAnnouncement } from './engine-announcements';

const endpoint = { kind: 'unix', address: 'unix:///var/run/docker.sock', source: 'default' } as const;
const connected = {
  state: 'connected',
  endpoint,
  since: 1,
  engine: { version: '20.10.24', flavor: 'docker' } as EngineSummary,
} satisfies EngineStatus;
const connecting = { state: 'connecting', endpoint, attempt: 2 } satisfies EngineStatus;
const unreachable = {
  state: 'unreachable',
  endpoint,
  reason: 'refused',
  message: 'Nothing answers at unix:///var/run/docker.sock.',
  tried: [],
  attempt: 1,
  nextRetryAt: null,
} satisfies EngineStatus;

describe('statusAnnouncement', () => {
  it('says when the engine connects and when it goes away, once each', () => {
    expect(statusAnnouncement(null, connected)).toBe('Connected to Docker Engine 20.10.24.');
    expect(statusAnnouncement(connected, connected)).toBeNull();
    expect(statusAnnouncement(connected, connecting)).toBeNull();
    expect(statusAnnouncement(connecting, unreachable)).toBe(
      'The Docker Engine is unreachable: Nothing answers at unix:///var/run/docker.sock.',
    );
    expect(statusAnnouncement(unreachable, { ...unreachable, attempt: 2 })).toBeNull();
  });
});

describe('eventAnnouncement', () => {
  it('names a container that exits or runs out of memory, and nothing else', () => {
    const event = { scope: 'container', action: 'die', id: 'abcdef0123456789', name: 'web', time: 0 } as const;
    expect(eventAnnouncement(event)).toBe('Container web exited.');
    expect(eventAnnouncement({ ...event, action: 'oom' })).toBe('Container web ran out of memory.');
    expect(eventAnnouncement({ ...event, name: undefined })).toBe('Container abcdef012345 exited.');
    expect(eventAnnouncement({ ...event, action: 'start' })).toBeNull();
    expect(eventAnnouncement({ ...event, scope: 'image' })).toBeNull();
  });
});
