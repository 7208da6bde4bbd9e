import { describe, expect, it } from 'vitest';
import type { NetworkSummary } from '../../../../shared/dto/networks';
import type { VolumeSummary } from '../../../../shared/dto/volumes';
import { networksListNotes, volumesListNotes } from './resources-notes';

const volume = (name: string, over: Partial<VolumeSummary> = {}): VolumeSummary => ({
  name,
  driver: 'local',
  mountpoint: `/var/lib/docker/volumes/${name}/_data`,
  scope: 'local',
  labels: {},
  options: {},
  created: 0,
  anonymous: false,
  users: [],
  ...over,
});

const network = (name: string, over: Partial<NetworkSummary> = {}): NetworkSummary => ({
  id: name,
  name,
  driver: 'bridge',
  scope: 'local',
  internal: false,
  attachable: false,
  ipv6: false,
  subnets: [],
  labels: {},
  created: 0,
  predefined: false,
  containers: [],
  ...over,
});

describe('explain notes for volumes and networks', () => {
  it('counts unused and anonymous volumes', () => {
    const user = { id: 'c1', name: 'db', state: 'running', destination: '/data', rw: true } as const;
    const notes = volumesListNotes([volume('pgdata', { users: [user] }), volume('a'.repeat(64), { anonymous: true })]);
    expect(notes[0]).toMatch(/^2 volumes, 1 not mounted by any container\./);
    expect(notes[1]).toMatch(/^1 volume has no name/);
    expect(volumesListNotes([])[0]).toMatch(/No volumes yet/);
  });

  it('tells the engine’s networks from the user’s own', () => {
    const predefined = ['bridge', 'host', 'none'].map((n) => network(n, { predefined: true }));
    expect(networksListNotes(predefined)[1]).toMatch(/not made a network yet/);
    expect(networksListNotes([...predefined, network('shop', { internal: true })])[1]).toBe(
      '1 network of your own: containers on the same one find each other by name; internal ones cannot reach outside.',
    );
  });
});
