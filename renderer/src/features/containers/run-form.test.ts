import { describe, expect, it } from 'vitest';
import { runAction } from '../../../../shared/cli/containers.cli';
import { emptyRunForm, readRunForm } from './run-form';

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

  it('asks for an image first', () => {
    expect(readRunForm(emptyRunForm(), context).errors.image).toBe('Choose the image to run.');
  });
});
