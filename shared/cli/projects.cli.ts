/** The `docker compose` command and Engine API calls for every project action. */
import { formatCommand, type ActionText } from './command';
import type { ComposeCliKind, ComposeVerb, ProjectAction } from '../dto/projects';

const VERBS: Readonly<Record<ProjectAction, string>> = {
  start: 'Start',
  stop: 'Stop',
  restart: 'Restart',
  pause: 'Pause',
  unpause: 'Unpause',
};

const API: Readonly<Record<ProjectAction, string>> = {
  start: 'POST /containers/{id}/start (dependencies first)',
  stop: 'POST /containers/{id}/stop (dependents first)',
  restart: 'POST /containers/{id}/stop (dependents first), then POST /containers/{id}/start (dependencies first)',
  pause: 'POST /containers/{id}/pause',
  unpause: 'POST /containers/{id}/unpause',
};

const compose = (...args: readonly string[]) => formatCommand(['docker', 'compose', ...args]);

export const projectAction = (action: ProjectAction, name: string): ActionText => ({
  title: `${VERBS[action]} project ${name}`,
  command: compose('-p', name, action),
  api: API[action],
});

export const removeProjectAction = (name: string, volumes: boolean): ActionText => ({
  title: `Remove project ${name}${volumes ? ' and its volumes' : ''}`,
  command: compose('-p', name, 'down', ...(volumes ? ['--volumes'] : [])),
  api: `DELETE /containers/{id}?force=true, DELETE /networks/{id}${volumes ? ', DELETE /volumes/{name}' : ''}`,
});

/** The arguments after the Compose program for a verb on a file: `-f FILE up -d`. */
export function composeArgs(file: string, verb: ComposeVerb): string[] {
  const args = ['-f', file, verb];
  if (verb === 'up') args.push('-d');
  return args;
}

/** The command line as the user would type it with the CLI Berth found. */
export function composeFileCommand(file: string, verb: ComposeVerb, cli: ComposeCliKind = 'v2'): string {
  const program = cli === 'v2' ? ['docker', 'compose'] : ['docker-compose'];
  return formatCommand([...program, ...composeArgs(file, verb)]);
}

export const composeFileAction = (file: string, verb: ComposeVerb, cli: ComposeCliKind = 'v2'): ActionText => ({
  title: `Compose ${verb} ${file}`,
  command: composeFileCommand(file, verb, cli),
  api: 'the Compose CLI (it calls the Engine API itself)',
});
