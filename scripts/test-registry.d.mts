// Types for scripts/test-registry.mjs.
export declare class TestRegistryError extends Error {}

export interface TestRegistry {
  /** `127.0.0.1:PORT`, ready to prefix image names with. */
  readonly address: string;
  readonly port: number;
  readonly dir: string;
  /** Stops the registry and deletes its storage. */
  stop(): Promise<void>;
}

export declare function startTestRegistry(): Promise<TestRegistry>;
