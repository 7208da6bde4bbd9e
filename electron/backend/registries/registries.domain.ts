import { defineDomain } from '../core/domain';
import { registriesHandlers } from './registries.handlers';
import { RegistriesService } from './registries.service';

declare module '../core/domain' {
  interface Services {
    /** Registry logins (config.json, credential helpers), also used by images for pulls and pushes. */
    readonly registries: RegistriesService;
  }
}

export const registriesDomain = defineDomain({
  name: 'registries',
  make: ({ engine, transcript, machine }) => {
    const registries = new RegistriesService(engine, { env: machine.env, homedir: machine.homedir });
    return { services: { registries }, handlers: registriesHandlers(registries, transcript) };
  },
});
