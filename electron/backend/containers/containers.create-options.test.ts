import { describe, expect, it } from 'vitest';
import { plainRunSpec } from '../../../shared/cli/containers.cli';
import { toCreateOptions } from './containers.service';

describe('toCreateOptions: network and limits', () => {
  it('leaves the network and limits to the engine when the spec does not set them', () => {
    const options = toCreateOptions(plainRunSpec('busybox'));
    expect(options.HostConfig).not.toHaveProperty('NetworkMode');
    expect(options.HostConfig).not.toHaveProperty('NanoCpus');
    expect(options.HostConfig).not.toHaveProperty('Memory');
    expect(options).not.toHaveProperty('NetworkingConfig');
  });

  it('joins the network with its aliases and sets NanoCpus and Memory as --cpus and --memory do', () => {
    const options = toCreateOptions({
      ...plainRunSpec('busybox'),
      network: 'appnet',
      networkAliases: ['web'],
      cpus: 1.5,
      memory: 64 * 1024 * 1024,
    });
    expect(options.HostConfig).toMatchObject({ NetworkMode: 'appnet', NanoCpus: 1_500_000_000, Memory: 67_108_864 });
    expect(options.NetworkingConfig).toEqual({ EndpointsConfig: { appnet: { Aliases: ['web'] } } });
  });
});
