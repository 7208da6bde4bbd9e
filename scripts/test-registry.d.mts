// Types for scripts/test-registry.mjs.
export declare class TestRegistryError extends Error {}

export interface TestRegistry {
  /** `127.0.0.1:PORT`, ready to prefix image names with. */
  readonly address: string;
  readonly port: number;
  readonly dir: string;
  /** With tls: the engine's certs.d folder holding the registry's ca.crt (removed by stop). */
  readonly certsDir?: string;
  /** Stops the registry and deletes its storage. */
  stop(): Promise<void>;
}

export interface TestRegistryOptions {
  /** A login the registry wants before any pull or push (htpasswd). */
  readonly auth?: { readonly user: string; readonly password: string };
  /** HTTPS with a self-signed certificate for 127.0.0.1 that this host's engine trusts (certs.d/ca.crt). */
  readonly tls?: boolean;
}

export declare function startTestRegistry(options?: TestRegistryOptions): Promise<TestRegistry>;
