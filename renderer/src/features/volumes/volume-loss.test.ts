import { describe, expect, it } from 'vitest';
import type { VolumeSummary } from '../../../../shared/dto/volumes';
import { volumeLoss } from './volume-loss';

const volume = (name: string, users: VolumeSummary['users'] = []): VolumeSummary => ({
  name,
  driver: 'local',
  mountpoint: '',
  scope: 'local',
  labels: {},
  options: {},
  created: null,
  anonymous: false,
  users,
});

describe('volumeLoss', () => {
  it('says each volume loses its files, with the size once measured', () => {
    const lines = volumeLoss(['a', 'b'], [volume('a'), volume('b')], { a: 2_500_000, b: null });
    expect(lines.map((l) => l.loss)).toEqual([
      'every file in it is deleted for good (2.5 MB)',
      'every file in it is deleted for good',
    ]);
  });

  it('a volume a container holds will be refused, naming the container', () => {
    const users = [{ id: 'x', name: 'db', state: 'exited' as const, destination: '/data', rw: true }];
    const [line] = volumeLoss(['a'], [volume('a', users)], null);
    expect(line?.refused).toBe(
      'used by container db (exited); remove it first (a stopped container still holds its volumes).',
    );
  });
});
