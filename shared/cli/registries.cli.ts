/** The docker commands for logging in and out. The password never appears: the CLI reads it from stdin. */
import { dockerCommand, type ActionText } from './command';
import { DOCKER_HUB } from '../registry-name';

const serverArgs = (registry: string) => (registry === DOCKER_HUB ? [] : [registry]);

export const loginAction = (registry: string, username: string): ActionText => ({
  title: `Log in to ${registry} as ${username}`,
  command: dockerCommand('login', '--username', username, '--password-stdin', ...serverArgs(registry)),
  api: 'POST /auth, then docker-credential-<helper> store or config.json',
});

export const logoutAction = (registry: string): ActionText => ({
  title: `Log out of ${registry}`,
  command: dockerCommand('logout', ...serverArgs(registry)),
  api: 'none: docker-credential-<helper> erase or config.json',
});
