/** The docker command and Engine API call for every volume action, shown before it and kept in the transcript. */
import { dockerCommand, type ActionText } from './command';
import type { VolumeCreateSpec } from '../dto/volumes';

export function createVolumeAction(spec: VolumeCreateSpec): ActionText {
  const args = ['volume', 'create'];
  if (spec.driver) args.push('--driver', spec.driver);
  for (const [key, value] of Object.entries(spec.driverOpts)) args.push('--opt', `${key}=${value}`);
  for (const [key, value] of Object.entries(spec.labels)) args.push('--label', `${key}=${value}`);
  if (spec.name) args.push(spec.name);
  return {
    title: spec.name ? `Create volume ${spec.name}` : 'Create an anonymous volume',
    command: dockerCommand(...args),
    api: 'POST /volumes/create',
  };
}

export const removeVolumeAction = (name: string, force = false): ActionText => ({
  title: `Remove volume ${name}`,
  command: dockerCommand('volume', 'rm', ...(force ? ['--force'] : []), name),
  api: `DELETE /volumes/${name}${force ? '?force=true' : ''}`,
});

/** One command for a batch: `docker volume rm a b c`. */
export const removeVolumesAction = (names: readonly string[]): ActionText => ({
  title: `Remove ${names.length} volume${names.length === 1 ? '' : 's'}`,
  command: dockerCommand('volume', 'rm', ...names),
  api: 'DELETE /volumes/{name}, each',
});

/** `all` only exists from API 1.42; older engines prune named volumes anyway. */
export const pruneVolumesAction = (all: boolean): ActionText => ({
  title: all ? 'Remove every unused volume' : 'Remove unused volumes',
  command: dockerCommand('volume', 'prune', '--force', ...(all ? ['--all'] : [])),
  api: `POST /volumes/prune${all ? '?filters={"all":["true"]}' : ''}`,
});

/** Browsing goes through a container that mounts the volume read-only and never runs: what `docker cp` does. */
export const browseVolumeAction = (name: string, path: string, image: string): ActionText => ({
  title: `Read ${path === '' ? 'the root' : path} of volume ${name}`,
  command: `${dockerCommand('run', '--rm', '-v', `${name}:/vol:ro`, image, 'ls', '-la', `/vol/${path}`)}`,
  api: 'POST /containers/create (never started), GET /containers/{id}/archive?path=/vol/..., DELETE /containers/{id}',
});

export const readVolumeFileAction = (name: string, path: string, image: string): ActionText => ({
  title: `Read ${path} from volume ${name}`,
  command: dockerCommand('run', '--rm', '-v', `${name}:/vol:ro`, image, 'cat', `/vol/${path}`),
  api: 'POST /containers/create (never started), GET /containers/{id}/archive?path=/vol/..., DELETE /containers/{id}',
});

export const exportVolumeAction = (name: string, image: string, file: string): ActionText => ({
  title: `Export volume ${name} to ${file}`,
  command: `${dockerCommand('run', '--rm', '-v', `${name}:/vol:ro`, image, 'tar', '-cC', '/vol', '.')} > ${file}`,
  api: 'POST /containers/create (never started), GET /containers/{id}/archive?path=/vol/., DELETE /containers/{id}',
});

export const importVolumeAction = (name: string, image: string, file: string): ActionText => ({
  title: `Import ${file} into volume ${name}`,
  command: `${dockerCommand('run', '--rm', '-i', '-v', `${name}:/vol`, image, 'tar', '-xC', '/vol')} < ${file}`,
  api: 'POST /containers/create (never started), PUT /containers/{id}/archive?path=/vol, DELETE /containers/{id}',
});
