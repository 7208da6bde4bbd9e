/** Registry logins as the docker CLI keeps them (config.json and credential helpers). Never holds a secret. */

/** Where a credential is kept: a credential helper (`docker-credential-<helper>`) or config.json itself. */
export type CredentialStore =
  { readonly kind: 'helper'; readonly helper: string } | { readonly kind: 'file'; readonly path: string };

export interface RegistryLogin {
  /** The key the credential has (`https://index.docker.io/v1/` for Docker Hub, else host[:port]). */
  readonly key: string;
  /** How the registry reads: `docker.io` or host[:port]. */
  readonly registry: string;
  /** The user name, when the store says it. */
  readonly username: string | null;
  readonly store: CredentialStore;
}

export interface RegistriesOverview {
  /** The config.json Berth reads and writes, as DOCKER_CONFIG or ~/.docker decides. */
  readonly configPath: string;
  readonly logins: readonly RegistryLogin[];
  /** Where a new login goes unless a registry has its own helper (credHelpers). */
  readonly defaultStore: CredentialStore;
  /** credHelpers: registry -> helper. */
  readonly helpers: Readonly<Record<string, string>>;
  /** Helpers that failed while listing, in words; the logins they hold are missing from the list. */
  readonly problems: readonly string[];
}

export interface LoginPlan {
  readonly registry: string;
  readonly key: string;
  readonly store: CredentialStore;
}

export interface LoginSpec {
  /** host[:port]; empty or any Docker Hub alias means Docker Hub. */
  readonly server: string;
  readonly username: string;
  readonly password: string;
}

export interface LoginResult {
  readonly registry: string;
  readonly username: string;
  readonly store: CredentialStore;
  /** The registry answered with an identity token, which is kept instead of the password (as the CLI does). */
  readonly identityToken: boolean;
}

export interface LogoutResult {
  readonly registry: string;
  /** False when there was no credential for it. */
  readonly removed: boolean;
}

/** How a store reads in a sentence. */
export const storeLabel = (store: CredentialStore): string =>
  store.kind === 'helper' ? `the credential helper docker-credential-${store.helper}` : store.path;
