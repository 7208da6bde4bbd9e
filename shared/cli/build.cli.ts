/** The docker command and Engine API call equivalent to a build, shown before it starts and kept in the transcript. */
import type { BuildOptions } from '../dto/build';
import { dockerCommand } from './command';

export const DEFAULT_DOCKERFILE = 'Dockerfile';

/** `docker build -f Dockerfile -t app:1 --build-arg A=b --target t --no-cache --pull /path/to/context` */
export function buildCommand(options: BuildOptions): string {
  const args: string[] = ['build'];
  const file = options.dockerfile ?? DEFAULT_DOCKERFILE;
  if (file !== DEFAULT_DOCKERFILE) args.push('-f', joinPath(options.contextPath, file));
  for (const tag of options.tags ?? []) args.push('-t', tag);
  for (const [name, value] of Object.entries(options.buildArgs ?? {})) args.push('--build-arg', `${name}=${value}`);
  if (options.target) args.push('--target', options.target);
  if (options.noCache) args.push('--no-cache');
  if (options.pull) args.push('--pull');
  if (options.network && options.network !== 'default') args.push('--network', options.network);
  if (options.platform) args.push('--platform', options.platform);
  for (const [key, value] of Object.entries(options.labels ?? {})) args.push('--label', `${key}=${value}`);
  // Where each secret comes from, never its value.
  for (const s of options.secrets ?? [])
    args.push('--secret', `id=${s.id},${s.source === 'env' ? 'env' : 'src'}=${s.from}`);
  args.push(options.contextPath);
  const command = dockerCommand(...args);
  return options.builder === 'classic' ? `DOCKER_BUILDKIT=0 ${command}` : command;
}

/** `POST /build?dockerfile=Dockerfile&t=app:1&...`: the query the engine receives, in a readable form. */
export function buildApiCall(options: BuildOptions): string {
  const query: string[] = [`dockerfile=${options.dockerfile ?? DEFAULT_DOCKERFILE}`];
  for (const tag of options.tags ?? []) query.push(`t=${tag}`);
  const args = options.buildArgs ?? {};
  if (Object.keys(args).length > 0) query.push(`buildargs=${JSON.stringify(args)}`);
  if (options.target) query.push(`target=${options.target}`);
  if (options.noCache) query.push('nocache=1');
  if (options.pull) query.push('pull=1');
  if (options.network && options.network !== 'default') query.push(`networkmode=${options.network}`);
  if (options.platform) query.push(`platform=${options.platform}`);
  if (Object.keys(options.labels ?? {}).length > 0) query.push(`labels=${JSON.stringify(options.labels)}`);
  query.push('rm=1', 'forcerm=1');
  // BuildKit reads the context and the secrets through a session instead of a tar in the request body.
  if (options.builder !== 'classic') query.push('version=2', 'session=…', 'remote=client-session');
  return `POST /build?${query.join('&')}`;
}

function joinPath(base: string, file: string): string {
  const sep = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  return base.endsWith(sep) ? `${base}${file}` : `${base}${sep}${file}`;
}
