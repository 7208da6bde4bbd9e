import { describe, expect, it } from 'vitest';
import { explainSshFailure, sshArgs } from './ssh';

describe('sshArgs', () => {
  it('runs docker system dial-stdio like the CLI, never asking for a password', () => {
    expect(sshArgs({ user: 'ann', host: 'box', port: 2222 })).toEqual([
      '-o',
      'BatchMode=yes',
      '-o',
      'ConnectTimeout=30',
      '-T',
      '-l',
      'ann',
      '-p',
      '2222',
      '--',
      'box',
      'docker',
      'system',
      'dial-stdio',
    ]);
  });
});

describe('explainSshFailure', () => {
  const at = 'ssh://ann@box';
  it('tells host key, login, missing docker and a stopped engine apart', () => {
    expect(explainSshFailure(at, 'Host key verification failed.\n', 255).message).toMatch(
      /host key of ssh:\/\/ann@box/,
    );
    expect(explainSshFailure(at, 'ann@box: Permission denied (publickey).\n', 255).reason).toBe('permission-denied');
    expect(explainSshFailure(at, 'bash: line 1: docker: command not found\n', 127).message).toMatch(
      /docker CLI is not installed there/,
    );
    expect(
      explainSshFailure(at, 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.', 1).message,
    ).toMatch(/its Docker Engine is not running/);
  });
});
