/**
 * Registry logins kept the way the docker CLI keeps them, so `docker login` and Berth share them: config.json's
 * credHelpers, then credsStore, then config.json itself (base64, as the CLI does). A login is checked with the
 * engine (POST /auth) before it is kept. Secrets stay inside this file's callers in the backend: nothing here
 * returns one to a handler, and no error quotes one.
 */
import path from 'node:path';
import type {
  CredentialStore,
  LoginPlan,
  LoginResult,
  LoginSpec,
  LogoutResult,
  RegistriesOverview,
  RegistryLogin,
} from '../../../shared/dto/registries';
import { DOCKER_HUB_KEY, checkServer, hostnameOf, registryLabel, registryOfImage } from '../../../shared/registry-name';
import { BerthFailure, isBerthError } from '../../../shared/result';
import type { DockerSource } from '../engine/engine.types';
import { engineDetails, engineText, statusOf, toBerthError } from '../engine/errors';
import {
  configDirOf,
  credentialOfEntry,
  entryOf,
  readDockerConfig,
  userOfAuth,
  writeAuths,
  type AuthEntry,
  type DockerConfig,
} from './registries.config';
import { helperErase, helperGet, helperList, helperStore, type HelperOptions } from './registries.helpers';

/** The user name a helper stores an identity token under, as the CLI does. */
const TOKEN_USER = '<token>';

/** What X-Registry-Auth carries; only ever handed to dockerode. */
export interface RegistryAuth {
  readonly username?: string;
  readonly password?: string;
  readonly identitytoken?: string;
  readonly serveraddress: string;
}

export interface RegistriesOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  readonly helperTimeoutMs?: number;
}

const words = (e: unknown) => (isBerthError(e) ? e.message : toBerthError(e).message);

export class RegistriesService {
  readonly configPath: string;
  private readonly helperOptions: HelperOptions;

  constructor(
    private readonly engine: DockerSource,
    options: RegistriesOptions,
  ) {
    this.configPath = path.join(configDirOf(options.env, options.homedir), 'config.json');
    // Helpers are found on PATH like the CLI finds them; an env without PATH (tests) uses Berth's own.
    const env = { ...options.env, PATH: options.env.PATH ?? process.env.PATH ?? '' };
    this.helperOptions = {
      env,
      ...(options.helperTimeoutMs === undefined ? {} : { timeoutMs: options.helperTimeoutMs }),
    };
  }

  async list(): Promise<RegistriesOverview> {
    const config = await readDockerConfig(this.configPath);
    const logins = new Map<string, RegistryLogin>();
    const problems: string[] = [];
    if (config.credsStore !== null) {
      const helper = config.credsStore;
      try {
        for (const [key, username] of Object.entries(await helperList(helper, this.helperOptions))) {
          if (this.storeOf(config, key).kind !== 'helper') continue;
          logins.set(key, this.login(key, username, { kind: 'helper', helper }));
        }
      } catch (error) {
        problems.push(words(error));
      }
    }
    for (const [key, helper] of Object.entries(config.credHelpers)) {
      try {
        const found = await helperGet(helper, key, this.helperOptions);
        if (found !== null) logins.set(key, this.login(key, found.username, { kind: 'helper', helper }));
      } catch (error) {
        problems.push(words(error));
      }
    }
    for (const [key, entry] of Object.entries(config.auths)) {
      if (logins.has(key) || this.storeOf(config, key).kind === 'helper') continue;
      if (credentialOfEntry(entry) === null) continue;
      logins.set(key, this.login(key, userOfAuth(entry), { kind: 'file', path: this.configPath }));
    }
    return {
      configPath: this.configPath,
      logins: [...logins.values()].sort((a, b) => a.registry.localeCompare(b.registry)),
      defaultStore:
        config.credsStore === null
          ? { kind: 'file', path: this.configPath }
          : { kind: 'helper', helper: config.credsStore },
      helpers: config.credHelpers,
      problems,
    };
  }

  async plan(server: string): Promise<LoginPlan> {
    const { key, registry } = this.checked(server);
    const config = await readDockerConfig(this.configPath);
    return { key, registry, store: this.storeOf(config, key) };
  }

  /** Checks the credential with the engine, then keeps it; a refused one is never kept. */
  async loginWith(spec: LoginSpec): Promise<LoginResult> {
    const { key, registry } = this.checked(spec.server);
    const config = await readDockerConfig(this.configPath);
    const identityToken = await this.verify(registry, key, spec.username, spec.password);
    const store = this.storeOf(config, key);
    const auths: Record<string, AuthEntry> = { ...config.auths };
    if (store.kind === 'helper') {
      const credential =
        identityToken === null
          ? { username: spec.username, secret: spec.password }
          : { username: TOKEN_USER, secret: identityToken };
      await helperStore(store.helper, key, credential, this.helperOptions);
      // The CLI leaves an empty entry in config.json to say a helper holds this one; never the secret.
      auths[key] = {};
    } else {
      auths[key] =
        identityToken === null
          ? entryOf(spec.username, { password: spec.password })
          : entryOf(spec.username, { identitytoken: identityToken });
    }
    await writeAuths(this.configPath, config, auths);
    return { registry, username: spec.username, store, identityToken: identityToken !== null };
  }

  async logout(server: string): Promise<LogoutResult> {
    const { key, registry } = this.checked(server);
    const config = await readDockerConfig(this.configPath);
    // As `docker logout`: the forms older CLIs wrote are removed too.
    const host = hostnameOf(key);
    const variants = key === DOCKER_HUB_KEY ? [key] : [key, `http://${host}`, `https://${host}`];
    let removed = false;
    const store = this.storeOf(config, key);
    if (store.kind === 'helper') {
      for (const variant of variants) {
        if ((await helperGet(store.helper, variant, this.helperOptions)) === null) continue;
        await helperErase(store.helper, variant, this.helperOptions);
        removed = true;
      }
    }
    const auths: Record<string, AuthEntry> = { ...config.auths };
    let changed = false;
    for (const name of Object.keys(auths)) {
      if (variants.includes(name) || (key !== DOCKER_HUB_KEY && hostnameOf(name) === host)) {
        if (store.kind === 'file' && credentialOfEntry(auths[name] ?? {}) !== null) removed = true;
        delete auths[name];
        changed = true;
      }
    }
    if (changed) await writeAuths(this.configPath, config, auths);
    return { registry, removed };
  }

  /**
   * The credential for pulling or pushing `reference`, or null. Like the CLI, a helper that fails here does not stop
   * the transfer: the registry then says whether it wants a login.
   */
  async authFor(reference: string): Promise<RegistryAuth | null> {
    const image = registryOfImage(reference);
    if (image === null) return null;
    try {
      return await this.credential(image.key);
    } catch {
      return null;
    }
  }

  /**
   * What BuildKit's auth provider answers for a registry host (`docker.io`, `127.0.0.1:5000`), as the docker CLI
   * does: an identity token as the secret with no user name, else the user name and password.
   */
  async buildKitCredential(host: string): Promise<{ username: string; secret: string } | null> {
    const auth = await this.authFor(`${host}/image`);
    if (auth === null) return null;
    if (auth.identitytoken !== undefined) return { username: '', secret: auth.identitytoken };
    return auth.username !== undefined && auth.password !== undefined
      ? { username: auth.username, secret: auth.password }
      : null;
  }

  private async credential(key: string): Promise<RegistryAuth | null> {
    const config = await readDockerConfig(this.configPath);
    const store = this.storeOf(config, key);
    if (store.kind === 'helper') {
      const found = await helperGet(store.helper, key, this.helperOptions);
      if (found === null) return null;
      return found.username === TOKEN_USER
        ? { identitytoken: found.secret, serveraddress: key }
        : { username: found.username, password: found.secret, serveraddress: key };
    }
    const host = hostnameOf(key);
    const entry =
      config.auths[key] ??
      (key === DOCKER_HUB_KEY
        ? undefined
        : Object.entries(config.auths).find(([name]) => hostnameOf(name) === host)?.[1]);
    const credential = entry === undefined ? null : credentialOfEntry(entry);
    return credential === null ? null : { ...credential, serveraddress: key };
  }

  /** POST /auth; the identity token when the registry gives one. A refusal is said in words, without the secret. */
  private async verify(registry: string, key: string, username: string, password: string): Promise<string | null> {
    try {
      const answer = (await this.engine.docker().checkAuth({ username, password, serveraddress: key })) as {
        IdentityToken?: string;
      } | null;
      return typeof answer?.IdentityToken === 'string' && answer.IdentityToken !== '' ? answer.IdentityToken : null;
    } catch (error) {
      const status = statusOf(error);
      if (
        status === 401 ||
        status === 403 ||
        /unauthorized|incorrect username or password|denied/i.test(engineText(error))
      ) {
        throw new BerthFailure(
          'PERMISSION_DENIED',
          `${registry} refused the user name or password for ${username}. Check them and try again; nothing was saved.`,
          { ...engineDetails(error), next: undefined },
        );
      }
      throw error;
    }
  }

  /** As the CLI's getConfiguredCredentialStore: credHelpers for the registry, then credsStore, then the file. */
  private storeOf(config: DockerConfig, key: string): CredentialStore {
    const helper = config.credHelpers[key] ?? config.credHelpers[hostnameOf(key)] ?? config.credsStore;
    return helper === null || helper === undefined
      ? { kind: 'file', path: this.configPath }
      : { kind: 'helper', helper };
  }

  private checked(server: string): { key: string; registry: string } {
    const check = checkServer(server);
    if (!check.ok) throw new BerthFailure('INVALID_INPUT', check.message);
    return check;
  }

  private login(key: string, username: string | null, store: CredentialStore): RegistryLogin {
    return {
      key,
      registry: registryLabel(key),
      username: username === TOKEN_USER || username === '' ? null : username,
      store,
    };
  }
}
