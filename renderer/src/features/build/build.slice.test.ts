import { describe, expect, it } from 'vitest';
import { buildBerthApi } from '../../../../shared/api';
import type { BuildEvent } from '../../../../shared/dto/build';
import { fail, ok } from '../../../../shared/result';
import type { StreamMessage } from '../../../../shared/stream';
import { applyBuildEvents, buildOptionsFromForm, EMPTY_FORM, STEP_LINE_LIMIT, type BuildRun } from './build.slice';
import { createBerthStore } from '../../app/store';

const RUNNING: BuildRun = {
  status: 'running',
  options: null,
  steps: [],
  vertices: [],
  tags: [],
  history: [],
  error: null,
};

describe('buildOptionsFromForm', () => {
  it('leaves empty fields out and splits tags on spaces and commas', () => {
    expect(buildOptionsFromForm({ ...EMPTY_FORM, contextPath: ' /src/app ' })).toEqual({ contextPath: '/src/app' });
    expect(
      buildOptionsFromForm({
        ...EMPTY_FORM,
        contextPath: '/src/app',
        dockerfile: 'docker/Dockerfile.dev',
        tags: 'app:1, app:latest  registry.local/app',
        buildArgs: [
          { name: 'GREETING', value: 'hi there' },
          { name: ' ', value: 'ignored' },
        ],
        target: ' final ',
        noCache: true,
        pull: false,
      }),
    ).toEqual({
      contextPath: '/src/app',
      dockerfile: 'docker/Dockerfile.dev',
      tags: ['app:1', 'app:latest', 'registry.local/app'],
      buildArgs: { GREETING: 'hi there' },
      target: 'final',
      noCache: true,
    });
  });

  it('reads BuildKit options, labels and secrets as the docker CLI writes them', () => {
    expect(
      buildOptionsFromForm({
        ...EMPTY_FORM,
        contextPath: '/src/app',
        network: 'none',
        platform: 'linux/arm64',
        labels: 'team=core\n\nnote=a=b',
        secrets: 'id=npm,src=/home/me/.npmrc\nid=tok,env=TOKEN\nnonsense',
        builder: 'classic',
      }),
    ).toEqual({
      contextPath: '/src/app',
      network: 'none',
      platform: 'linux/arm64',
      labels: { team: 'core', note: 'a=b' },
      secrets: [
        { id: 'npm', source: 'file', from: '/home/me/.npmrc' },
        { id: 'tok', source: 'env', from: 'TOKEN' },
        { id: 'nonsense', source: 'file', from: '' },
      ],
      builder: 'classic',
    });
  });
});

describe('applyBuildEvents', () => {
  it('builds the step list: output per step, cache hits, layers, and the result', () => {
    const events: BuildEvent[] = [
      { type: 'context', files: 3, size: 120 },
      { type: 'step', step: 1, total: 2, instruction: 'FROM x' },
      { type: 'layer', step: 1, id: 'aaa' },
      { type: 'step', step: 2, total: 2, instruction: 'RUN echo hi' },
      { type: 'output', step: 2, text: 'hi' },
      { type: 'cached', step: 2 },
      {
        type: 'done',
        imageId: 'sha256:abc',
        tags: ['t:1'],
        dockerfile: 'Dockerfile',
        dockerfileText: 'FROM x\nRUN echo hi',
        history: [],
      },
    ];
    const run = applyBuildEvents({ ...RUNNING, options: { contextPath: '/c', target: 'app' } }, events);
    expect(run.status).toBe('succeeded');
    expect(run.contextFiles).toBe(3);
    expect(run.steps).toEqual([
      { step: 1, total: 2, instruction: 'FROM x', cached: false, layerId: 'aaa', lines: [], droppedLines: 0 },
      { step: 2, total: 2, instruction: 'RUN echo hi', cached: true, lines: ['hi'], droppedLines: 0 },
    ]);
    expect(run.source).toEqual({
      contextPath: '/c',
      dockerfile: 'Dockerfile',
      dockerfileText: 'FROM x\nRUN echo hi',
      target: 'app',
    });
  });

  it('keeps only the latest lines of a chatty step and counts the rest', () => {
    const start = applyBuildEvents(RUNNING, [{ type: 'step', step: 1, total: 1, instruction: 'RUN yes' }]);
    const output = Array.from({ length: STEP_LINE_LIMIT + 5 }, (_, i): BuildEvent => ({
      type: 'output',
      step: 1,
      text: `line ${i}`,
    }));
    const step = applyBuildEvents(start, output).steps[0];
    expect(step?.lines).toHaveLength(STEP_LINE_LIMIT);
    expect(step?.lines[0]).toBe('line 5');
    expect(step?.droppedLines).toBe(5);
  });
});

describe('the build slice over a transport', () => {
  function setup() {
    let listener: ((m: StreamMessage<unknown>) => void) | undefined;
    let unsubscribed = 0;
    const requests: unknown[] = [];
    const api = buildBerthApi({
      request: (channel, input) => {
        requests.push(input);
        if (channel === 'build:preview') return Promise.resolve(fail('NOT_FOUND', 'There is no folder at /x.'));
        return Promise.resolve(ok([]));
      },
      subscribe: (_channel, _input, l) => {
        listener = l;
        return () => void (unsubscribed += 1);
      },
    });
    const store = createBerthStore(api);
    return { store, requests, send: (m: StreamMessage<unknown>) => listener?.(m), unsubscribed: () => unsubscribed };
  }

  it('shows a refused preview as an error', async () => {
    const { store, requests } = setup();
    store.getState().setBuildForm({ contextPath: '/x' });
    await store.getState().previewBuildContext();
    expect(requests).toEqual([{ contextPath: '/x' }]);
    expect(store.getState().buildPreviewLoad).toBe('error');
    expect(store.getState().buildPreviewError?.message).toBe('There is no folder at /x.');
  });

  it('remembers a built image, marks a failure, and cancels by unsubscribing', () => {
    const { store, send, unsubscribed } = setup();
    store.getState().setBuildForm({ contextPath: '/x' });
    store.getState().startBuild();
    send({
      type: 'data',
      items: [
        {
          type: 'done',
          imageId: 'sha256:1',
          tags: [],
          dockerfile: 'Dockerfile',
          dockerfileText: 'FROM x',
          history: [],
        },
      ],
    });
    expect(store.getState().buildRun.status).toBe('succeeded');
    expect(store.getState().builtImages['sha256:1']?.dockerfileText).toBe('FROM x');

    store.getState().startBuild();
    send({ type: 'error', error: { code: 'ENGINE_ERROR', message: 'Step 2/2 (RUN x) failed: no.' } });
    expect(store.getState().buildRun).toMatchObject({ status: 'failed', error: { code: 'ENGINE_ERROR' } });

    store.getState().startBuild();
    store.getState().cancelBuild();
    expect(unsubscribed()).toBe(1);
    expect(store.getState().buildRun.status).toBe('cancelled');
    // Messages after the cancel change nothing.
    send({ type: 'data', items: [{ type: 'step', step: 1, total: 1, instruction: 'FROM x' }] });
    expect(store.getState().buildRun.steps).toEqual([]);
  });
});
