/**
 * Compose projects against a real engine and the Compose CLI installed here: a two-service fixture project is
 * brought up through Berth, listed, stopped and started in dependency order, checked with `docker ps`, and taken
 * down; a broken compose file is reported at its line. `docker compose` (v2) tests say so when v2 is absent.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeEvent, ComposeFile, ProjectActionResult, ProjectSummary } from '../../../shared/dto/projects';
import type { Backend } from '../index';
import { call as callOn, cli, collect, connectedBackend, HOST, unique } from '../images/images.test-helper';
import { findComposeCli } from './compose.process';

const FIXTURE = 'berth-fixture/busybox:1';
/** PID 1 ignores SIGTERM unless it traps it: this one stops at once instead of after the 10 s timeout. */
const SLEEPER = `["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`;

let backend: Backend;
let dir: string;
let project: string;
let file: string;
const call = <T>(channel: string, input?: unknown) => callOn<T>(backend, channel, input);
const value = async <T>(channel: string, input?: unknown): Promise<T> => {
  const result = await call<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
};

/** Two services, web depending on db, on the project's own labelled network, each labelled for cleanup. */
const composeText = () => `services:
  db:
    image: ${FIXTURE}
    command: ${SLEEPER}
    labels:
      berth.test: "1"
    volumes:
      - data:/data
  web:
    image: ${FIXTURE}
    command: ${SLEEPER}
    depends_on:
      - db
    labels:
      berth.test: "1"
networks:
  default:
    labels:
      berth.test: "1"
volumes:
  data:
    labels:
      berth.test: "1"
`;

const v1 = () => findComposeCli(process.env, [{ kind: 'v1', argv: ['docker-compose'] }]);

const states = () =>
  cli('ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}} {{.State}}')
    .split('\n')
    .filter(Boolean)
    .sort();

beforeAll(async () => {
  backend = await connectedBackend();
  // The folder names the project (v1 knows no `name:` key); v1 strips what is not a letter or digit from a
  // project name, so one that needs no stripping works for both.
  project = unique('bt').replace(/[^a-z0-9]/g, '');
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'berth-compose-')), project);
  fs.mkdirSync(dir);
  file = path.join(dir, 'compose.yaml');
  fs.writeFileSync(file, composeText());
});

afterAll(async () => {
  await backend?.dispose();
  try {
    execFileSync('docker-compose', ['-H', HOST, '-p', project, '-f', file, 'down', '--volumes'], { stdio: 'ignore' });
  } catch {
    // Nothing was up, or Compose is missing; the engine's labelled cleanup removes the rest.
  }
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}, 60_000);

describe('a compose file', () => {
  it('reads what the file declares, with lines', async () => {
    const read = await value<ComposeFile>('projects:readFile', { path: dir });
    expect(read.path).toBe(fs.realpathSync(file));
    expect(read.projectName).toBe(project);
    expect(read.problems).toEqual([]);
    expect(read.services.map((s) => [s.name, s.line, s.image, s.dependsOn])).toEqual([
      ['db', 2, FIXTURE, []],
      ['web', 9, FIXTURE, ['db']],
    ]);
    expect(read.volumes).toEqual([{ name: 'data', line: 21 }]);
  });

  it('refuses a relative path and a file that is not YAML, in words', async () => {
    const relative = await call('projects:readFile', { path: 'compose.yaml' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const other = path.join(dir, 'notes.txt');
    fs.writeFileSync(other, 'hello');
    const txt = await call('projects:readFile', { path: other });
    expect(txt).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!txt.ok && txt.error.message).toMatch(/\.yaml or \.yml/);
  });
});

describe('with docker-compose v1', () => {
  it('ups the project, lists it, stops it in dependency order, starts it, and takes it down', async (ctx) => {
    const found = await v1();
    if (!found.found) {
      console.warn('CANNOT RUN: docker-compose (v1) is not installed here.');
      ctx.skip();
    }
    const up = await collect<ComposeEvent>(backend, 'projects:compose', { path: file, verb: 'up' });
    expect(up.last, JSON.stringify(up)).toMatchObject({ type: 'end' });
    expect(up.items[0]).toMatchObject({ type: 'started', cli: 'v1' });
    expect(up.items).toContainEqual({ type: 'exit', code: 0, truncated: false });
    expect(states()).toEqual([`${project}_db_1 running`, `${project}_web_1 running`]);

    const listed = (await value<ProjectSummary[]>('projects:list')).find((p) => p.name === project);
    expect(listed).toMatchObject({ state: 'running', running: 2, total: 2, workingDir: dir });
    expect(listed?.configFiles.length).toBe(1);
    expect(listed?.services.map((s) => s.name).sort()).toEqual(['db', 'web']);
    expect(listed?.networks.map((n) => n.name)).toEqual([`${project}_default`]);
    expect(listed?.volumes.map((v) => v.name)).toEqual([`${project}_data`]);

    const stopped = await value<ProjectActionResult>('projects:stop', { name: project });
    expect(stopped.failed).toEqual([]);
    expect([...stopped.done].sort()).toEqual([`${project}_db_1`, `${project}_web_1`]);
    expect(cli('ps', '-q', '--filter', `label=com.docker.compose.project=${project}`)).toBe('');
    expect(states()).toEqual([`${project}_db_1 exited`, `${project}_web_1 exited`]);

    await value<ProjectActionResult>('projects:start', { name: project });
    expect(states()).toEqual([`${project}_db_1 running`, `${project}_web_1 running`]);

    const preview = await value<{ containers: unknown[]; networks: string[]; volumes: string[] }>(
      'projects:removePreview',
      { name: project },
    );
    expect(preview).toMatchObject({ networks: [`${project}_default`], volumes: [`${project}_data`] });
    expect(preview.containers).toHaveLength(2);

    const down = await collect<ComposeEvent>(backend, 'projects:compose', { path: file, verb: 'down' });
    expect(down.last).toMatchObject({ type: 'end' });
    expect(states()).toEqual([]);
    expect(cli('network', 'ls', '-q', '--filter', `name=${project}_default`)).toBe('');
  }, 120_000);

  it('removes a whole project through the Engine API, volumes too when asked', async (ctx) => {
    if (!(await v1()).found) {
      console.warn('CANNOT RUN: docker-compose (v1) is not installed here.');
      ctx.skip();
    }
    const up = await collect<ComposeEvent>(backend, 'projects:compose', { path: file, verb: 'up' });
    expect(up.last).toMatchObject({ type: 'end' });
    const removed = await value<ProjectActionResult>('projects:remove', { name: project, volumes: true });
    expect(removed.failed).toEqual([]);
    expect(states()).toEqual([]);
    expect(cli('network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`)).toBe('');
    expect(cli('volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`)).toBe('');
    expect((await value<ProjectSummary[]>('projects:list')).some((p) => p.name === project)).toBe(false);
    const gone = await call('projects:stop', { name: project });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('reports a compose file error at its line', async (ctx) => {
    if (!(await v1()).found) {
      console.warn('CANNOT RUN: docker-compose (v1) is not installed here.');
      ctx.skip();
    }
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(
      bad,
      `services:\n  web:\n    image: ${FIXTURE}\n    labels:\n      berth.test: "1"\n    imagee: typo\n`,
    );
    const run = await collect<ComposeEvent>(backend, 'projects:compose', { path: bad, verb: 'up' });
    expect(run.last).toMatchObject({ type: 'error', error: { code: 'INVALID_INPUT' } });
    expect(run.last.type === 'error' && run.last.error.message).toMatch(/line 6/);
    const problems = run.items.flatMap((e) => (e.type === 'problem' ? [e.problem] : []));
    expect(problems[0]?.line).toBe(6);
    expect(problems[0]?.message).toMatch(/imagee/);
  });
});

describe('with docker compose v2', () => {
  it('ups and downs the project with the v2 plugin, or says it cannot run', async (ctx) => {
    const v2 = await findComposeCli(process.env, [{ kind: 'v2', argv: ['docker', 'compose'] }]);
    if (!v2.found) {
      console.warn('CANNOT RUN: `docker compose` (v2) is not installed here; the v2 test did not run.');
      ctx.skip();
    }
    const up = await collect<ComposeEvent>(backend, 'projects:compose', { path: file, verb: 'up' });
    expect(up.items[0]).toMatchObject({ type: 'started', cli: 'v2' });
    expect(up.last).toMatchObject({ type: 'end' });
    expect(states()).toHaveLength(2);
    const down = await collect<ComposeEvent>(backend, 'projects:compose', { path: file, verb: 'down' });
    expect(down.last).toMatchObject({ type: 'end' });
    expect(states()).toEqual([]);
  });
});
