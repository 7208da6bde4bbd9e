import { loginAction, logoutAction } from '../../../shared/cli/registries.cli';
import { checkServer } from '../../../shared/registry-name';
import type { DomainHandlers } from '../core/dispatcher.types';
import type { Transcript } from '../core/transcript';
import type { RegistriesService } from './registries.service';

/** The registry as the transcript names it; a bad address is refused by the service before anything runs. */
const nameOf = (server: string) => {
  const check = checkServer(server);
  return check.ok ? check.registry : server;
};

export function registriesHandlers(
  registries: RegistriesService,
  transcript: Transcript,
): DomainHandlers<'registries'> {
  return {
    requests: {
      'registries:list': () => registries.list(),
      'registries:plan': ({ server }) => registries.plan(server),
      // The transcript gets the action text only: the password is never part of it.
      'registries:login': (spec) =>
        transcript.run(loginAction(nameOf(spec.server), spec.username), () => registries.loginWith(spec)),
      'registries:logout': ({ server }) =>
        transcript.run(logoutAction(nameOf(server)), () => registries.logout(server)),
    },
    streams: {},
  };
}
