/**
 * "Save whole log" against a real engine: the text for one container equals `docker logs --timestamps` (with the
 * stream named on each line), several containers interleave by timestamp with their names, a slow reader still
 * gets every line, and the same text comes out of the bridge's one-use download and the desktop channel's file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Dockerode from 'dockerode';
import type { SavedImage } from '../../../shared/dto/desktop';
import type { TransferTicket } from '../../../shared/dto/images';
import { cleanupLabelled, dockerFor } from '../../../scripts/test-engine.mjs';
import { createBackend, type Backend } from '../index';
import { waitForStatus } from '../backend.test-helper';
import type { DesktopDialogs } from '../desktop/desktop.types';
import { logExportRoute } from '../../bridge/transfers.routes';
import { call } from '../images/images.test-helper';
import { exportLogs, exportTargets } from './logs.export';

const HOST = process.env.TEST_DOCKER_HOST ?? '';
const FIXTURE = 'berth-fixture/busybox:1';
const RUN = `lx-${process.pid}-${Date.now().toString(36)}`;
const LINES = 30_000;

let docker: Dockerode;
let backend: Backend;
let saveAnswer: string | null = null;
const dialogs: DesktopDialogs = {
  showSaveDialog: () => Promise.resolve(saveAnswer),
  showOpenDialog: () => Promise.resolve(null),
};

/** Starts a container; resolves with its name and a promise of its exit. */
async function started(name: string, script: string): Promise<{ name: string; exited: Promise<unknown> }> {
  const c = await docker.createContainer({
    name: `${RUN}-${name}`,
    Image: FIXTURE,
    Cmd: ['sh', '-c', script],
    Labels: { 'berth.test': '1' },
  });
  await c.start();
  return { name: `${RUN}-${name}`, exited: c.wait() };
}

/** `docker logs --timestamps` of one container, stdout and stderr in the order the engine keeps them. */
const cliLog = (name: string) =>
  execFileSync('sh', ['-c', `docker -H "$H" logs --timestamps "$C" 2>&1`], {
    env: { ...process.env, H: HOST, C: name },
    maxBuffer: 256 * 1024 * 1024,
  }).toString('utf8');

async function exported(names: string[], out: Writable = new PassThrough()): Promise<string> {
  const chunks: Buffer[] = [];
  if (out instanceof PassThrough) out.on('data', (c: Buffer) => chunks.push(c));
  const targets = await exportTargets(docker, names);
  const result = await exportLogs(docker, targets, out, new AbortController().signal);
  const text = Buffer.concat(chunks).toString('utf8');
  if (out instanceof PassThrough) expect(text.split('\n').length - 1).toBe(result.lines);
  return text;
}

let noisy: string;
let quiet: string;

beforeAll(async () => {
  docker = dockerFor(HOST);
  backend = createBackend({ env: { DOCKER_HOST: HOST }, platform: 'linux', homedir: os.tmpdir(), desktop: dialogs });
  await waitForStatus(backend, (s) => s.state === 'connected');
  // Their lines interleave in time: the quiet one prints every 0.3 s for 3 s, and the noisy one, started while it
  // runs, prints in ten bursts 0.2 s apart.
  const q = await started('quiet', 'for i in 1 2 3 4 5 6 7 8 9 10; do echo "quiet $i"; sleep 0.3; done');
  const n = await started(
    'noisy',
    `i=0; while [ $i -lt ${LINES} ]; do echo "out $i é"; [ $((i % 997)) -eq 0 ] && echo "err $i" >&2; i=$((i+1)); [ $((i % ${LINES / 10})) -eq 0 ] && sleep 0.2; done; printf '\\033[31mred\\033[0m\\n'`,
  );
  await Promise.all([n.exited, q.exited]);
  noisy = n.name;
  quiet = q.name;
}, 120_000);

afterAll(async () => {
  await backend?.dispose();
  await cleanupLabelled(HOST);
});

describe('the whole log as text', () => {
  it('equals docker logs --timestamps for one container, with each line’s stream named', async () => {
    const text = await exported([noisy]);
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBe(LINES + Math.ceil(LINES / 997) + 1);
    expect(lines.filter((l) => / stderr err \d+$/.test(l)).length).toBe(Math.ceil(LINES / 997));
    expect(lines.at(-1)?.endsWith(' stdout \u001b[31mred\u001b[0m')).toBe(true);
    const withoutStream = lines.map((l) => l.replace(/^(\S+) (?:stdout|stderr) /, '$1 ')).join('\n') + '\n';
    expect(withoutStream).toBe(cliLog(noisy));
  });

  it('interleaves several containers by timestamp, each line tagged with its name', async () => {
    const lines = (await exported([noisy, quiet])).trimEnd().split('\n');
    const ts = (l: string) => l.slice(0, l.indexOf(' '));
    const of = (name: string) =>
      lines
        .filter((l) => l.startsWith(`${ts(l)} ${name} `))
        .map((l) => l.replace(` ${name} `, ' '))
        .join('\n') + '\n';
    // Each container keeps the engine's own order (stdout and stderr lines may be a few µs out of order there).
    expect(of(noisy)).toBe(await exported([noisy]));
    expect(of(quiet)).toBe(await exported([quiet]));
    // Each quiet line sits between the noisy lines stamped before and after it.
    const at = lines.map((l, i) => (l.startsWith(`${ts(l)} ${quiet} `) ? i : -1)).filter((i) => i >= 0);
    expect(at.length).toBe(10);
    const between = at.filter((i) => i > 0 && i < lines.length - 1 && !lines[i + 1]?.includes(` ${quiet} `));
    expect(between.length).toBeGreaterThan(0);
    for (const i of between) {
      expect(ts(lines[i - 1] ?? '') <= ts(lines[i] ?? '')).toBe(true);
      expect(ts(lines[i] ?? '') <= ts(lines[i + 1] ?? '')).toBe(true);
    }
  });

  it('gives a slow reader every line, holding the engine back meanwhile', async () => {
    let text = '';
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        text += chunk.toString('utf8');
        setTimeout(done, 1);
      },
    });
    await exported([noisy], slow);
    expect(text).toBe(await exported([noisy]));
  });

  it('refuses an unknown container before writing anything', async () => {
    await expect(exportTargets(docker, [noisy, `${RUN}-missing`])).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('through the bridge and the desktop channel', () => {
  it('serves the text once at the ticket’s address, and records the CLI command', async () => {
    const ticket = await call<TransferTicket>(backend, 'logs:saveTicket', { containers: [noisy, quiet] });
    if (!ticket.ok) throw new Error(ticket.error.message);
    expect(ticket.value.filename).toBe(`${noisy}+${quiet}.log`);
    const server = http.createServer((req, res) => {
      if (!logExportRoute(backend.services.logExports)(req, res, 0)) res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const first = await fetch(`http://127.0.0.1:${port}${ticket.value.path}`);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-disposition')).toBe(`attachment; filename="${noisy}+${quiet}.log"`);
      expect(await first.text()).toBe(await exported([noisy, quiet]));
      const again = await fetch(`http://127.0.0.1:${port}${ticket.value.path}`);
      expect(again.status).toBe(404);
    } finally {
      server.close();
    }
    const entry = backend.services.transcript.list().at(-1);
    expect(entry?.command).toBe(
      `(docker logs --timestamps ${noisy} 2>&1; docker logs --timestamps ${quiet} 2>&1) | sort -s -k1,1 > ${noisy}+${quiet}.log`,
    );
    expect(entry?.outcome).toBe('ok');
  });

  it('answers NOT_FOUND for a ticket asked for a missing container', async () => {
    const ticket = await call(backend, 'logs:saveTicket', { containers: [`${RUN}-missing`] });
    expect(!ticket.ok && ticket.error.code).toBe('NOT_FOUND');
  });

  it('writes the same text to the file the dialog chose', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-logsave-'));
    saveAnswer = path.join(dir, 'noisy.log');
    const saved = await call<SavedImage>(backend, 'desktop:saveLog', { containers: [noisy] });
    expect(saved).toEqual({ ok: true, value: { cancelled: false, path: saveAnswer } });
    expect(fs.readFileSync(saveAnswer, 'utf8')).toBe(await exported([noisy]));
    expect(fs.readdirSync(dir)).toEqual(['noisy.log']);
    saveAnswer = null;
    expect(await call(backend, 'desktop:saveLog', { containers: [noisy] })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
