// The second tour's talk program (assets/tour-data/talk.c, bytes in talk-amd64): the checked-in bytes are what the
// source builds to, and the program serves and asks as the tour expects when it can run on this machine.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../../..');
const talk = path.join(root, 'assets/tour-data/talk-amd64');
const runsHere = process.platform === 'linux' && process.arch === 'x64';

function compilerVersion(): string | undefined {
  const probe = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.split('\n')[0] : undefined;
}

describe('the tour’s talk program', () => {
  it('is a static x86-64 ELF executable', () => {
    const bytes = readFileSync(talk);
    expect([...bytes.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    expect(bytes.readUInt16LE(18)).toBe(0x3e);
    expect(bytes.length).toBeLessThan(16 * 1024);
  });

  it('is what talk.c builds to, when this machine has the compiler it was built with', () => {
    const recorded = readFileSync(path.join(root, 'assets/tour-data/talk-amd64.built-with'), 'utf8').trim();
    const found = runsHere ? compilerVersion() : undefined;
    if (found !== recorded) {
      console.warn(
        `Not rebuilding talk-amd64: it was built with "${recorded}", this machine has ${found ? `"${found}"` : 'no usable gcc for x86-64'}.`,
      );
      return;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-talk-'));
    try {
      execFileSync(path.join(root, 'scripts/build-talk.sh'), [path.join(dir, 'talk')]);
      expect(readFileSync(path.join(dir, 'talk')).equals(readFileSync(talk))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(runsHere)('serves "hello from NAME" over HTTP/1.0 and refuses bad arguments', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    const server = spawn(talk, ['serve', String(port), 'unit-test']);
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        const attempt = (left: number) => {
          const socket = net.connect(port, '127.0.0.1');
          let text = '';
          socket.on('connect', () => socket.write('GET / HTTP/1.0\r\n\r\n'));
          socket.on('data', (chunk) => (text += chunk.toString()));
          socket.on('end', () => resolve(text));
          socket.on('error', (error) => (left > 0 ? setTimeout(() => attempt(left - 1), 50) : reject(error)));
        };
        attempt(40);
      });
      expect(reply).toMatch(/^HTTP\/1\.0 200 OK\r\n/);
      expect(reply).toContain('\r\n\r\nhello from unit-test\n');
    } finally {
      server.kill('SIGKILL');
    }
    const usage = spawnSync(talk, ['serve', 'eighty'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: talk serve PORT NAME | talk ask NAME PORT');
  });

  it.runIf(runsHere)('says in words, and exits 1, when a name does not resolve', () => {
    // Outside a container on a user-defined network nothing answers at 127.0.0.11:53.
    const asked = spawnSync(talk, ['ask', 'berth-no-such-name', '8080'], { encoding: 'utf8', timeout: 10_000 });
    expect(asked.status).toBe(1);
    expect(asked.stderr).toContain('the name berth-no-such-name does not resolve here');
  });
});
