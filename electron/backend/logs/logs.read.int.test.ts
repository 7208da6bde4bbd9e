/**
 * readLogs over the engine's socket as HTTP/1.0 (logs.http.ts) against the same read through dockerode's modem,
 * on a real engine: the same lines, streams and timestamps, for framed and TTY containers; and the engine's
 * refusal of an unknown container read the same way. Extra headers make plainTarget leave a client to the modem.
 */
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupLabelled, dockerFor } from '../../../scripts/test-engine.mjs';
import { toBerthError } from '../engine/errors';
import { plainTarget, type ModemSettings } from './logs.http';
import { readLogs } from './logs.read';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const FIXTURE = 'berth-fixture/busybox:1';
const RUN = `lr-${process.pid}-${Date.now().toString(36)}`;

interface Read {
  readonly stream: string;
  readonly ts: string;
  readonly text: string;
}

async function read(docker: Dockerode, id: string, tty: boolean): Promise<Read[]> {
  const lines: Read[] = [];
  await readLogs(
    docker,
    id,
    tty,
    { follow: false, tail: 'all' },
    (stream, ts, text) => lines.push({ stream, ts, text: text.toString('utf8') }),
    new AbortController().signal,
  );
  return lines;
}

describe('readLogs: the socket path and the modem path agree', () => {
  let plain: Dockerode;
  let modem: Dockerode;

  beforeAll(() => {
    plain = dockerFor(HOST);
    modem = new Dockerode({ socketPath: HOST.replace(/^unix:\/\//, ''), headers: { 'X-Berth-Test': '1' } });
  });
  afterAll(() => cleanupLabelled(HOST));

  it('chooses the socket for the plain client and the modem for the one with extra headers', () => {
    expect(plainTarget(plain.modem as ModemSettings)?.kind).toBe('socket');
    expect(plainTarget(modem.modem as ModemSettings)).toBeNull();
  });

  it.each([false, true])('returns the same lines both ways (tty %s)', async (tty) => {
    // 20,000 lines, a stderr line every 1,000, a 40 KB line the engine stores in three parts, and UTF-8.
    const script =
      'i=0; while [ $i -lt 20000 ]; do echo "out $i é€"; [ $((i % 1000)) -eq 0 ] && echo "err $i" >&2; i=$((i+1)); done; head -c 40000 /dev/zero | tr "\\0" x; echo';
    const container = await modem.createContainer({
      name: `${RUN}-${tty ? 'tty' : 'framed'}`,
      Image: FIXTURE,
      Cmd: ['sh', '-c', script],
      Tty: tty,
      Labels: { 'berth.test': '1' },
    });
    await container.start();
    await container.wait();
    const viaSocket = await read(plain, container.id, tty);
    const viaModem = await read(modem, container.id, tty);
    expect(viaSocket.length).toBe(20_000 + 20 + 1);
    expect(viaSocket).toEqual(viaModem);
    expect(viaSocket.find((l) => l.text === 'out 19999 é€')).toBeDefined();
    expect(viaSocket.at(-1)?.text).toBe('x'.repeat(40_000));
    if (!tty) expect(viaSocket.filter((l) => l.stream === 'stderr').map((l) => l.text)).toContain('err 19000');
  });

  it('reports an unknown container like the modem does', async () => {
    const [fromSocket, fromModem] = await Promise.all(
      [plain, modem].map((d) => read(d, `${RUN}-missing`, false).catch((e: unknown) => toBerthError(e))),
    );
    expect(fromSocket).toMatchObject({ code: 'NOT_FOUND' });
    expect(fromSocket).toEqual(fromModem);
  });
});
