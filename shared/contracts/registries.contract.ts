import { z } from 'zod';
import type { LoginPlan, LoginResult, LogoutResult, RegistriesOverview } from '../dto/registries';
import { answers, request } from './define';

/** Checked for size here; the service says in words what is wrong with an address (shared/registry-name.ts). */
const server = z.string().max(512, 'a registry address has at most 512 characters');

export const registriesRequests = {
  /** Where the user is logged in, from config.json and the credential helpers; never a secret. */
  'registries:list': request(z.undefined(), answers<RegistriesOverview>()),
  /** Where a login to `server` would be kept, said in the dialog before asking for the password. */
  'registries:plan': request(z.strictObject({ server }), answers<LoginPlan>()),
  /** Checks the credential with the engine (POST /auth), then keeps it the way `docker login` does. */
  'registries:login': request(
    z.strictObject({
      server,
      username: z
        .string()
        .min(1, 'give a user name')
        .max(256, 'a user name has at most 256 characters')
        .regex(/^[^\s:]+$/, 'a user name has no spaces or ":"'),
      password: z.string().min(1, 'give a password or token').max(4096, 'a password has at most 4096 characters'),
    }),
    answers<LoginResult>(),
  ),
  'registries:logout': request(z.strictObject({ server }), answers<LogoutResult>()),
};
