import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../dto/containers';
import * as text from './containers.cli';

const base: RunSpec = text.plainRunSpec('nginx:1.27');

describe('docker run', () => {
  it('is just `docker run -d IMAGE` for the defaults', () => {
    expect(text.runAction(base).command).toBe('docker run -d nginx:1.27');
  });

  it('puts every field in its flag, quoted for the shell', () => {
    const spec: RunSpec = {
      ...base,
      name: 'web',
      interactive: true,
      tty: true,
      autoRemove: true,
      restart: 'on-failure',
      maxRetries: 3,
      env: ['GREETING=hello world'],
      ports: [
        { hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '127.0.0.1', containerPort: 53, protocol: 'udp' },
      ],
      mounts: [{ type: 'bind', source: '/srv/site', target: '/usr/share/nginx/html', readOnly: true }],
      workingDir: '/app',
      user: '1000:1000',
      labels: { tier: 'front' },
      entrypoint: 'sh',
      command: ['-c', 'echo $HOME'],
    };
    const line = text.runAction(spec).command;
    expect(line).toBe(
      "docker run -d -i -t --name web --rm --restart on-failure:3 -e 'GREETING=hello world' -p 8080:80 -p 127.0.0.1::53/udp -v /srv/site:/usr/share/nginx/html:ro -w /app -u 1000:1000 --label tier=front --entrypoint sh nginx:1.27 -c 'echo $HOME'",
    );
    // The shell hands docker exactly the arguments Berth built.
    const argv = execFileSync('sh', ['-c', `printf '%s\\n' ${line.replace(/^docker /, '')}`], { encoding: 'utf8' });
    expect(argv.trimEnd().split('\n')).toEqual(text.runArgs(spec));
  });
});

describe('docker run: network and limits', () => {
  it('adds --network, one --network-alias per alias, --cpus and --memory after the labels', () => {
    const spec: RunSpec = {
      ...base,
      network: 'appnet',
      networkAliases: ['web', 'front'],
      cpus: 0.5,
      memory: 256 * 1024 * 1024,
    };
    expect(text.runAction(spec).command).toBe(
      'docker run -d --network appnet --network-alias web --network-alias front --cpus 0.5 --memory 256m nginx:1.27',
    );
  });

  it('writes memory in the largest unit that divides it exactly', () => {
    expect(text.memoryArg(2 * 1024 ** 3)).toBe('2g');
    expect(text.memoryArg(1536 * 1024 * 1024)).toBe('1536m');
    expect(text.memoryArg(7 * 1024)).toBe('7k');
    expect(text.memoryArg(7_000_001)).toBe('7000001b');
  });
});

describe('lifecycle commands and API calls', () => {
  it('says the same thing the docker CLI would do', () => {
    expect(text.stopAction('web', 10)).toEqual({
      title: 'Stop container web',
      command: 'docker stop --time 10 web',
      api: 'POST /containers/{id}/stop?t=10',
    });
    expect(text.killAction('web', 'SIGHUP').command).toBe('docker kill --signal SIGHUP web');
    expect(text.removeAction('web', { force: true, volumes: true }).command).toBe('docker rm -f -v web');
    expect(text.removeAction('web', { force: false, volumes: false }).api).toBe(
      'DELETE /containers/{id}?force=false&v=false',
    );
    expect(text.renameAction('web', 'web-old').command).toBe('docker rename web web-old');
    expect(text.commitAction('web', { repo: 'me/web', message: 'with notes' }).command).toBe(
      "docker commit --message 'with notes' web me/web:latest",
    );
    expect(text.execAction('web', ['/bin/sh']).command).toBe('docker exec -it web /bin/sh');
  });
});
