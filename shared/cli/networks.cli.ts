/** The docker command and Engine API call for every network action. */
import { dockerCommand, type ActionText } from './command';
import type { NetworkConnectSpec, NetworkCreateSpec } from '../dto/networks';

export function createNetworkAction(spec: NetworkCreateSpec): ActionText {
  const args = ['network', 'create', '--driver', spec.driver];
  if (spec.internal) args.push('--internal');
  if (spec.attachable) args.push('--attachable');
  if (spec.subnet) args.push('--subnet', spec.subnet);
  if (spec.gateway) args.push('--gateway', spec.gateway);
  for (const [key, value] of Object.entries(spec.labels)) args.push('--label', `${key}=${value}`);
  args.push(spec.name);
  return { title: `Create network ${spec.name}`, command: dockerCommand(...args), api: 'POST /networks/create' };
}

export const removeNetworkAction = (name: string): ActionText => ({
  title: `Remove network ${name}`,
  command: dockerCommand('network', 'rm', name),
  api: 'DELETE /networks/{id}',
});

/** One command for a batch: `docker network rm a b c`. */
export const removeNetworksAction = (names: readonly string[]): ActionText => ({
  title: `Remove ${names.length} network${names.length === 1 ? '' : 's'}`,
  command: dockerCommand('network', 'rm', ...names),
  api: 'DELETE /networks/{id}, each',
});

export function connectAction(spec: NetworkConnectSpec): ActionText {
  const args = ['network', 'connect'];
  for (const alias of spec.aliases) args.push('--alias', alias);
  args.push(spec.network, spec.container);
  return {
    title: `Connect ${spec.container} to network ${spec.network}`,
    command: dockerCommand(...args),
    api: 'POST /networks/{id}/connect',
  };
}

export const disconnectAction = (network: string, container: string, force = false): ActionText => ({
  title: `Disconnect ${container} from network ${network}`,
  command: dockerCommand('network', 'disconnect', ...(force ? ['--force'] : []), network, container),
  api: 'POST /networks/{id}/disconnect',
});

export const pruneNetworksAction = (): ActionText => ({
  title: 'Remove unused networks',
  command: dockerCommand('network', 'prune', '--force'),
  api: 'POST /networks/prune',
});
