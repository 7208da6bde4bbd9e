// Types for scripts/test-podman.mjs.
export declare class TestPodmanError extends Error {}

export interface TestPodman {
  /** `unix:///tmp/berth-pod-.../podman.sock`, ready for DOCKER_HOST. */
  readonly host: string;
  readonly socket: string;
  readonly dir: string;
  readonly version: string;
  /** The environment that points `podman` at this private store (CONTAINERS_CONF, CONTAINERS_STORAGE_CONF). */
  readonly env: NodeJS.ProcessEnv;
  /** Stops the service and deletes its store. */
  remove(): Promise<void>;
}

export declare function podmanInstalled(): string | null;
export declare function startTestPodman(options?: { name?: string }): Promise<TestPodman>;
export declare function loadImages(fromHost: string, toHost: string, tags: readonly string[]): Promise<string>;
