// Types for scripts/test-engine.mjs (plain ESM so that node runs it without a build step).
import type Docker from 'dockerode';

export declare const TEST_LABEL: 'berth.test';

export declare class TestEngineError extends Error {}

export interface TestEngine {
  /** DOCKER_HOST-style address, `unix:///tmp/berth-…/docker.sock`. */
  readonly host: string;
  readonly dir: string;
  /** Starts dockerd again with the same directories (after stop()). */
  start(): Promise<void>;
  /** SIGTERM, wait for exit (SIGKILL after ~15 s), then make sure containerd and shims are gone. */
  stop(): Promise<void>;
  /** stop() and delete the directory. */
  remove(): Promise<void>;
}

export declare function startTestEngine(options?: { dir?: string; name?: string }): Promise<TestEngine>;
export declare function buildFixtures(host: string): Promise<string[]>;
export declare function cleanupLabelled(host: string, options?: { fixtures?: boolean }): Promise<void>;
export declare function pingHost(host: string, timeoutMs?: number): Promise<boolean>;
export declare function dockerFor(host: string): Docker;
export declare function connectionFor(
  host: string,
): { socketPath: string } | { host: string; port: number; protocol: 'http' };
