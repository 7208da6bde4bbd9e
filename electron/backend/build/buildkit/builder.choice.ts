/**
 * Which builder a build uses, decided as the docker CLI decides it: the engine's `Builder-Version` header on /_ping
 * names its default (1 classic, 2 BuildKit); an engine that names none gets BuildKit when it runs Linux with an API
 * new enough to have it built in (1.39+), and the classic builder otherwise. The reason is said in the UI.
 */
import type { IncomingMessage } from 'node:http';
import type Dockerode from 'dockerode';
import type { BuilderKind } from '../../../../shared/dto/build';

export interface BuilderChoice {
  readonly builder: BuilderKind;
  readonly reason: string;
}

/** The decision from what the engine said; pure, so each branch is tested. */
export function decideBuilder(header: string | undefined, os: string, apiVersion: string): BuilderChoice {
  if (header === '2')
    return { builder: 'buildkit', reason: 'The engine names BuildKit as its builder (Builder-Version: 2).' };
  if (header === '1') {
    return {
      builder: 'classic',
      reason: 'The engine names the classic builder as its default (Builder-Version: 1), so Berth uses that.',
    };
  }
  const [major = 0, minor = 0] = apiVersion.split('.').map(Number);
  if (os.toLowerCase() === 'linux' && (major > 1 || (major === 1 && minor >= 39))) {
    return {
      builder: 'buildkit',
      reason: `The engine runs Linux with API ${apiVersion}, which has BuildKit built in, and names no other default.`,
    };
  }
  return {
    builder: 'classic',
    reason: `The engine (${os || 'unknown system'}, API ${apiVersion || 'unknown'}) offers no BuildKit, so Berth uses the classic builder.`,
  };
}

function pingHeader(docker: Dockerode): Promise<string | undefined> {
  return new Promise((resolve) => {
    docker.modem.dial(
      { method: 'GET', path: '/_ping', isStream: true, statusCodes: { 200: true } },
      (error: unknown, res: unknown) => {
        if (error) return resolve(undefined);
        const message = res as IncomingMessage;
        const value = message.headers['builder-version'];
        message.resume();
        resolve(Array.isArray(value) ? value[0] : value);
      },
    );
  });
}

export async function chooseBuilder(docker: Dockerode, wanted: 'auto' | BuilderKind = 'auto'): Promise<BuilderChoice> {
  if (wanted === 'classic') return { builder: 'classic', reason: 'You chose the classic builder for this build.' };
  if (wanted === 'buildkit') return { builder: 'buildkit', reason: 'You chose BuildKit for this build.' };
  const [header, version] = await Promise.all([pingHeader(docker), docker.version()]);
  return decideBuilder(header, version.Os, version.ApiVersion);
}
