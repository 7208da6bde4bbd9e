import { describe, expect, it } from 'vitest';
import { createVolumeAction } from '../../../../shared/cli/volumes.cli';
import { emptyVolumeForm, readVolumeForm } from './volume-form';

describe('the create-volume form', () => {
  it('makes `docker volume create NAME` from a name alone', () => {
    const { spec, errors } = readVolumeForm({ ...emptyVolumeForm(), name: 'pgdata' });
    expect(errors).toEqual({});
    expect(createVolumeAction(spec).command).toBe('docker volume create pgdata');
  });

  it('puts the driver, options and labels in their flags', () => {
    const { spec } = readVolumeForm({
      name: 'tmpfs-vol',
      driver: 'local',
      options: 'type=tmpfs\ndevice=tmpfs\n\no=size=64m',
      labels: 'team=web',
    });
    expect(spec.driverOpts).toEqual({ type: 'tmpfs', device: 'tmpfs', o: 'size=64m' });
    expect(createVolumeAction(spec).command).toBe(
      'docker volume create --opt type=tmpfs --opt device=tmpfs --opt o=size=64m --label team=web tmpfs-vol',
    );
  });

  it('says in words which field is wrong', () => {
    const { errors } = readVolumeForm({ name: '-x', driver: 'a b', options: 'novalue', labels: '=v' });
    expect(errors.name).toMatch(/at least two characters/);
    expect(errors.driver).toMatch(/not a driver/);
    expect(errors.options).toBe('Line 1: write each option as key=value.');
    expect(errors.labels).toBe('Line 1: write each label as key=value.');
  });
});
