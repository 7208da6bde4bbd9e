/**
 * Builds on the test engine's own BuildKit through Berth's session (file sync from the previewed plan, secrets),
 * driven through the dispatcher as the renderer drives it. The docker CLI here has no buildx, so it cannot run a
 * BuildKit build: where a Dockerfile also works on the classic builder, the files are compared with what
 * `DOCKER_BUILDKIT=0 docker build` puts in the image; BuildKit-only syntax is checked inside the image itself.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildEvent, BuildHistoryEntry, BuildVertex } from '../../../shared/dto/build';
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

const vertices = (events: readonly BuildEvent[]): Map<string, BuildVertex> => {
  const out = new Map<string, BuildVertex>();
  for (const e of events) if (e.type === 'vertex') out.set(e.vertex.id, e.vertex);
  return out;
};
const outputOf = (events: readonly BuildEvent[]): string[] =>
  events.flatMap((e) => (e.type === 'vertex-output' ? e.lines : []));

const cliBuild = (tag: string, root: string, ...extra: string[]): void => {
  execFileSync('docker', ['-H', HOST, 'build', '--network', 'none', '-t', tag, ...extra, root], {
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    stdio: 'ignore',
  });
};
const listing = (image: string, dir: string) => runIn(image, 'find', dir).split('\n').sort();

describe('BuildKit through the session', () => {
  it('says BuildKit ran and why, and streams each step with its Dockerfile line', async () => {
    const root = makeContext('bk-multi', {
      Dockerfile: [
        'FROM berth-fixture/busybox:1 AS base',
        'RUN echo base > /stage',
        '',
        'FROM base AS final',
        'RUN echo final > /stage',
        '',
      ].join('\n'),
    });
    const tag = tagFor('bk-target');
    const { events, error } = await build({ contextPath: root, tags: [tag], target: 'base', network: 'none' });
    expect(error).toBeUndefined();
    expect(events[0]).toMatchObject({ type: 'builder', builder: 'buildkit' });
    const steps = [...vertices(events).values()];
    const run = steps.find((v) => v.name === '[base 2/2] RUN echo base > /stage');
    expect(run?.line).toBe(2);
    expect(run?.completed).not.toBeNull();
    // --target stops at the base stage: the final stage's RUN is not part of the build.
    expect(steps.some((v) => v.name.includes('echo final'))).toBe(false);
    const done = events.at(-1);
    expect(done).toMatchObject({ type: 'done', builder: 'buildkit' });
    expect(runIn(tag, 'cat', '/stage')).toBe('base');

    const cliTag = tagFor('bk-target-cli');
    cliBuild(cliTag, root, '--target', 'base');
    expect(runIn(cliTag, 'cat', '/stage')).toBe('base');
    expect(listing(tag, '/bin').length).toBe(listing(cliTag, '/bin').length);
  });

  it('sends exactly the previewed files: the image holds what the classic CLI build holds', async () => {
    const root = makeContext('bk-ignore', {
      Dockerfile: 'FROM berth-fixture/busybox:1\nCOPY . /app\n',
      '.dockerignore': '**/*.log\nsecret\n!secret/public.txt\nDockerfile\n',
      'src/app.js': 'console.log(1)\n',
      'src/debug.log': 'x',
      'secret/key.pem': 'x',
      'secret/public.txt': 'x',
      'README.md': 'x',
    });
    const shown = await preview(root);
    const tag = tagFor('bk-ignore');
    const { error, events } = await build({ contextPath: root, tags: [tag], network: 'none' });
    expect(error).toBeUndefined();
    expect(events.find((e) => e.type === 'context')).toEqual({
      type: 'context',
      files: shown.sentCount,
      size: shown.sentSize,
    });
    const inImage = runIn(tag, 'find', '/app', '-type', 'f')
      .split('\n')
      .map((p) => p.replace('/app/', ''))
      .sort();
    // As with the classic builder, the Dockerfile is sent (BuildKit reads it) yet .dockerignore hides it from COPY.
    expect(inImage).toEqual(['.dockerignore', 'README.md', 'secret/public.txt', 'src/app.js']);
    expect(shown.buildFilesIgnored).toEqual(['Dockerfile']);
    const cliTag = tagFor('bk-ignore-cli');
    cliBuild(cliTag, root);
    expect(listing(tag, '/app')).toEqual(listing(cliTag, '/app'));
  });

  it('a cache mount keeps its files for the next build of the step', async () => {
    const cacheId = `berth-test-${process.pid}-${Date.now()}`;
    const root = makeContext('bk-cache', {
      Dockerfile: [
        'FROM berth-fixture/busybox:1',
        'ARG RUN_ID',
        `RUN --mount=type=cache,id=${cacheId},target=/cache sh -c 'echo "run $RUN_ID"; if [ -f /cache/stamp ]; then echo "found $(cat /cache/stamp)"; else echo "cache empty"; fi; echo "$RUN_ID" > /cache/stamp'`,
        '',
      ].join('\n'),
    });
    const first = await build({
      contextPath: root,
      tags: [tagFor('bk-cache')],
      network: 'none',
      buildArgs: { RUN_ID: 'one' },
    });
    expect(first.error).toBeUndefined();
    expect(outputOf(first.events)).toContain('cache empty');
    // A new build arg value runs the step again; the cache mount still holds what the first run left.
    const second = await build({
      contextPath: root,
      tags: [tagFor('bk-cache2')],
      network: 'none',
      buildArgs: { RUN_ID: 'two' },
    });
    expect(second.error).toBeUndefined();
    expect(outputOf(second.events)).toContain('found one');
    // Nothing in the image: the mount is not a layer.
    expect(() => runIn(tagFor('bk-cache2'), 'ls', '/cache/stamp')).toThrow();
  });

  it('a secret is readable in its RUN step and absent from the image, its history, the log and the transcript', async () => {
    const value = `s3cret-${Date.now()}`;
    const file = path.join(scratch, 'token.txt');
    fs.writeFileSync(file, value);
    process.env.BERTH_TEST_SECRET = `${value}-env`;
    const root = makeContext('bk-secret', {
      Dockerfile: [
        'FROM berth-fixture/busybox:1',
        'RUN --mount=type=secret,id=tok md5sum /run/secrets/tok',
        'RUN --mount=type=secret,id=envtok md5sum /run/secrets/envtok',
        '',
      ].join('\n'),
    });
    const tag = tagFor('bk-secret');
    const { events, error } = await build({
      contextPath: root,
      tags: [tag],
      network: 'none',
      // Secrets do not change the cache key: an earlier run of this file would otherwise skip the steps.
      noCache: true,
      secrets: [
        { id: 'tok', source: 'file', from: file },
        { id: 'envtok', source: 'env', from: 'BERTH_TEST_SECRET' },
      ],
    });
    expect(error).toBeUndefined();
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    expect(outputOf(events)).toEqual(
      expect.arrayContaining([`${md5(value)}  /run/secrets/tok`, `${md5(`${value}-env`)}  /run/secrets/envtok`]),
    );
    expect(JSON.stringify(events.filter((e) => e.type !== 'done'))).not.toContain(value);
    expect(runIn(tag, 'ls', '/run/secrets')).toBe('');
    expect(cli('history', '--no-trunc', tag)).not.toContain(value);
    const saved = execFileSync('docker', ['-H', HOST, 'save', tag], { maxBuffer: 64 * 1024 * 1024 });
    expect(saved.includes(Buffer.from(value))).toBe(false);
    expect(JSON.stringify(testBackend().services.transcript.list())).not.toContain(value);
    // The history keeps where the secrets came from and the log, never the values.
    const history = await testBackend().dispatcher.request('build:history', undefined);
    expect(history.ok).toBe(true);
    if (!history.ok) return;
    const entries = history.value as readonly BuildHistoryEntry[];
    const entry = entries[0];
    expect(entry).toMatchObject({ outcome: 'succeeded', builder: 'buildkit', options: { tags: [tag] } });
    expect(entry?.options.secrets?.map((x) => x.id)).toEqual(['tok', 'envtok']);
    const log = await testBackend().dispatcher.request('build:historyLog', { id: entry?.id });
    expect(log.ok).toBe(true);
    expect(JSON.stringify(log)).toContain('/run/secrets/tok');
    expect(JSON.stringify([entries, log])).not.toContain(value);
  });

  it('a missing secret source is refused before anything is sent', async () => {
    const root = makeContext('bk-nosecret', { Dockerfile: 'FROM berth-fixture/busybox:1\n' });
    const { error } = await build({
      contextPath: root,
      network: 'none',
      secrets: [{ id: 'x', source: 'env', from: 'BERTH_TEST_NOT_SET_ANYWHERE' }],
    });
    expect(error).toEqual({
      code: 'INVALID_INPUT',
      message: 'The secret x comes from the environment variable BERTH_TEST_NOT_SET_ANYWHERE, which is not set.',
    });
  });

  it('COPY --chmod sets the mode in the image', async () => {
    const root = makeContext('bk-chmod', {
      Dockerfile: 'FROM berth-fixture/busybox:1\nCOPY --chmod=750 run.sh /run.sh\n',
      'run.sh': 'echo hi\n',
    });
    fs.chmodSync(path.join(root, 'run.sh'), 0o644);
    const tag = tagFor('bk-chmod');
    const { error } = await build({ contextPath: root, tags: [tag], network: 'none' });
    expect(error).toBeUndefined();
    expect(runIn(tag, 'stat', '-c', '%a', '/run.sh')).toBe('750');
    console.info(
      'COPY --chmod is BuildKit-only and this docker CLI has no buildx: checked in the image, not against the CLI.',
    );
  });

  it('a failing step is reported at its Dockerfile line with its last lines, and tags nothing', async () => {
    const root = makeContext('bk-fail', {
      Dockerfile: 'FROM berth-fixture/busybox:1\n\nRUN echo before-failing && exit 3\nCMD ["true"]\n',
    });
    const tag = tagFor('bk-fail');
    const { events, error } = await build({ contextPath: root, tags: [tag], network: 'none' });
    expect(error?.code).toBe('ENGINE_ERROR');
    expect(error?.message).toMatch(
      /^\[2\/2\] RUN echo before-failing && exit 3 \(Dockerfile line 3\) failed: .*exit code: 3/,
    );
    expect(error?.details).toMatchObject({ line: 3 });
    expect(error?.details?.lastLines).toContain('before-failing');
    const failed = [...vertices(events).values()].find((v) => v.error !== null);
    expect(failed?.line).toBe(3);
    expect(() => cli('image', 'inspect', tag)).toThrow();
  });

  it('cancel stops the build and leaves no tag', async () => {
    const root = makeContext('bk-cancel', {
      Dockerfile: `FROM berth-fixture/busybox:1\nRUN echo started-${Date.now()} && sleep 30\n`,
    });
    const tag = tagFor('bk-cancel');
    const started = Date.now();
    const { error } = await build({ contextPath: root, tags: [tag], network: 'none' }, (event, cancel) => {
      if (event.type === 'vertex-output' && event.lines.some((l) => l.startsWith('started-'))) cancel();
    });
    expect(error?.code).toBe('CANCELLED');
    await new Promise((r) => setTimeout(r, 1500));
    expect(() => cli('image', 'inspect', tag)).toThrow();
    expect(Date.now() - started).toBeLessThan(25_000);
    const entry = testBackend().services.transcript.list().at(-1);
    expect(entry).toMatchObject({ outcome: 'failed', error: 'The build was cancelled. Nothing was tagged.' });
    const history = await testBackend().dispatcher.request('build:history', undefined);
    const latest = history.ok ? (history.value as readonly BuildHistoryEntry[])[0] : undefined;
    expect(latest).toMatchObject({ outcome: 'cancelled', imageId: null, options: { tags: [tag] } });
  });
});
