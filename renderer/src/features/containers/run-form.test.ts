import { describe, expect, it } from 'vitest';
import { runAction } from '../../../../shared/cli/containers.cli';
import { emptyRunForm, parseMemory, readRunForm } from './run-form';

const context = { takenNames: new Set(['web']), localImages: new Set(['busybox:latest', 'nginx:1.27']) };

describe('readRunForm', () => {
  it('turns the fields into a spec and the live docker run line', () => {
    const { spec, errors } = readRunForm(
      {
        ...emptyRunForm('busybox'),
        name: 'api',
        command: `sh -c 'sleep 60'`,
        env: 'A=1\n\nB=two words',
        ports: '8080:80\n127.0.0.1:53:53/udp',
        mounts: '/srv:/data:ro',
        restart: 'on-failure',
        maxRetries: '3',
        labels: 'tier=back',
      },
      context,
    );
    expect(errors).toEqual({});
    expect(runAction(spec).command).toBe(
      "docker run -d --name api --restart on-failure:3 -e A=1 -e 'B=two words' -p 8080:80 -p 127.0.0.1:53:53/udp -v /srv:/data:ro --label tier=back busybox sh -c 'sleep 60'",
    );
  });

  it('flags each wrong field on its own: taken name, bad port, missing image', () => {
    const { errors } = readRunForm(
      { ...emptyRunForm('postgres:16'), name: 'web', ports: '8080:80\n99999:80', workingDir: 'app' },
      context,
    );
    expect(errors).toEqual({
      image: 'There is no image postgres:16 on this engine. Pull or build it first.',
      name: 'The name web is already taken by another container.',
      ports: 'Line 2: The host port 99999 is outside 1–65535.',
      workingDir: 'The working directory must start with /.',
    });
  });

  it('takes the short name of an image Podman lists as localhost/ or docker.io/library/', () => {
    const podman = {
      takenNames: new Set<string>(),
      localImages: new Set(['localhost/app/web:1', 'docker.io/library/busybox:latest']),
    };
    expect(readRunForm(emptyRunForm('app/web:1'), podman).errors).toEqual({});
    expect(readRunForm(emptyRunForm('busybox'), podman).errors).toEqual({});
    expect(readRunForm(emptyRunForm('app/web:2'), podman).errors.image).toBe(
      'There is no image app/web:2 on this engine. Pull or build it first.',
    );
  });

  it('asks for an image first', () => {
    expect(readRunForm(emptyRunForm(), context).errors.image).toBe('Choose the image to run.');
  });

  it('adds the network with its aliases, and CPU and memory limits', () => {
    const { spec, errors } = readRunForm(
      { ...emptyRunForm('busybox'), network: 'appnet', networkAliases: 'api, backend', cpus: '1.5', memory: '512m' },
      context,
    );
    expect(errors).toEqual({});
    expect(runAction(spec).command).toBe(
      'docker run -d --network appnet --network-alias api --network-alias backend --cpus 1.5 --memory 512m busybox',
    );
  });

  it('says why a limit or alias cannot be used', () => {
    const { errors, spec } = readRunForm(
      { ...emptyRunForm('busybox'), networkAliases: 'api', cpus: '0', memory: '1k' },
      context,
    );
    expect(errors).toEqual({
      networkAliases: 'Aliases work on a network you created; choose one above.',
      cpus: 'A CPU limit is a number of CPUs above 0, e.g. 0.5 or 2.',
      memory: 'The engine needs at least 6 MB of memory for a container.',
    });
    expect(spec).not.toHaveProperty('networkAliases');
    expect(readRunForm({ ...emptyRunForm('busybox'), memory: 'lots' }, context).errors.memory).toMatch(/512m/);
  });
});

describe('parseMemory', () => {
  it('reads sizes as --memory does, in powers of 1024', () => {
    expect(parseMemory('512m')).toBe(512 * 1024 ** 2);
    expect(parseMemory('1G')).toBe(1024 ** 3);
    expect(parseMemory('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(parseMemory('64mb')).toBe(64 * 1024 ** 2);
    expect(parseMemory('1000')).toBe(1000);
    expect(parseMemory('12 parsecs')).toBeNull();
  });
});
