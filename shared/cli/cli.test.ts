import { describe, expect, it } from 'vitest';
import { pruneCategoryAction } from './disk.cli';
import { connectAction, createNetworkAction, disconnectAction } from './networks.cli';
import {
  browseVolumeAction,
  createVolumeAction,
  exportVolumeAction,
  pruneVolumesAction,
  removeVolumeAction,
} from './volumes.cli';

describe('volume commands', () => {
  it('creates with driver, options and labels in the order docker volume create takes them', () => {
    expect(
      createVolumeAction({ name: 'db', driver: 'local', driverOpts: { type: 'tmpfs' }, labels: { 'my app': 'x y' } })
        .command,
    ).toBe("docker volume create --driver local --opt type=tmpfs --label 'my app=x y' db");
    expect(createVolumeAction({ driverOpts: {}, labels: {} }).title).toBe('Create an anonymous volume');
  });
  it('removes, prunes and reads with the honest CLI twins', () => {
    expect(removeVolumeAction('db', true).command).toBe('docker volume rm --force db');
    expect(pruneVolumesAction(true).command).toBe('docker volume prune --force --all');
    expect(browseVolumeAction('db', 'a b', 'busybox:latest').command).toBe(
      "docker run --rm -v db:/vol:ro busybox:latest ls -la '/vol/a b'",
    );
    expect(exportVolumeAction('db', 'busybox:latest', 'db.tar').command).toBe(
      'docker run --rm -v db:/vol:ro busybox:latest tar -cC /vol . > db.tar',
    );
  });
});

describe('network commands', () => {
  it('creates, connects with aliases and disconnects', () => {
    expect(
      createNetworkAction({
        name: 'app',
        driver: 'bridge',
        internal: true,
        attachable: false,
        subnet: '10.1.0.0/24',
        gateway: '10.1.0.1',
        labels: {},
      }).command,
    ).toBe('docker network create --driver bridge --internal --subnet 10.1.0.0/24 --gateway 10.1.0.1 app');
    expect(connectAction({ network: 'app', container: 'web', aliases: ['db', 'cache'] }).command).toBe(
      'docker network connect --alias db --alias cache app web',
    );
    expect(disconnectAction('app', 'web', true).command).toBe('docker network disconnect --force app web');
  });
});

describe('disk commands', () => {
  it('names each category prune as the CLI does', () => {
    expect(pruneCategoryAction('images', false).command).toBe('docker image prune --force');
    expect(pruneCategoryAction('images', true).command).toBe('docker image prune --all --force');
    expect(pruneCategoryAction('containers', false).command).toBe('docker container prune --force');
    expect(pruneCategoryAction('buildCache', true).command).toBe('docker builder prune --force --all');
  });
});
