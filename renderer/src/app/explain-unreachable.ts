import type { EndpointInfo, EngineStatus, UnreachableReason } from '../../../shared/dto/engine';

export type UnreachableStatus = Extract<EngineStatus, { state: 'unreachable' }>;

/** One thing a user can do; `command` is shown as copyable code. */
export interface Step {
  readonly text: string;
  readonly command?: string;
}

export interface Explanation {
  /** A short question or statement that names the likely cause. */
  readonly headline: string;
  /** What happened, in one or two plain sentences. */
  readonly summary: string;
  readonly steps: readonly Step[];
  /** Something the user should know before following the steps. */
  readonly caution?: string;
}

function startSteps(endpoint: EndpointInfo): Step[] {
  const linux: Step = { text: 'On Linux, start the Docker service:', command: 'sudo systemctl start docker' };
  const desktop: Step = { text: 'With Docker Desktop, open it and wait until it says the engine is running.' };
  const podman: Step = { text: 'With Podman on macOS or Windows, start its machine:', command: 'podman machine start' };
  // Lead with the engine the address belongs to; the others stay as hints.
  if (endpoint.source === 'docker-desktop') return [desktop, linux, podman];
  if (endpoint.source === 'podman') return [podman, linux, desktop];
  return [linux, desktop, podman];
}

const checkDockerHost: Step = {
  text: 'If your engine listens somewhere else, point DOCKER_HOST at it and start Berth again. To see the current value:',
  command: 'echo $DOCKER_HOST',
};

/** Turns an unreachable status into words a user can act on. Pure, so every reason is covered by a test. */
export function explainUnreachable(status: UnreachableStatus): Explanation {
  const address = status.endpoint.address;
  const reason: UnreachableReason = status.reason;
  switch (reason) {
    case 'socket-missing':
      return {
        headline: 'Is Docker running?',
        summary: `Berth looked for the engine at ${address}, but nothing is there. Usually this means the Docker Engine is not running yet.`,
        steps: [...startSteps(status.endpoint), checkDockerHost],
      };
    case 'permission-denied':
      return {
        headline: 'Your user may not use the Docker socket',
        summary: `The engine is there at ${address}, but the system refused to let Berth talk to it. On Linux, access to the socket is given through the docker group.`,
        steps: [
          { text: 'Add your user to the docker group:', command: 'sudo usermod -aG docker $USER' },
          { text: 'Log out and log back in, so the new group takes effect. Then press Retry.' },
        ],
        caution:
          'Anyone who can use the Docker socket can control the engine, and through it the whole machine: it is as powerful as root. Only give this access to users you trust.',
      };
    case 'refused':
      return {
        headline: 'The engine refused the connection',
        summary: `Berth reached ${address}, but nothing accepted the connection. The engine may be stopped or still starting.`,
        steps: [...startSteps(status.endpoint), checkDockerHost],
      };
    case 'timeout':
      return {
        headline: 'The engine did not answer in time',
        summary: `Berth reached out to ${address} and waited, but no answer came. The engine may be busy or starting up; for a remote address, a firewall may be in the way.`,
        steps: [
          { text: 'Wait a moment and press Retry.' },
          { text: 'Check whether the engine answers from a terminal:', command: 'docker info' },
          checkDockerHost,
        ],
      };
    case 'bad-endpoint':
      return {
        headline: 'The engine address is not valid',
        summary: `Berth cannot use the address "${address}". Check DOCKER_HOST: it should look like unix:///var/run/docker.sock or tcp://127.0.0.1:2375.`,
        steps: [
          { text: 'See what DOCKER_HOST is set to:', command: 'echo $DOCKER_HOST' },
          { text: 'To use the default socket instead, clear it and start Berth again:', command: 'unset DOCKER_HOST' },
        ],
      };
    case 'not-an-engine':
      return {
        headline: 'Something else answered',
        summary: `A program answered at ${address}, but it does not speak the Docker Engine API. Check that DOCKER_HOST points at the engine.`,
        steps: [checkDockerHost],
      };
    case 'unknown':
      return {
        headline: 'Something went wrong while connecting',
        summary: `Berth could not talk to the engine at ${address}. The engine said: ${status.message}`,
        steps: [...startSteps(status.endpoint), checkDockerHost],
      };
    default:
      return assertNever(reason);
  }
}

/** Whole seconds until the next automatic try, or null when none is planned. Never negative. */
export function secondsUntil(nextRetryAt: number | null, nowMs: number): number | null {
  if (nextRetryAt === null) return null;
  return Math.max(0, Math.ceil((nextRetryAt - nowMs) / 1000));
}

function assertNever(value: never): never {
  throw new Error(`Unexpected reason: ${String(value)}`);
}
