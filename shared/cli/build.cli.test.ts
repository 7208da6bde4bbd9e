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
        '&buildargs={"GREETING":"hi there","N":"1"}&target=final&nocache=1&pull=1&rm=1&forcerm=1',
    );
  });
});
