import { describe, expect, it } from 'vitest';
import { buildApiCall, buildCommand } from './build.cli';

describe('buildCommand', () => {
  it('is a plain docker build of the context for the defaults', () => {
    expect(buildCommand({ contextPath: '/home/me/app' })).toBe('docker build /home/me/app');
  });

  it('carries every option, quoted for the shell', () => {
    const options = {
      contextPath: '/home/me/my app',
      dockerfile: 'docker/Dockerfile.dev',
      tags: ['app:1', 'registry.local:5000/team/app:dev'],
      buildArgs: { GREETING: 'hi there', N: '1' },
      target: 'final',
      noCache: true,
      pull: true,
    };
    expect(buildCommand(options)).toBe(
      "docker build -f '/home/me/my app/docker/Dockerfile.dev' -t app:1 -t registry.local:5000/team/app:dev " +
        "--build-arg 'GREETING=hi there' --build-arg N=1 --target final --no-cache --pull '/home/me/my app'",
    );
    expect(buildApiCall(options)).toBe(
      'POST /build?dockerfile=docker/Dockerfile.dev&t=app:1&t=registry.local:5000/team/app:dev' +
        '&buildargs={"GREETING":"hi there","N":"1"}&target=final&nocache=1&pull=1&rm=1&forcerm=1&version=2&session=…&remote=client-session',
    );
  });

  it('says BuildKit options and where secrets come from, never their values', () => {
    const options = {
      contextPath: '/src/app',
      network: 'none' as const,
      platform: 'linux/amd64',
      labels: { team: 'core' },
      secrets: [
        { id: 'npm', source: 'file' as const, from: '/home/me/.npmrc' },
        { id: 'tok', source: 'env' as const, from: 'TOKEN' },
      ],
    };
    expect(buildCommand(options)).toBe(
      'docker build --network none --platform linux/amd64 --label team=core --secret id=npm,src=/home/me/.npmrc --secret id=tok,env=TOKEN /src/app',
    );
    expect(buildCommand({ contextPath: '/src/app', builder: 'classic' })).toBe(
      'DOCKER_BUILDKIT=0 docker build /src/app',
    );
    expect(buildApiCall({ contextPath: '/src/app', builder: 'classic' })).toBe(
      'POST /build?dockerfile=Dockerfile&rm=1&forcerm=1',
    );
  });
});
