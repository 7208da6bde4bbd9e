/** The Compose process runner with real processes (sh stands in for Compose): bound, cancel, and a missing CLI. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMPOSE_OUTPUT_LIMIT } from '../../../shared/dto/projects';
import { composeEnv, findComposeCli, INSTALL_HINT, runCompose } from './compose.process';

/** Running or sleeping; a zombie waiting for its reaper has ended. */
const alive = (pid: number) => {
  try {
    return !execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' })
      .trim()
      .startsWith('Z');
  } catch {
    return false;
  }
};

describe('findComposeCli', () => {
  it('says neither CLI is installed, and how to get one', async () => {
    const cli = await findComposeCli(process.env, [
      { kind: 'v2', argv: ['berth-no-such-docker', 'compose'] },
      { kind: 'v1', argv: ['berth-no-such-docker-compose'] },
    ]);
    expect(cli).toEqual({ found: false, message: INSTALL_HINT });
    expect(INSTALL_HINT).toMatch(/docker-compose-plugin/);
  });
});

describe('composeEnv', () => {
  it('points Compose at Berth’s engine and drops a context that would override it', () => {
    const env = composeEnv(
      { PATH: '/bin', DOCKER_HOST: 'unix:///other.sock', DOCKER_CONTEXT: 'remote' },
      'tcp://1.2.3.4:2375',
    );
    expect(env).toEqual({ PATH: '/bin', DOCKER_HOST: 'tcp://1.2.3.4:2375' });
  });
});

describe('runCompose', () => {
  it('passes output on up to its bound, and says it was cut', async () => {
    let got = '';
    const outcome = await runCompose({
      argv: ['sh', '-c', `head -c ${COMPOSE_OUTPUT_LIMIT + 5000} /dev/zero | tr '\\0' x; echo; echo the end >&2`],
      cwd: '/',
      env: process.env,
      signal: new AbortController().signal,
      onOutput: (t) => (got += t),
    });
    expect(outcome.code).toBe(0);
    expect(got.length).toBe(COMPOSE_OUTPUT_LIMIT);
    expect(outcome.truncated).toBe(true);
    expect(outcome.tail).toContain('the end');
  });

  it('cancel kills the whole process group, children included', async () => {
    const controller = new AbortController();
    let out = '';
    const pending = runCompose({
      // The child sleeper writes its pid, then the parent waits on it: killing only the parent would leave it.
      argv: ['sh', '-c', 'sleep 60 & echo "child $!"; wait'],
      cwd: '/',
      env: process.env,
      signal: controller.signal,
      graceMs: 500,
      onOutput: (t) => {
        out += t;
        if (out.includes('child ')) controller.abort();
      },
    });
    const outcome = await pending;
    expect(outcome.cancelled).toBe(true);
    const pid = Number(/child (\d+)/.exec(out)?.[1]);
    expect(pid).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(pid)).toBe(false);
  }, 10_000);
});
