/**
 * Builds against the real engine through the backend's dispatcher, as the renderer does: the context preview and
 * .dockerignore against what lands in the image (and against the docker CLI's own build), build args, a failing
 * RUN, cancelling, and the errors for a missing or wrong context and a broken Dockerfile.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCommand } from '../../../shared/cli/build.cli';
import {
  build,
  cli,
  HOST,
  makeContext,
  preview,
  runIn,
  scratch,
  tagFor,
  testBackend,
  useBuildBackend,
} from './build.int.test-helper';

useBuildBackend();

const DEMO_DOCKERFILE = [
  'FROM berth-fixture/busybox:1',
  'LABEL berth.test=1',
  'ARG GREETING=hello',
  'ENV APP=demo',
  'WORKDIR /app',
  'COPY . /app',
  'RUN echo "$GREETING" > /greeting && echo "greeted: $GREETING"',
  'CMD ["cat", "/greeting"]',
  '',
].join('\n');

// One pattern for each rule: **, a folder with an exception inside, an exception that cannot reopen a folder,
// a leading /, a trailing /, and the Dockerfile and .dockerignore themselves.
const DEMO_IGNORE = [
  '# build output and secrets',
  '**/*.log',
  'secret',
  '!secret/public.txt',
  'docs',
  '!**/keep.md',
  '/top.txt',
  'cache/',
  'Dockerfile',
  '.dockerignore',
].join('\n');

const DEMO_FILES = {
  Dockerfile: DEMO_DOCKERFILE,
  '.dockerignore': DEMO_IGNORE,
  'src/app.js': 'console.log(1)\n',
  'src/debug.log': 'x',
  'a/b/c.log': 'x',
  'secret/key.pem': 'x',
  'secret/public.txt': 'x',
  'docs/keep.md': 'x',
  'keep.md': 'x',
  'top.txt': 'x',
  'sub/top.txt': 'x',
  'cache/blob.bin': 'x',
  'README.md': 'x',
};

describe('a multi-step Dockerfile with a .dockerignore', () => {
  const root = makeContext('demo', DEMO_FILES);
  const tag = tagFor('demo');

  it('builds, streaming every step, and the image holds exactly the previewed files', async () => {
    const shown = await preview(root);
    expect(shown.sent.map((f) => f.path)).toEqual([
      '.dockerignore',
      'Dockerfile',
      'README.md',
      'keep.md',
      'secret/public.txt',
      'src/app.js',
      'sub/top.txt',
    ]);
    expect(shown.excluded).toEqual(['a/b/c.log', 'cache/', 'docs/', 'secret/key.pem', 'src/debug.log', 'top.txt']);
    expect(shown.buildFilesIgnored).toEqual(['.dockerignore', 'Dockerfile']);

    const { events, error } = await build({ builder: 'classic', contextPath: root, tags: [tag] });
    expect(error).toBeUndefined();
    const steps = events.filter((e) => e.type === 'step');
    expect(steps.map((s) => `${s.step}/${s.total}`)).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
    expect(events).toContainEqual({ type: 'output', step: 7, text: 'greeted: hello' });
    expect(events[0]).toMatchObject({ type: 'builder', builder: 'classic' });
    expect(events[1]).toEqual({ type: 'context', files: shown.sentCount, size: shown.sentSize });
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(done.imageId).toBe(cli('image', 'inspect', '--format', '{{.Id}}', tag));
    expect(done.history[0]?.createdBy).toContain('CMD ["cat" "/greeting"]');

    // What reached the image is what the preview listed, less the two build files the engine hides from COPY.
    const inImage = runIn(tag, 'find', '/app', '-type', 'f')
      .split('\n')
      .map((p) => p.replace('/app/', ''))
      .sort();
    const expected = shown.sent.map((f) => f.path).filter((p) => !shown.buildFilesIgnored.includes(p));
    expect(inImage).toEqual(expected.sort());
    expect(runIn(tag)).toBe('hello');
  });

  it('puts the same files in the image as the docker CLI does from the command Berth shows', () => {
    const cliTag = tagFor('demo-cli');
    const command = buildCommand({ contextPath: root, tags: [cliTag] });
    expect(command).toBe(`docker build -t ${cliTag} ${root}`);
    execFileSync('docker', ['-H', HOST, 'build', '-t', cliTag, root], {
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
      stdio: 'ignore',
    });
    const listing = (image: string) => runIn(image, 'find', '/app').split('\n').sort();
    expect(listing(cliTag)).toEqual(listing(tag));
  });

  it('a second build of the same context is served from the cache, step by step', async () => {
    const { events, error } = await build({ builder: 'classic', contextPath: root, tags: [tag] });
    expect(error).toBeUndefined();
    expect(events.filter((e) => e.type === 'cached').map((e) => e.step)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(events.some((e) => e.type === 'output' && e.text.startsWith('greeted'))).toBe(false);
  });

  it('build args take effect, and no-cache runs every step again', async () => {
    const argTag = tagFor('args');
    const { error, events } = await build({
      builder: 'classic',
      contextPath: root,
      tags: [argTag],
      buildArgs: { GREETING: 'hi from berth' },
      noCache: true,
    });
    expect(error).toBeUndefined();
    expect(events.some((e) => e.type === 'cached')).toBe(false);
    expect(runIn(argTag)).toBe('hi from berth');
  });
});

describe('targets and failures', () => {
  it('builds only up to the target stage', async () => {
    const root = makeContext('stages', {
      Dockerfile: [
        'FROM berth-fixture/busybox:1 AS base',
        'LABEL berth.test=1',
        'RUN echo base > /stage',
        'FROM base AS final',
        'RUN echo final > /stage',
      ].join('\n'),
    });
    const tag = tagFor('target');
    const { error } = await build({ builder: 'classic', contextPath: root, tags: [tag], target: 'base' });
    expect(error).toBeUndefined();
    expect(runIn(tag, 'cat', '/stage')).toBe('base');
  });

  it('a failing RUN reports its step and the engine message, and tags nothing', async () => {
    const root = makeContext('failing', {
      Dockerfile: 'FROM berth-fixture/busybox:1\nLABEL berth.test=1\nRUN echo before && exit 3\nCMD ["true"]\n',
    });
    const tag = tagFor('failing');
    const { events, error } = await build({ builder: 'classic', contextPath: root, tags: [tag] });
    expect(error?.code).toBe('ENGINE_ERROR');
    expect(error?.message).toBe(
      "Step 3/4 (RUN echo before && exit 3) failed: The command '/bin/sh -c echo before && exit 3' returned a non-zero code: 3",
    );
    expect(error?.details).toMatchObject({ step: 3, total: 4 });
    expect(events).toContainEqual({ type: 'output', step: 3, text: 'before' });
    expect(() => cli('image', 'inspect', tag)).toThrow();
    const entry = testBackend().services.transcript.list().at(-1);
    expect(entry).toMatchObject({ outcome: 'failed', command: `DOCKER_BUILDKIT=0 docker build -t ${tag} ${root}` });
  });

  it('cancelling stops the running step, leaves no image tagged and no build container behind', async () => {
    const root = makeContext('slow', {
      Dockerfile: 'FROM berth-fixture/busybox:1\nLABEL berth.test=1\nRUN echo started && sleep 30\nCMD ["true"]\n',
    });
    const tag = tagFor('cancel');
    const containersBefore = cli('ps', '-aq').split('\n').filter(Boolean);
    const started = Date.now();
    const { error } = await build({ builder: 'classic', contextPath: root, tags: [tag] }, (event, cancel) => {
      if (event.type === 'output' && event.text === 'started') cancel();
    });
    expect(error?.code).toBe('CANCELLED');
    // The engine kills and removes the RUN container once the request is gone.
    const deadline = Date.now() + 20_000;
    let leftover: string[] = [];
    do {
      await new Promise((r) => setTimeout(r, 250));
      leftover = cli('ps', '-aq')
        .split('\n')
        .filter((c) => c && !containersBefore.includes(c));
    } while (leftover.length > 0 && Date.now() < deadline);
    expect(leftover).toEqual([]);
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(() => cli('image', 'inspect', tag)).toThrow();
    const entry = testBackend().services.transcript.list().at(-1);
    expect(entry).toMatchObject({ outcome: 'failed', error: 'The build was cancelled. Nothing was tagged.' });
  });
});

describe('clear errors before and during the build', () => {
  it('a missing folder, a file, and a missing Dockerfile are named plainly', async () => {
    const missing = path.join(scratch, 'does-not-exist');
    expect((await build({ builder: 'classic', contextPath: missing })).error).toEqual({
      code: 'NOT_FOUND',
      message: `There is no folder at ${missing}.`,
    });
    const file = path.join(makeContext('file', { 'f.txt': 'x' }), 'f.txt');
    expect((await testBackend().dispatcher.request('build:preview', { contextPath: file })).ok).toBe(false);
    expect((await build({ builder: 'classic', contextPath: file })).error?.code).toBe('INVALID_INPUT');
    const empty = makeContext('nodockerfile', { 'app.js': '' });
    expect((await build({ builder: 'classic', contextPath: empty })).error).toEqual({
      code: 'NOT_FOUND',
      message: `There is no Dockerfile in ${empty}. Choose the Dockerfile to build from, or write one.`,
    });
  });

  it('a Dockerfile the engine cannot parse comes back as its own sentence', async () => {
    const root = makeContext('bad', { Dockerfile: 'FROM berth-fixture/busybox:1\nFOO bar\n' });
    const { error } = await build({ builder: 'classic', contextPath: root });
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.message).toBe(
      'The Dockerfile has a mistake on line 2: unknown instruction: FOO. Fix that line, then build again.',
    );
    expect(error?.details?.entry).toBe('dockerfile-parse');
    expect(error?.details?.engine).toContain('FOO');
  });
});
